//! Letters read as the Latin letters they look like, for finding part 1's name however it is
//! written (`privacy::names`' letter view): lower case, diacritics off (æ → ae, ß → ss),
//! Cyrillic and Greek letters that look like Latin ones, mathematical letters (𝐊, 𝑲, 𝕂 …),
//! small capitals (ᴋ), modifier and subscript letters (ᵏ, ₖ), and letters in circles, squares
//! and brackets (Ⓚ, 🅚, 🄺, ⒦, 🇰). Digits that stand for letters («K4ri N0rdm4nn») are
//! read by [`digit_as_letter`].
//!
//! Sources: the Unicode Standard's code charts (Mathematical Alphanumeric Symbols
//! U+1D400–1D6A3, 52 letters a style, A–Z then a–z, and the Letterlike Symbols that fill its
//! holes; Enclosed Alphanumerics U+2460–24FF; Enclosed Alphanumeric Supplement
//! U+1F100–1F1FF; Phonetic Extensions U+1D00–1D7F), and Unicode's confusables list
//! (`confusables.txt`, UTS #39) for the Cyrillic and Greek letters that look Latin.

/// Where a style of mathematical letters has a hole, the letter is in Letterlike Symbols:
/// these, with what they are read as.
const LETTERLIKE: &[(char, u8)] = &[
    ('ℂ', b'c'),
    ('ℊ', b'g'),
    ('ℋ', b'h'),
    ('ℌ', b'h'),
    ('ℍ', b'h'),
    ('ℎ', b'h'),
    ('ℐ', b'i'),
    ('ℑ', b'i'),
    ('ℒ', b'l'),
    ('ℓ', b'l'),
    ('ℕ', b'n'),
    ('ℙ', b'p'),
    ('ℚ', b'q'),
    ('ℛ', b'r'),
    ('ℜ', b'r'),
    ('ℝ', b'r'),
    ('ℤ', b'z'),
    ('\u{212A}', b'k'), // Kelvin sign
    ('\u{212B}', b'a'), // Ångström sign
    ('ℬ', b'b'),
    ('ℭ', b'c'),
    ('ℯ', b'e'),
    ('ℰ', b'e'),
    ('ℱ', b'f'),
    ('ℳ', b'm'),
    ('ℴ', b'o'),
    ('ℨ', b'z'),
];

/// Enclosed letters: (first code point, last), each range A–Z or a–z.
const ENCLOSED: [(u32, u32); 9] = [
    (0x249C, 0x24B5),   // ⒜ parenthesised
    (0x24B6, 0x24CF),   // Ⓐ circled capital
    (0x24D0, 0x24E9),   // ⓐ circled small
    (0x1F110, 0x1F129), // 🄐 parenthesised capital
    (0x1F130, 0x1F149), // 🄰 squared
    (0x1F150, 0x1F169), // 🅐 negative circled
    (0x1F170, 0x1F189), // 🅰 negative squared
    (0x1F1E6, 0x1F1FF), // 🇦 regional indicators
    (0xFF21, 0xFF3A),   // Ａ full-width (folded before; here for a text not normalised)
];

/// A letter-like symbol that is not a letter to Unicode (general category So): the
/// squared, circled and regional-indicator letters of the Enclosed Alphanumeric Supplement.
/// The tokenizer reads them as letters, so that a name written in them is one word.
pub(crate) fn is_symbol_letter(c: char) -> bool {
    matches!(c as u32, 0x1F110..=0x1F129 | 0x1F130..=0x1F149 | 0x1F150..=0x1F169 | 0x1F170..=0x1F189 | 0x1F1E6..=0x1F1FF)
}

