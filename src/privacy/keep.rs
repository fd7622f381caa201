//! Keeping a false alarm: the physician's decision that a finding is no personal data (an
//! eponym, a clinician's or author's name, a place or institution, a code or value, or
//! something else said in words), applied where the same kind is still found at the same
//! place ([`Keeps`]).
//!
//! A keep names a finding by the field's path, its kind and its span — in bytes (as the CLI
//! prints them) or in UTF-16 units (as the page gets them). It only removes a finding: a
//! keep that names no finding of this scan is ignored and reported (`privacy.keep.stale`),
//! and a finding of a kind that is never anyone's false alarm stays (refused, with why): a
//! national identity number whose check digits hold, the patient's own name, number or birth
//! date from part 1, an e-mail address, a bank account number or IBAN whose check digits
//! hold. The words of an `other` reason are scanned as free text with the patient's identity;
//! a keep whose words hold an identifier is refused. Looking a finding up is a binary search
//! in an index sorted once, so a keep list of any length costs O(n log n), never n × m.
//!
//! Nothing of a keep is ever echoed: a malformed entry is reported at its place in the list
//! (`/options/keep/3/span`, a member that is no part of a keep masked as `*`), and a kept
//! finding is written with the path, kind and span of the finding the scan made, never the
//! text, nor a hash of it (a hash of a short value is found by trying every value).

use super::scan::scan_text;
use super::{Basis, FieldFindings, Finding, FindingKind, Identity};
use crate::diagnostic::{rule, Diagnostic, Document, Pointer, Source, Span, Texts};
use serde::Serialize;
use serde_json::Value;

/// Longest `text` of an `other` reason, in characters.
pub const MAX_TEXT_CHARS: usize = 300;

const SRC_T: Source = Document::Tilgangsordningen.at(
    "Utfylling av søknadsskjema: «Den interregionale vurderingskomitéen skal ikke kunne identifisere pasienten»",
);
const SRC_HB: Source = Document::HelseBergen1_2_2_5_16
    .at("3.2 Vurderingsprosessen: fri for direkte personidentifiserbare opplysninger");
const SRC_BRIEF: Source =
    Document::DomainBrief.at("Direct identifiers (what must not leave in part 2)");
const SRC_KEEP: Source = Document::Skjemavakt.at("The privacy gate: keeping a false alarm");

rule! {
    /// A keep entry is not what a keep is: `{path, kind, span: {start, end}, reason, text?}`.
    pub static INVALID: "privacy.keep.invalid", Error, SRC_KEEP;
    nb: "Et «behold»-valg er ikke gyldig: det trenger felt (path), type (kind), plassering (span), begrunnelse (reason) og, for «other», en tekst på høyst 300 tegn.",
    nn: "Eit «behald»-val er ikkje gyldig: det treng felt (path), type (kind), plassering (span), grunngjeving (reason) og, for «other», ein tekst på høgst 300 teikn.",
    en: "A keep is not valid: it needs a field (path), a kind, a place (span), a reason and, for “other”, a text of at most 300 characters.",
    hint_nb: "Skriv hvert valg som {\"path\": \"/patient/medical_history\", \"kind\": \"name\", \"span\": {\"start\": 10, \"end\": 22}, \"reason\": \"eponym\"}; begrunnelsene er eponym, clinician_or_author, place_or_institution, code_or_value og other (med text).",
    hint_nn: "Skriv kvart val som {\"path\": \"/patient/medical_history\", \"kind\": \"name\", \"span\": {\"start\": 10, \"end\": 22}, \"reason\": \"eponym\"}; grunngjevingane er eponym, clinician_or_author, place_or_institution, code_or_value og other (med text).",
    hint_en: "Write each keep as {\"path\": \"/patient/medical_history\", \"kind\": \"name\", \"span\": {\"start\": 10, \"end\": 22}, \"reason\": \"eponym\"}; the reasons are eponym, clinician_or_author, place_or_institution, code_or_value and other (with text).",
}

