//! Person-name detection for the privacy gate: the patient's own name (known from part 1)
//! and other person names, using Norwegian name lists and cue words.
//!
//! Sources: `BRIEF.md` "Direct identifiers" (names are the first direct identifier; *"The
//! patient's own name and number are known from part 1 — use them"*) and
//! `nye-metoder-tilgangsordningen.txt`, "Fyll ut søknad" (part 1 holds the patient's name,
//! part 2 must hold no direct identifiers). The name lists follow Statistics Norway's (SSB)
//! name statistics (<https://www.ssb.no/befolkning/navn/statistikk/navn>); the lists in
//! `src/lexicon/names/` were written for this crate (see README there for what is in them).
//!
//! Detection works on *normalised* text ([`super::normalize::normalize`]) and returns byte
//! ranges in it with a confidence and a [`NameReason`] — never the text.
//! [`find_names_original`] normalises and maps the ranges back to the original.
//!
//! The steps, a module each: `words` takes the text's words from the scanner's tokens
//! (`privacy::tokens`) with their lookup keys and what the name lists know of them
//! ([`crate::lexicon`]); `patient` finds the patient's own name ([`PatientName`]); `rules`
//! finds other names after cue words and titles, and from the name lists; `merge` joins what
//! overlaps.
//!
//! ```
//! use skjemavakt::lexicon::is_first_name;
//! use skjemavakt::privacy::names::{find_names, NameReason, PatientName};
//!
//! assert!(is_first_name("Kari") && is_first_name("KARIS") && is_first_name("Anne-Marie"));
//! let patient = PatientName::new("Kari Anne Nordmann-Hansen");
//! let text = "Nordmann, Kari har datter Ingrid. Kostnad per måned: 12 000 kr, fra 1. mai.";
//! let hits = find_names(text, Some(&patient));
//! let found: Vec<(&str, NameReason)> = hits.iter().map(|h| (&text[h.start..h.end], h.reason)).collect();
//! assert_eq!(found, [("Nordmann, Kari", NameReason::PatientName), ("Ingrid", NameReason::CueWord)]);
//! // Debug never shows the name.
//! assert!(!format!("{patient:?}").contains("Kari"));
//! ```

pub(crate) mod consistency;
mod disguised;
pub mod model;
mod patient;
mod rules;
#[cfg(test)]
mod tests;
mod words;

pub use patient::PatientName;

use super::normalize::normalize;
use super::pool;
use super::tokens::Tokens;
use super::Basis;
use words::{tokenize, Keep, KEYS, TOKS};

/// Why a name was reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameReason {
    /// A part (or the initials) of the patient's own name from part 1.
    PatientName,
    /// A capitalised word right after a cue word (pasienten, datter, mor, navn, Fru …) or a
    /// clinician's title (lege, Dr.).
    CueWord,
    /// A known first name, alone or followed by a (plausible) surname.
    NameList,
    /// Found by the learned name finder alone ([`model`]): a possible name.
    Model,
    /// A part of a name found elsewhere in the same document (by part 1, a cue word or the
    /// lists: [`consistency`]).
    Document,
}

impl NameReason {
    /// The finding's [`Basis`]: the patient's name, a cue word (or title), the lists.
    pub fn basis(self) -> Basis {
        match self {
            NameReason::PatientName => Basis::Patient,
            NameReason::CueWord => Basis::Cue,
            NameReason::NameList => Basis::List,
            NameReason::Model => Basis::Model,
            NameReason::Document => Basis::Document,
        }
    }

    fn rank(self) -> u8 {
        match self {
            NameReason::PatientName => 3,
            NameReason::CueWord => 2,
            NameReason::NameList => 1,
            NameReason::Model => 0,
            NameReason::Document => 1,
        }
    }
}

/// A detected name: a byte range (end-exclusive) in the text searched, never the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameHit {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// 0.0–1.0: how sure the detector is that this is a person name.
    pub confidence: f32,
    /// Which rule found it.
    pub reason: NameReason,
}

