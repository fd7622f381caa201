//! Hardening (issue 8): the adversarial corpus with its outcome per case, the limits, and the
//! side-door test (no output of any entry point contains an identifier from the input).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::{json, Value};
use skjemavakt::api::{self, Options};
use skjemavakt::privacy::{redact_plain, scan_text, FindingKind, Identity};

/// The text-level adversarial corpus (issue 17): generated disguises of every kind, the
/// look-alikes that must survive, the worst-case inputs.
#[path = "hardening/text_corpus.rs"]
mod text_corpus;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Want {
    /// A finding of this kind must cover the planted item.
    Caught(FindingKind),
    /// Either kind counts (e.g. a number inside an e-mail address).
    CaughtAs(FindingKind, FindingKind),
    /// A look-alike: no finding at all.
    Kept,
}
use Want::*;

/// (case, text, patient name, expected). The patient's number from part 1 is 14037410021.
const CASES: &[(&str, &str, Option<&str>, Want)] = &[
    (
        "zero-width space inside a national ID",
        "fnr 140374\u{200b}10021",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "soft hyphen inside a national ID",
        "140374\u{ad}10021 er nummeret",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "NBSP grouping",
        "nr. 140374\u{a0}10021.",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "thin spaces between every group",
        "14\u{2009}03\u{2009}74\u{2009}100\u{2009}21",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "narrow NBSP and figure space",
        "140374\u{202f}100\u{2007}21",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "full-width digits",
        "Fnr: １４０３７４１００２１",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "Arabic-Indic digits",
        "رقم ١٤٠٣٧٤١٠٠٢١",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "Devanagari digits",
        "१४०३७४ १००२१",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "mathematical bold digits",
        "𝟏𝟒𝟎𝟑𝟕𝟒𝟏𝟎𝟎𝟐𝟏",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "mixed separators",
        "14.03.74-100 21",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "dashes of every kind",
        "140374\u{2013}10021",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "across a line break",
        "fødselsnummer 140374\n10021 (se del 1)",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "across CRLF",
        "140374\r\n10021",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "inside a URL",
        "https://journal.example/pasient?fnr=14037410021&x=1",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "as an e-mail local part",
        "14037410021@example.no",
        None,
        CaughtAs(FindingKind::NationalId, FindingKind::Email),
    ),
    (
        "HTML entity NBSP",
        "140374&nbsp;10021",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "numeric HTML entity ZWSP",
        "140374&#8203;10021",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "right-to-left override around it",
        "\u{202e}14037410021\u{202c}",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "RLM inside the grouping",
        "140374\u{200f} 10021",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "D-number (day + 40)",
        "D-nr 41018012365",
        None,
        Caught(FindingKind::NationalId),
    ),
    (
        "mistyped number with a birth date",
        "fnr 14037410022",
        None,
        Caught(FindingKind::PossibleNationalId),
    ),
    (
        "patient's name with ZWSP",
        "K\u{200b}ari Nordmann ble henvist",
        Some("Kari Nordmann"),
        Caught(FindingKind::Name),
    ),
    (
        "patient's name in genitive, lower case",
        "karis datter kom også",
        Some("Kari Nordmann"),
        Caught(FindingKind::Name),
    ),
    (
        "surname first",
        "Nordmann, Kari",
        Some("Kari Nordmann"),
        Caught(FindingKind::Name),
    ),
    (
        "name with diacritics and hyphen",
        "Pasienten Åse-Marie Østby-Hågensen har",
        Some("Åse-Marie Østby-Hågensen"),
        Caught(FindingKind::Name),
    ),
    (
        "name written without æøå",
        "Ase-Marie Ostby-Haagensen",
        Some("Åse-Marie Østby-Hågensen"),
        Caught(FindingKind::Name),
    ),
    (
        "name with an HTML entity",
        "Kari&nbsp;Nordmann",
        Some("Kari Nordmann"),
        Caught(FindingKind::Name),
    ),
    (
        "phone split by ZWSP and NBSP",
        "tlf +47\u{a0}912\u{200b}34\u{a0}567",
        None,
        Caught(FindingKind::Phone),
    ),
    (
        "full-width phone",
        "mobil ９１２３４５６７",
        None,
        Caught(FindingKind::Phone),
    ),
    (
        "e-mail with an entity for @",
        "kari.n&#64;example.no",
        None,
        Caught(FindingKind::Email),
    ),
    (
        "birth date with full-width digits",
        "født １４.０３.１９７４",
        None,
        Caught(FindingKind::BirthDate),
    ),
    (
        "birth date in words",
        "f. 14. mars 1974",
        None,
        Caught(FindingKind::BirthDate),
    ),
    (
        "account number with dots",
        "konto 1234.56.78903",
        None,
        CaughtAs(FindingKind::Account, FindingKind::RecordNumber),
    ),
    (
        "IBAN with spaces",
        "IBAN NO93 8601 1117 947",
        None,
        Caught(FindingKind::Account),
    ),
    // Look-alikes that must survive.
    ("NPR-ID in text", "NPR-ID: 4f1c2a9e-77b0-4a8e", None, Kept),
    ("Nye metoder ID", "omtalt i ID2023_013", None, Kept),
    ("ATC and ICD-10 codes", "ATC L01FF02 ved C34.1", None, Kept),
    ("dose", "dosering 200 mg/m² hver 3. uke", None, Kept),
    (
        "lab values",
        "Hb 12,3 g/dL, CRP 5, kreatinin 85",
        None,
        Kept,
    ),
    ("amount", "kr 125 000 per måned", None, Kept),
    ("event date", "behandling startet 12.03.2024", None, Kept),
    ("birth year", "pasienten er født 1974", None, Kept),
    ("study ID", "inkludert i NCT04212345", None, Kept),
    (
        "PMID and DOI",
        "PMID: 33306283, doi:10.1056/NEJMoa2034577",
        None,
        Kept,
    ),
    (
        "organisation number",
        "Helse Bergen HF, org.nr. 983 974 724",
        None,
        Kept,
    ),
    ("document id", "prosedyre 1.2.2.5-16", None, Kept),
    (
        "ordinary words that are names",
        "Per måned gis 2 kurer; kontroll i mai",
        None,
        Kept,
    ),
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

#[test]
fn adversarial_corpus_outcome_per_case() {
    let mut table = Vec::new();
    let mut failures = Vec::new();
    for (i, (case, text, name, want)) in CASES.iter().enumerate() {
        let id = Identity::new(*name, Some("14037410021"));
        let found = scan_text(text, &id);
        let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
        let ok = match want {
            Caught(k) => kinds.contains(k),
            CaughtAs(a, b) => kinds.contains(a) || kinds.contains(b),
            Kept => kinds.is_empty(),
        };
        // After redaction nothing is found any more.
        let (red, _) = redact_plain(text, &id);
        let clean = scan_text(&red, &id).is_empty();
        table.push(format!(
            "{i:>2} {:<45} {:<28} {}",
            case,
            format!("{want:?}"),
            if ok && clean { "ok" } else { "FAIL" }
        ));
        if !ok || !clean {
            failures.push(format!(
                "case {i} ({case}): want {want:?}, found {kinds:?}, clean after redaction: {clean}"
            ));
        }
    }
    println!(
        "adversarial corpus: {} cases\n{}",
        CASES.len(),
        table.join("\n")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn documents_beyond_the_limit_get_one_clear_diagnostic() {
    let (o, _) = Options::from_json(&json!({"today": "2025-06-01", "stage": "draft"}), today());
    let big = json!({"form": "tilgang-del2", "overall_assessment": "x".repeat(2 * 1024 * 1024)});
    let r = api::validate(&big, &o, vec![]);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].code, "form.too_large");
    // Many members rather than one long text.
    let mut many = serde_json::Map::new();
    for i in 0..200_000 {
        many.insert(format!("k{i}"), json!("abcdef"));
    }
    many.insert("form".into(), json!("tilgang-del2"));
    let r = api::validate(&Value::Object(many), &o, vec![]);
    assert_eq!(r.diagnostics[0].code, "form.too_large");
    // Text beyond the scan limit.
    let text = Value::String("a".repeat(api::MAX_TEXT_BYTES + 1));
    let r = api::scan(&text, &Value::Null, &o, vec![]);
    assert_eq!(r.diagnostics[0].code, "input.too_large");
    assert!(r.findings.is_empty());
}

#[test]
fn ten_megabytes_of_worst_case_text_are_scanned() {
    // Dense digit groups (maximal chains), cue words followed by capitalised words, '@' and
    // street endings: the most work per byte for the detectors. Linear time is shown by the
    // benchmark (benches/privacy.rs); here it must simply finish and stay correct.
    let unit =
        "12 34 56 78 90 12 pasient Ola Nordmann @ a.b Storgata 1 født 01.01.2000 tlf 22 33 44 55 ";
    let text = unit.repeat(10 * 1024 * 1024 / unit.len() + 1);
    let found = scan_text(&text, &Identity::none());
    assert!(
        found.len() > text.len() / unit.len(),
        "findings in every repetition"
    );
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

/// Identifiers planted in every input below.
const FNR: &str = "14037410021";
const NAME: &str = "Nordmann";
const PHONE: &str = "91234567";
const EMAIL: &str = "kari.nordmann@example.no";

fn assert_clean(what: &str, out: &str) {
    for needle in [NAME, EMAIL, FNR, "140374", PHONE, "912 34 567"] {
        assert!(
            !out.contains(needle),
            "{what} contains an identifier: {}",
            out.find(needle)
                .map(|i| &out[i.saturating_sub(80)..i])
                .unwrap_or("")
        );
    }
}

#[test]
fn no_side_doors() {
    let (o, _) = Options::from_json(&json!({"today": "2025-06-01"}), today());
    let text = format!("Kari {NAME} ({FNR}), tlf {PHONE}, {EMAIL}, født 14.03.1974");
    let part2 = json!({
        "form": "tilgang-del2",
        "reference": format!("{FNR}-HBE-ONK"),
        "patient": {"medical_history": text, "birth_year": FNR, "npr_id": FNR, "legal_sex": NAME,
                    "catchment_area": NAME},
        "application": {"health_trust": FNR, "applicant_name": 14037410021u64, "consent_confirmed": FNR},
        "costs": {"drug_per_month": FNR, "other_per_month": format!("{PHONE} EUR")},
        "treatment": {"nye_metoder_id": FNR, "duration": text, "goal": FNR},
        "literature": [{"title": text, "url": EMAIL}],
        FNR: NAME,
        NAME: FNR,
        format!("{EMAIL}"): 1
    });
    let part1 = json!({"form": "tilgang-del1", "reference": FNR, "patient": {"name": format!("Kari {NAME}"), "national_id": "14037410022"},
                       "date": FNR});
    let mut outputs: Vec<(&str, String)> = Vec::new();
    for stage in ["draft", "approval", "submission"] {
        let (o, _) = Options::from_json(&json!({"today": "2025-06-01", "stage": stage}), today());
        for doc in [&part2, &part1] {
            let r = api::validate(doc, &o, vec![]);
            outputs.push(("validate", serde_json::to_string(&r).unwrap()));
            outputs.push(("validate (Debug)", format!("{r:?}")));
        }
    }
    let r = api::scan(&part2, &part1, &o, vec![]);
    assert!(!r.findings.is_empty());
    outputs.push(("scan", serde_json::to_string(&r).unwrap()));
    outputs.push(("scan (Debug)", format!("{r:?}")));
    let r = api::scan(&Value::String(text.clone()), &part1, &o, vec![]);
    outputs.push(("scan text", serde_json::to_string(&r).unwrap()));
    let r = api::prepare_submission(&part2, &part1, &o, vec![]);
    assert!(!r.ok && r.sealed.is_none());
    outputs.push(("prepare_submission", serde_json::to_string(&r).unwrap()));
    outputs.push(("prepare_submission (Debug)", format!("{r:?}")));
    let r = api::check_reference(&json!(format!("2025-05-12-{NAME}-{FNR}")), &o, vec![]);
    outputs.push(("check_reference", serde_json::to_string(&r).unwrap()));
    let r = api::build_reference(&json!({"date": FNR, "hf": EMAIL, "dept": NAME}), &o, vec![]);
    outputs.push(("build_reference", serde_json::to_string(&r).unwrap()));
    let (_, d) = Options::from_json(
        &json!({FNR: 1, "lang": FNR, "today": FNR, "config": {"trusts": FNR}}),
        today(),
    );
    outputs.push(("options", format!("{:?}", d)));
    if let Err(d) = api::parse_json(&format!("{{\"x\": {FNR}{NAME}}}")) {
        outputs.push(("parse_json", format!("{d:?} {d}")));
    }
    // Identifier modules' errors and Debug.
    for s in [FNR, "14037410022", "140374 10021x", PHONE, EMAIL] {
        outputs.push((
            "fnr error",
            format!("{:?}", skjemavakt::ident::fnr::validate(s)),
        ));
        outputs.push((
            "phone",
            format!("{:?}", skjemavakt::ident::phone::validate(s)),
        ));
        outputs.push((
            "email",
            format!("{:?}", skjemavakt::ident::email::validate(s)),
        ));
        outputs.push(("npr", format!("{:?}", skjemavakt::ident::npr::validate(s))));
    }
    outputs.push((
        "identity",
        format!("{:?}", Identity::new(Some(NAME), Some(FNR))),
    ));
    for (what, out) in &outputs {
        assert_clean(what, out);
    }
    // Redaction outputs the document without the identifiers.
    let r = api::redact(&part2, &part1, &o, vec![]);
    let red = serde_json::to_string(&r.redacted).unwrap();
    let history = r
        .redacted
        .pointer("/patient/medical_history")
        .and_then(Value::as_str)
        .unwrap();
    assert_clean("redacted history", history);
    assert!(red.contains("[FØDSELSNUMMER]"));
}

#[test]
fn no_side_doors_in_paths_and_cost_figures() {
    // Issue 17: 14 of 23 member names tried were echoed in paths; a refused seal's cost
    // summary printed `"drugPerMonthOre":1403741002100` for «NOK 14 037 410 021».
    let members = [
        "Kari_Nordmann",
        "fnr_1403",
        "Storgata12",
        "kari",
        "Nordmann",
        "x14037410021",
        "91234567",
        "Oevreboe",
    ];
    let mut part2: Value =
        serde_json::from_str(include_str!("data/tilgang-del2-valid.json")).unwrap();
    for m in members {
        part2[m] = json!(true);
        part2["patient"][m] = json!("x");
        part2["costs"]["extra_resources"][m] = json!(1);
        part2["literature"][0][m] = json!([m]);
    }
    part2["patient"]["form"] = json!({ "fnr_1403": FNR });
    let part1: Value = serde_json::from_str(include_str!("data/tilgang-del1-valid.json")).unwrap();
    let mut outputs = Vec::new();
    for stage in ["draft", "approval", "submission"] {
        let (o, _) = Options::from_json(&json!({"today": "2025-06-01", "stage": stage}), today());
        outputs.push(serde_json::to_string(&api::validate(&part2, &o, vec![])).unwrap());
        outputs.push(serde_json::to_string(&api::scan(&part2, &part1, &o, vec![])).unwrap());
        outputs.push(
            serde_json::to_string(&api::redact(&part2, &part1, &o, vec![]).diagnostics).unwrap(),
        );
        outputs.push(
            serde_json::to_string(&api::prepare_submission(&part2, &part1, &o, vec![])).unwrap(),
        );
        outputs.push(
            serde_json::to_string(&api::check_submission(&part2, &part1, &o, vec![])).unwrap(),
        );
        outputs.push(
            serde_json::to_string(&api::scan_field(&part2, &json!(""), &part1, &o, vec![]))
                .unwrap(),
        );
    }
    for out in &outputs {
        for m in members {
            assert!(
                !out.contains(&format!("/{m}")) && !out.contains(&format!("\"{m}")),
                "a path holds the member name {m}"
            );
        }
    }
    assert!(
        outputs[0].contains("/patient/*8"),
        "unknown members are counted"
    );
    // Cost fields holding identifiers: no figure in any output.
    let (o, _) = Options::from_json(&json!({"today": "2025-06-01"}), today());
    for (drug, figure) in [
        ("NOK 14 037 410 021", "1403741002100"),
        ("912 34 567", "9123456700"),
    ] {
        let mut doc: Value =
            serde_json::from_str(include_str!("data/tilgang-del2-valid.json")).unwrap();
        doc["costs"]["drug_per_month"] = json!(drug);
        doc["costs"]["other_per_month"] = json!(FNR);
        for out in [
            serde_json::to_string(&api::validate(&doc, &o, vec![])).unwrap(),
            serde_json::to_string(&api::cost_summary(&doc, &o, vec![])).unwrap(),
            serde_json::to_string(&api::prepare_submission(&doc, &part1, &o, vec![])).unwrap(),
            serde_json::to_string(&api::check_submission(&doc, &part1, &o, vec![])).unwrap(),
        ] {
            assert!(
                !out.contains(figure),
                "{drug}: a cost figure holds its digits"
            );
            assert_clean("cost summary", &out);
        }
    }
}
