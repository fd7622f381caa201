//! Norwegian telephone numbers.
//!
//! Source: Nkom, «Nummerplan for E.164» (Norwegian numbering plan): subscriber numbers have
//! 8 digits; mobile numbers start with 4 or 9; geographic/landline numbers with 2, 3, 5, 6
//! or 7; 8xx numbers are service numbers (800 free phone, 815/820/829 shared cost …);
//! numbers starting with 0 or 1 are not subscriber numbers (short numbers, emergency
//! numbers, carrier prefixes). The country code is +47; `+47`, `0047` and a bare `47` in
//! front of 8 digits are accepted and removed.
//!
//! ```
//! use skjemavakt::ident::phone::{self, PhoneKind};
//! let n = phone::validate("+47 912 34 567").unwrap();
//! assert_eq!(n.kind(), PhoneKind::Mobile);
//! assert_eq!(phone::format(&n), "912 34 567");
//! assert_eq!(n.international(), "+47 912 34 567");
//! assert_eq!(phone::format(&phone::validate("22 12 34 56").unwrap()), "22 12 34 56");
//! assert!(!phone::is_valid("112"));
//! assert!(!format!("{n:?}").contains("912"));
//! ```

use std::fmt;

use super::{digits_to_string, parse_digits, DigitsError};

/// Characters removed by [`compact`] besides white space.
const PHONE_SEPARATORS: &[char] = &[
    '.', '-', '(', ')', '/', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}',
];

/// Which part of the number plan the number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhoneKind {
    /// Mobile (first digit 4 or 9).
    Mobile,
    /// Geographic / landline (first digit 2, 3, 5, 6 or 7).
    Landline,
    /// Service number (first digit 8: 800, 815, 820, 829 …).
    Service,
}

/// Why a string is not a valid Norwegian telephone number. Carries no digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Not 8 digits after removing separators and the country code.
    #[error("a Norwegian telephone number has 8 digits; found {found}")]
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
    /// A `+` or `00` international prefix with a country code other than 47.
    #[error("the number has a country code other than Norway's (+47)")]
    NotNorwegian,
    /// First digit 0 or 1: not a subscriber number in the number plan.
    #[error("numbers starting with 0 or 1 are not subscriber numbers")]
    NotSubscriberNumber,
}

/// A valid Norwegian telephone number (8 digits, without country code). `Debug` and
/// `Display` are masked.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    digits: [u8; 8],
}

impl PhoneNumber {
    /// The part of the number plan.
    pub fn kind(&self) -> PhoneKind {
        match self.digits.first() {
            Some(4 | 9) => PhoneKind::Mobile,
            Some(8) => PhoneKind::Service,
            _ => PhoneKind::Landline,
        }
    }

    /// Digit values (0–9).
    pub fn digits(&self) -> &[u8; 8] {
        &self.digits
    }

    /// The 8 digits. This is the identifier itself.
    pub fn compact_string(&self) -> String {
        digits_to_string(&self.digits)
    }

    /// `+47 ` followed by [`format()`].
    pub fn international(&self) -> String {
        format!("+47 {}", format(self))
    }

    /// Fully masked (`*** ** ***` or `** ** ** **`), keeping the grouping.
    pub fn masked(&self) -> String {
        format(self)
            .chars()
            .map(|c| if c.is_ascii_digit() { '*' } else { c })
            .collect()
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PhoneNumber")
            .field("value", &self.masked())
            .field("kind", &self.kind())
            .finish()
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Removes white space, dots, dashes, parentheses and slashes, then a Norwegian country
/// code (`+47`, `0047`, or `47` in front of exactly 8 digits). Does not validate.
///
/// ```
/// assert_eq!(skjemavakt::ident::phone::compact("(+47) 22-12-34-56"), "22123456");
/// assert_eq!(skjemavakt::ident::phone::compact("0047 912 34 567"), "91234567");
/// assert_eq!(skjemavakt::ident::phone::compact("47 91 23 45 67"), "91234567");
/// ```
pub fn compact(s: &str) -> String {
    let c = super::compact_digits(s, PHONE_SEPARATORS);
    if let Some(rest) = c.strip_prefix("+47") {
        return rest.to_string();
    }
    if let Some(rest) = c.strip_prefix("0047") {
        return rest.to_string();
    }
    if c.len() == 10 && c.bytes().all(|b| b.is_ascii_digit()) {
        if let Some(rest) = c.strip_prefix("47") {
            return rest.to_string();
        }
    }
    c
}

/// Validates a Norwegian telephone number (see the module documentation for the rules).
pub fn validate(s: &str) -> Result<PhoneNumber, PhoneError> {
    let c = compact(s);
    if c.starts_with('+') || c.starts_with("00") {
        return Err(PhoneError::NotNorwegian);
    }
    let digits = parse_digits::<8>(&c).map_err(|e| match e {
        DigitsError::Format { position } => PhoneError::Format { position },
        DigitsError::Length { found } => PhoneError::Length { found },
    })?;
    check_subscriber_range(&digits)?;
    Ok(PhoneNumber { digits })
}

/// The first digit must be 2–9. Source: Nkom number plan — 0 and 1 begin short numbers,
/// emergency numbers and prefixes, never an 8-digit subscriber number.
fn check_subscriber_range(digits: &[u8; 8]) -> Result<(), PhoneError> {
    match digits.first() {
        Some(2..=9) => Ok(()),
        _ => Err(PhoneError::NotSubscriberNumber),
    }
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// Nkom's recommended grouping: mobile and service numbers `XXX XX XXX`, landline numbers
/// `XX XX XX XX`.
pub fn format(n: &PhoneNumber) -> String {
    let s = n.compact_string();
    let groups: &[usize] = match n.kind() {
        PhoneKind::Landline => &[2, 2, 2, 2],
        PhoneKind::Mobile | PhoneKind::Service => &[3, 2, 3],
    };
    let mut out = String::with_capacity(11);
    let mut chars = s.chars();
    for (i, &g) in groups.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(chars.by_ref().take(g));
    }
    out
}
