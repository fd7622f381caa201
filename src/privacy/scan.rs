//! The pipeline run on a text ([`scan_text`], [`scan_with`] for a field of a privacy class)
//! and on everything of a form that leaves the hospital ([`scan_document`]: every string and
//! number, by [`leaves`]); the findings as diagnostics ([`diagnostics`]).

use super::detect::{self, Detectors};
use super::leaves::{self, Order};
use super::{names, normalize, percent, tokens, windows};
use super::{Basis, FieldFindings, Finding, FindingKind, Identity};
use crate::diagnostic::{rule, Diagnostic, Document, Pointer, Source};
use crate::forms::schema::Privacy;
use crate::forms::FormKind;
use serde_json::Value;

const SRC_PART1: Source = Document::Tilgangsordningen
    .at("Utfylling av søknadsskjema: del 1 lagres med pasientens journal");

rule! {
    /// A scan or a redaction was asked of part 1, which holds the patient's identifiers on
    /// purpose and never leaves.
    pub static PART1: "privacy.part1", Error, SRC_PART1;
    nb: "Del 1 skal inneholde pasientens navn og fødselsnummer og sendes aldri ut; den blir ikke skannet eller sladdet.",
    nn: "Del 1 skal innehalde namnet og fødselsnummeret til pasienten og blir aldri send ut; han blir ikkje skanna eller sladda.",
    en: "Part 1 holds the patient's name and national identity number on purpose and never leaves; it is not scanned or redacted.",
    hint_nb: "Skann del 2, og gi del 1 ved siden av (--part1) for å finne pasientens egne opplysninger i den.",
    hint_nn: "Skann del 2, og gi del 1 ved sida av (--part1) for å finne opplysningane til pasienten i han.",
    hint_en: "Scan part 2, and give part 1 beside it (--part1) to find the patient's own identifiers in it.",
}

/// Which names a privacy class reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Names {
    /// Every name: the patient's, after a cue word, from the lists.
    All,
    /// A clinician's name field: the first name the lists or a title know is allowed;
    /// the patient's, one after any other cue word, and every further name are reported.
    OneClinician,
    /// The patient's own name only (from part 1).
    PatientOnly,
}

/// Which detectors and which names a privacy class runs. Every class runs the national-ID,
/// contact and part-1 checks.
fn detectors_for(p: Privacy) -> (Detectors, Names) {
    let all = Detectors {
        all: true,
        literature_only: false,
    };
    match p {
        Privacy::FreeText | Privacy::Structured => (all, Names::All),
        Privacy::AllowedName => (all, Names::OneClinician),
        Privacy::Code => (all, Names::PatientOnly),
        Privacy::Literature | Privacy::Link => (
            Detectors {
                all: true,
                literature_only: true,
            },
            Names::PatientOnly,
        ),
    }
}

/// Scans a free text with every detector.
pub fn scan_text(text: &str, identity: &Identity) -> Vec<Finding> {
    scan_with(text, Privacy::FreeText, identity)
}

/// Scans a text as a field of the given privacy class (a link's percent-escapes decoded
/// first: [`percent`]).
pub fn scan_with(text: &str, class: Privacy, identity: &Identity) -> Vec<Finding> {
    let decoded = match class {
        Privacy::Link => percent::decode(text),
        _ => None,
    };
    let ranges = match &decoded {
        Some(d) => ranges_in(&d.text, class, identity)
            .into_iter()
            .map(|(s, e, h)| {
                let (s, e) = d.original_range(s, e);
                (s, e, h)
            })
            .collect(),
        None => ranges_in(text, class, identity),
    };
    // Ranges are sorted by start: the cursor counts UTF-16 offsets in one pass.
    let mut cursor = crate::diagnostic::SpanCursor::new(text);
    ranges
        .into_iter()
        .map(|(s, e, h)| Finding {
            kind: h.kind,
            span: cursor.span(s, e),
            confidence: h.confidence,
            basis: h.basis,
        })
        .collect()
}

/// The hits of a class's detectors and names in `text`, as byte ranges of `text`.
fn ranges_in(text: &str, class: Privacy, identity: &Identity) -> Vec<(usize, usize, detect::Hit)> {
    let (which, names) = detectors_for(class);
    let with_names = names != Names::PatientOnly || identity.name.is_some();
    let norm = normalize::normalize(text);
    let hits = hits_in(&norm.text, which, with_names, identity, windows::CHUNK);
    let hits = keep_names(&norm.text, hits, names);
    let hits = detect::widen_to_words(&norm.text, hits);
    hits.into_iter()
        .map(|h| {
            let (s, e) = norm.original_range(h.start, h.end);
            (s, e, h)
        })
        .collect()
}

