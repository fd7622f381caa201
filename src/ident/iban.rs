//! Norwegian IBAN.
//!
//! `NO` + 2 check digits + the 11-digit account number (15 characters), written in groups
//! of four: `NO93 8601 1117 947`. The IBAN check digits must satisfy ISO 7064 MOD 97-10
//! (the number rearranged, letters as 10–35, has remainder 1 mod 97), and the account
//! number must pass its own modulus-11 check ([`super::account`]).
//!
//! Sources: ISO 13616-1 and SWIFT «IBAN Registry» (Norway: length 15, example
//! `NO9386011117947`); python-stdnum `stdnum/no/kontonr.py` (`to_iban`).
//!
//! ```
//! use skjemavakt::ident::iban;
//! // SWIFT IBAN Registry example for Norway.
//! let i = iban::validate("NO93 8601 1117 947").unwrap();
//! assert_eq!(iban::format(&i), "NO93 8601 1117 947");
//! assert_eq!(iban::validate("NO94 8601 1117 947"), Err(iban::IbanError::Checksum));
//! assert_eq!(iban::validate("SE35 5000 0000 0549 1000 0003"), Err(iban::IbanError::NotNorwegian));
//! ```

use std::fmt;

use super::account::{self, AccountError, AccountNumber};
use super::{digits_to_string, parse_digits, DigitsError};

/// Why a string is not a valid Norwegian IBAN. Carries no digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IbanError {
    /// Does not start with the country code `NO`.
    #[error("not a Norwegian IBAN (must start with NO)")]
    NotNorwegian,
    /// Not 15 characters.
    #[error("a Norwegian IBAN has 15 characters; found {found}")]
    Length {
        /// Number of characters found.
        found: usize,
    },
    /// A character after `NO` that is not a digit.
    #[error("the character at position {position} is not a digit")]
    Format {
        /// Position (in characters, from 0) in the compacted string.
        position: usize,
    },
    /// The IBAN check digits (MOD 97-10) are wrong.
    #[error("the IBAN check digits are wrong")]
    Checksum,
    /// The embedded account number's own check digit is wrong.
    #[error("the account number inside the IBAN has a wrong check digit")]
    AccountChecksum,
}

/// A valid Norwegian IBAN. `Debug` and `Display` are masked.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct NorwegianIban {
    check: [u8; 2],
    account: AccountNumber,
}

impl NorwegianIban {
    /// The embedded account number.
    pub fn account(&self) -> AccountNumber {
        self.account
    }

    /// `NO` + 13 digits. This is the identifier itself.
    pub fn compact_string(&self) -> String {
        format!(
            "NO{}{}",
            digits_to_string(&self.check),
            self.account.compact_string()
        )
    }
}

impl fmt::Debug for NorwegianIban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NorwegianIban(NO** **** **** ***)")
    }
}

impl fmt::Display for NorwegianIban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NO** **** **** ***")
    }
}

/// Removes white space and dashes and upper-cases. Does not validate.
pub fn compact(s: &str) -> String {
    crate::letter_case::upper(&super::compact_digits(s, &['-']))
}

/// ISO 7064 MOD 97-10 remainder of `BBAN + "NO" + check digits` (N = 23, O = 24).
fn mod97(check: &[u8; 2], bban: &[u8; 11]) -> u32 {
    bban.iter()
        .chain([2u8, 3, 2, 4].iter())
        .chain(check.iter())
        .fold(0u32, |acc, &d| (acc * 10 + u32::from(d)) % 97)
}

/// Validates a Norwegian IBAN.
///
/// Source: ISO 13616-1 (structure, MOD 97-10); SWIFT IBAN Registry (NO: 15 characters).
pub fn validate(s: &str) -> Result<NorwegianIban, IbanError> {
    let c = compact(s);
    let Some(rest) = c.strip_prefix("NO") else {
        return Err(IbanError::NotNorwegian);
    };
    let digits = parse_digits::<13>(rest).map_err(|e| match e {
        DigitsError::Format { position } => IbanError::Format {
            position: position + 2,
        },
        DigitsError::Length { found } => IbanError::Length { found: found + 2 },
    })?;
    let [c0, c1, b @ ..] = digits;
    let check = [c0, c1];
    if mod97(&check, &b) != 1 {
        return Err(IbanError::Checksum);
    }
    let account = account::validate_digits(&b).map_err(|e| match e {
        AccountError::Format { position } => IbanError::Format {
            position: position + 4,
        },
        AccountError::Length { found } => IbanError::Length { found: found + 4 },
        AccountError::Checksum => IbanError::AccountChecksum,
    })?;
    Ok(NorwegianIban { check, account })
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The IBAN of a Norwegian account number (computes the MOD 97-10 check digits).
///
/// ```
/// use skjemavakt::ident::{account, iban};
/// let a = account::validate("8601.11.17947").unwrap();
/// assert_eq!(iban::format(&iban::from_account(a)), "NO93 8601 1117 947");
/// ```
pub fn from_account(account: AccountNumber) -> NorwegianIban {
    let r = mod97(&[0, 0], account.digits());
    let k = 98 - r;
    // k is 1..=98
    let check = [(k / 10) as u8, (k % 10) as u8];
    NorwegianIban { check, account }
}

/// Groups of four: `NO93 8601 1117 947`.
pub fn format(i: &NorwegianIban) -> String {
    let s = i.compact_string();
    let mut out = String::with_capacity(s.len() + 4);
    for (n, ch) in s.chars().enumerate() {
        if n > 0 && n % 4 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}
