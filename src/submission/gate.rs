//! The gate: `prepare_submission(part2, part1?, key?)`.
//!
//! Validates the application at stage `submission`, scans it for direct identifiers (using
//! part 1's name, number and birth date when part 1 is given), checks that part 1 and part 2
//! carry the same reference number — and either refuses with every blocking diagnostic, or
//! returns a **sealed package**: the canonical JSON of part 2, its SHA-256 digest, and, when
//! the hospital supplies a secret key, a keyed pseudonym of the patient.
//!
//! Sources: nye-metoder-tilgangsordningen.txt ("Utfylling og godkjenning", "Fyll ut søknad –
//! Fagdirektør"); helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2.

use super::exit;
use super::seal::{canonical_json, package_digest, pseudonym, MIN_KEY_LEN};
use super::Part1;
use crate::diagnostic::{has_errors, rule, Arg, Diagnostic, Document, Pointer, Severity, Source};
use crate::forms::sections::{costs::CostSummary, patient};
use crate::forms::{self, FormKind, Stage};
use crate::privacy::leaves::{self, Order};
use crate::privacy::{diagnostics, scan_document, unscanned, FieldFindings, FindingKind};
use crate::privacy::{Keeps, Kept};
use crate::reference;
use crate::Context;
use serde::Serialize;
use serde_json::Value;

const SRC: Source =
    Document::Tilgangsordningen.at("Fyll ut søknad – Fagdirektør: søknad sendes til Nye metoder");
const SRC_PART1: Source = Document::Tilgangsordningen
    .at("Utfylling av søknadsskjema: del 1 lagres med pasientens journal");
const SRC_KEY: Source = Document::Skjemavakt.at("SECURITY.md: pseudonym key handling");
const SRC_DECISION: Source = Document::Tilgangsordningen.at(
    "Vurder og beslutt – Vurderingskomitéen: «fyller inn sin endelige avgjørelse i søknadsskjemaet» (l.721–723)",
);
const SRC_SIGNED: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 1): «2. Pasient signerer skjema»");

rule! {
    /// The document already holds the committee's decision or assessment: it is the
    /// committee's to fill in, after the application was sent.
    pub static DECIDED: "gate.decision_present", Error, SRC_DECISION;
    nb: "Søknaden inneholder allerede «{field}», som vurderingskomitéen fyller inn etter at søknaden er sendt. Den kan ikke sendes slik.",
    nn: "Søknaden inneheld alt «{field}», som vurderingskomiteen fyller inn etter at søknaden er send. Han kan ikkje sendast slik.",
    en: "The application already holds “{field}”, which the assessment committee fills in after the application is sent. It cannot be sent like this.",
    hint_nb: "Fjern delen før søknaden sendes. En søknad med avgjørelse lagres i pasientens journal, den sendes ikke på nytt.",
    hint_nn: "Fjern delen før søknaden blir send. Ein søknad med avgjerd blir lagra i journalen til pasienten, han blir ikkje send på nytt.",
    hint_en: "Remove the part before sending. An application with its decision is stored in the patient's record, not sent again.",
}

rule! {
    /// Part 1 is given, but the patient has not signed it.
    pub static PART1_NOT_SIGNED: "gate.part1.not_signed", Error, SRC_SIGNED;
    nb: "Del 1 er ikke signert av pasienten; søknaden kan ikke sendes før pasienten har samtykket.",
    nn: "Del 1 er ikkje signert av pasienten; søknaden kan ikkje sendast før pasienten har samtykt.",
    en: "Part 1 is not signed by the patient; the application cannot be sent before the patient has consented.",
    hint_nb: "Pasienten signerer del 1 (samtykke til å dele helseopplysninger), og skjemaet lagres med pasientens journal.",
    hint_nn: "Pasienten signerer del 1 (samtykke til å dele helseopplysningar), og skjemaet blir lagra med journalen til pasienten.",
    hint_en: "The patient signs part 1 (consent to share health information), and the form is stored with the patient's record.",
}

