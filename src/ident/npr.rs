//! NPR-ID: the hospital's Norsk pasientregister reference put on every application.
//!
//! Helse Bergen's procedure 1.2.2.5-16, footnote 2: «NPR-ID regnes ikke som direkte
//! personidentifiserbar informasjon i denne sammenhengen, og skal påføres alle søknader».
//! No public specification gives its format, so it is treated as an **opaque** identifier:
//! 1–36 ASCII letters, digits and hyphens (a UUID fits). Because it is sent out of the
//! hospital, what could carry another identifier is refused — looked for after the letters
//! typed for digits are read as digits (`O`/`o` → 0, `l`/`I` → 1) and separators of any kind
//! dropped: a value that *is* a national identity number, *contains* one in any 11 digits of
//! a run, or is 11 digits that look like a mistyped one (valid birth-date prefix in any
//! encoding); and a value that is a bank account number or an IBAN.
//!
//! ```
//! use skjemavakt::ident::npr::{self, NprError};
//! assert!(npr::is_valid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
//! assert!(npr::is_valid("NPR-123456"));
//! // python-stdnum's valid fødselsnummer, in the NPR-ID field:
//! assert_eq!(npr::validate("261115-93816"), Err(NprError::IsNationalId));
//! assert_eq!(npr::validate("X26111593816"), Err(NprError::ContainsNationalId));
//! assert_eq!(npr::validate("26111593817"), Err(NprError::LooksLikeNationalId));
//! // Separators and look-alike letters do not hide one (this project's example number).
//! assert_eq!(npr::validate("HBE-140374-10021"), Err(NprError::ContainsNationalId));
//! assert_eq!(npr::validate("14O3741OO21"), Err(NprError::IsNationalId));
//! // python-stdnum stdnum/no/kontonr.py doctest: an account number.
//! assert_eq!(npr::validate("8601-11-17947"), Err(NprError::AccountNumber));
//! ```

use std::fmt;

use super::fnr;

/// Maximum length in characters (the length of a hyphenated UUID).
pub const MAX_LEN: usize = 36;

/// Why a string is not an acceptable NPR-ID. Carries no part of the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NprError {
    /// Empty after trimming.
    #[error("the NPR-ID is empty")]
    Empty,
    /// Longer than 36 characters.
    #[error("an NPR-ID has at most 36 characters; found {found}")]
    TooLong {
        /// Length in characters.
        found: usize,
    },
    /// A character other than an ASCII letter, digit or hyphen.
    #[error("character {position} is not a letter, digit or hyphen")]
    InvalidCharacter {
        /// Position (in characters, from 0) in the trimmed value.
        position: usize,
    },
    /// The value is a valid national identity number.
    #[error("this is a national identity number, not an NPR-ID")]
    IsNationalId,
    /// The value contains a valid national identity number.
    #[error("the NPR-ID contains a national identity number")]
    ContainsNationalId,
    /// The value is 11 digits that look like a (mistyped) national identity number.
    #[error("the NPR-ID looks like a national identity number")]
    LooksLikeNationalId,
    /// The value is a bank account number or an IBAN.
    #[error("the NPR-ID is a bank account number or an IBAN")]
    AccountNumber,
}

/// An acceptable NPR-ID. `Debug` and `Display` are masked.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NprId(String);

impl NprId {
    /// The value as validated (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NprId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NprId(***)")
    }
}

impl fmt::Display for NprId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Trims surrounding white space. Does not validate.
pub fn compact(s: &str) -> String {
    s.trim().to_string()
}

/// Validates an NPR-ID (see the module documentation). What could carry another identifier
/// is looked for first, whatever else is wrong with the value.
pub fn validate(s: &str) -> Result<NprId, NprError> {
    let v = compact(s);
    if v.is_empty() {
        return Err(NprError::Empty);
    }
    refuse_national_id(&v, false)?;
    refuse_account(&v)?;
    refuse_national_id(&v, true)?;
    let n = v.chars().count();
    if n > MAX_LEN {
        return Err(NprError::TooLong { found: n });
    }
    if let Some(position) = v
        .chars()
        .position(|c| !(c.is_ascii_alphanumeric() || c == '-'))
    {
        return Err(NprError::InvalidCharacter { position });
    }
    Ok(NprId(v))
}

/// The value read for digits: `Some(d)` for a digit (any Unicode decimal digit is not folded
/// here: the charset check refuses it) or a letter typed for one (`O`/`o` → 0, `l`/`I` → 1),
/// `None` for any other letter (it ends a run of digits); separators (anything that is not a
/// letter or a digit) are left out, so digit groups around them join.
fn folded(v: &str) -> Vec<Option<u8>> {
    v.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| match c {
            '0'..='9' => Some(c as u8 - b'0'),
            'O' | 'o' => Some(0),
            'l' | 'I' => Some(1),
            _ => None,
        })
        .collect()
}