/// Finds person names in `text`, which should be normalised text
/// ([`super::normalize::Normalized::text`]); ranges are byte offsets in `text`, sorted and
/// non-overlapping. With `patient`, the patient's own name parts are found first
/// ([`NameReason::PatientName`]), in any order, case-insensitively, with genitive `s`,
/// æøå-tolerant, and as initials next to a name part ("K. Nordmann") or as a dotted run of
/// all the initials or the first and last ("K.A.N.", "K.N.") — undotted initials ("KAN")
/// are not matched: too many ordinary words look like that.
pub fn find_names(text: &str, patient: Option<&PatientName>) -> Vec<NameHit> {
    find_names_in(&Tokens::new(text), patient)
}

/// [`find_names`] on a text already split into tokens (shared with [`super::detect`]).
pub(crate) fn find_names_in(cx: &Tokens<'_>, patient: Option<&PatientName>) -> Vec<NameHit> {
    find_names_keeping(cx, patient, Keep::Relevant(patient))
}

/// [`find_names_in`] on the words `keep` keeps (all of them in a test: the same hits).
fn find_names_keeping(
    cx: &Tokens<'_>,
    patient: Option<&PatientName>,
    keep: Keep<'_>,
) -> Vec<NameHit> {
    let text = cx.text();
    let mut keys = String::from_utf8(pool::take(&KEYS)).unwrap_or_default();
    let mut words = model::enabled().then(|| pool::take(&model::WORDS));
    let toks = tokenize(text, cx, &mut keys, keep, words.as_mut());
    let mut hits = Vec::new();
    if let Some(p) = patient.filter(|p| !p.is_empty()) {
        patient::patient_hits(text, &toks, p, &mut hits);
        disguised::disguised_hits(cx, &toks, p, &mut hits);
    }
    rules::names_by_rule(text, &toks, &mut hits);
    if let Some(words) = words {
        model::names_in(text, &words, &mut hits);
        pool::give(&model::WORDS, words);
    }
    pool::give(&TOKS, pool::recycle(toks));
    pool::give_wiped(&KEYS, keys.into_bytes());
    merge(hits)
}

/// Sorts hits and merges overlapping ones (keeping the strongest reason and confidence).
fn merge(mut hits: Vec<NameHit>) -> Vec<NameHit> {
    // std's sort on the scanner's hot path (every name candidate of a text): one copy, for
    // this one element type, in the package (README, "Size and speed in the browser").
    #[allow(clippy::disallowed_methods)]
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<NameHit> = Vec::with_capacity(hits.len());
    for h in hits {
        match out.last_mut() {
            Some(last) if h.start < last.end => {
                last.end = last.end.max(h.end);
                if h.reason.rank() > last.reason.rank() {
                    last.reason = h.reason;
                }
                last.confidence = last.confidence.max(h.confidence);
            }
            _ => out.push(h),
        }
    }
    out
}

/// Normalises `original`, finds names, and returns the hits with ranges mapped back to
/// byte offsets in `original` (covering hidden characters inside a name).
///
/// ```
/// use skjemavakt::privacy::names::{find_names_original, PatientName};
/// let original = "Pasienten K\u{200B}ari&nbsp;Nordmann ble henvist.";
/// let hits = find_names_original(original, Some(&PatientName::new("Kari Nordmann")));
/// assert_eq!(hits.len(), 1);
/// assert_eq!(&original[hits[0].start..hits[0].end], "K\u{200B}ari&nbsp;Nordmann");
/// ```
pub fn find_names_original(original: &str, patient: Option<&PatientName>) -> Vec<NameHit> {
    let n = normalize(original);
    find_names(&n.text, patient)
        .into_iter()
        .map(|h| {
            let (start, end) = n.original_range(h.start, h.end);
            NameHit { start, end, ..h }
        })
        .collect()
}
