//! The privacy gate: find and strip every direct identifier in what leaves the hospital.
//!
//! "Den interregionale vurderingskomitéen skal ikke kunne identifisere pasienten"
//! (nye-metoder-tilgangsordningen.txt, "Utfylling av søknadsskjema"); every e-mailed part of
//! Helse Bergen's process "skal være fri for direkte personidentifiserbare opplysninger",
//! while the NPR-ID is not regarded as directly identifying and shall be on the application
//! (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2 and footnote 2).
//!
//! A scan is a pipeline, one module a step:
//!
//! 1. [`normalize`] folds the text (Unicode digits, spaces, dashes, invisible characters,
//!    HTML references) with a map back to the original offsets;
//! 2. `tokens` splits it once into words, digit runs, spaces and punctuation, with what
//!    the word lists ([`crate::lexicon`]) know of each word;
//! 3. [`detect`] finds numbers, contact details, addresses, birth dates and record numbers
//!    (one module per detector family), drops what is allowed on purpose (NPR-ID, study IDs,
//!    links) and resolves overlaps;
//! 4. [`names`] finds person names — above all the patient's own ([`Identity`], from part 1);
//! 5. `redact` replaces each finding with its placeholder, until a scan of the result finds
//!    nothing ([`redact_text`], [`redact_plain`], [`redact_document`]);
//! 6. `windows` cuts long texts into overlapping windows, natively scanned side by side;
//! 7. [`keep`] applies the physician's decisions that a finding is a false alarm ([`Keeps`]:
//!    an eponym, a clinician's name, a place …), never for a valid national identity
//!    number, the patient's own identifiers, an e-mail address or a valid account number.
//!
//! `scan` runs the pipeline on a text or on everything of a form that leaves the hospital —
//! every string and number, found by walking the document itself ([`leaves`]) — according to
//! the privacy class of the field each is in ([`Privacy`](crate::forms::schema::Privacy); the
//! strictest outside the form) ([`scan_text`], [`scan_with`], [`scan_document`]); a link's
//! percent-escapes are decoded first (`percent`). [`kind`] names what a finding is (its placeholder,
//! label and rule), `finding` what a finding holds, [`Identity`] what is known of the patient
//! from part 1, and `pool` the buffers kept between scans. The gate that validates, scans and
//! seals is [`crate::submission`]. `tests/architecture.rs` holds the steps to this order: a
//! step imports only the steps below it.
//!
//! Findings never carry the matched text: only kind, field path, offsets, confidence and why
//! they were found ([`Basis`]).
//!
//! ```
//! use skjemavakt::privacy::{scan_text, FindingKind, Identity};
//! let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
//! let text = "Kari (f. 14.03.1974, tlf 912 34 567) har ROS1-fusjon.";
//! let kinds: Vec<FindingKind> = scan_text(text, &id).iter().map(|f| f.kind).collect();
//! assert_eq!(kinds, vec![FindingKind::Name, FindingKind::BirthDate, FindingKind::Phone]);
//! ```

mod class;
pub mod detect;
mod finding;
mod identity;
pub mod keep;
pub mod kind;
pub mod leaves;
pub mod names;
pub mod normalize;
mod percent;
mod pool;
mod redact;
mod scan;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;
mod tokens;
mod windows;

pub use finding::{Basis, FieldFindings, Finding};
pub use identity::Identity;
pub use keep::{Applied, Keeps, Kept, Reason};
pub use kind::FindingKind;
pub use redact::{redact_document, redact_plain, redact_text, Replacement};
pub use redact::{redact_document_keeping, redact_plain_keeping};
pub use scan::{diagnostics, scan_document, scan_document_below, scan_text, scan_with};
pub use scan::{unscanned, PART1};