/// Letters read as one or two Latin letters: Latin letters with diacritics and ligatures,
/// Cyrillic and Greek letters that look Latin (UTS #39 confusables), small capitals,
/// modifier (superscript) and subscript letters. Sorted by code point (a binary search:
/// data in the package rather than a jump table of code; every one is in the Basic
/// Multilingual Plane).
const LETTERS: &[(u16, [u8; 2])] = &[
    (0xC0, [b'a', 0]),      // À
    (0xC1, [b'a', 0]),      // Á
    (0xC2, [b'a', 0]),      // Â
    (0xC3, [b'a', 0]),      // Ã
    (0xC4, [b'a', b'e']),   // Ä
    (0xC5, [b'a', 0]),      // Å
    (0xC6, [b'a', b'e']),   // Æ
    (0xC7, [b'c', 0]),      // Ç
    (0xC8, [b'e', 0]),      // È
    (0xC9, [b'e', 0]),      // É
    (0xCA, [b'e', 0]),      // Ê
    (0xCB, [b'e', 0]),      // Ë
    (0xD0, [b'd', 0]),      // Ð
    (0xD1, [b'n', 0]),      // Ñ
    (0xD2, [b'o', 0]),      // Ò
    (0xD3, [b'o', 0]),      // Ó
    (0xD4, [b'o', 0]),      // Ô
    (0xD5, [b'o', 0]),      // Õ
    (0xD6, [b'o', 0]),      // Ö
    (0xD8, [b'o', 0]),      // Ø
    (0xDD, [b'y', 0]),      // Ý
    (0xDE, [b't', b'h']),   // Þ
    (0xDF, [b's', b's']),   // ß
    (0xE0, [b'a', 0]),      // à
    (0xE1, [b'a', 0]),      // á
    (0xE2, [b'a', 0]),      // â
    (0xE3, [b'a', 0]),      // ã
    (0xE4, [b'a', b'e']),   // ä
    (0xE5, [b'a', 0]),      // å
    (0xE6, [b'a', b'e']),   // æ
    (0xE7, [b'c', 0]),      // ç
    (0xE8, [b'e', 0]),      // è
    (0xE9, [b'e', 0]),      // é
    (0xEA, [b'e', 0]),      // ê
    (0xEB, [b'e', 0]),      // ë
    (0xF0, [b'd', 0]),      // ð
    (0xF1, [b'n', 0]),      // ñ
    (0xF2, [b'o', 0]),      // ò
    (0xF3, [b'o', 0]),      // ó
    (0xF4, [b'o', 0]),      // ô
    (0xF5, [b'o', 0]),      // õ
    (0xF6, [b'o', 0]),      // ö
    (0xF8, [b'o', 0]),      // ø
    (0xFD, [b'y', 0]),      // ý
    (0xFE, [b't', b'h']),   // þ
    (0xFF, [b'y', 0]),      // ÿ
    (0x100, [b'a', 0]),     // Ā
    (0x101, [b'a', 0]),     // ā
    (0x102, [b'a', 0]),     // Ă
    (0x103, [b'a', 0]),     // ă
    (0x104, [b'a', 0]),     // Ą
    (0x105, [b'a', 0]),     // ą
    (0x106, [b'c', 0]),     // Ć
    (0x107, [b'c', 0]),     // ć
    (0x10C, [b'c', 0]),     // Č
    (0x10D, [b'c', 0]),     // č
    (0x10E, [b'd', 0]),     // Ď
    (0x10F, [b'd', 0]),     // ď
    (0x110, [b'd', 0]),     // Đ
    (0x111, [b'd', 0]),     // đ
    (0x112, [b'e', 0]),     // Ē
    (0x113, [b'e', 0]),     // ē
    (0x116, [b'e', 0]),     // Ė
    (0x117, [b'e', 0]),     // ė
    (0x118, [b'e', 0]),     // Ę
    (0x119, [b'e', 0]),     // ę
    (0x11A, [b'e', 0]),     // Ě
    (0x11B, [b'e', 0]),     // ě
    (0x11E, [b'g', 0]),     // Ğ
    (0x11F, [b'g', 0]),     // ğ
    (0x139, [b'l', 0]),     // Ĺ
    (0x13A, [b'l', 0]),     // ĺ
    (0x13D, [b'l', 0]),     // Ľ
    (0x13E, [b'l', 0]),     // ľ
    (0x141, [b'l', 0]),     // Ł
    (0x142, [b'l', 0]),     // ł
    (0x143, [b'n', 0]),     // Ń
    (0x144, [b'n', 0]),     // ń
    (0x147, [b'n', 0]),     // Ň
    (0x148, [b'n', 0]),     // ň
    (0x14C, [b'o', 0]),     // Ō
    (0x14D, [b'o', 0]),     // ō
    (0x150, [b'o', 0]),     // Ő
    (0x151, [b'o', 0]),     // ő
    (0x152, [b'o', b'e']),  // Œ
    (0x153, [b'o', b'e']),  // œ
    (0x158, [b'r', 0]),     // Ř
    (0x159, [b'r', 0]),     // ř
    (0x15A, [b's', 0]),     // Ś
    (0x15B, [b's', 0]),     // ś
    (0x15E, [b's', 0]),     // Ş
    (0x15F, [b's', 0]),     // ş
    (0x160, [b's', 0]),     // Š
    (0x161, [b's', 0]),     // š
    (0x162, [b't', 0]),     // Ţ
    (0x163, [b't', 0]),     // ţ
    (0x164, [b't', 0]),     // Ť
    (0x165, [b't', 0]),     // ť
    (0x178, [b'y', 0]),     // Ÿ
    (0x179, [b'z', 0]),     // Ź
    (0x17A, [b'z', 0]),     // ź
    (0x17B, [b'z', 0]),     // Ż
    (0x17C, [b'z', 0]),     // ż
    (0x17D, [b'z', 0]),     // Ž
    (0x17E, [b'z', 0]),     // ž
    (0x262, [b'g', 0]),     // ɢ
    (0x26A, [b'i', 0]),     // ɪ
    (0x274, [b'n', 0]),     // ɴ
    (0x280, [b'r', 0]),     // ʀ
    (0x28F, [b'y', 0]),     // ʏ
    (0x299, [b'b', 0]),     // ʙ
    (0x29C, [b'h', 0]),     // ʜ
    (0x29F, [b'l', 0]),     // ʟ
    (0x2B0, [b'h', 0]),     // ʰ
    (0x2B2, [b'j', 0]),     // ʲ
    (0x2B3, [b'r', 0]),     // ʳ
    (0x2B7, [b'w', 0]),     // ʷ
    (0x2B8, [b'y', 0]),     // ʸ
    (0x2E1, [b'l', 0]),     // ˡ
    (0x2E2, [b's', 0]),     // ˢ
    (0x2E3, [b'x', 0]),     // ˣ
    (0x391, [b'a', 0]),     // Α
    (0x392, [b'b', 0]),     // Β
    (0x395, [b'e', 0]),     // Ε
    (0x396, [b'z', 0]),     // Ζ
    (0x397, [b'h', 0]),     // Η
    (0x399, [b'i', 0]),     // Ι
    (0x39A, [b'k', 0]),     // Κ
    (0x39C, [b'm', 0]),     // Μ
    (0x39D, [b'n', 0]),     // Ν
    (0x39F, [b'o', 0]),     // Ο
    (0x3A1, [b'p', 0]),     // Ρ
    (0x3A4, [b't', 0]),     // Τ
    (0x3A5, [b'y', 0]),     // Υ
    (0x3A7, [b'x', 0]),     // Χ
    (0x3AC, [b'a', 0]),     // ά
    (0x3AD, [b'e', 0]),     // έ
    (0x3AF, [b'i', 0]),     // ί
    (0x3B1, [b'a', 0]),     // α
    (0x3B2, [b'b', 0]),     // β
    (0x3B5, [b'e', 0]),     // ε
    (0x3B9, [b'i', 0]),     // ι
    (0x3BA, [b'k', 0]),     // κ
    (0x3BD, [b'v', 0]),     // ν
    (0x3BF, [b'o', 0]),     // ο
    (0x3C1, [b'p', 0]),     // ρ
    (0x3C4, [b't', 0]),     // τ
    (0x3C5, [b'y', 0]),     // υ
    (0x3C7, [b'x', 0]),     // χ
    (0x3CA, [b'i', 0]),     // ϊ
    (0x3CC, [b'o', 0]),     // ό
    (0x3CD, [b'y', 0]),     // ύ
    (0x3F2, [b'c', 0]),     // ϲ
    (0x3F3, [b'j', 0]),     // ϳ
    (0x3F9, [b'c', 0]),     // Ϲ
    (0x400, [b'e', 0]),     // Ѐ
    (0x401, [b'e', 0]),     // Ё
    (0x405, [b's', 0]),     // Ѕ
    (0x406, [b'i', 0]),     // І
    (0x407, [b'i', 0]),     // Ї
    (0x408, [b'j', 0]),     // Ј
    (0x410, [b'a', 0]),     // А
    (0x412, [b'b', 0]),     // В
    (0x415, [b'e', 0]),     // Е
    (0x41A, [b'k', 0]),     // К
    (0x41C, [b'm', 0]),     // М
    (0x41D, [b'h', 0]),     // Н
    (0x41E, [b'o', 0]),     // О
    (0x420, [b'p', 0]),     // Р
    (0x421, [b'c', 0]),     // С
    (0x422, [b't', 0]),     // Т
    (0x423, [b'y', 0]),     // У
    (0x425, [b'x', 0]),     // Х
    (0x42C, [b'b', 0]),     // Ь
    (0x430, [b'a', 0]),     // а
    (0x432, [b'b', 0]),     // в
    (0x435, [b'e', 0]),     // е
    (0x43A, [b'k', 0]),     // к
    (0x43C, [b'm', 0]),     // м
    (0x43D, [b'h', 0]),     // н
    (0x43E, [b'o', 0]),     // о
    (0x440, [b'p', 0]),     // р
    (0x441, [b'c', 0]),     // с
    (0x442, [b't', 0]),     // т
    (0x443, [b'y', 0]),     // у
    (0x445, [b'x', 0]),     // х
    (0x44C, [b'b', 0]),     // ь
    (0x450, [b'e', 0]),     // ѐ
    (0x451, [b'e', 0]),     // ё
    (0x455, [b's', 0]),     // ѕ
    (0x456, [b'i', 0]),     // і
    (0x457, [b'i', 0]),     // ї
    (0x458, [b'j', 0]),     // ј
    (0x4AE, [b'y', 0]),     // Ү
    (0x4AF, [b'y', 0]),     // ү
    (0x4BA, [b'h', 0]),     // Һ
    (0x4BB, [b'h', 0]),     // һ
    (0x4C0, [b'l', 0]),     // Ӏ
    (0x4CF, [b'l', 0]),     // ӏ
    (0x501, [b'd', 0]),     // ԁ
    (0x51A, [b'q', 0]),     // Ԛ
    (0x51B, [b'q', 0]),     // ԛ
    (0x51C, [b'w', 0]),     // Ԝ
    (0x51D, [b'w', 0]),     // ԝ
    (0x1D00, [b'a', 0]),    // ᴀ
    (0x1D04, [b'c', 0]),    // ᴄ
    (0x1D05, [b'd', 0]),    // ᴅ
    (0x1D07, [b'e', 0]),    // ᴇ
    (0x1D0A, [b'j', 0]),    // ᴊ
    (0x1D0B, [b'k', 0]),    // ᴋ
    (0x1D0D, [b'm', 0]),    // ᴍ
    (0x1D0F, [b'o', 0]),    // ᴏ
    (0x1D18, [b'p', 0]),    // ᴘ
    (0x1D1B, [b't', 0]),    // ᴛ
    (0x1D1C, [b'u', 0]),    // ᴜ
    (0x1D20, [b'v', 0]),    // ᴠ
    (0x1D21, [b'w', 0]),    // ᴡ
    (0x1D22, [b'z', 0]),    // ᴢ
    (0x1D43, [b'a', 0]),    // ᵃ
    (0x1D47, [b'b', 0]),    // ᵇ
    (0x1D48, [b'd', 0]),    // ᵈ
    (0x1D49, [b'e', 0]),    // ᵉ
    (0x1D4D, [b'g', 0]),    // ᵍ
    (0x1D4F, [b'k', 0]),    // ᵏ
    (0x1D50, [b'm', 0]),    // ᵐ
    (0x1D52, [b'o', 0]),    // ᵒ
    (0x1D56, [b'p', 0]),    // ᵖ
    (0x1D57, [b't', 0]),    // ᵗ
    (0x1D58, [b'u', 0]),    // ᵘ
    (0x1D5B, [b'v', 0]),    // ᵛ
    (0x1D62, [b'i', 0]),    // ᵢ
    (0x1D63, [b'r', 0]),    // ᵣ
    (0x1D64, [b'u', 0]),    // ᵤ
    (0x1D65, [b'v', 0]),    // ᵥ
    (0x1D9C, [b'c', 0]),    // ᶜ
    (0x1DA0, [b'f', 0]),    // ᶠ
    (0x1DBB, [b'z', 0]),    // ᶻ
    (0x1E9E, [b's', b's']), // ẞ
    (0x2071, [b'i', 0]),    // ⁱ
    (0x207F, [b'n', 0]),    // ⁿ
    (0x2090, [b'a', 0]),    // ₐ
    (0x2091, [b'e', 0]),    // ₑ
    (0x2092, [b'o', 0]),    // ₒ
    (0x2093, [b'x', 0]),    // ₓ
    (0x2095, [b'h', 0]),    // ₕ
    (0x2096, [b'k', 0]),    // ₖ
    (0x2097, [b'l', 0]),    // ₗ
    (0x2098, [b'm', 0]),    // ₘ
    (0x2099, [b'n', 0]),    // ₙ
    (0x209A, [b'p', 0]),    // ₚ
    (0x209B, [b's', 0]),    // ₛ
    (0x209C, [b't', 0]),    // ₜ
    (0x2C7C, [b'j', 0]),    // ⱼ
    (0xA730, [b'f', 0]),    // ꜰ
    (0xA731, [b's', 0]),    // ꜱ
    (0xA7AF, [b'q', 0]),    // ꞯ
];

