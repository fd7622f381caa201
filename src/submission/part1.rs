//! Part 1 of an application, read once at the API boundary: what the gate and the scanner
//! need of it.
//!
//! Part 1 holds the patient's name and national identity number and stays in the hospital
//! (nye-metoder-tilgangsordningen.txt, "Utfylling av søknadsskjema"); it is given beside part
//! 2 so that the gate can check that both carry the same reference number and birth year,
//! and so that the scanner can look for the patient's own name and birth date in part 2.
//! [`Part1::from_json`] reads those members from the document once; everything downstream
//! takes the typed value.

use crate::ident::fnr::{self, NationalId};
use crate::privacy::Identity;
use crate::reference::{self, Reference};
use crate::Context;
use serde_json::Value;

/// What part 1 says, read from its JSON document. `Debug` shows which members were given,
/// never their values.
#[derive(Clone)]
pub struct Part1<'a> {
    /// The document as given: the gate checks its formats ([`crate::forms::validate_as`]).
    document: &'a Value,
    /// `reference`, when it is a valid reference number.
    reference: Option<Reference>,
    /// `patient.name`, when it is a text.
    patient_name: Option<&'a str>,
    /// `patient.national_id`, when it is a valid national identity number.
    national_id: Option<NationalId>,
    /// `date` (place and date), when it is a date.
    date: Option<chrono::NaiveDate>,
    /// `patient_signed`, when it is a boolean.
    signed: Option<bool>,
    /// True when the document is part 1 itself (it holds `reference`, `date` or
    /// `patient_signed`), not only the patient's identity for the scan (with or without its
    /// `form` member, which the drop-in adds).
    whole: bool,
}

impl std::fmt::Debug for Part1<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Part1")
            .field("reference", &self.reference.is_some())
            .field("patient_name", &self.patient_name.is_some())
            .field("national_id", &self.national_id.is_some())
            .field("date", &self.date.is_some())
            .field("signed", &self.signed)
            .finish_non_exhaustive()
    }
}

impl<'a> Part1<'a> {
    /// Reads part 1 from its document (`reference`, `patient.name`, `patient.national_id`).
    /// A member that is missing, of the wrong type or invalid is absent here; the gate
    /// reports part 1's own problems when it checks the document's formats.
    pub fn from_json(document: &'a Value, ctx: &Context) -> Part1<'a> {
        let patient = |k: &str| {
            document
                .get("patient")
                .and_then(|p| p.get(k))
                .and_then(Value::as_str)
        };
        Part1 {
            document,
            reference: document
                .get("reference")
                .and_then(Value::as_str)
                .and_then(|s| reference::check(s, ctx).reference),
            patient_name: patient("name"),
            national_id: patient("national_id").and_then(|s| fnr::validate(s).ok()),
            date: document
                .get("date")
                .and_then(Value::as_str)
                .and_then(crate::dates::parse_date),
            signed: document.get("patient_signed").and_then(Value::as_bool),
            whole: ["reference", "date", "patient_signed"]
                .iter()
                .any(|k| document.get(*k).is_some()),
        }
    }

    /// The document as given.
    pub fn document(&self) -> &'a Value {
        self.document
    }

    /// The reference number, when valid.
    pub fn reference(&self) -> Option<&Reference> {
        self.reference.as_ref()
    }

    /// Part 1's date, when it is a date.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        self.date
    }

    /// True when the document is part 1 itself, not only the patient's name and number (as a
    /// page gives them for the scan): its signature and date are then checked at the gate.
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// Whether the patient signed part 1, when given as a boolean.
    pub fn signed(&self) -> Option<bool> {
        self.signed
    }

    /// The patient's national identity number, when valid.
    pub fn national_id(&self) -> Option<&NationalId> {
        self.national_id.as_ref()
    }

    /// What the scanner looks for: the patient's name and birth date.
    pub fn identity(&self) -> Identity {
        Identity::of_patient(self.patient_name, self.national_id.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;
    use chrono::NaiveDate;
    use serde_json::json;

    #[test]
    fn reads_what_is_valid_and_shows_nothing() {
        let reg = Registry::builtin();
        let ctx = Context::new(
            NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default(),
            &reg,
        );
        let doc = json!({
            "form": "tilgang-del1",
            "reference": "2025-05-12-HBE-ONK",
            "patient": {"name": "Kari Nordmann", "national_id": "14037410021"}
        });
        let p = Part1::from_json(&doc, &ctx);
        assert_eq!(
            p.reference().map(ToString::to_string).as_deref(),
            Some("2025-05-12-HBE-ONK")
        );
        assert!(p.national_id().is_some());
        assert!(!p.identity().is_empty());
        let d = format!("{p:?}");
        assert!(
            !d.contains("Kari") && !d.contains("1403") && !d.contains("HBE"),
            "{d}"
        );
        // Wrong types and invalid values are absent; the rest is still read.
        let doc = json!({"reference": 2025, "patient": {"name": 7, "national_id": "14037410022"}});
        let p = Part1::from_json(&doc, &ctx);
        assert!(p.reference().is_none() && p.national_id().is_none());
        assert!(p.identity().is_empty());
        let doc = json!({"patient": {"national_id": "14037410021"}});
        assert!(!Part1::from_json(&doc, &ctx).identity().is_empty());
    }
}
