//! The privacy gate: find and strip every direct identifier in what leaves the hospital.
//!
//! "Den interregionale vurderingskomitéen skal ikke kunne identifisere pasienten"
//! (nye-metoder-tilgangsordningen.txt, "Utfylling av søknadsskjema"); every e-mailed part of
//! Helse Bergen's process "skal være fri for direkte personidentifiserbare opplysninger",
//! while the NPR-ID is not regarded as directly identifying and shall be on the application
//! (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2 and footnote 2).
//!
//! - [`normalize`] folds the text (Unicode digits, spaces, dashes, invisible characters,
//!   HTML references) with a map back to the original offsets;
//! - [`detect`] finds numbers, contact details, addresses, birth dates and record numbers;
//! - [`names`] finds person names — above all the patient's own, known from part 1;
//! - [`scan_text`] / [`scan_document`] run them on a text or on every field of a form that
//!   leaves the hospital, according to the field's [`Privacy`] class;
//! - [`redact_text`] / [`redact_document`] replace each finding with a placeholder;
//! - [`gate`] validates, scans and seals ([`seal`]).
//!
//! Findings never carry the matched text: only kind, field path, offsets and confidence.
//!
//! ```
//! use skjemavakt::privacy::{scan_text, Identity, detect::Kind};
//! let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
//! let text = "Kari (f. 14.03.1974, tlf 912 34 567) har ROS1-fusjon.";
//! let kinds: Vec<Kind> = scan_text(text, &id).iter().map(|f| f.kind).collect();
//! assert_eq!(kinds, vec![Kind::Name, Kind::BirthDate, Kind::Phone]);
//! ```

mod chunks;
pub mod detect;
pub mod gate;
mod lexicon;
pub mod names;
pub mod normalize;
mod par;
mod pool;
pub mod seal;
#[cfg(test)]
mod testing;

use crate::diagnostic::{Diagnostic, Document, Pointer, Rule, Severity, Source, Span, Texts};
use crate::forms::schema::{visit_fields, Field, Privacy};
use crate::forms::FormKind;
use detect::{Detectors, Kind, PatientFacts};
use names::PatientName;
use serde::Serialize;
use serde_json::Value;

const SRC_T: Source = Source {
    document: Document::Tilgangsordningen,
    section: "Utfylling av søknadsskjema: «Den interregionale vurderingskomitéen skal ikke kunne identifisere pasienten»",
};
const SRC_HB: Source = Source {
    document: Document::HelseBergen1_2_2_5_16,
    section: "3.2 Vurderingsprosessen: fri for direkte personidentifiserbare opplysninger",
};
const SRC_BRIEF: Source = Source {
    document: Document::DomainBrief,
    section: "Direct identifiers (what must not leave in part 2)",
};

macro_rules! finding_rule {
    ($name:ident, $code:literal, $src:expr, [$nb:literal, $nn:literal, $en:literal]) => {
        #[doc = $nb]
        pub static $name: Rule = Rule {
            code: $code,
            severity: Severity::Error,
            source: $src,
            message: Texts { nb: $nb, nn: $nn, en: $en },
            hint: Some(Texts {
                nb: "Fjern opplysningen eller erstatt den med en plassholder som [NAVN] («Fjern» i skjemaet, skjemavakt redact på kommandolinjen). Del 2 skal ikke kunne knyttes til pasienten; NPR-ID og fødselsår er tillatt.",
                nn: "Fjern opplysninga eller byt henne ut med ein plasshaldar som [NAVN] («Fjern» i skjemaet, skjemavakt redact på kommandolinja). Del 2 skal ikkje kunne knytast til pasienten; NPR-ID og fødselsår er tillate.",
                en: "Remove it or replace it with a placeholder such as [NAVN] (“Fjern” in the form, skjemavakt redact on the command line). Part 2 must not be linkable to the patient; the NPR-ID and the birth year are allowed.",
            }),
        };
    };
}

