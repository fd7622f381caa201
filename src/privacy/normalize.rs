//! Text normalisation for the privacy gate, with a map back to the original offsets.
//!
//! Source: the privacy-gate issue (issue 5, see `BRIEF.md` "Direct identifiers"): *"Text is
//! normalised before matching (NFKC-style digit folding incl. full-width digits, NBSP and
//! zero-width characters removed) with offsets mapped back to the original."* Detectors run
//! on [`Normalized::text`]; every hit is reported in the original text through
//! [`Normalized::original_range`], so a redaction covers the hidden characters too.
//!
//! What is folded (and only this — letters keep their case and their diacritics):
//!
//! | input | output |
//! | --- | --- |
//! | every Unicode decimal digit (general category Nd: Arabic-Indic, Devanagari, full-width, mathematical U+1D7CE…, …) | ASCII `0`–`9` |
//! | every other digit form (Numeric_Type=Digit: superscript ¹²³⁴, subscript ₄, circled ④ ⓪, parenthesised ⑷, with a full stop ⒋, dingbat ❹ ➃ ➍, 🄄) | ASCII `0`–`9` |
//! | enclosed numbers 10–50 (⑩ ⑽ ⒑ ⓫ ❿ ㉑ ㊱ …) | their two ASCII digits |
//! | control characters (C0 but tab and line breaks, DEL, C1 but NEL) | removed |
//! | fillers that show nothing (Hangul fillers, Braille blank, combining grapheme joiner, Mongolian variation selectors, …) | removed |
//! | combining marks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F) that do not follow a letter: a strike-through or keycap (digit + U+FE0F + U+20E3) on a digit | removed (on a letter they stay) |
//! | full-width ASCII U+FF01–FF5E | ASCII |
//! | space-like characters (tab, NBSP, en/em/thin/hair/figure/narrow no-break/ideographic space …) | `' '` |
//! | line breaks (`\r\n`, `\r`, NEL, U+2028/2029, vertical tab, form feed) | `'\n'` |
//! | dash-like characters (U+2010–2015, U+2212, small and full-width hyphen) | `'-'` |
//! | zero-width space/joiner/non-joiner, word joiner, invisible operators, BOM, soft hyphen, bidi marks, embeddings, overrides and isolates, variation selectors | removed |
//! | HTML character references (`&nbsp;` `&amp;` `&#8203;` `&#x200B;` `&shy;` and common named ones) | decoded once, then folded as above |
//!
//! **Why not the `unicode-normalization` crate (real NFKC)?** Its composition and
//! compatibility tables add on the order of 100 KB to the wasm package shipped to hospital
//! pages, NFKC would also rewrite characters we want to keep (ligatures, letters with
//! diacritics that names depend on), and it has no offset map. The gate needs only the
//! folds above: a table of 76 code points (the zero of each Nd block), 31 ranges of other
//! digit forms, and a few ranges of invisible characters is enough. Letters that look like
//! other letters (Cyrillic, Greek, mathematical, small capitals) are left here and folded
//! where the patient's name is looked for (`names`' letter view).
//!
//! Runs in linear time (an HTML reference is looked at for at most 32 bytes), never panics,
//! and plain ASCII text without `&` or control characters takes a copy-only fast path.
//!
//! ```
//! use skjemavakt::privacy::normalize::normalize;
//!
//! // Full-width digits, a zero-width space, an NBSP entity and a soft hyphen.
//! let original = "tlf ４１2\u{200B}3&nbsp;45\u{AD}67";
//! let n = normalize(original);
//! assert_eq!(n.text, "tlf 4123 4567");
//! // The digits start at byte 4 in both; "4567" ends at the very end of the original.
//! let start = n.text.find('4').unwrap();
//! assert_eq!(n.original_range(start, n.text.len()), (4, original.len()));
//! ```

mod chars;

pub(crate) use chars::is_combining_mark;
pub use chars::{decimal_digit_value, other_digit_value};
use chars::{decode_ref, fold_char, Fold};
#[cfg(test)]
use chars::{value_in, DIGIT_ZEROS, ENCLOSED_NUMBERS, OTHER_DIGITS};

