//! The pipeline run on a text ([`scan_text`], [`scan_with`] for a field of a privacy class)
//! and on everything of a form that leaves the hospital ([`scan_document`]: every string and
//! number, by [`leaves`]); the findings as diagnostics ([`diagnostics`]).

use super::class::{detectors_for, keep_names, link_parts, merge, more_than_one_clinician, Names};
use super::detect::{self, Detectors};
use super::leaves::{self, Order};
use super::names::consistency::{FoundName, NameParts};
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

/// Scans a free text with every detector.
pub fn scan_text(text: &str, identity: &Identity) -> Vec<Finding> {
    scan_with(text, Privacy::FreeText, identity)
}

/// Scans a text as a field of the given privacy class (a link's percent-escapes decoded
/// first: [`percent`]). A name found in the text makes its parts names throughout it
/// (document-level consistency, [`names::consistency`]).
pub fn scan_with(text: &str, class: Privacy, identity: &Identity) -> Vec<Finding> {
    scan_leaf(text, class, identity, &mut Parts::Own)
}

/// The names of other texts of the same document, for [`scan_leaf`].
pub(crate) enum Parts<'a> {
    /// The text on its own: its own names make their parts names in it.
    Own,
    /// As [`Parts::Own`], and the parts of the text's names are added to the document's
    /// (`doc`) and to the text's own (`own`).
    Collect {
        doc: &'a mut NameParts,
        own: &'a mut NameParts,
    },
    /// The parts of the names found anywhere in the document (this text's among them).
    Document(&'a mut NameParts),
}