finding_rule!(
    NATIONAL_ID,
    "privacy.national_id",
    SRC_T,
    [
        "Teksten inneholder et fødselsnummer eller D-nummer.",
        "Teksten inneheld eit fødselsnummer eller D-nummer.",
        "The text contains a national identity number."
    ]
);
finding_rule!(
    POSSIBLE_NATIONAL_ID,
    "privacy.possible_national_id",
    SRC_T,
    [
        "Teksten inneholder et mulig fødselsnummer (11 sifre som begynner med en dato).",
        "Teksten inneheld eit mogleg fødselsnummer (11 siffer som byrjar med ein dato).",
        "The text contains a possible national identity number (11 digits starting with a date)."
    ]
);
finding_rule!(
    ACCOUNT,
    "privacy.account",
    SRC_BRIEF,
    [
        "Teksten inneholder et kontonummer.",
        "Teksten inneheld eit kontonummer.",
        "The text contains a bank account number."
    ]
);
finding_rule!(
    EMAIL,
    "privacy.email",
    SRC_BRIEF,
    [
        "Teksten inneholder en e-postadresse.",
        "Teksten inneheld ei e-postadresse.",
        "The text contains an e-mail address."
    ]
);
finding_rule!(
    PHONE,
    "privacy.phone",
    SRC_BRIEF,
    [
        "Teksten inneholder et telefonnummer.",
        "Teksten inneheld eit telefonnummer.",
        "The text contains a phone number."
    ]
);
finding_rule!(
    BIRTH_DATE,
    "privacy.birth_date",
    SRC_BRIEF,
    [
        "Teksten inneholder en fødselsdato; bare fødselsåret er tillatt.",
        "Teksten inneheld ein fødselsdato; berre fødselsåret er tillate.",
        "The text contains a date of birth; only the birth year is allowed."
    ]
);
finding_rule!(
    RECORD_NUMBER,
    "privacy.record_number",
    SRC_BRIEF,
    [
        "Teksten inneholder et journal-, pasient- eller saksnummer.",
        "Teksten inneheld eit journal-, pasient- eller saksnummer.",
        "The text contains a record, patient or case number."
    ]
);
finding_rule!(
    ADDRESS,
    "privacy.address",
    SRC_BRIEF,
    [
        "Teksten inneholder en adresse eller et bosted.",
        "Teksten inneheld ei adresse eller ein bustad.",
        "The text contains an address or place of residence."
    ]
);
finding_rule!(
    IP_ADDRESS,
    "privacy.ip_address",
    SRC_BRIEF,
    [
        "Teksten inneholder en IP-adresse.",
        "Teksten inneheld ei IP-adresse.",
        "The text contains an IP address."
    ]
);
finding_rule!(
    NAME,
    "privacy.name",
    SRC_HB,
    [
        "Teksten inneholder et personnavn.",
        "Teksten inneheld eit personnamn.",
        "The text contains a person's name."
    ]
);

/// Rules of this module.
pub static RULES: &[&Rule] = &[
    &NATIONAL_ID,
    &POSSIBLE_NATIONAL_ID,
    &ACCOUNT,
    &EMAIL,
    &PHONE,
    &BIRTH_DATE,
    &RECORD_NUMBER,
    &ADDRESS,
    &IP_ADDRESS,
    &NAME,
];

/// The rule for a kind of finding.
pub fn rule_for(kind: Kind) -> &'static Rule {
    match kind {
        Kind::NationalId => &NATIONAL_ID,
        Kind::PossibleNationalId => &POSSIBLE_NATIONAL_ID,
        Kind::Account => &ACCOUNT,
        Kind::Email => &EMAIL,
        Kind::Phone => &PHONE,
        Kind::BirthDate => &BIRTH_DATE,
        Kind::RecordNumber => &RECORD_NUMBER,
        Kind::Address => &ADDRESS,
        Kind::IpAddress => &IP_ADDRESS,
        Kind::Name => &NAME,
    }
}

/// The bracketed Norwegian placeholder that replaces a finding.
pub fn placeholder(kind: Kind) -> &'static str {
    match kind {
        Kind::NationalId | Kind::PossibleNationalId => "[FØDSELSNUMMER]",
        Kind::Account => "[KONTONUMMER]",
        Kind::Email => "[E-POST]",
        Kind::Phone => "[TELEFON]",
        Kind::BirthDate => "[FØDSELSDATO]",
        Kind::RecordNumber => "[JOURNALNUMMER]",
        Kind::Address => "[ADRESSE]",
        Kind::IpAddress => "[IP-ADRESSE]",
        Kind::Name => "[NAVN]",
    }
}