rule! {
    /// A keep names no finding of this scan: the text was changed, or the finding is gone.
    pub static STALE: "privacy.keep.stale", Warning, SRC_KEEP;
    nb: "Et «behold»-valg gjelder ikke lenger: det er ikke funnet noe av den typen på det stedet. Valget er ikke brukt.",
    nn: "Eit «behald»-val gjeld ikkje lenger: det er ikkje funne noko av den typen på den staden. Valet er ikkje brukt.",
    en: "A keep no longer applies: nothing of that kind is found at that place. It was not used.",
    hint_nb: "Teksten er endret etter at funnet ble beholdt. Skann på nytt og behold funnet der det er nå, om det fortsatt ikke er en personopplysning.",
    hint_nn: "Teksten er endra etter at funnet vart halde på. Skann på nytt og behald funnet der det er no, om det framleis ikkje er ei personopplysning.",
    hint_en: "The text was changed after the finding was kept. Scan again and keep the finding where it is now, if it is still no personal data.",
}

rule! {
    /// A valid national identity number cannot be kept.
    pub static REFUSED_NATIONAL_ID: "privacy.keep.national_id", Error, SRC_T;
    nb: "Et fødselsnummer eller D-nummer med gyldige kontrollsifre kan ikke beholdes: det identifiserer en person, og vurderingskomitéen skal ikke kunne identifisere pasienten.",
    nn: "Eit fødselsnummer eller D-nummer med gyldige kontrollsiffer kan ikkje haldast på: det identifiserer ein person, og vurderingskomitéen skal ikkje kunne identifisere pasienten.",
    en: "A national identity number whose check digits are valid cannot be kept: it identifies a person, and the assessment committee must not be able to identify the patient.",
    hint_nb: "Fjern nummeret («Fjern» i skjemaet, skjemavakt redact). Søknaden bruker NPR-ID og fødselsår.",
    hint_nn: "Fjern nummeret («Fjern» i skjemaet, skjemavakt redact). Søknaden bruker NPR-ID og fødselsår.",
    hint_en: "Remove the number (“Fjern” in the form, skjemavakt redact). The application uses the NPR-ID and the birth year.",
}

rule! {
    /// The patient's own name, number or birth date (known from part 1) cannot be kept.
    pub static REFUSED_PATIENT: "privacy.keep.patient", Error, SRC_HB;
    nb: "Pasientens eget navn, fødselsnummer eller fødselsdato fra del 1 kan ikke beholdes: søknaden skal være fri for direkte personidentifiserbare opplysninger.",
    nn: "Namnet, fødselsnummeret eller fødselsdatoen til pasienten frå del 1 kan ikkje haldast på: søknaden skal vere fri for direkte personidentifiserbare opplysningar.",
    en: "The patient's own name, national identity number or date of birth from part 1 cannot be kept: the application must be free of directly identifying personal data.",
    hint_nb: "Fjern opplysningen («Fjern» i skjemaet, skjemavakt redact), eller skriv «pasienten».",
    hint_nn: "Fjern opplysninga («Fjern» i skjemaet, skjemavakt redact), eller skriv «pasienten».",
    hint_en: "Remove it (“Fjern” in the form, skjemavakt redact), or write “pasienten” (the patient).",
}

rule! {
    /// An e-mail address cannot be kept.
    pub static REFUSED_EMAIL: "privacy.keep.email", Error, SRC_BRIEF;
    nb: "En e-postadresse kan ikke beholdes: den er et direkte personidentifiserende kjennetegn, også når den er en behandlers eller en avdelings.",
    nn: "Ei e-postadresse kan ikkje haldast på: ho er eit direkte personidentifiserande kjenneteikn, også når ho er ein behandlars eller ei avdelings.",
    en: "An e-mail address cannot be kept: it is a direct identifier, also when it is a clinician's or a department's.",
    hint_nb: "Fjern adressen («Fjern» i skjemaet, skjemavakt redact); vurderingskomitéen kontakter helseforetaket på vanlig måte.",
    hint_nn: "Fjern adressa («Fjern» i skjemaet, skjemavakt redact); vurderingskomitéen kontaktar helseføretaket på vanleg måte.",
    hint_en: "Remove the address (“Fjern” in the form, skjemavakt redact); the committee contacts the health trust the usual way.",
}

