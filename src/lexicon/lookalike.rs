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
    let b = match c {
        // Latin letters with diacritics and ligatures.
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Å' | 'Ā' | 'Ă'
        | 'Ą' => b'a',
        'æ' | 'Æ' | 'ä' | 'Ä' => return Some([b'a', b'e']),
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => b'c',
        'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' | 'Ð' => b'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => b'e',
        'ğ' | 'Ğ' => b'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            b'i'
        }
        'ł' | 'ľ' | 'ĺ' | 'Ł' | 'Ľ' | 'Ĺ' => b'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => b'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => b'o',
        'œ' | 'Œ' => return Some([b'o', b'e']),
        'ř' | 'Ř' => b'r',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => b's',
        'ß' | 'ẞ' => return Some([b's', b's']),
        'ť' | 'ţ' | 'Ť' | 'Ţ' => b't',
        'þ' | 'Þ' => return Some([b't', b'h']),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            b'u'
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => b'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => b'z',
        // Cyrillic letters that look Latin (UTS #39 confusables).
        'А' | 'а' => b'a',
        'В' | 'в' | 'Ь' | 'ь' => b'b',
        'С' | 'с' => b'c',
        'ԁ' => b'd',
        'Е' | 'е' | 'Ё' | 'ё' | 'Ѐ' | 'ѐ' => b'e',
        'Һ' | 'һ' | 'Н' | 'н' => b'h',
        'І' | 'і' | 'Ї' | 'ї' => b'i',
        'Ј' | 'ј' => b'j',
        'К' | 'к' => b'k',
        'Ӏ' | 'ӏ' => b'l',
        'М' | 'м' => b'm',
        'О' | 'о' => b'o',
        'Р' | 'р' => b'p',
        'Ԛ' | 'ԛ' => b'q',
        'Ѕ' | 'ѕ' => b's',
        'Т' | 'т' => b't',
        'У' | 'у' | 'Ү' | 'ү' => b'y',
        'Ԝ' | 'ԝ' => b'w',
        'Х' | 'х' => b'x',
        // Greek letters that look Latin.
        'Α' | 'α' | 'ά' => b'a',
        'Β' | 'β' => b'b',
        'ϲ' | 'Ϲ' => b'c',
        'Ε' | 'ε' | 'έ' => b'e',
        'Η' => b'h',
        'Ι' | 'ι' | 'ί' | 'ϊ' => b'i',
        'ϳ' => b'j',
        'Κ' | 'κ' => b'k',
        'Μ' => b'm',
        'Ν' => b'n',
        'ν' => b'v',
        'Ο' | 'ο' | 'ό' => b'o',
        'Ρ' | 'ρ' => b'p',
        'Τ' | 'τ' => b't',
        'Υ' | 'υ' | 'ύ' => b'y',
        'Χ' | 'χ' => b'x',
        'Ζ' => b'z',
        // Small capitals, modifier (superscript) and subscript letters.
        'ᴀ' | 'ᵃ' | 'ₐ' => b'a',
        'ʙ' | 'ᵇ' => b'b',
        'ᴄ' | 'ᶜ' => b'c',
        'ᴅ' | 'ᵈ' => b'd',
        'ᴇ' | 'ᵉ' | 'ₑ' => b'e',
        'ꜰ' | 'ᶠ' => b'f',
        'ɢ' | 'ᵍ' => b'g',
        'ʜ' | 'ʰ' | 'ₕ' => b'h',
        'ɪ' | 'ⁱ' | 'ᵢ' => b'i',
        'ᴊ' | 'ʲ' | 'ⱼ' => b'j',
        'ᴋ' | 'ᵏ' | 'ₖ' => b'k',
        'ʟ' | 'ˡ' | 'ₗ' => b'l',
        'ᴍ' | 'ᵐ' | 'ₘ' => b'm',
        'ɴ' | 'ⁿ' | 'ₙ' => b'n',
        'ᴏ' | 'ᵒ' | 'ₒ' => b'o',
        'ᴘ' | 'ᵖ' | 'ₚ' => b'p',
        'ꞯ' => b'q',
        'ʀ' | 'ʳ' | 'ᵣ' => b'r',
        'ꜱ' | 'ˢ' | 'ₛ' => b's',
        'ᴛ' | 'ᵗ' | 'ₜ' => b't',
        'ᴜ' | 'ᵘ' | 'ᵤ' => b'u',
        'ᴠ' | 'ᵛ' | 'ᵥ' => b'v',
        'ᴡ' | 'ʷ' => b'w',
        'ˣ' | 'ₓ' => b'x',
        'ʏ' | 'ʸ' => b'y',
        'ᴢ' | 'ᶻ' => b'z',
        _ => return None,
    };
    one(b)
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
        assert_eq!(fold_letter('ж'), None);
        assert!(is_symbol_letter('🅺') && !is_symbol_letter('K'));
        assert_eq!(digit_as_letter(b'1'), [b'i', b'l']);
        assert_eq!(digit_as_letter(b'2'), [0, 0]);
    }
}