/// The one or two lower-case ASCII letters `c` is read as, or `None` when it is no letter
/// that looks Latin (the second byte is 0 for one letter).
///
/// ```ignore
/// assert_eq!(fold_letter('Ø'), Some([b'o', 0]));
/// assert_eq!(fold_letter('æ'), Some([b'a', b'e']));
/// assert_eq!(fold_letter('К'), Some([b'k', 0])); // Cyrillic
/// assert_eq!(fold_letter('𝐊'), Some([b'k', 0])); // mathematical bold
/// ```
pub(crate) fn fold_letter(c: char) -> Option<[u8; 2]> {
    let one = |b: u8| Some([b, 0]);
    if c.is_ascii_alphabetic() {
        return one(c.to_ascii_lowercase() as u8);
    }
    let cp = c as u32;
    if (0x1D400..=0x1D6A3).contains(&cp) {
        // 52 letters a style: A–Z, a–z.
        let k = ((cp - 0x1D400) % 52) as u8;
        return one(b'a' + k % 26);
    }
    for &(first, last) in ENCLOSED.iter() {
        if (first..=last).contains(&cp) {
            return one(b'a' + (cp - first) as u8);
        }
    }
    if let Some(&(_, b)) = LETTERLIKE.iter().find(|(l, _)| *l == c) {
        return one(b);
    }
    let cp = u16::try_from(u32::from(c)).ok()?;
    LETTERS
        .binary_search_by_key(&cp, |&(l, _)| l)
        .ok()
        .and_then(|i| LETTERS.get(i))
        .map(|&(_, v)| v)
}

