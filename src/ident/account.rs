//! Norwegian bank account numbers (kontonummer).
//!
//! Eleven digits `XXXX.XX.XXXXX`: bank code (4), account group (2), customer number and a
//! modulus-11 check digit with weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 (equivalently
//! python-stdnum's 6, 7, 8, 9, 4, 5, 6, 7, 8, 9 with `sum mod 11`); a computed 10 means no
//! valid number. This module does not check that the bank code exists, and does not accept
//! the 7-digit postgiro numbers (`0000` + Luhn) that python-stdnum also allows.
//!
//! Sources: python-stdnum `stdnum/no/kontonr.py`; ECBS «Norway bank account number».
//!
//! ```
//! use skjemavakt::ident::account;
//! // python-stdnum stdnum/no/kontonr.py doctest
//! let a = account::validate("8601 11 17947").unwrap();
//! assert_eq!(account::format(&a), "8601.11.17947");
//! assert_eq!(account::validate("8601 11 17949"), Err(account::AccountError::Checksum));
//! assert!(!format!("{a:?}").contains("17947"));
//! ```

use std::fmt;

use super::{digits_to_string, mod11_check_digit, parse_digits, DigitsError, SEPARATORS};

const WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// Why a string is not a valid account number. Carries no digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    /// Not 11 digits.
    #[error("a Norwegian account number has 11 digits; found {found}")]
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

/// A valid account number. `Debug` and `Display` are masked.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccountNumber {
    digits: [u8; 11],
}

impl AccountNumber {
    /// Digit values (0–9).
    pub fn digits(&self) -> &[u8; 11] {
        &self.digits
    }

    /// The 11 digits. This is the identifier itself.
    pub fn compact_string(&self) -> String {
        digits_to_string(&self.digits)
    }

    /// `****.**.*****`.
    pub fn masked(&self) -> String {
        "****.**.*****".to_string()
    }
}

impl fmt::Debug for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountNumber({})", self.masked())
    }
}

impl fmt::Display for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Removes white space, dots and dashes. Does not validate.
pub fn compact(s: &str) -> String {
    super::compact_digits(s, SEPARATORS)
}

/// Validates a Norwegian account number.
pub fn validate(s: &str) -> Result<AccountNumber, AccountError> {
    let digits = parse_digits::<11>(&compact(s)).map_err(|e| match e {
        DigitsError::Format { position } => AccountError::Format { position },
        DigitsError::Length { found } => AccountError::Length { found },
    })?;
    validate_digits(&digits)
}

/// Checks the modulus-11 check digit of 11 digit values.
///
/// Source: python-stdnum `stdnum/no/kontonr.py` (`_calc_check_digit`).
pub fn validate_digits(digits: &[u8; 11]) -> Result<AccountNumber, AccountError> {
    if let Some(position) = digits.iter().position(|&v| v > 9) {
        return Err(AccountError::Format { position });
    }
    let body = digits.get(..10).unwrap_or_default();
    match mod11_check_digit(body, &WEIGHTS) {
        Some(k) if Some(&k) == digits.get(10) => Ok(AccountNumber { digits: *digits }),
        _ => Err(AccountError::Checksum),
    }
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// `XXXX.XX.XXXXX`.
pub fn format(a: &AccountNumber) -> String {
    let s = a.compact_string();
    let (bank, rest) = s.split_at(4.min(s.len()));
    let (group, customer) = rest.split_at(2.min(rest.len()));
    format!("{bank}.{group}.{customer}")
}
