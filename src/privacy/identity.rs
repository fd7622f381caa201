//! What part 1 tells about the patient, as the scanner uses it: the name, to find it and its
//! parts, and the birth date (from the national identity number), to find it in any
//! writing.

use super::detect::PatientFacts;
use super::names::PatientName;
use crate::ident::fnr::NationalId;

/// What part 1 tells about the patient: used to find their own name, number and birth date.
/// `Debug` shows nothing of it.
#[derive(Clone, Default)]
pub struct Identity {
    pub(super) name: Option<PatientName>,
    pub(super) facts: PatientFacts,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("name", &self.name.is_some())
            .field("birth_date", &self.facts.birth_date.is_some())
            .field("national_id", &self.facts.national_id.is_some())
            .finish()
    }
}

impl Identity {
    /// No part 1.
    pub fn none() -> Identity {
        Identity::default()
    }

    /// From the patient's full name and national identity number (either may be absent or
    /// invalid; what is valid is used).
    pub fn new(name: Option<&str>, national_id: Option<&str>) -> Identity {
        let national_id = national_id.and_then(|s| crate::ident::fnr::validate(s).ok());
        Identity::of_patient(name, national_id.as_ref())
    }

    /// From the patient's full name and valid national identity number (part 1 as read by
    /// [`crate::submission::Part1`]).
    pub fn of_patient(name: Option<&str>, national_id: Option<&NationalId>) -> Identity {
        let name = name
            .filter(|n| !n.trim().is_empty())
            .map(PatientName::new)
            .filter(|p| !p.is_empty());
        Identity {
            name,
            facts: PatientFacts::of(national_id),
        }
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.facts.birth_date.is_none() && self.facts.national_id.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_debug_shows_nothing() {
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let d = format!("{id:?}");
        assert!(!d.contains("Kari") && !d.contains("1403"), "{d}");
    }
}