rule! {
    /// Part 1's date lies after the date in part 2's reference number.
    pub static PART1_DATE_AFTER: "gate.part1.date_after_reference", Error, SRC_PART1;
    nb: "Datoen i del 1 er etter datoen i referansenummeret.",
    nn: "Datoen i del 1 er etter datoen i referansenummeret.",
    en: "The date in part 1 is after the date in the reference number.",
    hint_nb: "Referansenummeret får datoen del 1 fylles ut. Kontroller datoen i del 1 og referansenummeret i begge delene.",
    hint_nn: "Referansenummeret får datoen del 1 blir fylt ut. Kontroller datoen i del 1 og referansenummeret i begge delane.",
    hint_en: "The reference number takes the date part 1 is filled in. Check the date in part 1 and the reference number in both parts.",
}

rule! {
    /// Part 1 is not something that may leave the hospital.
    pub static NOT_OUTGOING: "gate.part1_not_sendable", Error, SRC_PART1;
    nb: "Del 1 skal ikke sendes ut; den lagres i pasientens journal.",
    nn: "Del 1 skal ikkje sendast ut; han blir lagra i journalen til pasienten.",
    en: "Part 1 must not be sent; it is stored in the patient's record.",
    hint_nb: "Send del 2. Del 1 kan gis som kontroll av referansenummeret og pasientens identitet.",
    hint_nn: "Send del 2. Del 1 kan givast som kontroll av referansenummeret og identiteten til pasienten.",
    hint_en: "Send part 2. Part 1 may be given to check the reference number and the patient's identity.",
}

rule! {
    /// Part 2's birth year differs from the birth year in part 1's national identity number.
    pub static BIRTH_YEAR_MISMATCH: "gate.birth_year.mismatch", Warning, SRC;
    nb: "Fødselsåret i del 2 stemmer ikke med fødselsnummeret i del 1.",
    nn: "Fødselsåret i del 2 stemmer ikkje med fødselsnummeret i del 1.",
    en: "The birth year in part 2 does not match the national identity number in part 1.",
    hint_nb: "Kontroller at del 1 og del 2 gjelder samme pasient.",
    hint_nn: "Kontroller at del 1 og del 2 gjeld same pasient.",
    hint_en: "Check that part 1 and part 2 concern the same patient.",
}

rule! {
    /// A value that leaves could not be scanned (it is longer than its field allows): nothing
    /// is sent unscanned.
    pub static NOT_SCANNED: "gate.not_scanned", Error, SRC;
    nb: "Feltet er for langt til å bli kontrollert for personopplysninger, og søknaden kan ikke sendes.",
    nn: "Feltet er for langt til å bli kontrollert for personopplysningar, og søknaden kan ikkje sendast.",
    en: "The field is too long to be checked for personal data, and the application cannot be sent.",
    hint_nb: "Kort ned teksten til feltets lengdegrense.",
    hint_nn: "Kort ned teksten til lengdegrensa for feltet.",
    hint_en: "Shorten the text to the field's length limit.",
}

rule! {
    /// The pseudonym key is too short.
    pub static KEY_SHORT: "gate.key.short", Error, SRC_KEY;
    nb: "Nøkkelen for pseudonym er for kort (minst {min} byte).",
    nn: "Nøkkelen for pseudonym er for kort (minst {min} byte).",
    en: "The pseudonym key is too short (at least {min} bytes).",
    hint_nb: "Bruk en tilfeldig nøkkel på minst 32 byte fra sykehusets nøkkelhvelv.",
    hint_nn: "Bruk ein tilfeldig nøkkel på minst 32 byte frå nøkkelkvelvet til sjukehuset.",
    hint_en: "Use a random key of at least 32 bytes from the hospital's key vault.",
}