rule! {
    /// A bank account number or IBAN with valid check digits cannot be kept.
    pub static REFUSED_ACCOUNT: "privacy.keep.account", Error, SRC_BRIEF;
    nb: "Et kontonummer eller IBAN med gyldige kontrollsifre kan ikke beholdes: et kontonummer er et direkte personidentifiserende kjennetegn.",
    nn: "Eit kontonummer eller IBAN med gyldige kontrollsiffer kan ikkje haldast på: eit kontonummer er eit direkte personidentifiserande kjenneteikn.",
    en: "A bank account number or IBAN whose check digits are valid cannot be kept: an account number is a direct identifier.",
    hint_nb: "Fjern nummeret («Fjern» i skjemaet, skjemavakt redact). Et beløp skrives i kostnadsfeltene.",
    hint_nn: "Fjern nummeret («Fjern» i skjemaet, skjemavakt redact). Eit beløp blir skrive i kostnadsfelta.",
    hint_en: "Remove the number (“Fjern” in the form, skjemavakt redact). An amount goes in the cost fields.",
}

rule! {
    /// The words of an `other` reason hold an identifier: the keep is refused.
    pub static REFUSED_TEXT: "privacy.keep.text", Error, SRC_T;
    nb: "Begrunnelsen for å beholde funnet inneholder selv en personopplysning, og funnet er ikke beholdt.",
    nn: "Grunngjevinga for å halde på funnet inneheld sjølv ei personopplysning, og funnet er ikkje halde på.",
    en: "The reason given for keeping the finding itself holds personal data, and the finding was not kept.",
    hint_nb: "Skriv begrunnelsen uten navn, numre, adresser eller datoer: den sendes med søknaden.",
    hint_nn: "Skriv grunngjevinga utan namn, nummer, adresser eller datoar: ho blir send med søknaden.",
    hint_en: "Write the reason without names, numbers, addresses or dates: it is sent with the application.",
}

/// Why a finding is kept: it is no personal data because it is …
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// … a disease or sign named after a person (Parkinson, Bechterew).
    Eponym,
    /// … a clinician's or an author's name (the expert the form asks for, a reference).
    ClinicianOrAuthor,
    /// … a place or an institution (a hospital, the place after «bor i» in a description of
    /// resources).
    PlaceOrInstitution,
    /// … a code or a value (a case number of an earlier application, a dose, a study code).
    CodeOrValue,
    /// … something else, said in words (`text`).
    Other,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 5] = [
        Reason::Eponym,
        Reason::ClinicianOrAuthor,
        Reason::PlaceOrInstitution,
        Reason::CodeOrValue,
        Reason::Other,
    ];

    /// Stable name (`eponym`, `clinician_or_author`, `place_or_institution`,
    /// `code_or_value`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Eponym => "eponym",
            Reason::ClinicianOrAuthor => "clinician_or_author",
            Reason::PlaceOrInstitution => "place_or_institution",
            Reason::CodeOrValue => "code_or_value",
            Reason::Other => "other",
        }
    }

    /// The reason of a stable name.
    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The reason in words, in bokmål, nynorsk and English (the drop-in guard's choices, the
    /// printable application's list).
    pub fn label(self) -> Texts {
        let (nb, nn, en) = match self {
            Reason::Eponym => (
                "Sykdom eller tegn oppkalt etter en person",
                "Sjukdom eller teikn oppkalla etter ein person",
                "A disease or sign named after a person",
            ),
            Reason::ClinicianOrAuthor => (
                "Navn på behandler, fagperson eller forfatter",
                "Namn på behandlar, fagperson eller forfattar",
                "The name of a clinician, expert or author",
            ),
            Reason::PlaceOrInstitution => (
                "Sted eller institusjon",
                "Stad eller institusjon",
                "A place or an institution",
            ),
            Reason::CodeOrValue => (
                "Kode, saksnummer eller måleverdi",
                "Kode, saksnummer eller måleverdi",
                "A code, case number or measured value",
            ),
            Reason::Other => ("Annet (forklar)", "Anna (forklar)", "Other (explain)"),
        };
        Texts { nb, nn, en }
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Whether a finding may be kept: `None` when it may, else the rule that refuses it. Never
/// kept: a national identity number (its check digits hold; 11 digits whose check digits
/// fail are a possible one, and may be kept), the patient's own name, number or birth date
/// from part 1, an e-mail address, a bank account number or IBAN (found only when its check
/// digits hold).
pub fn refusal(f: &Finding) -> Option<&'static crate::diagnostic::Rule> {
    if f.basis == Basis::Patient {
        return Some(&REFUSED_PATIENT);
    }
    match f.kind {
        FindingKind::NationalId => Some(&REFUSED_NATIONAL_ID),
        FindingKind::Email => Some(&REFUSED_EMAIL),
        FindingKind::Account => Some(&REFUSED_ACCOUNT),
        _ => None,
    }
}

/// One keep as given: the finding it names and why. `Debug` shows neither path nor text.
#[derive(Clone)]
struct Keep {
    path: String,
    kind: FindingKind,
    bytes: Option<(usize, usize)>,
    utf16: Option<(usize, usize)>,
    reason: Reason,
    text: Option<String>,
    /// Its place in the list (`/options/keep/3`).
    at: Pointer,
}

/// Which member of a keep entry is wrong.
enum Member {
    /// The entry itself (not an object).
    Whole,
    /// A member that is no part of a keep (its name comes from the input, and is masked).
    Unknown,
    /// One of the keep's own members.
    Named(&'static str),
}

/// A finding kept: where and what (as the scan found it), and why. Never the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Kept {
    pub path: Pointer,
    pub kind: FindingKind,
    pub span: Span,
    pub reason: Reason,
    /// The physician's words, for `other` only, scanned clean.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Where a keep names its finding: path, kind, and the span in one unit (UTF-16 or bytes).
type Key<'a> = (&'a str, FindingKind, bool, usize, usize);

/// The keep list of a scan or a submission, indexed by the finding each names.
#[derive(Clone, Default)]
pub struct Keeps {
    list: Vec<Keep>,
    /// (keep, UTF-16?) for each span a keep gives, sorted by [`Key`].
    index: Vec<(usize, bool)>,
    /// Per keep: its `other` text holds an identifier.
    text_refused: Vec<bool>,
    /// Per keep (when any is): a second keep of a finding already kept, not used.
    dropped: Vec<bool>,
}

impl std::fmt::Debug for Keeps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keeps")
            .field("len", &self.list.len())
            .finish()
    }
}

