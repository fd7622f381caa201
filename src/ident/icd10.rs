//! ICD-10 codes.
//!
//! Source: WHO, «ICD-10 Volume 2, Instruction manual» §2.4 (three-character categories: a
//! letter and two digits; four-character subcategories after a decimal point). The
//! Norwegian edition (Direktoratet for e-helse, FinnKode) adds a few five-character codes,
//! so one or two subcategory digits are accepted. Written both with and without the point
//! (`C34.1`, `C341` — NPR reporting omits it); [`compact`] gives `C341`, [`format()`] gives
//! `C34.1`. This module checks the structure, not that the code exists.
//!
//! ```
//! use skjemavakt::ident::icd10::{self, Icd10Error};
//! let c = icd10::validate("c34.1").unwrap();
//! assert_eq!(icd10::format(&c), "C34.1");
//! assert_eq!(c.as_compact(), "C341");
//! assert_eq!(icd10::format(&icd10::validate("C341").unwrap()), "C34.1");
//! assert_eq!(icd10::format(&icd10::validate("C34").unwrap()), "C34");
//! assert_eq!(icd10::validate("C3A.1"), Err(Icd10Error::Format { position: 2 }));
//! ```

/// Why a string is not a valid ICD-10 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Icd10Error {
    /// Empty.
    #[error("the ICD-10 code is empty")]
    Empty,
    /// Not 3–5 characters (without the point).
    #[error("an ICD-10 code has 3 to 5 characters; found {found}")]
    Length {
        /// Length in characters, without the point.
        found: usize,
    },
    /// A character that does not fit letter, digit, digit, optional point, digit(s).
    #[error("character {position} does not fit the ICD-10 pattern (like C34.1)")]
    Format {
        /// Position (in characters, from 0) in the trimmed, upper-cased input.
        position: usize,
    },
}

/// A structurally valid ICD-10 code, stored without the point. Not a personal identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Icd10(String);

impl Icd10 {
    /// Without the point: `C341`.
    pub fn as_compact(&self) -> &str {
        &self.0
    }

    /// The three-character category: `C34`.
    pub fn category(&self) -> &str {
        self.0.get(..3).unwrap_or(&self.0)
    }

    /// The subcategory digits, if any: `1` for `C34.1`.
    pub fn subcategory(&self) -> Option<&str> {
        self.0.get(3..).filter(|s| !s.is_empty())
    }
}

/// Removes white space and the point, and upper-cases: `c34.1` → `C341`. Does not validate.
pub fn compact(s: &str) -> String {
    crate::letter_case::upper(&super::compact_digits(s, &['.']))
}

/// Validates the structure of an ICD-10 code, with or without the point.
pub fn validate(s: &str) -> Result<Icd10, Icd10Error> {
    let t = crate::letter_case::upper(&super::compact_digits(s, &[]));
    if t.is_empty() {
        return Err(Icd10Error::Empty);
    }
    let mut code = String::with_capacity(5);
    let mut seen_point = false;
    for (position, ch) in t.chars().enumerate() {
        let idx = code.len();
        let ok = match (idx, ch) {
            (0, c) => c.is_ascii_uppercase(),
            (1 | 2, c) => c.is_ascii_digit(),
            (3, '.') if !seen_point => {
                seen_point = true;
                continue;
            }
            (_, c) => c.is_ascii_digit(),
        };
        if !ok {
            return Err(Icd10Error::Format { position });
        }
        code.push(ch);
    }
    let n = code.len();
    if !(3..=5).contains(&n) || (seen_point && n == 3) {
        return Err(Icd10Error::Length { found: n });
    }
    Ok(Icd10(code))
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// With the point: `C34.1` (or `C34` for a category).
pub fn format(c: &Icd10) -> String {
    match c.subcategory() {
        Some(sub) => format!("{}.{}", c.category(), sub),
        None => c.0.clone(),
    }
}
