//! Norwegian organisation numbers (organisasjonsnummer).
//!
//! Nine digits; the last is a modulus-11 check digit over the first eight with weights
//! 3, 2, 7, 6, 5, 4, 3, 2 (a computed 10 means no valid number). An organisation is not a
//! person: the forms use this to allow e.g. a health trust's number where a personal
//! identifier would be refused.
//!
//! Sources: Brønnøysundregistrene, «Organisasjonsnummeret» (modulus 11, weights
//! 3 2 7 6 5 4 3 2); python-stdnum `stdnum/no/orgnr.py`.
//!
//! ```
//! use skjemavakt::ident::orgnr;
//! // python-stdnum stdnum/no/orgnr.py doctest
//! let o = orgnr::validate("988 077 917").unwrap();
//! assert_eq!(orgnr::format(&o), "988 077 917");
//! assert_eq!(orgnr::validate("988 077 918"), Err(orgnr::OrgnrError::Checksum));
//! ```

use std::fmt;

use super::{digits_to_string, mod11_check_digit, parse_digits, DigitsError, SEPARATORS};

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

/// Why a string is not a valid organisation number. Carries no digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrgnrError {
    /// Not 9 digits.
    #[error("an organisation number has 9 digits; found {found}")]
    Length {
        /// Number of digits found.
        found: usize,
    },
    /// A character that is neither a digit nor an accepted separator.
    #[error("the character at position {position} is not a digit")]
    Format {
        /// Position (in characters, from 0) in the compacted string.
        position: usize,
    },
    /// The check digit is wrong.
    #[error("the check digit is wrong")]
    Checksum,
}

/// A valid organisation number. Organisation numbers are public, but for uniformity
/// `Debug` and `Display` are masked too; use [`format()`] to show one.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct OrgNumber {
    digits: [u8; 9],
}

impl OrgNumber {
    /// Digit values (0–9).
    pub fn digits(&self) -> &[u8; 9] {
        &self.digits
    }

    /// The 9 digits.
    pub fn compact_string(&self) -> String {
        digits_to_string(&self.digits)
    }
}

impl fmt::Debug for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OrgNumber(*** *** ***)")
    }
}

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("*** *** ***")
    }
}

/// Removes white space, dots and dashes. Does not validate.
pub fn compact(s: &str) -> String {
    super::compact_digits(s, SEPARATORS)
}

/// Validates an organisation number.
pub fn validate(s: &str) -> Result<OrgNumber, OrgnrError> {
    let digits = parse_digits::<9>(&compact(s)).map_err(|e| match e {
        DigitsError::Format { position } => OrgnrError::Format { position },
        DigitsError::Length { found } => OrgnrError::Length { found },
    })?;
    validate_digits(&digits)
}

/// Checks the modulus-11 check digit of 9 digit values (Brønnøysundregistrene weights).
pub fn validate_digits(digits: &[u8; 9]) -> Result<OrgNumber, OrgnrError> {
    if let Some(position) = digits.iter().position(|&v| v > 9) {
        return Err(OrgnrError::Format { position });
    }
    let body = digits.get(..8).unwrap_or_default();
    match mod11_check_digit(body, &WEIGHTS) {
        Some(k) if Some(&k) == digits.get(8) => Ok(OrgNumber { digits: *digits }),
        _ => Err(OrgnrError::Checksum),
    }
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// `XXX XXX XXX`.
pub fn format(o: &OrgNumber) -> String {
    let s = o.compact_string();
    let (a, rest) = s.split_at(3.min(s.len()));
    let (b, c) = rest.split_at(3.min(rest.len()));
    format!("{a} {b} {c}")
}
