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
    let literature = Detectors {
        all: true,
        literature_only: true,
    };
    match p {
        Privacy::FreeText | Privacy::Structured => (all, Names::All),
        Privacy::AllowedName => (all, Names::OneClinician),
        Privacy::Code => (all, Names::PatientOnly),
        Privacy::Literature => (literature, Names::PatientOnly),
        // A link holds no person's name (an author's is in the title): every name counts.
        Privacy::Link => (literature, Names::All),
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
    let link = decoded.as_ref().map_or(text, |d| d.text.as_str());
    let mut ranges = ranges_in(link, class, identity);
    if class == Privacy::Link {
        // The link's parts as text of their own: inside a whole URL (allowed on purpose) an
        // e-mail address or a name would not be found.
        ranges = merge(ranges, ranges_in(&link_parts(link), class, identity));
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

/// Two lists of ranges sorted by start, merged; a range that overlaps one kept is dropped.
fn merge(
    a: Vec<(usize, usize, detect::Hit)>,
    b: Vec<(usize, usize, detect::Hit)>,
) -> Vec<(usize, usize, detect::Hit)> {
    if b.is_empty() {
        return a;
    }
    let mut all = a;
    all.extend(b);
    crate::sort::sort_by_key(&mut all, |x| x.0);
    let mut out: Vec<(usize, usize, detect::Hit)> = Vec::with_capacity(all.len());
    for r in all {
        match out.last() {
            Some(last) if r.0 < last.1 => {}
            _ => out.push(r),
        }
    }
    out
}

/// A link with its scheme, host and delimiters (`/ ? & = # ;`) blanked out, byte for byte
/// (the offsets stay): its path segments and query values as words.
fn link_parts(link: &str) -> String {
    let rest = link.find("://").map_or(0, |i| i + 3);
    let host_end = link
        .get(rest..)
        .and_then(|r| r.find(['/', '?', '#']))
        .map_or(link.len(), |i| rest + i);
    link.char_indices()
        .flat_map(|(i, c)| {
            let blank = i < host_end || matches!(c, '/' | '?' | '&' | '=' | '#' | ';');
            let n = if blank { c.len_utf8() } else { 0 };
            std::iter::repeat_n(' ', n).chain((!blank).then_some(c))
        })
        .collect()
}

/// In a clinician's name field, what makes it more than one clinician's name: a cue word that
/// is no title («mor», «datter», «pasient»), or a word that joins another person («og»,
/// «and», «&»), with words after it. Reported from that word to the end, as a name.
fn more_than_one_clinician(text: &str) -> Option<(usize, usize, detect::Hit)> {
    use crate::lexicon::names::{classify, key, CUE, TITLE};
    let mut start = None;
    let mut at = 0;
    while at < text.len() {
        let rest = text.get(at..).unwrap_or("");
        let Some(off) = rest.find(|c: char| c.is_alphabetic() || c == '&' || c == '+') else {
            break;
        };
        let w_start = at + off;
        let w = text.get(w_start..).unwrap_or("");
        let len = if w.starts_with(['&', '+']) {
            1
        } else {
            w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len())
        };
        let word = w.get(..len).unwrap_or("");
        let low = crate::letter_case::lower(word);
        let joins = matches!(
            low.as_str(),
            "og" | "and" | "samt" | "eller" | "or" | "&" | "+"
        );
        let flags = classify(&key(word));
        if joins || (flags & CUE != 0 && flags & TITLE == 0) {
            start = Some(w_start);
            break;
        }
        at = w_start + len.max(1);
    }
    let start = start?;
    let more = text.get(start..)?.split_whitespace().count() > 1;
    more.then_some((
        start,
        text.len(),
        detect::Hit {
            start,
            end: text.len(),
            kind: FindingKind::Name,
            confidence: 0.75,
            basis: Basis::Cue,
        },
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, class: Privacy, id: &Identity) -> Vec<(FindingKind, String)> {
        scan_with(text, class, id)
            .into_iter()
            .map(|f| (f.kind, text[f.span.start..f.span.end].to_string()))
            .collect()
    }

    #[test]
    fn a_clinicians_field_allows_one_clinician() {
        let none = Identity::none();
        for ok in [
            "Overlege Ingrid Solberg",
            "Fagdirektør Marte Lie",
            "Avdelingssjef Per Olav Haugland",
            "Per Olav Haugland, overlege",
            "Dr. Marte Lie",
        ] {
            assert!(kinds(ok, Privacy::AllowedName, &none).is_empty(), "{ok}");
        }
        for (text, found) in [
            ("Marte Lie (datter: Sigvor Nordmann)", "Sigvor Nordmann"),
            (
                "Marte Lie, mor til Sigvor Nordmann",
                "mor til Sigvor Nordmann",
            ),
            ("Marte Lie og Per Hansen", "og Per Hansen"),
        ] {
            let k = kinds(text, Privacy::AllowedName, &none);
            assert!(k.iter().any(|(_, t)| t.contains(found)), "{text}: {k:?}");
        }
        // The patient (part 1) never, even as the only name.
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        assert_eq!(
            kinds("Kari Nordmann", Privacy::AllowedName, &id),
            [(FindingKind::Name, "Kari Nordmann".to_string())]
        );
        // The same names in free text are all reported.
        assert_eq!(kinds("Marte Lie", Privacy::FreeText, &none).len(), 1);
    }

    #[test]
    fn a_link_is_decoded_and_read_in_parts() {
        let none = Identity::none();
        let link = "https://x.no/?e=kari.nordmann%40example.no";
        assert_eq!(
            kinds(link, Privacy::Link, &none),
            [(FindingKind::Email, "kari.nordmann%40example.no".to_string())]
        );
        let link = "https://x.no/?fnr=%31%34%30%33%37%34%31%30%30%32%31";
        assert_eq!(
            kinds(link, Privacy::Link, &none)[0].0,
            FindingKind::NationalId
        );
        assert_eq!(
            kinds("https://x.no/?q=Kari+Nordmann", Privacy::Link, &none),
            [(FindingKind::Name, "Kari+Nordmann".to_string())]
        );
        for ok in [
            "https://doi.org/10.1056/NEJMoa2302299",
            "https://pubmed.ncbi.nlm.nih.gov/33306283/",
            "10.1016/S0140-6736(20)30183-5",
            "PMID: 33306283",
        ] {
            assert!(kinds(ok, Privacy::Link, &none).is_empty(), "{ok}");
        }
        assert_eq!(link_parts("https://x.no/a?b=c#d"), "             a b c d");
    }

    #[test]
    fn a_code_is_scanned_for_numbers_contacts_and_the_patient() {
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        assert!(kinds("Helse Bergen", Privacy::Code, &id).is_empty());
        assert!(kinds("HBE-4f1c2a9e-77b0", Privacy::Code, &id).is_empty());
        assert_eq!(
            kinds("female 14037410021", Privacy::Code, &id)[0].0,
            FindingKind::NationalId
        );
        assert_eq!(
            kinds("Nordmann", Privacy::Code, &id)[0].0,
            FindingKind::Name
        );
        // Other names are no concern of a code (a trust's name is a place, a drug's a brand).
        assert!(kinds("Martina Hansens hospital", Privacy::Code, &Identity::none()).is_empty());
    }
}
