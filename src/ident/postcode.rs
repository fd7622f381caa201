//! Norwegian postcodes (postnummer).
//!
//! Four digits. Posten Norge's register runs from 0001 upwards; `0000` is not a postcode.
//! This module does not check that a postcode is in use (that needs Posten's register,
//! which changes several times a year).
//!
//! Source: Posten Norge / Bring, «Postnummerregister» (4-digit postcodes).
//!
//! ```
//! use skjemavakt::ident::postcode;
//! let p = postcode::validate(" 5021 ").unwrap();
//! assert_eq!(postcode::format(&p), "5021");
//! assert!(!postcode::is_valid("502"));
//! assert!(!postcode::is_valid("0000"));
//! assert!(!format!("{p:?}").contains("5021"));
//! ```

use std::fmt;

use super::{digits_to_string, parse_digits, DigitsError};

/// Why a string is not a valid postcode. Carries no digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    /// Not 4 digits.
    #[error("a Norwegian postcode has 4 digits; found {found}")]
    Length {
        /// Number of digits found.
        found: usize,
    },
    /// A character that is not a digit.
    #[error("the character at position {position} is not a digit")]
    Format {
        /// Position (in characters, from 0) in the compacted string.
        position: usize,
    },
    /// `0000`.
    #[error("0000 is not a postcode")]
    Zero,
}

/// A valid postcode. Part of an address, so `Debug` and `Display` are masked.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Postcode {
    digits: [u8; 4],
}

impl Postcode {
    /// The 4 digits.
    pub fn compact_string(&self) -> String {
        digits_to_string(&self.digits)
    }
}

impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Postcode(****)")
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

/// Removes white space. Does not validate.
pub fn compact(s: &str) -> String {
    super::compact_digits(s, &[])
}

/// Validates a postcode: exactly 4 digits, not `0000`.
pub fn validate(s: &str) -> Result<Postcode, PostcodeError> {
    let digits = parse_digits::<4>(&compact(s)).map_err(|e| match e {
        DigitsError::Format { position } => PostcodeError::Format { position },
        DigitsError::Length { found } => PostcodeError::Length { found },
    })?;
    if digits == [0; 4] {
        return Err(PostcodeError::Zero);
    }
    Ok(Postcode { digits })
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The 4 digits.
pub fn format(p: &Postcode) -> String {
    p.compact_string()
}