/// One stretch of the offset map: normalised bytes `[norm, next.norm)` came from original
/// bytes `[orig, next.orig)`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Seg {
    norm: usize,
    orig: usize,
    /// `true`: byte-for-byte copy (offsets inside map one to one). `false`: one folded
    /// character (or a removed run, when the normalised length is zero) — an offset inside
    /// maps to the whole source run.
    identity: bool,
}

/// Normalised text plus the map back to the original.
///
/// `Debug` shows lengths only, never the text (it may hold identifiers).
#[derive(Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text. Detectors match against this.
    pub text: String,
    /// Length of the original in bytes.
    original_len: usize,
    /// The offset map, sorted by `norm` (ties: zero-length removed runs first), ending in a
    /// sentinel at `(text.len(), original_len)`. Empty when the text is an exact copy.
    segs: Vec<Seg>,
}

impl std::fmt::Debug for Normalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalized")
            .field("text_len", &self.text.len())
            .field("original_len", &self.original_len)
            .field("segments", &self.segs.len())
            .finish()
    }
}

/// `true` when every byte passes through unchanged (ASCII, no `&`, no tab/CR/VT/FF).
fn is_plain(s: &str) -> bool {
    plain_run(s.as_bytes()) == s.len()
}

/// The second byte of a character U+00A1–U+00BF that normalising keeps: all but the soft
/// hyphen and the superscript digits ¹ ² ³ (folded to digits).
fn latin1_sign_kept(n: u8) -> bool {
    (0xA1..0xC0).contains(&n) && !matches!(n, 0xAD | 0xB2 | 0xB3 | 0xB9)
}

/// The length of the run at the start of `bytes` that normalising leaves as it is: ASCII
/// but '&', DEL and the control characters (a line break is kept), the letters
/// U+00C0–U+00FF (æ, ø, å …: lead byte 0xC3; none of them is folded, and Norwegian text is
/// full of them), and the signs U+00A1–U+00BF but the soft hyphen and ¹ ² ³ (µ, °: clinical
/// text is full of them too).
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `w` is zero (the classic bit trick). A borrow can flag bytes above a zero
    // byte too, never below: the lowest flag is exact.
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let mut i = 0;
    loop {
        // Eight bytes at a time up to the first special ASCII byte or non-ASCII byte: one
        // branch per eight bytes, not one per byte, between the letters æ, ø, å too.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            // Control characters (below 0x20: tab, CR, VT, FF are folded, the others
            // removed; a line break is kept and taken one byte at a time below), DEL, '&'.
            let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
            let stop =
                zero(w ^ (ONES * u64::from(b'&'))) | control | zero(w ^ (ONES * 0x7F)) | (w & HIGH);
            if stop == 0 {
                i += 8;
                continue;
            }
            i += stop.trailing_zeros() as usize / 8;
        }
        match bytes.get(i) {
            Some(&c) if c < 0x80 => {
                if c == b'&' || c == 0x7F || (c < 0x20 && c != b'\n') {
                    return i;
                }
                i += 1;
            }
            Some(0xC3) if bytes.get(i + 1).is_some_and(|&n| (0x80..0xC0).contains(&n)) => i += 2,
            // U+00A1–U+00BF but the soft hyphen and the superscript digits ¹ ² ³: signs of
            // units and values (µ, °, ±, ½).
            Some(0xC2) if bytes.get(i + 1).is_some_and(|&n| latin1_sign_kept(n)) => i += 2,
            _ => return i,
        }
    }
}
/// Builds the output and the map.
struct Builder {
    text: String,
    segs: Vec<Seg>,
}

impl Builder {
    /// Appends a verbatim copy of original bytes starting at `orig`.
    fn copy(&mut self, orig: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let open = matches!(self.segs.last(), Some(last) if last.identity
            && self.text.len().checked_sub(last.norm) == orig.checked_sub(last.orig));
        if !open {
            self.segs.push(Seg {
                norm: self.text.len(),
                orig,
                identity: true,
            });
        }
        self.text.push_str(s);
    }

