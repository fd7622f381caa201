//! NPR-ID: the hospital's Norsk pasientregister reference put on every application.
//!
//! Helse Bergen's procedure 1.2.2.5-16, footnote 2: «NPR-ID regnes ikke som direkte
//! personidentifiserbar informasjon i denne sammenhengen, og skal påføres alle søknader».
//! No public specification gives its format, so it is treated as an **opaque** identifier:
//! 1–36 ASCII letters, digits and hyphens (a UUID fits). Because it is sent out of the
//! hospital, a value that *is* a national identity number (with or without separators),
//! *contains* one as a run of 11 digits, or is 11 digits that look like a mistyped one
//! (valid birth-date prefix in any encoding) is refused.
//!
//! ```
//! use skjemavakt::ident::npr::{self, NprError};
//! assert!(npr::is_valid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
//! assert!(npr::is_valid("NPR-123456"));
//! // python-stdnum's valid fødselsnummer, in the NPR-ID field:
//! assert_eq!(npr::validate("261115-93816"), Err(NprError::IsNationalId));
//! assert_eq!(npr::validate("X26111593816"), Err(NprError::ContainsNationalId));
//! assert_eq!(npr::validate("26111593817"), Err(NprError::LooksLikeNationalId));
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

/// Validates an NPR-ID (see the module documentation).
pub fn validate(s: &str) -> Result<NprId, NprError> {
    let v = compact(s);
    if v.is_empty() {
        return Err(NprError::Empty);
    }
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
    refuse_national_id(&v)?;
    Ok(NprId(v))
}

/// Refuses national identity numbers in the NPR-ID field.
///
/// Source: Helse Bergen 1.2.2.5-16 §3 and footnote 2 (applications sent out must be free of
/// direct identifiers; only the NPR-ID may be put on them); domain brief «NPR-ID».
fn refuse_national_id(v: &str) -> Result<(), NprError> {
    // The whole value, ignoring hyphens, is 11 digits.
    if v.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        let digits: Vec<u8> = v
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        if let Ok(d) = <[u8; 11]>::try_from(digits.as_slice()) {
            if fnr::validate_digits(&d).is_ok() {
                return Err(NprError::IsNationalId);
            }
            let prefix = [d[0], d[1], d[2], d[3], d[4], d[5]];
            if fnr::plausible_birth_prefix(&prefix) {
                return Err(NprError::LooksLikeNationalId);
            }
        }
    }
    // Any maximal run of exactly 11 digits that is a valid number.
    for run in v.split(|c: char| !c.is_ascii_digit()) {
        let digits: Vec<u8> = run.bytes().map(|b| b - b'0').collect();
        if let Ok(d) = <[u8; 11]>::try_from(digits.as_slice()) {
            if fnr::validate_digits(&d).is_ok() {
                return Err(NprError::ContainsNationalId);
            }
        }
    }
    Ok(())
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The value as validated.
pub fn format(n: &NprId) -> String {
    n.0.clone()
}