rule! {
    /// A key was given, but no valid national identity number from part 1 to pseudonymise.
    pub static NO_PSEUDONYM: "gate.pseudonym.no_part1", Warning, SRC_KEY;
    nb: "Ingen pseudonym ble laget: del 1 med gyldig fødselsnummer mangler.",
    nn: "Ingen pseudonym vart laga: del 1 med gyldig fødselsnummer manglar.",
    en: "No pseudonym was made: part 1 with a valid national identity number is missing.",
    hint_nb: "Gi del 1 sammen med del 2 for å kunne kjenne igjen gjentatte søknader for samme pasient.",
    hint_nn: "Gi del 1 saman med del 2 for å kunne kjenne att gjentekne søknader for same pasient.",
    hint_en: "Give part 1 with part 2 to recognise repeated applications for the same patient.",
}

/// What leaves the hospital: canonical JSON, its digest, and the optional pseudonym.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sealed {
    /// The form kind.
    pub form: &'static str,
    /// Canonical JSON of part 2 (RFC 8785 member order, no insignificant whitespace).
    pub canonical: String,
    /// The digest, lower-case hex ([`package_digest`]): SHA-256 of the canonical JSON, and
    /// of the kept list when there is one.
    pub sha256: String,
    /// HMAC-SHA256 pseudonym of the patient, when a key and part 1 were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pseudonym: Option<String>,
    /// The findings the physician kept as false alarms, with why (path, kind, span, reason,
    /// and the words of an `other` reason): never the value, nor a hash of it. Sealed with
    /// the application (inside the digest).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<Kept>,
}

/// The gate's answer.
#[derive(Clone, Debug)]
pub struct GateResult {
    /// True when the package is sealed.
    pub ok: bool,
    /// The sealed package, when nothing blocks.
    pub sealed: Option<Sealed>,
    /// Every diagnostic: validation, identifiers found, the gate's own checks; sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The gate's own checks (also in `diagnostics`): part 1 against part 2, part 1's
    /// formats, part 1 given as what is sent, the pseudonym key; sorted as `diagnostics`.
    pub checks: Vec<Diagnostic>,
    /// The identifiers found, per field (their diagnostics are in `diagnostics`); the kept
    /// ones are not among them.
    pub findings: Vec<FieldFindings>,
    /// The findings kept as false alarms ([`Keeps`]).
    pub kept: Vec<Kept>,
    /// The cost summary.
    pub costs: Option<CostSummary>,
}

/// Validates, scans and seals part 2. `part1` (optional) is used for the cross-checks and to
/// find the patient's own identifiers; `key` (optional, ≥ 32 bytes) for the pseudonym.
///
/// Everything that leaves is scanned: every string and number of part 2 (the scanner walks
/// the document, not the form's fields), and, with part 1, the digits of the whole document
/// for part 1's number ([`exit::part1_number`]). What is sealed is the document with its
/// structured values normalised ([`forms::schema::normalised`]: a trust by its canonical code,
/// the reference in its canonical writing, whole numbers as numbers), checked again as sealed
/// ([`exit`]). A document refused as too large is not scanned at all; a value longer than its
/// field allows is not scanned, and refused. No cost figure is given when a cost field holds
/// an identifier.
pub fn prepare_submission(
    part2: &Value,
    part1: Option<&Part1>,
    key: Option<&[u8]>,
    ctx: &Context,
) -> GateResult {
    prepare_submission_keeping(part2, part1, key, &Keeps::none(), ctx)
}