/// What applying the keeps to a scan's findings gives.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    /// The findings that still block (refused keeps' findings among them).
    pub findings: Vec<FieldFindings>,
    /// The findings kept, in the order of the findings.
    pub kept: Vec<Kept>,
    /// `privacy.keep.*`: refused keeps (at the finding), stale keeps and keeps whose words
    /// hold an identifier (at the keep).
    pub diagnostics: Vec<Diagnostic>,
}

/// A span as a keep gives it: in bytes and/or in UTF-16 units (`start..end` each).
type KeepSpan = (Option<(usize, usize)>, Option<(usize, usize)>);

/// Reads `{start, end}` and/or `{utf16Start, utf16End}`.
fn span_of(v: &Value) -> Option<KeepSpan> {
    let o = v.as_object()?;
    let num = |k: &str| -> Option<Option<usize>> {
        match o.get(k) {
            None | Some(Value::Null) => Some(None),
            Some(n) => n.as_u64().and_then(|x| usize::try_from(x).ok()).map(Some),
        }
    };
    let pair = |a: &str, b: &str| -> Option<Option<(usize, usize)>> {
        match (num(a)?, num(b)?) {
            (Some(s), Some(e)) if s < e => Some(Some((s, e))),
            (None, None) => Some(None),
            _ => None,
        }
    };
    let known = ["start", "end", "utf16Start", "utf16End"];
    if o.keys().any(|k| !known.contains(&k.as_str())) {
        return None;
    }
    let bytes = pair("start", "end")?;
    let utf16 = pair("utf16Start", "utf16End")?;
    (bytes.is_some() || utf16.is_some()).then_some((bytes, utf16))
}

impl Keeps {
    /// No keeps.
    pub fn none() -> Keeps {
        Keeps::default()
    }