    /// Appends `out` (or nothing) standing for the original run starting at `orig`.
    fn fold(&mut self, orig: usize, out: Option<char>) {
        self.segs.push(Seg {
            norm: self.text.len(),
            orig,
            identity: false,
        });
        if let Some(c) = out {
            self.text.push(c);
        }
    }

    /// Appends what `fold` says one character (at `orig`, `len` bytes) becomes. A combining
    /// mark is dropped unless it follows a letter: on a digit, a space or a sign it only
    /// disguises (a strike-through or keycap on a digit, a mark between two digit groups);
    /// on a letter it is part of the letter (NFD «å»).
    fn push_folded(&mut self, orig: usize, c: char, len: usize, fold: Fold, source: &str) {
        match fold {
            Fold::Keep if is_combining_mark(c) && !self.after_letter() => self.fold(orig, None),
            Fold::Keep => {
                if let Some(s) = source.get(orig..orig + len) {
                    self.copy(orig, s);
                }
            }
            Fold::To(x) => self.fold(orig, Some(x)),
            Fold::Number(n) => {
                self.fold(orig, Some(char::from(b'0' + n / 10)));
                self.text.push(char::from(b'0' + n % 10));
            }
            Fold::Remove => self.fold(orig, None),
        }
    }

    /// The text so far ends in a letter (or in a combining mark on one).
    fn after_letter(&self) -> bool {
        self.text
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphabetic() || is_combining_mark(p))
    }
}

/// Normalises `original` (see the module documentation for what is folded).
pub fn normalize(original: &str) -> Normalized {
    if is_plain(original) {
        return Normalized {
            text: original.to_owned(),
            original_len: original.len(),
            segs: Vec::new(),
        };
    }
    let bytes = original.as_bytes();
    let mut b = Builder {
        text: String::with_capacity(original.len()),
        segs: Vec::new(),
    };
    let mut i = 0;
    while i < original.len() {
        // Copy a run of bytes that need no change in one go.
        let run = plain_run(bytes.get(i..).unwrap_or_default());
        if run > 0 {
            if let Some(s) = original.get(i..i + run) {
                b.copy(i, s);
            }
            i += run;
            continue;
        }
        let Some(c) = original.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        if c == '&' {
            if let Some((decoded, used)) = decode_ref(bytes.get(i..).unwrap_or_default()) {
                match fold_char(decoded) {
                    Fold::Keep if is_combining_mark(decoded) && !b.after_letter() => {
                        b.fold(i, None)
                    }
                    Fold::Keep => b.fold(i, Some(decoded)),
                    Fold::To(x) => b.fold(i, Some(x)),
                    Fold::Number(n) => {
                        b.fold(i, Some(char::from(b'0' + n / 10)));
                        b.text.push(char::from(b'0' + n % 10));
                    }
                    Fold::Remove => b.fold(i, None),
                }
                i += used;
                continue;
            }
            b.copy(i, "&");
            i += 1;
            continue;
        }
        if c == '\r' {
            // "\r\n" is one line break.
            let used = if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            b.fold(i, Some('\n'));
            i += used;
            continue;
        }
        let len = c.len_utf8();
        b.push_folded(i, c, len, fold_char(c), original);
        i += len;
    }
    b.segs.push(Seg {
        norm: b.text.len(),
        orig: original.len(),
        identity: false,
    });
    Normalized {
        text: b.text,
        original_len: original.len(),
        segs: b.segs,
    }
}