/// [`prepare_submission`] with the physician's keeps ([`Keeps`], read with part 1's
/// identity): a finding kept no longer blocks, and the sealed package lists it. A keep only
/// removes a finding of this scan (stale and refused keeps are reported: stale as a warning,
/// refused as an error, both among the gate's own checks); what is found again in a value the
/// gate normalises is not kept, and a kept finding in a value normalised away is not listed.
pub fn prepare_submission_keeping(
    part2: &Value,
    part1: Option<&Part1>,
    key: Option<&[u8]>,
    keeps: &Keeps,
    ctx: &Context,
) -> GateResult {
    let v = forms::validate(part2, Stage::Submission, ctx);
    let mut diags = v.diagnostics;
    let Some(kind) = v.form else {
        return blocked(diags, Vec::new(), Vec::new(), None, Vec::new());
    };
    if diags.iter().any(|d| d.rule.code == forms::TOO_LARGE.code) {
        // Refused as too large: scanning stops here.
        return blocked(diags, Vec::new(), Vec::new(), None, Vec::new());
    }
    if kind == FormKind::TilgangDel1 {
        let own = vec![Diagnostic::new(&NOT_OUTGOING, Pointer::root().key("form"))];
        diags.extend(own.clone());
        return blocked(diags, own, Vec::new(), v.costs, Vec::new());
    }
    let identity = part1.map(Part1::identity).unwrap_or_default();
    let national_id = part1.and_then(Part1::national_id);
    let mut checks = Vec::new();
    decided(part2, kind, &mut checks);
    if let Some(p1) = part1 {
        cross_check(part2, p1, ctx, &mut checks);
    }
    let mut findings = scan_document(part2, kind, &identity);
    if let Some(id) = national_id {
        add_new(&mut findings, exit::part1_number(part2, kind, id));
    }
    let applied = keeps.apply(findings);
    let mut findings = applied.findings;
    let kept = applied.kept;
    checks.extend(applied.diagnostics);
    diags.extend(checks.clone());
    diags.extend(diagnostics(&findings));
    for path in unscanned(part2, kind) {
        let refused = diags
            .iter()
            .any(|d| d.path == path && d.severity == Severity::Error);
        if !refused {
            diags.push(Diagnostic::new(&NOT_SCANNED, path));
        }
    }
    let costs = costs_shown(v.costs, &findings);

    let mut pseudo = None;
    if let Some(key) = key {
        let own = if key.len() < MIN_KEY_LEN {
            Some(
                Diagnostic::new(&KEY_SHORT, Pointer::root().key("options"))
                    .arg("min", Arg::Int(MIN_KEY_LEN as i64)),
            )
        } else if let Some(id) = national_id {
            pseudo = pseudonym(key, id.digits()).ok();
            None
        } else {
            Some(Diagnostic::new(&NO_PSEUDONYM, Pointer::root().key("part1")))
        };
        if let Some(d) = own {
            diags.push(d.clone());
            checks.push(d);
        }
    }
    forms::sort(&mut diags);
    forms::sort(&mut checks);
    if has_errors(&diags) {
        return blocked(diags, checks, findings, costs, kept);
    }
    // What is sealed, checked as it is sealed.
    let sealed = forms::schema::normalised(part2, kind.fields(), ctx);
    let kept = still_sealed(kept, part2, &sealed, kind);
    let mut last = exit::normalised_changes(part2, &sealed, kind, &identity);
    if let Some(id) = national_id {
        // The words of the kept findings' reasons leave too, after the document.
        let keeps = Pointer::root().key("options").key("keep");
        let words: Vec<(Pointer, &str)> = kept
            .iter()
            .filter_map(|k| k.text.as_deref().map(|t| (keeps.clone(), t)))
            .collect();
        last.extend(exit::part1_number_with(&sealed, kind, id, &words));
    }
    if !last.is_empty() {
        diags.extend(diagnostics(&last));
        forms::sort(&mut diags);
        findings.extend(last);
        let costs = costs_shown(costs, &findings);
        return blocked(diags, checks, findings, costs, kept);
    }
    let canonical = canonical_json(&sealed);
    let list = serde_json::to_value(&kept).unwrap_or(Value::Null);
    let sha256 = package_digest(&canonical, &list);
    GateResult {
        ok: true,
        sealed: Some(Sealed {
            form: kind.as_str(),
            canonical,
            sha256,
            pseudonym: pseudo,
            kept: kept.clone(),
        }),
        diagnostics: diags,
        checks,
        findings,
        kept,
        costs,
    }
}

/// The kept findings whose value is sealed as given (one the gate normalised holds other
/// text, and the span would point at something else).
fn still_sealed(kept: Vec<Kept>, given: &Value, sealed: &Value, kind: FormKind) -> Vec<Kept> {
    if kept.is_empty() {
        return kept;
    }
    let before = leaves::outgoing(given, kind, Order::Document);
    let after = leaves::outgoing(sealed, kind, Order::Document);
    let changed: Vec<&crate::diagnostic::Pointer> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b.path != a.path || b.text != a.text)
        .map(|(b, _)| &b.path)
        .collect();
    if before.len() != after.len() {
        // Not one leaf for one: keep nothing rather than a list that may point elsewhere.
        return Vec::new();
    }
    kept.into_iter()
        .filter(|k| !changed.contains(&&k.path))
        .collect()
}

