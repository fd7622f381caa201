//! [`Span`]: where inside a text field a finding is, in bytes (Rust) and UTF-16 units (JS),
//! and [`SpanCursor`] for many spans over one text in linear time.

use serde::Serialize;

/// A location inside a text field: byte offsets (for Rust) and UTF-16 offsets (for JS).
/// `end` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub utf16_start: usize,
    pub utf16_end: usize,
}

impl Span {
    /// Builds a span from a byte range of `text`. Offsets that are out of range or not on a
    /// character boundary are moved outward to the nearest boundary inside the text.
    pub fn from_bytes(text: &str, start: usize, end: usize) -> Span {
        let mut start = start.min(text.len());
        while start > 0 && !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.clamp(start, text.len());
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        let utf16_start = utf16_len(text.get(..start).unwrap_or(""));
        let utf16_end = utf16_start + utf16_len(text.get(start..end).unwrap_or(""));
        Span {
            start,
            end,
            utf16_start,
            utf16_end,
        }
    }
}

/// Builds many spans over one text in linear total time: offsets are counted on from the
/// previous span instead of from the start of the text. Spans must come in non-decreasing
/// order of `start` for that; an earlier `start` restarts the count (correct, just slower).
pub struct SpanCursor<'a> {
    text: &'a str,
    byte: usize,
    units: usize,
}

impl<'a> SpanCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> SpanCursor<'a> {
        SpanCursor {
            text,
            byte: 0,
            units: 0,
        }
    }

    /// The span of a byte range, as [`Span::from_bytes`] would give it.
    pub fn span(&mut self, start: usize, end: usize) -> Span {
        let mut start = start.min(self.text.len());
        while start > 0 && !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.clamp(start, self.text.len());
        while end < self.text.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        if start < self.byte {
            self.byte = 0;
            self.units = 0;
        }
        self.units += utf16_len(self.text.get(self.byte..start).unwrap_or(""));
        self.byte = start;
        let utf16_end = self.units + utf16_len(self.text.get(start..end).unwrap_or(""));
        Span {
            start,
            end,
            utf16_start: self.units,
            utf16_end,
        }
    }
}

/// UTF-16 code units of `s`, counted on bytes: one per byte that starts a character, and a
/// second for each four-byte character (a surrogate pair) — eight bytes at a time.
/// Decoding every character was a tenth of the time of scanning long text.
fn utf16_len(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let chunks = s.as_bytes().chunks_exact(8);
    let tail = chunks.remainder();
    let mut units = 0;
    for c in chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        // Continuation bytes are 10xxxxxx; four-byte leads are 11110xxx.
        let continuation = w & HIGH & !(w << 1);
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    for &b in tail {
        units += usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_has_utf16_offsets() {
        let t = "Født på Ål 😀 x";
        let start = t.find('x').unwrap_or(0);
        let s = Span::from_bytes(t, start, start + 1);
        // "Født på Ål " = 11 UTF-16 units, emoji = 2, space = 1.
        assert_eq!(s.utf16_start, 14);
        assert_eq!(s.utf16_end, 15);
        // Offsets inside a character are moved to a boundary, out of range are clamped.
        let s2 = Span::from_bytes(t, 2, 1000);
        assert!(t.is_char_boundary(s2.start) && s2.end == t.len());
    }

    #[test]
    fn utf16_length_counted_on_bytes_agrees_with_decoding() {
        // One character of every UTF-8 length, and the edges of each length's range.
        let chars = [
            'a', '\u{7F}', '\u{80}', 'ø', '\u{7FF}', '\u{800}', '€', '\u{FFFF}',
        ];
        let more = ['\u{10000}', '😀', '\u{10FFFF}'];
        let t: String = chars.iter().chain(&more).cycle().take(200).collect();
        for (a, _) in t.char_indices() {
            let s = &t[a..];
            assert_eq!(utf16_len(s), s.encode_utf16().count());
        }
    }

    #[test]
    fn span_cursor_agrees_with_from_bytes() {
        let t = "æ😀 a ø 😀😀 b";
        let ranges = [(0, 2), (2, 6), (7, 8), (9, 11), (12, 20), (3, 5), (22, 23)];
        let mut c = SpanCursor::new(t);
        for (s, e) in ranges {
            assert_eq!(c.span(s, e), Span::from_bytes(t, s, e), "{s}..{e}");
        }
    }
}