/// What part 1 tells about the patient: used to find their own name, number and birth date.
/// `Debug` shows nothing of it.
#[derive(Clone, Default)]
pub struct Identity {
    name: Option<PatientName>,
    facts: PatientFacts,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("name", &self.name.is_some())
            .field("birth_date", &self.facts.birth_date.is_some())
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
        let name = name
            .filter(|n| !n.trim().is_empty())
            .map(PatientName::new)
            .filter(|p| !p.is_empty());
        let birth_date = national_id
            .and_then(|s| crate::ident::fnr::validate(s).ok())
            .and_then(|id| id.birth_date());
        Identity {
            name,
            facts: PatientFacts { birth_date },
        }
    }

    /// From a part 1 document (`patient.name`, `patient.national_id`).
    pub fn from_part1(doc: &Value) -> Identity {
        let get = |k: &str| {
            doc.get("patient")
                .and_then(|p| p.get(k))
                .and_then(Value::as_str)
        };
        Identity::new(get("name"), get("national_id"))
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.facts.birth_date.is_none()
    }
}

/// One identifier found in a text: kind, byte and UTF-16 offsets in the original text, and
/// confidence. Never the text itself.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    pub span: Span,
    pub confidence: f32,
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

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
    let hits = hits_in(&norm.text, which, with_names, identity, chunks::CHUNK);
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
            }
        })
        .collect()
}

/// The detectors' and (`with_names`) the name finder's hits in a normalised text, overlaps
/// resolved. A long text is scanned in windows of about `chunk` bytes ([`chunks`]), natively
/// side by side ([`par`]).
fn hits_in(
    text: &str,
    which: Detectors,
    with_names: bool,
    identity: &Identity,
    chunk: usize,
) -> Vec<detect::Hit> {
    let windows = chunks::windows(text.as_bytes(), chunk);
    if windows.len() < 2 {
        return window_hits(text, which, with_names, identity);
    }
    let per_window = par::map(&windows, |w| {
        let text = text.get(w.start..w.end).unwrap_or_default();
        window_hits(text, which, with_names, identity)
    });
    // Where windows meet, both keep what reaches into the seam: the same finding twice is
    // one, overlapping ones become one that covers both.
    let mut all = Vec::new();
    for (w, hits) in windows.iter().zip(per_window) {
        for mut h in hits {
            h.start += w.start;
            h.end += w.start;
            if w.keeps(h.start, h.end) {
                all.push(h);
            }
        }
    }
    detect::resolve_overlaps(all)
}

/// [`hits_in`] of one window (or a whole short text).
fn window_hits(
    text: &str,
    which: Detectors,
    with_names: bool,
    identity: &Identity,
) -> Vec<detect::Hit> {
    let cx = detect::Ctx::new(text);
    let names = with_names.then(|| names::find_names_in(&cx, identity.name.as_ref()));
    let mut hits = detect::finish(
        detect::numbers(&cx, which),
        detect::context(&cx, which, &identity.facts),
    );
    if let Some(names) = names {
        hits.extend(names.into_iter().map(|h| detect::Hit {
            start: h.start,
            end: h.end,
            kind: Kind::Name,
            confidence: h.confidence,
        }));
        hits = detect::resolve_overlaps(hits);
    }
    hits
}

/// Findings in one field of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldFindings {
    pub path: Pointer,
    pub findings: Vec<Finding>,
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
fn outgoing_fields(doc: &Value, kind: FormKind) -> Vec<(Pointer, &'static Field, &str)> {
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
                Diagnostic::new(rule_for(x.kind), f.path.clone())
                    .span(x.span)
                    .confidence(x.confidence)
            })
        })
        .collect()
}

/// One replacement made by redaction: where (in the original text) and what kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Replacement {
    pub path: Pointer,
    pub kind: Kind,
    /// The span in the original text that was replaced.
    pub span: Span,
    pub placeholder: &'static str,
}

/// Replaces each finding in `text` with its placeholder. Findings must not overlap (those
/// from the scanner never do).
pub fn redact_text(text: &str, findings: &[Finding]) -> String {
    redact_mapped(text, findings).0
}