/// Adds the findings of `more` that no finding of the same kind of number already covers.
fn add_new(findings: &mut Vec<FieldFindings>, more: Vec<FieldFindings>) {
    for ff in more {
        let known = |f: &crate::privacy::Finding| {
            findings.iter().filter(|x| x.path == ff.path).any(|x| {
                x.findings.iter().any(|g| {
                    matches!(
                        g.kind,
                        FindingKind::NationalId | FindingKind::PossibleNationalId
                    ) && g.span.start <= f.span.start
                        && f.span.end <= g.span.end
                })
            })
        };
        let new: Vec<_> = ff.findings.iter().filter(|f| !known(f)).copied().collect();
        if !new.is_empty() {
            findings.push(FieldFindings {
                path: ff.path,
                findings: new,
            });
        }
    }
}

/// The cost summary, unless a cost field holds an identifier: then no figure is given (it
/// would show the identifier's digits as an amount).
fn costs_shown(costs: Option<CostSummary>, findings: &[FieldFindings]) -> Option<CostSummary> {
    let in_costs = findings.iter().any(|f| {
        f.path
            .as_str()
            .strip_prefix("/costs")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    });
    costs.filter(|_| !in_costs)
}

fn blocked(
    mut diagnostics: Vec<Diagnostic>,
    mut checks: Vec<Diagnostic>,
    findings: Vec<FieldFindings>,
    costs: Option<CostSummary>,
    kept: Vec<Kept>,
) -> GateResult {
    forms::sort(&mut diagnostics);
    forms::sort(&mut checks);
    GateResult {
        ok: false,
        sealed: None,
        diagnostics,
        checks,
        findings,
        kept,
        costs,
    }
}

/// Part 1 checks: part 1's formats (stage draft, reported under `/part1`: its completeness
/// is part 1's own business, in the record), the same reference in both parts, and the birth
/// year.
fn cross_check(part2: &Value, part1: &Part1, ctx: &Context, diags: &mut Vec<Diagnostic>) {
    let p1 = forms::validate_as(part1.document(), FormKind::TilgangDel1, Stage::Draft, ctx);
    diags.extend(p1.diagnostics.into_iter().map(|mut d| {
        d.path = prefixed(&d.path);
        d
    }));
    let part2_reference = part2
        .get("reference")
        .and_then(Value::as_str)
        .and_then(|s| reference::check(s, ctx).reference);
    if let (Some(a), Some(b)) = (part1.reference(), part2_reference.as_ref()) {
        diags.extend(reference::check_same(
            a,
            b,
            &Pointer::root().key("reference"),
        ));
    }
    // Signed at submission ("Pasient signerer skjema"), and dated no later than the reference:
    // of part 1 itself, not of the patient's identity alone (a page gives name and number for
    // the scan, and confirms the consent in part 2).
    if part1.is_whole() && part1.signed() != Some(true) {
        diags.push(Diagnostic::new(
            &PART1_NOT_SIGNED,
            Pointer::from_static("/part1/patient_signed"),
        ));
    }
    if let (Some(date), Some(r)) = (part1.date(), part2_reference.as_ref()) {
        if date > r.date {
            diags.push(Diagnostic::new(
                &PART1_DATE_AFTER,
                Pointer::from_static("/part1/date"),
            ));
        }
    }
    let year2 = part2
        .get("patient")
        .and_then(|p| p.get("birth_year"))
        .and_then(patient::birth_year_of);
    let year1 = part1.national_id().and_then(crate::ident::fnr::birth_year);
    if let (Some(y2), Some(y1)) = (year2, year1) {
        if y2 != i64::from(y1) {
            diags.push(Diagnostic::new(
                &BIRTH_YEAR_MISMATCH,
                Pointer::from_static("/patient/birth_year"),
            ));
        }
    }
}