/// Refuses national identity numbers in the NPR-ID field.
///
/// Source: Helse Bergen 1.2.2.5-16 §3 and footnote 2 (applications sent out must be free of
/// direct identifiers; only the NPR-ID may be put on them); domain brief «NPR-ID».
/// First the valid numbers (`near_misses` false), then (true) 11 digits that look like a
/// mistyped one — after an account number, which is 11 digits too.
fn refuse_national_id(v: &str, near_misses: bool) -> Result<(), NprError> {
    let f = folded(v);
    // The whole value is 11 digits (look-alikes read as digits, separators dropped).
    if f.iter().all(Option::is_some) {
        let digits: Vec<u8> = f.iter().flatten().copied().collect();
        if let Ok(d) = <[u8; 11]>::try_from(digits.as_slice()) {
            if fnr::validate_digits(&d).is_ok() {
                return Err(NprError::IsNationalId);
            }
            let prefix = [d[0], d[1], d[2], d[3], d[4], d[5]];
            if near_misses && fnr::plausible_birth_prefix(&prefix) {
                return Err(NprError::LooksLikeNationalId);
            }
        }
    }
    // Any 11 digits in a run (however long) that are a valid number; a run of exactly 11
    // that looks like a mistyped one.
    for run in f.split(Option::is_none) {
        let digits: Vec<u8> = run.iter().flatten().copied().collect();
        for w in digits.windows(11) {
            if let Ok(d) = <[u8; 11]>::try_from(w) {
                if fnr::validate_digits(&d).is_ok() {
                    return Err(NprError::ContainsNationalId);
                }
                let prefix = [d[0], d[1], d[2], d[3], d[4], d[5]];
                if near_misses && digits.len() == 11 && fnr::plausible_birth_prefix(&prefix) {
                    return Err(NprError::LooksLikeNationalId);
                }
            }
        }
    }
    Ok(())
}

/// Refuses a bank account number (11 digits, separators dropped, its check digit right) and
/// an IBAN of any country (two letters, two check digits, up to 30 letters and digits,
/// ISO 13616 mod-97 check).
fn refuse_account(v: &str) -> Result<(), NprError> {
    let f = folded(v);
    if f.iter().all(Option::is_some) {
        let digits: Vec<u8> = f.iter().flatten().copied().collect();
        if let Ok(d) = <[u8; 11]>::try_from(digits.as_slice()) {
            if super::account::validate_digits(&d).is_ok() {
                return Err(NprError::AccountNumber);
            }
        }
    }
    let compact: Vec<char> = v.chars().filter(char::is_ascii_alphanumeric).collect();
    if is_iban(&compact) {
        return Err(NprError::AccountNumber);
    }
    Ok(())
}

/// ISO 13616: country letters, check digits, 11–30 more letters and digits; moved to the
/// end and read with A = 10 … Z = 35, the number is 1 modulo 97.
fn is_iban(c: &[char]) -> bool {
    let shape = (15..=34).contains(&c.len())
        && c.iter().take(2).all(char::is_ascii_alphabetic)
        && c.iter().skip(2).take(2).all(char::is_ascii_digit);
    if !shape {
        return false;
    }
    let mut rest = 0u32;
    for ch in c.iter().skip(4).chain(c.iter().take(4)) {
        let value = match ch.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        rest = if value < 10 {
            (rest * 10 + value) % 97
        } else {
            (rest * 100 + value) % 97
        };
    }
    rest == 1
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The value as validated.
pub fn format(n: &NprId) -> String {
    n.0.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_could_carry_another_identifier_is_refused() {
        // This project's example number 14037410021, disguised (issue 17).
        for v in ["HBE-140374-10021", "1403741002199", "X-14037410021-Y"] {
            assert_eq!(validate(v), Err(NprError::ContainsNationalId), "{v}");
        }
        for v in [
            "14O3741OO21",
            "l4037410021",
            "I4O374IOO2I",
            "140374 10021",
            "140374.10021",
        ] {
            assert_eq!(validate(v), Err(NprError::IsNationalId), "{v}");
        }
        assert_eq!(validate("140374-10022"), Err(NprError::LooksLikeNationalId));
        // SWIFT IBAN registry examples (Norway, Germany); python-stdnum's account number.
        for v in [
            "NO9386011117947",
            "NO93 8601 1117 947",
            "DE89370400440532013000",
            "8601.11.17947",
        ] {
            assert_eq!(validate(v), Err(NprError::AccountNumber), "{v}");
        }
        assert!(!is_iban(
            &"DE89370400440532013001".chars().collect::<Vec<_>>()
        ));
        // What an NPR-ID looks like stays valid.
        for v in [
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "NPR-123456",
            "HBE-4f1c2a9e-77b0",
        ] {
            assert!(is_valid(v), "{v}");
        }
    }
}