    /// True when there is no keep.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Reads a keep list (a JSON array; `null` is none) given at `base` (`/options/keep`),
    /// and scans the words of each `other` reason with the patient's `identity`. A malformed
    /// entry is an error at its place (`privacy.keep.invalid`, never echoing a value) and is
    /// not used; so is a second keep of the same finding.
    pub fn from_json(v: &Value, base: &Pointer, identity: &Identity) -> (Keeps, Vec<Diagnostic>) {
        let mut keeps = Keeps::default();
        let mut diags = Vec::new();
        let items = match v {
            Value::Null => return (keeps, diags),
            Value::Array(a) => a,
            _ => {
                diags.push(Diagnostic::new(&INVALID, base.clone()));
                return (keeps, diags);
            }
        };
        for (i, item) in items.iter().enumerate() {
            let at = base.index(i);
            match Keeps::entry(item, &at) {
                Ok(k) => {
                    let n = keeps.list.len();
                    if k.bytes.is_some() {
                        keeps.index.push((n, false));
                    }
                    if k.utf16.is_some() {
                        keeps.index.push((n, true));
                    }
                    let refused = k
                        .text
                        .as_deref()
                        .is_some_and(|t| !scan_text(t, identity).is_empty());
                    keeps.text_refused.push(refused);
                    keeps.list.push(k);
                }
                Err(d) => diags.push(d),
            }
        }
        let list = &keeps.list;
        crate::sort::sort_by(&mut keeps.index, |a, b| {
            Keeps::key_of(list, *a).cmp(&Keeps::key_of(list, *b))
        });
        // A second keep of the same finding (the same key) is an error, and not used.
        let mut dropped = vec![false; keeps.list.len()];
        for w in keeps.index.windows(2) {
            if let [a, b] = w {
                if Keeps::key_of(list, *a) == Keeps::key_of(list, *b) {
                    let later = a.0.max(b.0);
                    if let Some(d) = dropped.get_mut(later) {
                        *d = true;
                    }
                }
            }
        }
        if dropped.contains(&true) {
            keeps
                .index
                .retain(|(n, _)| !dropped.get(*n).copied().unwrap_or(true));
            for (k, _) in keeps.list.iter().zip(&dropped).filter(|(_, d)| **d) {
                diags.push(Diagnostic::new(&INVALID, k.at.clone()));
            }
            // A dropped keep is neither used nor reported stale.
            keeps.dropped = dropped;
        }
        (keeps, diags)
    }

