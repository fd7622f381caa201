//! Percent-escapes in a link decoded before it is scanned (`https://x.no/?navn=Kari%20Nordmann`,
//! `%31%34%30%33…`), with a map back to the original offsets, so a finding in the decoded
//! link points at the escapes it came from.
//!
//! RFC 3986 §2.1: `%` and two hexadecimal digits stand for one byte; bytes that make UTF-8
//! are decoded, others are kept as written. In the query (after `?`, before `#`) a `+` stands
//! for a space (the HTML form encoding). Decoding repeats while it changes something, at most
//! [`ROUNDS`] times (`%2531` is `%31` is `1`). HTML character references are the normaliser's
//! ([`super::normalize`]), which runs on the decoded text.

/// Most rounds of decoding.
pub const ROUNDS: usize = 3;

/// A decoded text: `map[i]` is the byte offset in the original of the byte `i` of `text` came
/// from (one more entry: the original's length).
pub struct Decoded {
    pub text: String,
    map: Vec<usize>,
}

impl Decoded {
    /// The range in the original that decoded bytes `start..end` (on character boundaries)
    /// came from.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let at = |i: usize| self.map.get(i).copied().unwrap_or(0);
        (at(start), at(end))
    }
}

/// Decodes `text` (see the module documentation); `None` when there is nothing to decode.
pub fn decode(text: &str) -> Option<Decoded> {
    let mut current: Option<Decoded> = None;
    for _ in 0..ROUNDS {
        let source = current.as_ref().map_or(text, |d| d.text.as_str());
        let Some(next) = decode_once(source) else {
            break;
        };
        current = Some(match current {
            // The new map points into the last round's text: compose it with that one's.
            Some(prev) => Decoded {
                map: next
                    .map
                    .iter()
                    .map(|&i| prev.map.get(i).copied().unwrap_or(text.len()))
                    .collect(),
                text: next.text,
            },
            None => next,
        });
    }
    current
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The byte an escape at `i` stands for.
fn escape_at(b: &[u8], i: usize) -> Option<u8> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'%'), Some(&h), Some(&l)) => Some(hex(h)? << 4 | hex(l)?),
        _ => None,
    }
}

fn decode_once(text: &str) -> Option<Decoded> {
    let b = text.as_bytes();
    let query_start = text.find('?');
    let fragment = text.find('#').unwrap_or(text.len());
    let in_query = |i: usize| query_start.is_some_and(|q| i > q && i < fragment);
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut map: Vec<usize> = Vec::with_capacity(b.len() + 1);
    let mut changed = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if escape_at(b, i).is_some() {
            // A run of escapes: its bytes, and where each came from.
            let mut bytes = Vec::new();
            let mut from = Vec::new();
            while let Some(v) = escape_at(b, i) {
                bytes.push(v);
                from.push(i);
                i += 3;
            }
            // Valid UTF-8 is decoded; a byte that makes none is kept as its escape.
            let mut pos = 0;
            for chunk in bytes.utf8_chunks() {
                for k in 0..chunk.valid().len() {
                    out.extend(chunk.valid().as_bytes().get(k));
                    map.extend(from.get(pos + k));
                }
                changed |= !chunk.valid().is_empty();
                pos += chunk.valid().len();
                for _ in chunk.invalid() {
                    let at = from.get(pos).copied().unwrap_or(i);
                    for k in 0..3 {
                        out.extend(b.get(at + k));
                        map.push(at + k);
                    }
                    pos += 1;
                }
            }
            continue;
        }
        if c == b'+' && in_query(i) {
            out.push(b' ');
            changed = true;
        } else {
            out.push(c);
        }
        map.push(i);
        i += 1;
    }
    map.push(b.len());
    if !changed {
        return None;
    }
    // Only whole escapes of valid UTF-8 and single ASCII bytes were replaced: the result is
    // UTF-8.
    let text = String::from_utf8(out).ok()?;
    Some(Decoded { text, map })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str) -> String {
        decode(s).map_or_else(|| s.to_string(), |d| d.text)
    }

    #[test]
    fn escapes_and_plus_in_the_query() {
        assert_eq!(
            decoded("https://x.no/?navn=Kari%20Nordmann"),
            "https://x.no/?navn=Kari Nordmann"
        );
        assert_eq!(
            decoded("https://x.no/?q=Kari+Nordmann#a+b"),
            "https://x.no/?q=Kari Nordmann#a+b"
        );
        assert_eq!(decoded("https://x.no/a+b"), "https://x.no/a+b");
        assert_eq!(decoded("%31%34%30%33%37%34%31%30%30%32%31"), "14037410021");
        // Twice encoded; UTF-8 of «Ø»; a byte that makes no UTF-8 stays an escape.
        assert_eq!(decoded("%2531%2534"), "14");
        assert_eq!(decoded("%C3%98vreb%C3%B8"), "Øvrebø");
        assert_eq!(decoded("a%FF%31b"), "a%FF1b");
        assert_eq!(decoded("100%"), "100%");
        assert_eq!(decoded("%4"), "%4");
        assert!(decode("https://doi.org/10.1056/NEJMoa2302299").is_none());
    }

    #[test]
    fn ranges_map_back_to_the_escapes() {
        let s = "https://x.no/?navn=Kari%20Nordmann&fnr=%31%34";
        let d = decode(s).unwrap();
        let start = d.text.find("Kari").unwrap();
        let end = start + "Kari Nordmann".len();
        let (a, b) = d.original_range(start, end);
        assert_eq!(&s[a..b], "Kari%20Nordmann");
        let start = d.text.find("14").unwrap();
        let (a, b) = d.original_range(start, start + 2);
        assert_eq!(&s[a..b], "%31%34");
        let d = decode("%2531x").unwrap();
        assert_eq!(d.text, "1x");
        assert_eq!(d.original_range(0, 1), (0, 5));
    }
}
