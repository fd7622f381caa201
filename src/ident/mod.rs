//! Norwegian identifiers, one small module each (issue 3), modelled on python-stdnum's
//! `stdnum/no/*` modules.
//!
//! Every module offers the same four functions:
//!
//! * `compact(&str) -> String` — strips the separators people type (spaces, NBSP, dots,
//!   dashes …) without validating;
//! * `validate(&str) -> Result<T, Error>` — a parsed, typed value or a precise error;
//! * `is_valid(&str) -> bool`;
//! * `format(&T) -> String` — the conventional presentation.
//!
//! Errors carry *kinds, positions and lengths only* — never a value from the input — and
//! every type that holds a personal identifier prints itself masked in `Debug` and
//! `Display`.
//!
//! | module | identifier | source of the rule |
//! |---|---|---|
//! | [`fnr`] | fødselsnummer, D-, H-, FH-number, Tenor/Dolly synthetic, 2032 rule | Skatteetaten |
//! | [`phone`] | Norwegian telephone number | Nkom number plan |
//! | [`email`] | e-mail address | RFC 5321 / 5322 / 1035 |
//! | [`account`] | bank account number (kontonummer) | mod 11 |
//! | [`iban`] | Norwegian IBAN | ISO 13616, ISO 7064 mod 97-10 |
//! | [`orgnr`] | organisation number | Brønnøysundregistrene mod 11 |
//! | [`npr`] | NPR-ID (opaque) | Helse Bergen 1.2.2.5-16, footnote 2 |
//! | [`postcode`] | postnummer | Posten Norge (4 digits) |
//! | [`nye_metoder_id`] | `ID2023_013` | Nye metoder |
//! | [`atc`] | ATC code | WHO Collaborating Centre |
//! | [`icd10`] | ICD-10 code | WHO ICD-10 |
//!
//! ```
//! use skjemavakt::ident::{compact_digits, SEPARATORS};
//! assert_eq!(compact_digits("26.11.15\u{a0}938-16", SEPARATORS), "26111593816");
//! ```

pub mod account;
pub mod atc;
pub mod email;
pub mod fnr;
pub mod iban;
pub mod icd10;
pub mod npr;
pub mod nye_metoder_id;
pub mod orgnr;
pub mod phone;
pub mod postcode;

/// Separators (besides white space) that people put inside numbers: full stop, hyphen-minus,
/// the Unicode hyphens (U+2010, U+2011), figure dash (U+2012), en dash (U+2013) and minus
/// sign (U+2212).
pub const SEPARATORS: &[char] = &[
    '.', '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}',
];

/// Removes all white space (every Unicode `White_Space` character, so also NBSP U+00A0,
/// narrow NBSP U+202F and figure space U+2007) and every character in `extra_separators`.
/// Other characters are kept, so that `validate` can report them.
///
/// ```
/// use skjemavakt::ident::compact_digits;
/// assert_eq!(compact_digits(" 988 077\u{202f}917 ", &[]), "988077917");
/// assert_eq!(compact_digits("8601.11.17947", &['.']), "86011117947");
/// assert_eq!(compact_digits("12a4", &[]), "12a4");
/// ```
pub fn compact_digits(s: &str, extra_separators: &[char]) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !extra_separators.contains(c))
        .collect()
}

/// Why a string is not exactly `N` ASCII digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitsError {
    /// The character at this position (counted in characters, from 0) is not an ASCII digit.
    Format { position: usize },
    /// All digits, but this many of them.
    Length { found: usize },
}

/// Parses exactly `N` ASCII digits into their values. Non-digits are reported first (by
/// position), then a wrong length.
pub(crate) fn parse_digits<const N: usize>(s: &str) -> Result<[u8; N], DigitsError> {
    let mut out = [0u8; N];
    let mut count = 0usize;
    for (position, c) in s.chars().enumerate() {
        let v = c.to_digit(10).filter(|_| c.is_ascii_digit());
        let Some(v) = v else {
            return Err(DigitsError::Format { position });
        };
        if let Some(slot) = out.get_mut(position) {
            // `v` is 0..=9.
            *slot = v as u8;
        }
        count = position + 1;
    }
    if count != N {
        return Err(DigitsError::Length { found: count });
    }
    Ok(out)
}

/// Weighted sum of `digits` with `weights` (zipped; extra items on either side ignored).
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum()
}

/// The classic Norwegian modulus-11 check digit: `11 - (sum mod 11)`, where 11 gives 0 and
/// 10 gives `None` (no valid check digit exists).
pub(crate) fn mod11_check_digit(digits: &[u8], weights: &[u32]) -> Option<u8> {
    match 11 - weighted_sum(digits, weights) % 11 {
        11 => Some(0),
        10 => None,
        k => u8::try_from(k).ok(),
    }
}

/// Renders digit values as a string.
pub(crate) fn digits_to_string(d: &[u8]) -> String {
    d.iter().map(|&v| char::from(b'0' + (v % 10))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_digits_reports_position_then_length() {
        assert_eq!(parse_digits::<3>("123"), Ok([1, 2, 3]));
        assert_eq!(
            parse_digits::<3>("1x3"),
            Err(DigitsError::Format { position: 1 })
        );
        assert_eq!(
            parse_digits::<3>("1234"),
            Err(DigitsError::Length { found: 4 })
        );
        assert_eq!(
            parse_digits::<3>("12"),
            Err(DigitsError::Length { found: 2 })
        );
        // Non-ASCII digits (Arabic-Indic three) are not digits here.
        assert_eq!(
            parse_digits::<3>("12\u{663}"),
            Err(DigitsError::Format { position: 2 })
        );
    }

    #[test]
    fn mod11_maps_11_to_0_and_10_to_none() {
        // 9-digit orgnr weights; 988077917 from python-stdnum's stdnum/no/orgnr.py doctest.
        let w = [3, 2, 7, 6, 5, 4, 3, 2];
        assert_eq!(mod11_check_digit(&[9, 8, 8, 0, 7, 7, 9, 1], &w), Some(7));
        // sum = 0 → 11 → 0
        assert_eq!(mod11_check_digit(&[0; 8], &w), Some(0));
        // sum ≡ 1 (mod 11) → 10 → none: 1 at weight... 3*4 = 12 ≡ 1
        assert_eq!(mod11_check_digit(&[4, 0, 0, 0, 0, 0, 0, 0], &w), None);
    }
}
