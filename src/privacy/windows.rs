//! Long texts are scanned in overlapping windows.
//!
//! A scan keeps every token of its text, with its flags, in memory while the detectors run
//! (16 bytes a token, about five per word): 1 MB of prose takes 5 MB of tokens, 16 MB of
//! prose 85 MB, which no cache holds and which had to be fresh memory on every scan (the
//! page faults alone were 15 % of the time at 8 MB). A long text is therefore cut into
//! stretches of about [`CHUNK`] bytes; each stretch is scanned as a window that reaches
//! [`MARGIN`] × 2 into its neighbours, so that every finding it keeps was found with at
//! least [`MARGIN`] bytes of context on both sides. Memory for tokens stays that of one
//! window per thread, whatever the length of the text (in the browser, whose memory never
//! shrinks, too), and natively the windows are scanned side by side ([`map`]).
//!
//! Where two windows meet, both keep the findings that reach into the seam
//! ([`Window::keeps`]: `MARGIN` either side of the cut), and the findings of all windows are
//! resolved together: the same finding twice is one, two that overlap become one that
//! covers both. So where the two windows see a seam differently, what is redacted there is
//! what either of them found. That this equals a scan of the whole text is tested, not
//! proven: the tests compare the two on long texts with a seam every few kilobytes, and
//! find them equal.
//!
//! Cuts are made at the start of a line where one is near, else after a space: where a
//! token starts and none before it reaches (see the tokenizer, `privacy::tokens`), and always
//! on a character boundary.

use super::detect::{resolve_overlaps, Hit};

/// The length a window's own stretch aims at (bytes). Measured on one thread: 512 KB and
/// 1 MB windows scan prose at the same speed, 4 MB ones 15 % slower (their tokens no longer
/// stay in the cache) and 128 KB ones 8 % slower.
pub(crate) const CHUNK: usize = 512 << 10;

/// Texts at least this long (bytes) are cut in at least two windows, which natively run
/// side by side. At this length a scan takes about a millisecond, well above the
/// microseconds handing work to another thread costs; form fields typed on every keystroke
/// are far shorter.
pub(crate) const SPLIT_FROM: usize = 64 << 10;

/// The context (bytes) every kept finding had on either side within its window. The
/// detectors look a few words around a candidate (a cue word before a date, a postcode
/// after a street); the longest thing they take in is an e-mail address (at most 320 bytes,
/// RFC 5321) or a run of capitalised name words.
pub(crate) const MARGIN: usize = 2 << 10;

/// How far from where it would like to cut [`windows`] looks for a line start, and then for
/// any space before a letter or digit.
const LINE_SEARCH: usize = 16 << 10;
const SPACE_SEARCH: usize = 64 << 10;

/// One window of a text: the byte range scanned, and the range its findings must reach
/// into to be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    pub(crate) start: usize,
    pub(crate) end: usize,
    keep_from: usize,
    keep_to: usize,
}

impl Window {
    /// Whether a finding at `[start, end)` (offsets in the whole text) is kept from this
    /// window: it lies in or reaches into the window's stretch with its seams.
    pub(crate) fn keeps(&self, start: usize, end: usize) -> bool {
        start < self.keep_to && (end > self.keep_from || start >= self.keep_from)
    }
}

/// A token starts at byte `i` and none before it reaches it: a letter or digit after a
/// space or a line break. Both are ASCII, so `i` is a character boundary.
fn is_cut(bytes: &[u8], i: usize) -> bool {
    i > 0
        && matches!(bytes.get(i - 1), Some(b' ' | b'\n'))
        && bytes.get(i).is_some_and(u8::is_ascii_alphanumeric)
}

/// The first cut in `[from, to)`: a line start within [`LINE_SEARCH`] if there is one, else
/// any cut within [`SPACE_SEARCH`].
fn cut_after(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let line_to = to.min(from.saturating_add(LINE_SEARCH));
    let line = (from..line_to).find(|&i| is_cut(bytes, i) && bytes.get(i - 1) == Some(&b'\n'));
    line.or_else(|| (from..to.min(from.saturating_add(SPACE_SEARCH))).find(|&i| is_cut(bytes, i)))
}

/// The last cut in `(floor, from]`, within [`SPACE_SEARCH`] of `from`; else `floor`.
fn cut_before(bytes: &[u8], from: usize, floor: usize) -> usize {
    let low = floor.max(from.saturating_sub(SPACE_SEARCH));
    (low + 1..=from)
        .rev()
        .find(|&i| is_cut(bytes, i))
        .unwrap_or(floor)
}

