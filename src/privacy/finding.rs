//! What a scan reports: [`Finding`]s, per field in [`FieldFindings`] — never the text.

use super::FindingKind;
use crate::diagnostic::{Pointer, Span};
use serde::Serialize;

/// One identifier found in a text: kind, byte and UTF-16 offsets in the original text,
/// confidence, and why it was found. Never the text itself.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub span: Span,
    pub confidence: f32,
    pub basis: Basis,
}

/// Why a finding was found: what the page can tell the user besides its kind. Stable names
/// ([`Basis::as_str`]); one byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Basis {
    /// The patient's own name (or a part or the initials of it) or birth date, known from
    /// part 1.
    Patient,
    /// A cue word before it: a relation or a naming word before a name («datter»,
    /// «pasienten», «Fru»), a clinician's title, «tlf» before a phone number, «født» before
    /// a date, «journalnr» before a record number, «postnr» before a postcode, «bor i» before
    /// a place.
    Cue,
    /// The name lists: a known first name, alone or with a (plausible) surname, or an
    /// initial before a known surname.
    List,
    /// Its check digits hold: a national identity number, a bank account number, an IBAN.
    Checksum,
    /// Its form alone: an e-mail or IP address, a phone number's digits and grouping (or
    /// country prefix), a street with a house number, a PO box, a postcode with a place, 11
    /// digits that start with a birth date but whose check digits fail.
    Pattern,
    /// The learned name finder alone (`privacy::names::model`): a word written and used
    /// like a person's name, on no list and after no cue — a possible name («mulig navn»),
    /// the finding a physician is most likely to keep as a false alarm.
    Model,
    /// A part of a person's name found elsewhere in the same document (every field of a
    /// form, or one long text) by part 1, a cue word or the lists: «Kidston» after «Barry
    /// Kidston». (A part of a name only the model found is [`Basis::Model`] too.)
    Document,
}

impl Basis {
    /// Every basis.
    pub const ALL: [Basis; 7] = [
        Basis::Patient,
        Basis::Cue,
        Basis::List,
        Basis::Checksum,
        Basis::Pattern,
        Basis::Model,
        Basis::Document,
    ];

    /// Stable name (`patient`, `cue`, `list`, `checksum`, `pattern`, `model`, `document`).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Patient => "patient",
            Basis::Cue => "cue",
            Basis::List => "list",
            Basis::Checksum => "checksum",
            Basis::Pattern => "pattern",
            Basis::Model => "model",
            Basis::Document => "document",
        }
    }
}

impl Serialize for Basis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Findings in one field of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldFindings {
    pub path: Pointer,
    pub findings: Vec<Finding>,
}
