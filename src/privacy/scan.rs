//! The pipeline run on a text ([`scan_text`], [`scan_with`] for a field of a privacy class)
//! and on every field of a form that leaves the hospital ([`scan_document`]); the findings as
//! diagnostics ([`diagnostics`]).

use super::detect::{self, Detectors};
use super::{names, normalize, tokens, windows};
use super::{Basis, FieldFindings, Finding, FindingKind, Identity};
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

/// Scans a text as a field of the given privacy class. A name found in the text makes its
/// parts names throughout it ([`names_throughout`]).
pub fn scan_with(text: &str, class: Privacy, identity: &Identity) -> Vec<Finding> {
    let Some((which, with_names)) = detectors_for(class) else {
        return Vec::new();
    };
    let norm = normalize::normalize(text);
    let mut hits = hits_in(&norm.text, which, with_names, identity, windows::CHUNK);
    if with_names {
        names_throughout(&mut [(norm.text.as_str(), &mut hits)]);
    }
    findings_of(text, &norm, hits)
}

/// The findings of `hits` (in `norm`, the normalised `text`), in the original text.
fn findings_of(text: &str, norm: &normalize::Normalized, hits: Vec<detect::Hit>) -> Vec<Finding> {
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

/// Document-level consistency of names ([`names::consistency`]): every part of a name found
/// in one of `texts` (normalised, with their hits) is a name wherever else it stands in
/// them. Nothing to do (and no cost) when no name was found.
fn names_throughout(texts: &mut [(&str, &mut Vec<detect::Hit>)]) {
    if !names::model::consistency_enabled() {
        return;
    }
    let mut parts = names::consistency::NameParts::new();
    for (text, hits) in texts.iter() {
        let found: Vec<_> = hits
            .iter()
            .filter(|h| h.kind == FindingKind::Name)
            .map(|h| names::consistency::FoundName {
                start: h.start,
                end: h.end,
                model_only: h.basis == Basis::Model,
            })
            .collect();
        parts.add(text, &found);
    }
    if parts.is_empty() {
        return;
    }
    for (text, hits) in texts.iter_mut() {
        let taken: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        let more = parts.find(text, &taken);
        if more.is_empty() {
            continue;
        }
        hits.extend(more.into_iter().map(|h| detect::Hit {
            start: h.start,
            end: h.end,
            kind: FindingKind::Name,
            confidence: h.confidence,
            basis: h.reason.basis(),
        }));
        **hits = detect::resolve_overlaps(std::mem::take(*hits));
    }
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
/// is meant to hold the patient's name and number. A name found in one field makes its
/// parts names in every field where names are looked for ([`names_throughout`]).
pub fn scan_document(doc: &Value, kind: FormKind, identity: &Identity) -> Vec<FieldFindings> {
    scan_document_below(doc, kind, identity, "")
}

/// [`scan_document`], reporting only the fields at or below `path` (a JSON Pointer; `""`
/// is every field): the other fields are scanned all the same, for the names in them.
pub fn scan_document_below(
    doc: &Value,
    kind: FormKind,
    identity: &Identity,
    path: &str,
) -> Vec<FieldFindings> {
    let mut scanned: Vec<_> = outgoing_fields(doc, kind)
        .into_iter()
        .filter_map(|(p, field, text)| {
            let (which, with_names) = detectors_for(field.privacy)?;
            let norm = normalize::normalize(text);
            let hits = hits_in(&norm.text, which, with_names, identity, windows::CHUNK);
            Some((p, text, norm, hits, with_names))
        })
        .collect();
    let mut named: Vec<(&str, &mut Vec<detect::Hit>)> = scanned
        .iter_mut()
        .filter(|f| f.4)
        .map(|(_, _, norm, hits, _)| (norm.text.as_str(), hits))
        .collect();
    names_throughout(&mut named);
    scanned
        .into_iter()
        .filter(|(p, ..)| {
            p.as_str()
                .strip_prefix(path)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .filter_map(|(path, text, norm, hits, _)| {
            let findings = findings_of(text, &norm, hits);
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