/// The committee's part is filled in: the decision of part 2, the assessment of Helse
/// Bergen's forms. Refused whenever any of its fields holds a value.
fn decided(part2: &Value, kind: FormKind, diags: &mut Vec<Diagnostic>) {
    for f in kind.fields() {
        if !matches!(f.key, "decision" | "assessment") {
            continue;
        }
        if part2.get(f.key).is_some_and(holds_content) {
            diags.push(
                Diagnostic::new(&DECIDED, Pointer::root().key(f.key))
                    .arg("field", Arg::Text(f.label)),
            );
        }
    }
}

/// True when a value holds anything but nulls, blank texts and empty groups.
fn holds_content(v: &Value) -> bool {
    let mut stack = vec![v];
    while let Some(x) = stack.pop() {
        match x {
            Value::Null => {}
            Value::String(s) if s.trim().is_empty() => {}
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => stack.extend(o.values()),
            _ => return true,
        }
    }
    false
}

fn prefixed(p: &Pointer) -> Pointer {
    // Part 1's paths are the program's field names, indices and masked members already.
    p.below(&Pointer::root().key("part1"))
}

#[cfg(test)]
mod tests {
    use super::super::seal::sha256_hex;
    use super::*;
    use crate::registry::Registry;
    use chrono::NaiveDate;

    fn load(name: &str) -> Value {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn seals_a_clean_application_deterministically() {
        let reg = Registry::builtin();
        let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        let p2 = load("tilgang-del2-valid.json");
        let p1 = load("tilgang-del1-valid.json");
        let key = [42u8; 32];
        let a = prepare_submission(&p2, Some(&Part1::from_json(&p1, &ctx)), Some(&key), &ctx);
        assert!(
            a.ok,
            "{:?}",
            a.diagnostics.iter().map(|d| d.code()).collect::<Vec<_>>()
        );
        let s = a.sealed.unwrap();
        assert_eq!(s.sha256, sha256_hex(s.canonical.as_bytes()));
        assert!(s.pseudonym.is_some());
        // Same input (members in another order) → same bytes and digest.
        let reordered: Value = serde_json::from_str(&canonical_json(&p2)).unwrap();
        let b = prepare_submission(
            &reordered,
            Some(&Part1::from_json(&p1, &ctx)),
            Some(&key),
            &ctx,
        )
        .sealed
        .unwrap();
        assert_eq!(s, b);
        assert!(!s.canonical.contains("Kari") && !s.canonical.contains("14037410021"));
    }

    #[test]
    fn blocks_identifiers_and_mismatched_references() {
        let reg = Registry::builtin();
        let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        let mut p2 = load("tilgang-del2-valid.json");
        p2["patient"]["medical_history"] =
            Value::String("Kari Nordmann, fnr 140374 10021, ble henvist.".into());
        let mut p1 = load("tilgang-del1-valid.json");
        p1["reference"] = Value::String("2025-05-11-HBE-ONK".into());
        let r = prepare_submission(&p2, Some(&Part1::from_json(&p1, &ctx)), None, &ctx);
        assert!(!r.ok && r.sealed.is_none());
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code()).collect();
        assert!(codes.contains(&"privacy.national_id"), "{codes:?}");
        assert!(codes.contains(&"privacy.name"), "{codes:?}");
        assert!(codes.contains(&"reference.mismatch"), "{codes:?}");
        // The gate's own checks apart: not validation's, not the findings'.
        let own: Vec<&str> = r.checks.iter().map(|d| d.code()).collect();
        assert_eq!(own, vec!["reference.mismatch"]);
        assert!(!r.findings.is_empty());
        // Part 1 is never sent.
        let r = prepare_submission(&p1, None, None, &ctx);
        assert!(r
            .diagnostics
            .iter()
            .any(|d| d.code() == "gate.part1_not_sendable"));
    }

