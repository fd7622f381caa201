//! Nye metoder ID: the identifier of a method in the national system for managed
//! introduction of new methods, `ID` + four-digit year + `_` + three digits.
//!
//! Source: nye-metoder-tilgangsordningen.txt, «Fyll ut søknad» → «Omsøkt behandling»:
//! «ID-nummeret i Nye metoder har følgende oppbygging: ID2025_XXX (finnes på
//! nyemetoder.no)». Years run from 2013 (the system's first year) to the current year, which
//! the caller passes in (this module never reads the clock; it also runs in WebAssembly).
//!
//! ```
//! use skjemavakt::ident::nye_metoder_id::{self, NyeMetoderIdError};
//! let id = nye_metoder_id::validate(" id2023_013 ", 2025).unwrap();
//! assert_eq!((id.year(), id.number()), (2023, 13));
//! assert_eq!(nye_metoder_id::format(&id), "ID2023_013");
//! assert_eq!(nye_metoder_id::validate("ID2026_001", 2025), Err(NyeMetoderIdError::YearInFuture));
//! assert_eq!(nye_metoder_id::validate("ID2012_001", 2025), Err(NyeMetoderIdError::YearTooEarly));
//! ```

/// The first year of Nye metoder IDs.
pub const FIRST_YEAR: i32 = 2013;

/// Why a string is not a valid Nye metoder ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NyeMetoderIdError {
    /// Not 10 characters (`ID` + 4 + `_` + 3).
    #[error("a Nye metoder ID has 10 characters (ID2025_123); found {found}")]
    Length {
        /// Length in characters.
        found: usize,
    },
    /// The character at this position does not fit `IDyyyy_nnn`.
    #[error("character {position} does not fit the pattern ID2025_123")]
    Format {
        /// Position (in characters, from 0) in the compacted string.
        position: usize,
    },
    /// Year before 2013.
    #[error("the year is before 2013, when Nye metoder started")]
    YearTooEarly,
    /// Year after the current year.
    #[error("the year is after the current year")]
    YearInFuture,
}

/// A valid Nye metoder ID. Not a personal identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NyeMetoderId {
    year: i32,
    number: u16,
}

impl NyeMetoderId {
    /// The year part.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The three-digit serial number (0–999).
    pub fn number(&self) -> u16 {
        self.number
    }
}

/// Removes white space and upper-cases. Does not validate.
pub fn compact(s: &str) -> String {
    crate::letter_case::upper(&super::compact_digits(s, &[]))
}

/// Validates `IDyyyy_nnn` with `2013 <= yyyy <= current_year`.
pub fn validate(s: &str, current_year: i32) -> Result<NyeMetoderId, NyeMetoderIdError> {
    let c = compact(s);
    let mut year: i32 = 0;
    let mut number: u16 = 0;
    let mut count = 0usize;
    for (position, ch) in c.chars().enumerate() {
        let ok = match position {
            0 => ch == 'I',
            1 => ch == 'D',
            2..=5 => ch.is_ascii_digit(),
            6 => ch == '_',
            7..=9 => ch.is_ascii_digit(),
            _ => true, // reported as length below
        };
        if !ok {
            return Err(NyeMetoderIdError::Format { position });
        }
        let digit = ch.to_digit(10).unwrap_or(0);
        match position {
            2..=5 => year = year * 10 + digit as i32,
            7..=9 => number = number * 10 + digit as u16,
            _ => {}
        }
        count = position + 1;
    }
    if count != 10 {
        return Err(NyeMetoderIdError::Length { found: count });
    }
    if year < FIRST_YEAR {
        return Err(NyeMetoderIdError::YearTooEarly);
    }
    if year > current_year {
        return Err(NyeMetoderIdError::YearInFuture);
    }
    Ok(NyeMetoderId { year, number })
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str, current_year: i32) -> bool {
    validate(s, current_year).is_ok()
}

/// `IDyyyy_nnn`.
pub fn format(id: &NyeMetoderId) -> String {
    format!("ID{:04}_{:03}", id.year, id.number)
}
