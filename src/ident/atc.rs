//! ATC codes (Anatomical Therapeutic Chemical classification).
//!
//! Source: WHO Collaborating Centre for Drug Statistics Methodology, «ATC — Structure and
//! principles»: five levels — 1st: anatomical main group (one letter of A B C D G H J L M
//! N P R S V), 2nd: therapeutic subgroup (two digits), 3rd: pharmacological subgroup
//! (letter), 4th: chemical subgroup (letter), 5th: chemical substance (two digits). So a
//! code has 1, 3, 4, 5 or 7 characters, e.g. `L01XC02` (rituximab). This module checks
//! the structure, not that the code is assigned.
//!
//! ```
//! use skjemavakt::ident::atc::{self, AtcError};
//! let a = atc::validate("l01 xc02").unwrap();
//! assert_eq!(atc::format(&a), "L01XC02");
//! assert_eq!(a.level(), 5);
//! assert_eq!(atc::validate("L01X").unwrap().level(), 3);
//! assert_eq!(atc::validate("E01"), Err(AtcError::UnknownMainGroup));
//! assert_eq!(atc::validate("L0XC02"), Err(AtcError::Format { position: 2 }));
//! ```

/// The 14 anatomical main groups.
pub const MAIN_GROUPS: &[char] = &[
    'A', 'B', 'C', 'D', 'G', 'H', 'J', 'L', 'M', 'N', 'P', 'R', 'S', 'V',
];

/// Why a string is not a valid ATC code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AtcError {
    /// Empty.
    #[error("the ATC code is empty")]
    Empty,
    /// Not 1, 3, 4, 5 or 7 characters.
    #[error("an ATC code has 1, 3, 4, 5 or 7 characters; found {found}")]
    Length {
        /// Length in characters.
        found: usize,
    },
    /// A letter where a digit belongs or the other way round.
    #[error(
        "character {position} does not fit the ATC pattern (letter, 2 digits, 2 letters, 2 digits)"
    )]
    Format {
        /// Position (in characters, from 0) in the compacted string.
        position: usize,
    },
    /// The first letter is not one of the 14 anatomical main groups.
    #[error("the first letter is not an anatomical main group")]
    UnknownMainGroup,
}

/// A structurally valid ATC code (upper case). Not a personal identifier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Atc(String);

impl Atc {
    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ATC level, 1–5.
    pub fn level(&self) -> u8 {
        match self.0.len() {
            1 => 1,
            3 => 2,
            4 => 3,
            5 => 4,
            _ => 5,
        }
    }
}

/// Removes white space and upper-cases. Does not validate.
pub fn compact(s: &str) -> String {
    crate::letter_case::upper(&super::compact_digits(s, &[]))
}

/// Validates the structure of an ATC code of any level.
pub fn validate(s: &str) -> Result<Atc, AtcError> {
    let c = compact(s);
    if c.is_empty() {
        return Err(AtcError::Empty);
    }
    for (position, ch) in c.chars().enumerate() {
        let ok = match position {
            0 | 3 | 4 => ch.is_ascii_uppercase(),
            1 | 2 | 5 | 6 => ch.is_ascii_digit(),
            _ => true,
        };
        if !ok {
            return Err(AtcError::Format { position });
        }
    }
    let n = c.chars().count();
    if !matches!(n, 1 | 3 | 4 | 5 | 7) {
        return Err(AtcError::Length { found: n });
    }
    if !c.chars().next().is_some_and(|m| MAIN_GROUPS.contains(&m)) {
        return Err(AtcError::UnknownMainGroup);
    }
    Ok(Atc(c))
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The code in upper case without spaces.
pub fn format(a: &Atc) -> String {
    a.0.clone()
}