/// [`scan_with`], with the names found elsewhere in the document ([`Parts`]).
pub(crate) fn scan_leaf(
    text: &str,
    class: Privacy,
    identity: &Identity,
    parts: &mut Parts<'_>,
) -> Vec<Finding> {
    let decoded = match class {
        Privacy::Link => percent::decode(text),
        _ => None,
    };
    let link = decoded.as_ref().map_or(text, |d| d.text.as_str());
    let mut ranges = ranges_in(link, class, identity, parts);
    if class == Privacy::Link {
        // The link's parts as text of their own: inside a whole URL (allowed on purpose) an
        // e-mail address or a name would not be found.
        ranges = merge(ranges, ranges_in(&link_parts(link), class, identity, parts));
    }
    if let Some(d) = &decoded {
        for (s, e, _) in &mut ranges {
            (*s, *e) = d.original_range(*s, *e);
        }
    }
    if class == Privacy::AllowedName {
        ranges = merge(ranges, more_than_one_clinician(text).into_iter().collect());
    }
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
fn ranges_in(
    text: &str,
    class: Privacy,
    identity: &Identity,
    parts: &mut Parts<'_>,
) -> Vec<(usize, usize, detect::Hit)> {
    let (which, names) = detectors_for(class);
    let with_names = names != Names::PatientOnly || identity.name.is_some();
    let norm = normalize::normalize(text);
    let mut hits = hits_in(&norm.text, which, with_names, identity, windows::CHUNK);
    if names == Names::All && names::model::consistency_enabled() {
        match parts {
            Parts::Own => names_throughout(&norm.text, &mut hits, &mut NameParts::new()),
            Parts::Collect { doc, own } => {
                names_throughout(&norm.text, &mut hits, &mut NameParts::new());
                let found = found_names(&hits);
                doc.add(&norm.text, &found);
                own.add(&norm.text, &found);
            }
            Parts::Document(doc) => more_names(&norm.text, &mut hits, doc),
        }
    }
    let hits = keep_names(&norm.text, hits, names);
    let hits = detect::widen_to_words(&norm.text, hits);
    hits.into_iter()
        .map(|h| {
            let (s, e) = norm.original_range(h.start, h.end);
            (s, e, h)
        })
        .collect()
}

/// The names among `hits`, for [`NameParts::add`].
fn found_names(hits: &[detect::Hit]) -> Vec<FoundName> {
    hits.iter()
        .filter(|h| h.kind == FindingKind::Name)
        .map(|h| FoundName {
            start: h.start,
            end: h.end,
            model_only: h.basis == Basis::Model,
        })
        .collect()
}

/// Document-level consistency within one text ([`names::consistency`]): every part of a
/// name found in `text` is a name wherever else it stands in it. `parts` is empty scratch
/// space. Nothing to do (and no cost) when no name was found.
fn names_throughout(text: &str, hits: &mut Vec<detect::Hit>, parts: &mut NameParts) {
    let found = found_names(hits);
    if found.is_empty() {
        return;
    }
    parts.add(text, &found);
    more_names(text, hits, parts);
}

/// The words of `text` that are parts of the names in `parts`, added to `hits`.
fn more_names(text: &str, hits: &mut Vec<detect::Hit>, parts: &mut NameParts) {
    if parts.is_empty() {
        return;
    }
    let taken: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    let more = parts.find(text, &taken);
    if more.is_empty() {
        return;
    }
    hits.extend(more.into_iter().map(|h| detect::Hit {
        start: h.start,
        end: h.end,
        kind: FindingKind::Name,
        confidence: h.confidence,
        basis: h.reason.basis(),
    }));
    *hits = detect::resolve_overlaps(std::mem::take(hits));
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
/// patient's name and number, and never leaves. A name found anywhere makes its parts names
/// in every text where names are looked for (document-level consistency,
/// [`names::consistency`]).
pub fn scan_document(doc: &Value, kind: FormKind, identity: &Identity) -> Vec<FieldFindings> {
    scan_document_below(doc, kind, identity, "")
}

/// [`scan_document`], reporting only what is at or below `path` (a JSON Pointer; `""` is
/// the whole document): the other texts are scanned all the same, for the names in them.
pub fn scan_document_below(
    doc: &Value,
    kind: FormKind,
    identity: &Identity,
    path: &str,
) -> Vec<FieldFindings> {
    let below = |p: &Pointer| {
        p.as_str()
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    let all_names = |class: Privacy| detectors_for(class).1 == Names::All;
    let leaves: Vec<_> = leaves::outgoing(doc, kind, Order::Document)
        .into_iter()
        .filter(|l| !l.too_long() && (below(&l.path) || all_names(l.class)))
        .collect();
    // First each text on its own, gathering the names' parts (the document's, and each
    // text's own); then the texts where names are looked for again with all of them, when
    // the document's names have parts that are not the text's own (a link, read in two
    // ways, always).
    let mut parts = NameParts::new();
    let mut own: Vec<NameParts> = leaves.iter().map(|_| NameParts::new()).collect();
    let mut found: Vec<Vec<Finding>> = leaves
        .iter()
        .zip(own.iter_mut())
        .map(|(l, own)| {
            let mut collect = Parts::Collect {
                doc: &mut parts,
                own,
            };
            scan_leaf(&l.text, l.class, identity, &mut collect)
        })
        .collect();
    if !parts.is_empty() {
        for ((l, f), own) in leaves.iter().zip(found.iter_mut()).zip(&own) {
            let more = l.class == Privacy::Link || !own.same_parts(&parts);
            if below(&l.path) && all_names(l.class) && more {
                *f = scan_leaf(&l.text, l.class, identity, &mut Parts::Document(&mut parts));
            }
        }
    }
    leaves
        .into_iter()
        .zip(found)
        .filter(|(l, f)| below(&l.path) && !f.is_empty())
        .map(|(l, findings)| FieldFindings {
            path: l.path,
            findings,
        })
        .collect()
}

/// The parts of the names found anywhere in a document ([`scan_document`]'s first pass),
/// for [`scan_leaf`] with [`Parts::Document`].
pub(crate) fn document_names(doc: &Value, kind: FormKind, identity: &Identity) -> NameParts {
    let mut parts = NameParts::new();
    for l in leaves::outgoing(doc, kind, Order::Document) {
        if !l.too_long() && detectors_for(l.class).1 == Names::All {
            let mut own = NameParts::new();
            let mut collect = Parts::Collect {
                doc: &mut parts,
                own: &mut own,
            };
            scan_leaf(&l.text, l.class, identity, &mut collect);
        }
    }
    parts
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