/// The letters a digit written among letters stands for («K4ri N0rdm4nn»): 4 → a, 0 → o,
/// 1 → i or l, 3 → e, 5 → s, 7 → t, 8 → b. `0` where none.
pub(crate) fn digit_as_letter(d: u8) -> [u8; 2] {
    match d {
        b'4' => [b'a', 0],
        b'0' => [b'o', 0],
        b'1' => [b'i', b'l'],
        b'3' => [b'e', 0],
        b'5' => [b's', 0],
        b'7' => [b't', 0],
        b'8' => [b'b', 0],
        _ => [0, 0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_fold_to_what_they_look_like() {
        for (text, want) in [
            ("Kari", "kari"),
            ("Кari", "kari"),
            ("Κaρi", "kapi"),
            ("𝐊𝐚𝐫𝐢", "kari"),
            ("𝑲𝒂𝒓𝒊", "kari"),
            ("𝕂𝕒𝕣𝕚", "kari"),
            ("ᴋᴀʀɪ", "kari"),
            ("ⓀⒶⓇⒾ", "kari"),
            ("🅺🅰🆁🅸", "kari"),
            ("🄺🄰🅁🄸", "kari"),
            ("⒦⒜⒭⒤", "kari"),
            ("🇰🇦🇷🇮", "kari"),
            ("Øvrebø", "ovrebo"),
            ("Ærø", "aero"),
            ("Strauß", "strauss"),
            ("ℋ", "h"),
        ] {
            let got: String = text
                .chars()
                .filter_map(fold_letter)
                .flatten()
                .filter(|&b| b != 0)
                .map(char::from)
                .collect();
            assert_eq!(got, want, "{text}");
        }
        assert_eq!(fold_letter('1'), None);
        assert!(
            LETTERS.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted for the search"
        );
        assert_eq!(fold_letter('ж'), None);
        assert!(is_symbol_letter('🅺') && !is_symbol_letter('K'));
        assert_eq!(digit_as_letter(b'1'), [b'i', b'l']);
        assert_eq!(digit_as_letter(b'2'), [0, 0]);
    }
}