/// Drops the name hits a class allows (the other hits are all kept).
fn keep_names(text: &str, hits: Vec<detect::Hit>, names: Names) -> Vec<detect::Hit> {
    if names == Names::All {
        return hits;
    }
    let mut clinician_seen = false;
    hits.into_iter()
        .filter(|h| {
            if h.kind != FindingKind::Name || h.basis == Basis::Patient {
                return true;
            }
            match names {
                Names::All => true,
                Names::PatientOnly => false,
                Names::OneClinician => {
                    let allowed = match h.basis {
                        Basis::List => true,
                        Basis::Cue => after_title(text, h.start),
                        _ => false,
                    };
                    if allowed && !clinician_seen {
                        clinician_seen = true;
                        false
                    } else {
                        true
                    }
                }
            }
        })
        .collect()
}

/// True when the word before byte `at` (across spaces and `.`, `:`) is a clinician's title
/// («Overlege», «Dr.») and no other cue word («datter», «mor», «pasienten»).
fn after_title(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':'));
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    let word = trimmed.get(start..).unwrap_or("");
    if word.is_empty() {
        return false;
    }
    use crate::lexicon::names::{classify, key, CUE, TITLE};
    let flags = classify(&key(word));
    flags & TITLE != 0 && flags & CUE == 0
}

/// The detectors' and (`with_names`) the name finder's hits in a normalised text, overlaps
/// resolved. A long text is scanned in windows of about `chunk` bytes ([`windows`]).
pub(super) fn hits_in(
    text: &str,
    which: Detectors,
    with_names: bool,
    identity: &Identity,
    chunk: usize,
) -> Vec<detect::Hit> {
    windows::scan_in_windows(text, chunk, |t| window_hits(t, which, with_names, identity))
}

/// [`hits_in`] of one window (or a whole short text).
pub(super) fn window_hits(
    text: &str,
    which: Detectors,
    with_names: bool,
    identity: &Identity,
) -> Vec<detect::Hit> {
    let cx = tokens::Tokens::new(text);
    let names = with_names.then(|| names::find_names_in(&cx, identity.name.as_ref()));
    let mut hits = detect::finish(
        detect::numbers(&cx, which),
        detect::context(&cx, which, &identity.facts),
    );
    if let Some(names) = names {
        hits.extend(names.into_iter().map(|h| detect::Hit {
            start: h.start,
            end: h.end,
            kind: FindingKind::Name,
            confidence: h.confidence,
            basis: h.reason.basis(),
        }));
        hits = detect::resolve_overlaps(hits);
    }
    hits
}

/// Scans everything of a document that leaves the hospital: every string and number, and
/// every member name that is no field of the form ([`leaves`]), each with the privacy class
/// of its field (the strictest outside the form). A value longer than its field allows is
/// refused as too long and not scanned. Part 1 is not scanned: it is meant to hold the
/// patient's name and number, and never leaves.
pub fn scan_document(doc: &Value, kind: FormKind, identity: &Identity) -> Vec<FieldFindings> {
    leaves::outgoing(doc, kind, Order::Document)
        .into_iter()
        .filter(|l| !l.too_long())
        .filter_map(|l| {
            let findings = scan_with(&l.text, l.class, identity);
            (!findings.is_empty()).then_some(FieldFindings {
                path: l.path,
                findings,
            })
        })
        .collect()
}

/// The paths of what a document sends but the scanner leaves alone: values longer than
/// their field allows, refused as too long (and the gate refuses while there is one).
pub fn unscanned(doc: &Value, kind: FormKind) -> Vec<Pointer> {
    leaves::outgoing(doc, kind, Order::Document)
        .into_iter()
        .filter(leaves::Leaf::too_long)
        .map(|l| l.path)
        .collect()
}

/// Diagnostics (errors, one per finding) for the findings of a document.
pub fn diagnostics(found: &[FieldFindings]) -> Vec<Diagnostic> {
    found
        .iter()
        .flat_map(|f| {
            f.findings.iter().map(|x| {
                Diagnostic::new(x.kind.rule(), f.path.clone())
                    .span(x.span)
                    .confidence(x.confidence)
            })
        })
        .collect()
}
