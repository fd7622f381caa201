//! The pipeline run on a text ([`scan_text`], [`scan_with`] for a field of a privacy class)
//! and on every field of a form that leaves the hospital ([`scan_document`]); the findings as
//! diagnostics ([`diagnostics`]).

use super::detect::{self, Detectors};
use super::{names, normalize, tokens, windows};
use super::{FieldFindings, Finding, FindingKind, Identity};
use crate::diagnostic::{Diagnostic, Pointer};
use crate::forms::schema::{visit_fields, Field, Privacy};
use crate::forms::FormKind;
use serde_json::Value;

/// Which detectors a privacy class runs.
fn detectors_for(p: Privacy) -> Option<(Detectors, bool)> {
    match p {
        Privacy::FreeText | Privacy::Structured => Some((
            Detectors {
                all: true,
                literature_only: false,
            },
            true,
        )),
        Privacy::AllowedName => Some((
            Detectors {
                all: true,
                literature_only: false,
            },
            false,
        )),
        Privacy::Literature => Some((
            Detectors {
                all: true,
                literature_only: true,
            },
            false,
        )),
        Privacy::NotScanned => None,
    }
}

/// Scans a free text with every detector.
pub fn scan_text(text: &str, identity: &Identity) -> Vec<Finding> {
    scan_with(text, Privacy::FreeText, identity)
}

/// Scans a text as a field of the given privacy class.
pub fn scan_with(text: &str, class: Privacy, identity: &Identity) -> Vec<Finding> {
    let Some((which, with_names)) = detectors_for(class) else {
        return Vec::new();
    };
    let norm = normalize::normalize(text);
    let hits = hits_in(&norm.text, which, with_names, identity, windows::CHUNK);
    let hits = detect::widen_to_words(&norm.text, hits);
    // Hits are sorted by start: the cursor counts UTF-16 offsets in one pass.
    let mut cursor = crate::diagnostic::SpanCursor::new(text);
    hits.into_iter()
        .map(|h| {
            let (s, e) = norm.original_range(h.start, h.end);
            Finding {
                kind: h.kind,
                span: cursor.span(s, e),
                confidence: h.confidence,
                basis: h.basis,
            }
        })
        .collect()
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

/// Scans every text field of a document that leaves the hospital. Part 1 is not scanned: it
/// is meant to hold the patient's name and number.
pub fn scan_document(doc: &Value, kind: FormKind, identity: &Identity) -> Vec<FieldFindings> {
    outgoing_fields(doc, kind)
        .into_iter()
        .filter_map(|(path, field, text)| {
            let findings = scan_with(text, field.privacy, identity);
            (!findings.is_empty()).then_some(FieldFindings { path, findings })
        })
        .collect()
}

/// The text fields of a document that leaves the hospital (none of part 1's): path, field
/// and text.
pub(super) fn outgoing_fields(doc: &Value, kind: FormKind) -> Vec<(Pointer, &'static Field, &str)> {
    let mut fields = Vec::new();
    if kind.leaves_hospital() {
        visit_fields(doc, kind.fields(), &Pointer::root(), &mut fields);
    }
    fields
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