/// A piece of a redacted text: bytes `red` of it came from bytes `orig` of the original,
/// copied, or replaced by a placeholder.
struct Piece {
    red: std::ops::Range<usize>,
    orig: std::ops::Range<usize>,
    placeholder: bool,
}

/// [`redact_text`], and where each piece of the result came from.
fn redact_mapped(text: &str, findings: &[Finding]) -> (String, Vec<Piece>) {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |f| f.span.start);
    let mut out = String::with_capacity(text.len());
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut push = |out: &mut String, orig: std::ops::Range<usize>, with: Option<&str>| {
        let from = out.len();
        out.push_str(with.unwrap_or_else(|| text.get(orig.clone()).unwrap_or("")));
        pieces.push(Piece {
            red: from..out.len(),
            orig,
            placeholder: with.is_some(),
        });
    };
    for f in sorted {
        if f.span.start < pos || f.span.end > text.len() {
            continue;
        }
        push(&mut out, pos..f.span.start, None);
        push(
            &mut out,
            f.span.start..f.span.end,
            Some(placeholder(f.kind)),
        );
        pos = f.span.end;
    }
    push(&mut out, pos..text.len(), None);
    (out, pieces)
}

/// What a redaction replaces: the scan's findings, and what a scan of the redacted text
/// would still find, mapped back onto the original, until nothing is left (at most four
/// rounds). A scan looks at each identifier's surroundings, and a placeholder changes
/// them: «12.04.12.04.20Nordmann» holds no IP address, «12.04.12.04.[NAVN]» does. So the
/// redacted text is clean for the same scan (the gate's), and redacting it again changes
/// nothing. A finding that runs into a placeholder takes in what that one replaced.
fn to_redact(
    text: &str,
    mut findings: Vec<Finding>,
    scan: &dyn Fn(&str) -> Vec<Finding>,
) -> Vec<Finding> {
    let mut grown = false;
    for _ in 0..4 {
        let (red, pieces) = redact_mapped(text, &findings);
        // The new findings on the original (sorted by start, as the scan's are); one that
        // cannot be placed is left empty, and skipped.
        let mut more = scan(&red);
        if more.is_empty() {
            break;
        }
        grown = true;
        // The piece of the redacted text that holds byte `x`.
        let at = |x: usize| pieces.get(pieces.partition_point(|p| p.red.end <= x));
        for f in &mut more {
            let (start, end) = match (at(f.span.start), at(f.span.end.saturating_sub(1))) {
                (Some(a), Some(b)) => (
                    if a.placeholder {
                        a.orig.start
                    } else {
                        a.orig.start + (f.span.start - a.red.start)
                    },
                    if b.placeholder {
                        b.orig.end
                    } else {
                        b.orig.start + (f.span.end - b.red.start)
                    },
                ),
                _ => (0, 0),
            };
            (f.span.start, f.span.end) = (start, end);
        }
        // Both lists merged by start; overlapping findings become one, of the kind that
        // wins an overlap.
        let mut merged: Vec<Finding> = Vec::with_capacity(findings.len() + more.len());
        let (mut i, mut j) = (0, 0);
        loop {
            let f = match (findings.get(i), more.get(j)) {
                (Some(a), Some(b)) if b.span.start < a.span.start => {
                    j += 1;
                    *b
                }
                (Some(a), _) => {
                    i += 1;
                    *a
                }
                (None, Some(b)) => {
                    j += 1;
                    *b
                }
                (None, None) => break,
            };
            match merged.last_mut() {
                _ if f.span.start >= f.span.end => {}
                Some(last) if f.span.start < last.span.end => {
                    last.span.end = last.span.end.max(f.span.end);
                    if f.kind.priority() < last.kind.priority() {
                        (last.kind, last.confidence) = (f.kind, f.confidence);
                    }
                }
                _ => merged.push(f),
            }
        }
        findings = merged;
    }
    if grown {
        let mut cursor = crate::diagnostic::SpanCursor::new(text);
        for f in &mut findings {
            f.span = cursor.span(f.span.start, f.span.end);
        }
    }
    findings
}