impl Normalized {
    /// `true` when the normalised text is a byte-for-byte copy of the original.
    pub fn is_identity(&self) -> bool {
        self.segs.is_empty()
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Maps a byte offset in the normalised text to a byte offset in the original, as the
    /// *start* of a range: characters removed just before it are skipped. An offset that is
    /// not on a char boundary of the normalised text is first moved back to one; offsets past
    /// the end map to the end of the original.
    pub fn to_original(&self, norm_byte_offset: usize) -> usize {
        let mut n = norm_byte_offset.min(self.text.len());
        while n > 0 && !self.text.is_char_boundary(n) {
            n -= 1;
        }
        if self.segs.is_empty() {
            return n;
        }
        // Last segment starting at or before n: after any removed runs at n.
        let idx = self.segs.partition_point(|s| s.norm <= n);
        let Some(seg) = idx.checked_sub(1).and_then(|k| self.segs.get(k)) else {
            return 0;
        };
        if seg.identity {
            return seg.orig + (n - seg.norm);
        }
        // At or inside one folded character (an enclosed number's second digit): the
        // range starts with its whole source.
        seg.orig
    }

    /// Maps a byte offset in the normalised text to a byte offset in the original, as the
    /// (exclusive) *end* of a range: characters removed just after it are left out, an offset
    /// inside a folded character maps to the end of its source run.
    fn to_original_end(&self, norm_byte_offset: usize) -> usize {
        let mut n = norm_byte_offset.min(self.text.len());
        while n < self.text.len() && !self.text.is_char_boundary(n) {
            n += 1;
        }
        if self.segs.is_empty() {
            return n;
        }
        // First segment starting at or after n.
        let idx = self.segs.partition_point(|s| s.norm < n);
        if let Some(seg) = self.segs.get(idx) {
            if seg.norm == n {
                return seg.orig;
            }
        }
        let Some(prev) = idx.checked_sub(1).and_then(|k| self.segs.get(k)) else {
            return 0;
        };
        if prev.identity {
            return prev.orig + (n - prev.norm);
        }
        self.segs
            .get(idx)
            .map_or(self.original_len, |next| next.orig)
    }

    /// Maps the normalised byte range `[norm_start, norm_end)` to the original byte range
    /// that produced it (end-exclusive, on char boundaries of the original). A character that
    /// came from several original characters (`&nbsp;`, `\r\n`) maps to the whole source
    /// run; removed characters *inside* the range are covered, those at its edges are not.
    ///
    /// ```
    /// use skjemavakt::privacy::normalize::normalize;
    /// let n = normalize("a&nbsp;b");
    /// assert_eq!(n.text, "a b");
    /// assert_eq!(n.original_range(1, 2), (1, 7)); // the space is the whole "&nbsp;"
    /// ```
    pub fn original_range(&self, norm_start: usize, norm_end: usize) -> (usize, usize) {
        let start = self.to_original(norm_start);
        let end = self.to_original_end(norm_end.max(norm_start)).max(start);
        (start, end)
    }
}

/// Lower-cases `s` for case-insensitive matching (Unicode lower case, which keeps æøå).
///
/// ```
/// use skjemavakt::privacy::normalize::lower;
/// assert_eq!(lower("ØSTBY-ÅS"), "østby-ås");
/// ```
pub fn lower(s: &str) -> String {
    crate::letter_case::lower(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_block_folds_to_ascii() {
        for &z in DIGIT_ZEROS.iter() {
            for d in 0..10u32 {
                let c = char::from_u32(z + d).unwrap();
                assert_eq!(decimal_digit_value(c), Some(d as u8), "U+{:X}", z + d);
            }
        }
        // Not digits: the code point before each block that is not itself in a block.
        assert_eq!(decimal_digit_value('/'), None);
        assert_eq!(decimal_digit_value('\u{65F}'), None);
        assert_eq!(decimal_digit_value('\u{1D7CD}'), None);
        assert_eq!(decimal_digit_value('\u{1D800}'), None);
        // Superscripts and circled digits are No, not Nd: digits of another table.
        assert_eq!(decimal_digit_value('²'), None);
        assert_eq!(decimal_digit_value('①'), None);
        assert_eq!(other_digit_value('²'), Some(2));
        assert_eq!(other_digit_value('①'), Some(1));
    }

    #[test]
    fn other_digit_tables_are_sorted_and_disjoint() {
        for table in [&OTHER_DIGITS[..], &ENCLOSED_NUMBERS[..]] {
            for w in table.windows(2) {
                assert!(
                    w[0].0 <= w[0].1 && w[0].1 < w[1].0,
                    "{:X} {:X}",
                    w[0].0,
                    w[1].0
                );
            }
        }
        // No code point is in both, nor a decimal digit.
        for &(a, b, _) in OTHER_DIGITS.iter().chain(&ENCLOSED_NUMBERS) {
            for cp in a..=b {
                let c = char::from_u32(cp).unwrap();
                assert_eq!(decimal_digit_value(c), None, "U+{cp:X}");
                assert!(
                    other_digit_value(c).is_none() || value_in(&ENCLOSED_NUMBERS, cp).is_none()
                );
            }
        }
    }

    /// Every digit form a disguise can use becomes the ASCII digits, and the map keeps every
    /// digit's own place in the original.
    #[test]
    fn superscript_circled_keycap_and_enclosed_digits_fold() {
        for (original, want) in [
            ("¹⁴⁰³⁷⁴¹⁰⁰²¹", "14037410021"),
            ("₁₄₀₃₇₄₁₀₀₂₁", "14037410021"),
            ("①④⓪③⑦④①⓪⓪②①", "14037410021"),
            ("⑴⑷⑶", "143"),
            ("⒈⒋", "14"),
            ("❶➍➌", "143"),
            ("⑭⓪③", "1403"),
            ("㉑㊿", "2150"),
            ("1\u{FE0F}\u{20E3}4\u{FE0F}\u{20E3}", "14"),
            ("1\u{336}4\u{336}0\u{336}", "140"),
            ("140374\u{301} 10021", "140374 10021"),
            ("14\u{0}03\u{1B}74\u{7F}\u{85}10021\u{9B}", "140374\n10021"),
            ("1\u{3164}4\u{2800}0\u{34F}3\u{FFA0}", "1403"),
            ("a&#x336;1&#x20E3;", "a\u{336}1"),
        ] {
            let n = normalize(original);
            assert_eq!(n.text, want, "{original:?}");
            // Each digit maps back to the one original character it came from (an
            // enclosed number's two digits to the same character).
            for (i, c) in n.text.char_indices() {
                let (s, e) = n.original_range(i, i + c.len_utf8());
                let src = &original[s..e];
                assert!(
                    !src.is_empty() && (src.chars().count() <= 3 || src.starts_with('&')),
                    "{original:?} {i}"
                );
            }
        }
        // A mark on a letter stays (NFD «å»); on a digit or a space it goes.
        assert_eq!(normalize("Ka\u{30A}re").text, "Ka\u{30A}re");
        assert_eq!(normalize("2 \u{30A}3").text, "2 3");
    }

    #[test]
    fn blocks_are_sorted_and_disjoint() {
        for w in DIGIT_ZEROS.windows(2) {
            assert!(w[0] + 10 <= w[1], "{:X} {:X}", w[0], w[1]);
        }
    }

    #[test]
    fn norwegian_letters_are_left_as_they_are_in_one_run() {
        let t = "Bør få ÆØÅ-test på Ås; «x» × 2";
        // All of it: ASCII, U+00A1–U+00BF («) and U+00C0–U+00FF (æøå, ×).
        assert_eq!(plain_run(t.as_bytes()), t.len());
        // Up to '\u{2013}' (en dash, folded to '-').
        let dash = "Bør få \u{2013} på";
        assert_eq!(
            plain_run(dash.as_bytes()),
            dash.find('\u{2013}').unwrap_or(0)
        );
        assert!(is_plain("Bør få ÆØÅ på Ås"));
        assert!(!is_plain("Bør\u{A0}få") && !is_plain("a&amp;b") && !is_plain("a\tb"));
        let n = normalize("Kari Nordmann bor på Ås.");
        assert!(n.is_identity() && n.text == "Kari Nordmann bor på Ås.");
        // A lead byte 0xC3 is only taken with its continuation byte.
        assert_eq!(plain_run(&[b'a', 0xC3]), 1);
        // Every special byte at every place of an eight-byte chunk ends the run there.
        for special in ["&", "\t", "\r", "\u{0B}", "\u{0C}", "\u{A0}"] {
            for at in 0..20 {
                let t = format!("{}{special}bbbbbbbbbb", "a".repeat(at));
                assert_eq!(plain_run(t.as_bytes()), at, "{special:?} at {at}");
            }
        }
        assert_eq!(plain_run(b"abcdefghijklmnopq"), 17);
    }

    #[test]
    fn decode_ref_edge_cases() {
        assert_eq!(decode_ref(b"&#8203;x"), Some(('\u{200B}', 7)));
        assert_eq!(decode_ref(b"&#x200b;"), Some(('\u{200B}', 8)));
        assert_eq!(decode_ref(b"&#8203 "), Some(('\u{200B}', 6)));
        assert_eq!(decode_ref(b"&#xD800;"), None);
        assert_eq!(decode_ref(b"&#0;"), None);
        assert_eq!(decode_ref(b"&#99999999999999999999;"), None);
        assert_eq!(decode_ref(b"&#;"), None);
        assert_eq!(decode_ref(b"&unknown;"), None);
        assert_eq!(decode_ref(b"&nbspx"), Some(('\u{A0}', 5)));
        assert_eq!(decode_ref(b"& "), None);
        assert_eq!(decode_ref(b"&"), None);
    }

    /// [`plain_run`] eight bytes at a time stops where a walk byte by byte stops, on texts
    /// that mix ASCII, æøå, signs, a soft hyphen, specials and other characters.
    #[test]
    fn plain_run_agrees_with_a_walk() {
        fn walk(b: &[u8]) -> usize {
            let mut i = 0;
            loop {
                match b.get(i) {
                    Some(&c) if c < 0x80 && c != b'&' && c != 0x7F && (c >= 0x20 || c == b'\n') => {
                        i += 1
                    }
                    Some(0xC3) if b.get(i + 1).is_some_and(|&n| (0x80..0xC0).contains(&n)) => {
                        i += 2
                    }
                    Some(0xC2)
                        if b.get(i + 1).is_some_and(|&n| {
                            (0xA1..0xC0).contains(&n) && ![0xAD, 0xB2, 0xB3, 0xB9].contains(&n)
                        }) =>
                    {
                        i += 2
                    }
                    _ => return i,
                }
            }
        }
        // Mostly characters that the run takes, now and then one that ends it.
        let kept = [
            "a",
            "Hb 12 ",
            "æ",
            "Ø",
            "å",
            "µ",
            "°",
            "abcdefgh",
            "Ærø på",
            "\n",
        ];
        let stops = [
            "\u{AD}", "&", "\t", "\r\n", "\u{A0}", "–", "\u{200B}", "１", "x\u{0B}", "²", "\u{1}",
            "\u{7F}", "\u{9F}",
        ];
        let mut rnd = crate::privacy::testing::rng(0x0DDB_A11C_AFE5_EED5);
        let mut longest = 0;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..rnd(40) {
                t.push_str(if rnd(4) == 0 {
                    stops[rnd(stops.len())]
                } else {
                    kept[rnd(kept.len())]
                });
            }
            let n = walk(t.as_bytes());
            assert_eq!(plain_run(t.as_bytes()), n, "{t:?}");
            longest = longest.max(n);
        }
        assert!(longest >= 24, "{longest}");
    }

    /// The copy-only run takes exactly the characters below U+0800 that normalising keeps
    /// (so taking them in one go changes nothing), and both ways agree on the text.
    #[test]
    fn plain_runs_hold_only_kept_characters() {
        let mut taken = 0;
        for cp in 0..0x800u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = c.to_string();
            let plain = plain_run(s.as_bytes()) == s.len();
            if plain {
                assert!(matches!(fold_char(c), Fold::Keep) && c != '&', "U+{cp:04X}");
                assert_eq!(normalize(&format!("a{c}b")).text, format!("a{c}b"));
                taken += 1;
            }
        }
        // ASCII but '&', DEL and 31 control characters (not the line break), U+00A1–U+00BF
        // but four (the soft hyphen, ¹ ² ³), U+00C0–U+00FF.
        assert_eq!(taken, 128 - 33 + 27 + 64);
        assert!(plain_run("5 µg/kg, 37 °C".as_bytes()) == "5 µg/kg, 37 °C".len());
        assert_eq!(plain_run("a\u{AD}b".as_bytes()), 1);
        assert_eq!(plain_run("a\u{A0}b".as_bytes()), 1);
    }
}
