//! Letter case for the scripts the forms are written in — Latin (ASCII, Latin-1, Latin
//! Extended-A), Greek and Cyrillic — by arithmetic on code point ranges instead of the
//! standard library's full Unicode case tables.
//!
//! Why: `char::to_lowercase` and `str::to_uppercase` link Unicode's complete case-mapping
//! tables (about 20 KB) into the wasm package that every hospital page downloads, and the
//! privacy scanner lower-cases every word of a text, where a range check is also faster.
//! What the forms hold — Norwegian text with æøå, names from all of Europe, codes — lies in
//! the ranges below; any other letter is returned unchanged (so a comparison of two such
//! words is case-sensitive, never wrong in the other direction).
//!
//! Mappings follow Unicode's simple case mappings (UnicodeData.txt fields 12–14) for these
//! ranges; the tests compare every code point of the ranges with the standard library.
//!
//! ```
//! use skjemavakt::letter_case::{lower, upper, lower_char, upper_char};
//! assert_eq!(lower("ØSTBY-ÅS Łódź"), "østby-ås łódź");
//! assert_eq!(upper("c34.1 æøå"), "C34.1 ÆØÅ");
//! assert_eq!((lower_char('Ж'), upper_char('ω')), ('ж', 'Ω'));
//! ```

/// The lower case of `c` (simple mapping; `c` itself outside the supported ranges).
pub fn lower_char(c: char) -> char {
    let cp = c as u32;
    let to = match cp {
        0x41..=0x5A => cp + 0x20,
        0..=0xBF => cp,
        0xC0..=0xDE if cp != 0xD7 => cp + 0x20,
        // İ (U+0130) lower-cases to "i̇" (two code points); its simple mapping is i.
        0x130 => 0x69,
        0x100..=0x137 if cp % 2 == 0 => cp + 1,
        0x139..=0x148 if cp % 2 == 1 => cp + 1,
        0x14A..=0x177 if cp % 2 == 0 => cp + 1,
        0x178 => 0xFF,
        0x179..=0x17E if cp % 2 == 1 => cp + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => cp + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => cp + 0x3F,
        0x391..=0x3AB if cp != 0x3A2 => cp + 0x20,
        0x400..=0x40F => cp + 0x50,
        0x410..=0x42F => cp + 0x20,
        0x1E9E => 0xDF,
        _ => cp,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The upper case of `c` (simple mapping; `c` itself outside the supported ranges, and for
/// ß, whose upper case is two letters).
pub fn upper_char(c: char) -> char {
    let cp = c as u32;
    let to = match cp {
        0x61..=0x7A => cp - 0x20,
        0..=0xB4 => cp,
        0xB5 => 0x39C,
        0xE0..=0xFE if cp != 0xF7 => cp - 0x20,
        0xFF => 0x178,
        0x131 => 0x49,
        0x101..=0x137 if cp % 2 == 1 && cp != 0x131 => cp - 1,
        0x13A..=0x148 if cp % 2 == 0 => cp - 1,
        0x14B..=0x177 if cp % 2 == 1 => cp - 1,
        0x17A..=0x17E if cp % 2 == 0 => cp - 1,
        0x17F => 0x53,
        0x3AC => 0x386,
        0x3AD..=0x3AF => cp - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => cp - 0x3F,
        0x3C2 => 0x3A3,
        0x3B1..=0x3CB => cp - 0x20,
        0x430..=0x44F => cp - 0x20,
        0x450..=0x45F => cp - 0x50,
        _ => cp,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `s` in lower case (see [`lower_char`]).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(lower_char).collect()
}

/// `s` in upper case (see [`upper_char`]).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().map(upper_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranges this module claims, compared code point by code point with the standard
    /// library's full tables (where those give a single character).
    #[test]
    fn agrees_with_std_on_the_supported_ranges() {
        let ranges = [0u32..0x180, 0x386..0x3CF, 0x400..0x460, 0x1E9E..0x1E9F];
        let mut checked = 0;
        for cp in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut l = c.to_lowercase();
            if let (Some(one), None) = (l.next(), l.next()) {
                assert_eq!(lower_char(c), one, "lower U+{cp:04X}");
                checked += 1;
            }
            let mut u = c.to_uppercase();
            if let (Some(one), None) = (u.next(), u.next()) {
                assert_eq!(upper_char(c), one, "upper U+{cp:04X}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn letters_outside_the_ranges_are_unchanged() {
        for c in ['ǅ', 'Ա', 'ア', '中', '𝐀'] {
            assert_eq!(lower_char(c), c);
            assert_eq!(upper_char(c), c);
        }
    }

    #[test]
    fn norwegian_words() {
        assert_eq!(lower("ÆRØYSKJØBING"), "ærøyskjøbing");
        assert_eq!(upper("bjørnstjerne"), "BJØRNSTJERNE");
        assert_eq!(lower("KARI"), "kari");
    }
}