/// Redacts every finding in a document. Returns the redacted document (member order kept)
/// and what was replaced where.
pub fn redact_document(
    doc: &Value,
    kind: FormKind,
    identity: &Identity,
) -> (Value, Vec<Replacement>) {
    let mut out = doc.clone();
    let mut replaced = Vec::new();
    for (path, field, text) in outgoing_fields(doc, kind) {
        let scan = |t: &str| scan_with(t, field.privacy, identity);
        let findings = scan(text);
        if findings.is_empty() {
            continue;
        }
        let findings = to_redact(text, findings, &scan);
        if let Some(Value::String(s)) = path.resolve_mut(&mut out) {
            *s = redact_text(s, &findings);
            replaced.extend(findings.iter().map(|x| Replacement {
                path: path.clone(),
                kind: x.kind,
                span: x.span,
                placeholder: placeholder(x.kind),
            }));
        }
    }
    (out, replaced)
}

/// Redacts a plain text: the redacted text and the replacements (path `""`).
pub fn redact_plain(text: &str, identity: &Identity) -> (String, Vec<Replacement>) {
    let scan = |t: &str| scan_text(t, identity);
    let findings = to_redact(text, scan(text), &scan);
    let red = redact_text(text, &findings);
    let replaced = findings
        .iter()
        .map(|x| Replacement {
            path: Pointer::root(),
            kind: x.kind,
            span: x.span,
            placeholder: placeholder(x.kind),
        })
        .collect();
    (red, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn windows_find_what_the_whole_text_finds() {
        // Long runs of mutated corpus sentences (an identifier or a look-alike in every
        // one), cut into windows every few kilobytes: the hits must be those of one scan of
        // the whole text — at every seam, in every kind, with and without names.
        let lines = testing::corpus_lines();
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let all = Detectors {
            all: true,
            literature_only: false,
        };
        let alphabet: Vec<char> = "aKN -'.,:\n\u{a0}ØÅÉ1@".chars().collect();
        let mut rnd = testing::rng(0xD1B5_4A32_D192_ED03);
        let mut texts: Vec<String> = Vec::new();
        for _ in 0..100 {
            let mut chars: Vec<char> = Vec::new();
            let length = 30_000 + rnd(30_000);
            while chars.len() < length {
                chars.extend(lines[rnd(lines.len())].chars());
                chars.push(if rnd(3) == 0 { '\n' } else { ' ' });
                if rnd(4) == 0 {
                    let at = rnd(chars.len());
                    chars.insert(at, alphabet[rnd(alphabet.len())]);
                }
            }
            texts.push(chars.into_iter().collect());
        }
        // As in use: longer than SPLIT_FROM, cut at the production chunk length.
        let mut long = String::new();
        while long.len() < 160 << 10 {
            long.push_str(&lines.join(" "));
            long.push('\n');
        }
        texts.push(long);
        let (mut found, mut seams) = (0, 0);
        for (i, text) in texts.iter().enumerate() {
            let n = normalize::normalize(text);
            let chunk = if i + 1 == texts.len() {
                chunks::CHUNK
            } else {
                4 << 10
            };
            seams += chunks::windows(n.text.as_bytes(), chunk).len() - 1;
            for with_names in [true, false] {
                let whole = window_hits(&n.text, all, with_names, &id);
                let cut = hits_in(&n.text, all, with_names, &id, chunk);
                assert_eq!(format!("{whole:?}"), format!("{cut:?}"), "{text:?}");
                found += whole.len();
            }
        }
        assert!(seams > 200 && found > 30_000, "{seams} seams, {found} hits");
    }

    #[test]
    fn a_finding_across_a_seam_is_kept_whole() {
        // A run of capitalised names longer than the margin around a cut: the windows each
        // see a piece, and together they still cover all of it.
        let name_run = "Kari Nordmann ".repeat(600);
        let filler = "pasienten har fått behandling ved avdelingen i flere år. ".repeat(1_200);
        let text = format!("{filler}\n{name_run}\n{filler}");
        let id = Identity::new(Some("Kari Nordmann"), None);
        let all = Detectors {
            all: true,
            literature_only: false,
        };
        let windows = chunks::windows(text.as_bytes(), 8 << 10);
        let run_start = filler.len() + 1;
        let run_end = run_start + name_run.trim_end().len();
        assert!(windows
            .iter()
            .any(|w| (run_start + 100..run_end - 100).contains(&w.start)));
        let whole = window_hits(&text, all, true, &id);
        let cut = hits_in(&text, all, true, &id, 8 << 10);
        let covered = |hits: &[detect::Hit]| {
            hits.iter()
                .filter(|h| h.start < run_end && h.end > run_start)
                .map(|h| h.end - h.start)
                .sum::<usize>()
        };
        assert!(
            covered(&whole) >= run_end - run_start - 600,
            "{}",
            covered(&whole)
        );
        assert!(
            covered(&cut) >= covered(&whole),
            "{} < {}",
            covered(&cut),
            covered(&whole)
        );
    }

    #[test]
    fn scan_maps_offsets_back_to_the_original() {
        let text = "Tlf\u{a0}912\u{200b}34\u{a0}567 — ring!";
        let f = scan_text(text, &Identity::none());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, Kind::Phone);
        let found = text.get(f[0].span.start..f[0].span.end).unwrap();
        assert!(
            found.starts_with("912") && found.ends_with("567"),
            "{found:?}"
        );
    }

    #[test]
    fn redaction_is_idempotent_and_leaves_no_finding() {
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let text = "Kari Nordmann (14037410021), f. 14.03.1974, kari@example.no, Storgata 12, 5003 Bergen.";
        let (once, rep) = redact_plain(text, &id);
        assert!(rep.len() >= 5, "{once}");
        for needle in [
            "Kari",
            "Nordmann",
            "14037410021",
            "14.03.1974",
            "kari@example.no",
            "Storgata",
        ] {
            assert!(!once.contains(needle), "{needle} in {once}");
        }
        let (twice, rep2) = redact_plain(&once, &id);
        assert_eq!(once, twice);
        assert!(rep2.is_empty());
    }

    #[test]
    fn redaction_takes_whole_words() {
        // Found by the scan fuzz target: the digits glued to a name were a phone number
        // once the name had become «[NAVN]».
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let text = "lege Ingrid Solberg374 10021.";
        let (once, _) = redact_plain(text, &id);
        assert_eq!(once, "lege [NAVN] 10021.");
        assert_eq!(redact_plain(&once, &id).0, once);
    }

    #[test]
    fn redaction_of_a_spaced_email_takes_what_is_glued_to_it() {
        // Found by tests/fuzz_smoke.rs: the number glued to the e-mail's local part was
        // left behind and found as a possible national identity number after redaction.
        let text = "01010000000tlf @f. f. ";
        let (once, _) = redact_plain(text, &Identity::none());
        assert_eq!(once, "[E-POST]. ");
        assert_eq!(redact_plain(&once, &Identity::none()).0, once);
    }

    #[test]
    fn placeholders_are_no_cue_words() {
        // Each number is found after the cue word itself, and not after the placeholder
        // that shares its spelling (a yearish postcode needs an address cue).
        for (redacted, cued) in [
            ("[TELEFON] 501052\n12 og", "telefon 501052\n12 og"),
            ("[FØDSELSDATO] 12.03.2024", "fødselsdato 12.03.2024"),
            ("[JOURNALNUMMER] 778899", "journalnummer 778899"),
            ("[FØDSELSNUMMER]: 778899", "fødselsnummer: 778899"),
            ("[ADRESSE], 2005 Bergen", "adresse, 2005 Bergen"),
            ("[IP-ADRESSE], 2005 Bergen", "ip-adresse, 2005 Bergen"),
        ] {
            let found = scan_text(redacted, &Identity::none());
            assert!(found.is_empty(), "{redacted:?}: {found:?}");
            assert!(
                !scan_text(cued, &Identity::none()).is_empty(),
                "{cued:?} should be found after its cue word"
            );
        }
    }

    #[test]
    fn redaction_never_uncovers_a_new_finding() {
        // Found by tests/fuzz_smoke.rs (CI, 2026-11) and the scan fuzz target. Each
        // redaction must leave nothing that a scan of its result would find, or redacting
        // twice changes the text.
        for (text, want) in [
            // A phone number beside a national identity number in one digit chain: the
            // phone was taken for a part of the identity number (it overlaps none of it).
            ("20000000-01010000000 ", "[TELEFON]-[FØDSELSNUMMER] "),
            // A spaced e-mail whose domain ran on into a number: «f.f.20000000» is no
            // address, but «f.f» is, and that was found only once the number was gone.
            (
                "x @f. \u{a0}f. 20000000\u{a0}tlf",
                "[E-POST]. [TELEFON]\u{a0}tlf",
            ),
            // Two spaced e-mails, the second's local part running back into the first's
            // domain: the one that won the overlap covers both.
            ("øØtlf @f. f. 0 @f. f. 00", "[E-POST]. 00"),
            // Found by the scan fuzz target: the placeholder «[TELEFON]» was a cue word
            // for the number after it («501052⏎12» is a phone number only after a cue).
            (
                "\"24333333\u{3}501052\r12~E",
                "\"[TELEFON]\u{3}501052\r12~E",
            ),
        ] {
            check(text, want);
        }
        // Found by the scan fuzz target: an address glued by a hyphen to a long word that
        // ends in the patient's name; the label was too long, until the name was redacted.
        let text = format!("he@pp.pplg-del{}Nordmann", "1".repeat(60));
        let id = Identity::new(Some("Kari Nordmann"), None);
        let (once, _) = redact_plain(&text, &id);
        assert_eq!(once, "[E-POST]-[NAVN]");
        assert_eq!(redact_plain(&once, &id).0, once);
        // Found by the scan fuzz target: «12.04.12.04.20…» is no IP address, but with the
        // name glued to it redacted, «12.04.12.04.[NAVN]» holds one; the redaction takes
        // it too, so that its result is clean (the scan itself still reports the name).
        let text = "fra 12.04.12.04.20Nordmann";
        assert_eq!(scan_text(text, &id).len(), 1);
        let (once, replaced) = redact_plain(text, &id);
        assert_eq!(once, "fra [IP-ADRESSE].[NAVN]");
        assert_eq!(replaced.len(), 2);
        assert_eq!(redact_plain(&once, &id).0, once);
        fn check(text: &str, want: &str) {
            let (once, _) = redact_plain(text, &Identity::none());
            assert_eq!(once, want, "{text:?}");
            let (twice, more) = redact_plain(&once, &Identity::none());
            assert_eq!(twice, once, "{text:?}");
            assert!(more.is_empty(), "{text:?}");
        }
    }

    #[test]
    fn document_scan_respects_field_classes() {
        let doc = json!({
            "form": "tilgang-del2",
            "application": {"applicant_name": "Overlege Ingrid Solberg"},
            "patient": {"medical_history": "Mor Ingrid Hansen er fastlege.", "npr_id": "12345678"},
            "literature": [{"title": "Hansen et al. 2020", "url": "https://doi.org/10.1/x"}]
        });
        let found = scan_document(&doc, FormKind::TilgangDel2, &Identity::none());
        let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, vec!["/patient/medical_history"]);
        // Part 1 is never scanned.
        assert!(scan_document(&doc, FormKind::TilgangDel1, &Identity::none()).is_empty());
        // A document's fields are redacted as plain text is, until clean; the applicant's
        // own field keeps the applicant's name.
        let id = Identity::new(Some("Kari Nordmann"), None);
        let doc = json!({
            "form": "tilgang-del2",
            "application": {"applicant_name": "Overlege Ingrid Solberg"},
            "patient": {"medical_history": "fra 12.04.12.04.20Nordmann"}
        });
        let (red, replaced) = redact_document(&doc, FormKind::TilgangDel2, &id);
        assert_eq!(
            red.pointer("/patient/medical_history"),
            Some(&json!("fra [IP-ADRESSE].[NAVN]"))
        );
        assert_eq!(replaced.len(), 2);
        assert!(replaced
            .iter()
            .all(|r| r.path.as_str() == "/patient/medical_history"));
        assert_eq!(
            red.pointer("/application/applicant_name"),
            doc.pointer("/application/applicant_name")
        );
        assert!(scan_document(&red, FormKind::TilgangDel2, &id).is_empty());
    }

    #[test]
    fn identity_debug_shows_nothing() {
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let d = format!("{id:?}");
        assert!(!d.contains("Kari") && !d.contains("1403"), "{d}");
    }
}