    /// The key of an index entry.
    fn key_of(list: &[Keep], (n, utf16): (usize, bool)) -> Option<Key<'_>> {
        let k = list.get(n)?;
        let (s, e) = if utf16 { k.utf16? } else { k.bytes? };
        Some((k.path.as_str(), k.kind, utf16, s, e))
    }

    /// One entry, or the diagnostic at the member that is wrong.
    fn entry(item: &Value, at: &Pointer) -> Result<Keep, Diagnostic> {
        Keeps::read(item, at).map_err(|member| {
            let p = match member {
                Member::Whole => at.clone(),
                Member::Unknown => at.key_masked(""),
                Member::Named(name) => at.key(name),
            };
            Diagnostic::new(&INVALID, p)
        })
    }

    /// [`Keeps::entry`], the wrong member named.
    fn read(item: &Value, at: &Pointer) -> Result<Keep, Member> {
        let Value::Object(o) = item else {
            return Err(Member::Whole);
        };
        if o.keys()
            .any(|k| !["path", "kind", "span", "reason", "text"].contains(&k.as_str()))
        {
            return Err(Member::Unknown);
        }
        let path = match o.get("path") {
            Some(Value::String(p)) if p.is_empty() || p.starts_with('/') => p.clone(),
            _ => return Err(Member::Named("path")),
        };
        let kind = o
            .get("kind")
            .and_then(Value::as_str)
            .and_then(|s| FindingKind::ALL.into_iter().find(|k| k.as_str() == s))
            .ok_or(Member::Named("kind"))?;
        let (bytes, utf16) = o
            .get("span")
            .and_then(span_of)
            .ok_or(Member::Named("span"))?;
        let reason = o
            .get("reason")
            .and_then(Value::as_str)
            .and_then(Reason::parse)
            .ok_or(Member::Named("reason"))?;
        let text = match (reason, o.get("text")) {
            (Reason::Other, Some(Value::String(t)))
                if !t.trim().is_empty() && t.chars().count() <= MAX_TEXT_CHARS =>
            {
                Some(t.clone())
            }
            (_, None | Some(Value::Null)) if reason != Reason::Other => None,
            _ => return Err(Member::Named("text")),
        };
        Ok(Keep {
            path,
            kind,
            bytes,
            utf16,
            reason,
            text,
            at: at.clone(),
        })
    }

    /// The keep that names this finding, if any: same path, kind and span (in bytes, or in
    /// UTF-16 units; where a keep gives both, both must match).
    fn find(&self, path: &Pointer, f: &Finding) -> Option<usize> {
        let by = |utf16: bool, s: usize, e: usize| {
            let want = Some((path.as_str(), f.kind, utf16, s, e));
            let i = self
                .index
                .partition_point(|x| Keeps::key_of(&self.list, *x) < want);
            self.index
                .get(i)
                .filter(|x| Keeps::key_of(&self.list, **x) == want)
                .map(|x| x.0)
        };
        let n = by(false, f.span.start, f.span.end)
            .or_else(|| by(true, f.span.utf16_start, f.span.utf16_end))?;
        let k = self.list.get(n)?;
        let bytes_ok = k.bytes.is_none_or(|b| b == (f.span.start, f.span.end));
        let utf16_ok = k
            .utf16
            .is_none_or(|u| u == (f.span.utf16_start, f.span.utf16_end));
        (bytes_ok && utf16_ok).then_some(n)
    }

    /// Applies the keeps to one field's findings: the findings that still block, and those
    /// kept. `seen` records which keeps named a finding (for [`Keeps::report`]); a refused
    /// keep's diagnostic, at the finding, goes to `diags`.
    pub fn split(
        &self,
        path: &Pointer,
        findings: Vec<Finding>,
        seen: &mut Vec<bool>,
        diags: &mut Vec<Diagnostic>,
    ) -> (Vec<Finding>, Vec<Kept>) {
        if self.list.is_empty() {
            return (findings, Vec::new());
        }
        seen.resize(self.list.len(), false);
        let mut rest = Vec::with_capacity(findings.len());
        let mut kept = Vec::new();
        for f in findings {
            let Some(n) = self.find(path, &f) else {
                rest.push(f);
                continue;
            };
            if let Some(s) = seen.get_mut(n) {
                *s = true;
            }
            if let Some(rule) = refusal(&f) {
                diags.push(Diagnostic::new(rule, path.clone()).span(f.span));
                rest.push(f);
            } else if self.text_refused.get(n).copied().unwrap_or(true) {
                diags.push(Diagnostic::new(&REFUSED_TEXT, path.clone()).span(f.span));
                rest.push(f);
            } else if let Some(k) = self.list.get(n) {
                kept.push(Kept {
                    path: path.clone(),
                    kind: f.kind,
                    span: f.span,
                    reason: k.reason,
                    text: k.text.clone(),
                });
            }
        }
        (rest, kept)
    }

    /// The stale keeps (no finding named): a warning at each keep's place in the list.
    pub fn report(&self, seen: &[bool]) -> Vec<Diagnostic> {
        self.report_where(seen, |_| true)
    }

    /// [`Keeps::report`] of the keeps whose path is one `scanned` says was scanned (a scan
    /// of some fields says nothing of the keeps of the others).
    pub fn report_where(&self, seen: &[bool], scanned: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
        self.list
            .iter()
            .enumerate()
            .filter(|(n, k)| {
                !seen.get(*n).copied().unwrap_or(false)
                    && !self.dropped.get(*n).copied().unwrap_or(false)
                    && scanned(&k.path)
            })
            .map(|(_, k)| Diagnostic::new(&STALE, k.at.clone()))
            .collect()
    }

    /// Applies the keeps to a scan's findings (see [`Keeps::split`] and [`Keeps::report`]).
    pub fn apply(&self, found: Vec<FieldFindings>) -> Applied {
        if self.list.is_empty() {
            return Applied {
                findings: found,
                ..Applied::default()
            };
        }
        let mut out = Applied::default();
        let mut seen = vec![false; self.list.len()];
        for ff in found {
            let (rest, kept) = self.split(&ff.path, ff.findings, &mut seen, &mut out.diagnostics);
            out.kept.extend(kept);
            if !rest.is_empty() {
                out.findings.push(FieldFindings {
                    path: ff.path,
                    findings: rest,
                });
            }
        }
        out.diagnostics.extend(self.report(&seen));
        out
    }
}