    #[test]
    fn what_is_sealed_is_normalised_and_seals_again_to_itself() {
        let reg = Registry::builtin();
        let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        let p1 = load("tilgang-del1-valid.json");
        let part1 = Part1::from_json(&p1, &ctx);
        let mut p2 = load("tilgang-del2-valid.json");
        p2["application"]["health_trust"] = Value::from("helse bergen hf");
        p2["patient"]["catchment_area"] = Value::from("Haukeland");
        p2["reference"] = Value::from("[2025-05-12]-[Helse Bergen]-[onk]");
        p2["patient"]["birth_year"] = Value::from(" 1974 ");
        p2["patient"]["npr_id"] = Value::from("  HBE-4f1c2a9e-77b0 ");
        let s = prepare_submission(&p2, Some(&part1), None, &ctx)
            .sealed
            .unwrap();
        let sealed: Value = serde_json::from_str(&s.canonical).unwrap();
        assert_eq!(sealed["application"]["health_trust"], "HBE");
        assert_eq!(sealed["patient"]["catchment_area"], "HBE");
        assert_eq!(sealed["reference"], "2025-05-12-HBE-ONK");
        assert_eq!(sealed["patient"]["birth_year"], 1974);
        assert_eq!(sealed["patient"]["npr_id"], "HBE-4f1c2a9e-77b0");
        let again = prepare_submission(&sealed, Some(&part1), None, &ctx)
            .sealed
            .unwrap();
        assert_eq!(again, s);
        // A number the way JSON may write it: sealed as RFC 8785 writes it.
        let mut p2 = load("tilgang-del2-valid.json");
        p2["costs"]["extra_resources"]["amount_per_month"] =
            serde_json::from_str("-2.5e3").unwrap();
        let s = prepare_submission(&p2, Some(&part1), None, &ctx)
            .sealed
            .unwrap();
        assert!(
            s.canonical.contains(r#""amount_per_month":-2500,"#),
            "{}",
            s.canonical
        );
    }

    #[test]
    fn nothing_is_scanned_of_a_document_refused_as_too_large() {
        let reg = Registry::builtin();
        let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        let mut p2 = load("tilgang-del2-valid.json");
        p2["patient"]["medical_history"] =
            Value::String("Kari Nordmann 14037410021 ".repeat(50_000));
        let r = prepare_submission(&p2, None, None, &ctx);
        assert!(!r.ok && r.findings.is_empty());
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code()).collect();
        assert_eq!(codes, ["form.too_large"]);
        // A field over its limit: refused, not scanned.
        let mut p2 = load("tilgang-del2-valid.json");
        p2["patient"]["medical_history"] = Value::String("Kari Nordmann 14037410021 ".repeat(900));
        let r = prepare_submission(&p2, None, None, &ctx);
        assert!(!r.ok);
        assert!(r
            .findings
            .iter()
            .all(|f| f.path.as_str() != "/patient/medical_history"));
        assert!(r.diagnostics.iter().any(|d| d.code() == "form.too_long"));
    }

    #[test]
    fn key_rules() {
        let reg = Registry::builtin();
        let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        let p2 = load("tilgang-del2-valid.json");
        let r = prepare_submission(&p2, None, Some(&[1u8; 8]), &ctx);
        assert!(!r.ok && r.diagnostics.iter().any(|d| d.code() == "gate.key.short"));
        let r = prepare_submission(&p2, None, Some(&[1u8; 32]), &ctx);
        assert!(
            r.ok && r
                .diagnostics
                .iter()
                .any(|d| d.code() == "gate.pseudonym.no_part1")
        );
        assert_eq!(r.sealed.unwrap().pseudonym, None);
    }

    #[test]
    fn birth_year_cross_check() {
        let reg = Registry::builtin();
        let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        let mut p2 = load("tilgang-del2-valid.json");
        p2["patient"]["birth_year"] = Value::from(1975);
        let p1 = load("tilgang-del1-valid.json");
        let r = prepare_submission(&p2, Some(&Part1::from_json(&p1, &ctx)), None, &ctx);
        assert!(r
            .diagnostics
            .iter()
            .any(|d| d.code() == "gate.birth_year.mismatch"));
        assert!(r.ok, "a warning does not block");
    }
}