/// The windows a text is scanned in: one for a text shorter than [`SPLIT_FROM`] (or than
/// two chunks, when `chunk` is small, as in tests), else about one per `chunk` bytes (at
/// least two). Cuts are at least `4 × MARGIN` apart; a text with no
/// place to cut (no space in 64 KB) is one window there.
pub(crate) fn windows(bytes: &[u8], chunk: usize) -> Vec<Window> {
    let len = bytes.len();
    let n = if len < SPLIT_FROM.min(chunk.saturating_mul(2)) {
        1
    } else {
        len.div_ceil(chunk.max(1)).max(2)
    };
    let mut cuts = vec![0];
    for k in 1..n {
        let last = cuts.last().copied().unwrap_or(0);
        let ideal = (k * (len / n)).max(last + 4 * MARGIN);
        if let Some(c) = cut_after(bytes, ideal, len.saturating_sub(4 * MARGIN)) {
            cuts.push(c);
        }
    }
    cuts.push(len);
    let at = |j: usize| cuts.get(j).copied().unwrap_or(len);
    let mut out = Vec::with_capacity(cuts.len());
    for k in 0..cuts.len() - 1 {
        let (cut, next) = (at(k), at(k + 1));
        let last = k + 2 >= cuts.len();
        out.push(Window {
            start: if k == 0 {
                0
            } else {
                cut_before(bytes, cut - 2 * MARGIN, at(k - 1))
            },
            end: if last {
                len
            } else {
                cut_after(bytes, next + 2 * MARGIN, at(k + 2)).unwrap_or(at(k + 2))
            },
            keep_from: if k == 0 { 0 } else { cut - MARGIN },
            keep_to: if last { len } else { next + MARGIN },
        });
    }
    out
}

/// The hits of `scan` in every window of `text` (natively side by side, [`map`]), put
/// together: where windows meet, both keep what reaches into the seam; the same finding
/// twice is one, overlapping ones become one that covers both. A text shorter than two
/// windows is scanned whole.
pub(super) fn scan_in_windows(
    text: &str,
    chunk: usize,
    scan: impl Fn(&str) -> Vec<Hit> + Sync + Send,
) -> Vec<Hit> {
    let windows = windows(text.as_bytes(), chunk);
    if windows.len() < 2 {
        return scan(text);
    }
    let per_window = map(&windows, |w| {
        scan(text.get(w.start..w.end).unwrap_or_default())
    });
    // Where windows meet, both keep what reaches into the seam: the same finding twice is
    // one, overlapping ones become one that covers both.
    let mut all = Vec::new();
    for (w, hits) in windows.iter().zip(per_window) {
        for mut h in hits {
            h.start += w.start;
            h.end += w.start;
            if w.keeps(h.start, h.end) {
                all.push(h);
            }
        }
    }
    resolve_overlaps(all)
}

/// Windows of a long scan side by side, natively with the `parallel` feature.
///
/// Each window's scan reads only its own stretch of the text and computes the same
/// whichever thread runs it, so the findings do not depend on threads. With `parallel`
/// (part of `cli`, on by default) this uses rayon's pool (the CLI's too, which scans many
/// documents at once: inside its pool the windows are just more work for the same threads).
/// The wasm package is single-threaded, and a native build without `parallel` has no
/// threads of its own: there the windows run one after the other.
///
/// `f` of every item, in order.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(all(feature = "parallel", not(target_arch = "wasm32")))]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(all(feature = "parallel", not(target_arch = "wasm32"))))]
    items.iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_one_window() {
        let text = "Kari bor i Storgata 12.\n".repeat(100);
        assert_eq!(
            windows(text.as_bytes(), CHUNK),
            [Window {
                start: 0,
                end: text.len(),
                keep_from: 0,
                keep_to: text.len()
            }]
        );
    }

    #[test]
    fn windows_cover_the_text_with_margins_at_cuts() {
        let line = "Pasienten bor i Storgata 12, 5003 Bergen, tlf 912 34 567.\n";
        for (text, chunk) in [
            (line.repeat(20_000), CHUNK),
            (line.repeat(2_000), 8 << 10),
            // No line breaks: cuts after spaces.
            (line.replace('\n', " ").repeat(3_000), 16 << 10),
        ] {
            let bytes = text.as_bytes();
            let w = windows(bytes, chunk);
            assert!(w.len() >= text.len() / chunk / 2, "{} windows", w.len());
            assert_eq!(w.first().map(|w| (w.start, w.keep_from)), Some((0, 0)));
            assert_eq!(
                w.last().map(|w| (w.end, w.keep_to)),
                Some((text.len(), text.len()))
            );
            for pair in w.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                // The cut: where b's stretch starts (MARGIN into its keep range).
                let cut = b.keep_from + MARGIN;
                assert_eq!(a.keep_to, cut + MARGIN);
                assert!(is_cut(bytes, cut) && is_cut(bytes, b.start) && is_cut(bytes, a.end));
                assert!(a.end >= cut + 2 * MARGIN && b.start <= cut - 2 * MARGIN);
                if !text.contains('\n') {
                    continue;
                }
                assert_eq!(bytes[cut - 1], b'\n');
            }
        }
    }

    #[test]
    fn a_text_without_spaces_is_not_cut() {
        let text = "x".repeat(300 << 10);
        assert_eq!(windows(text.as_bytes(), CHUNK).len(), 1);
        // Nor where the only spaces are too near the end to leave room for a margin.
        let text = format!("{} a", "x".repeat(300 << 10));
        assert_eq!(windows(text.as_bytes(), CHUNK).len(), 1);
    }

    #[test]
    fn a_window_keeps_what_reaches_into_its_stretch() {
        let w = Window {
            start: 0,
            end: 100,
            keep_from: 40,
            keep_to: 80,
        };
        assert!(w.keeps(40, 41) && w.keeps(79, 90) && w.keeps(30, 41));
        assert!(!w.keeps(30, 40) && !w.keeps(80, 90));
        // An empty finding at the start of the stretch.
        assert!(w.keeps(40, 40));
    }
}
