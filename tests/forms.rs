//! The forms: valid examples of every kind pass at every stage, and each rule has a test that
//! fails without it (a mutation of a valid example that the rule alone reports).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::{json, Value};
use skjemavakt::forms::{self, FormKind, Stage};
use skjemavakt::registry::Registry;
use skjemavakt::{Context, Diagnostic, Lang, Severity};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn load(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn run(doc: &Value, stage: Stage) -> Vec<(String, String, Severity)> {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let diagnostics = forms::validate(doc, stage, &ctx).diagnostics;
    assert_declared(doc, &diagnostics);
    diagnostics
        .into_iter()
        .map(|d| {
            (
                d.code().to_string(),
                d.path.as_str().to_string(),
                d.severity,
            )
        })
        .collect()
}

/// Every diagnostic is reported where the forms declare it (the rules page lists these
/// paths): a field's check at that field, a rule across fields at its declared path. The
/// walker's own rules (`form.*`) apply to any field.
fn assert_declared(doc: &Value, diagnostics: &[Diagnostic]) {
    let Some(kind) = forms::kind_of(doc) else {
        return;
    };
    let declared = forms::reports(kind);
    for d in diagnostics {
        if d.code().starts_with("form.") {
            continue;
        }
        assert!(
            declared
                .iter()
                .any(|(r, p)| *r == d.rule && forms::path_matches(p, d.path.as_str())),
            "{} at {} is not declared for {kind}",
            d.code(),
            d.path
        );
    }
}

fn errors(doc: &Value, stage: Stage) -> Vec<(String, String)> {
    run(doc, stage)
        .into_iter()
        .filter(|d| d.2 == Severity::Error)
        .map(|d| (d.0, d.1))
        .collect()
}

/// Sets a value at a JSON Pointer (creating nothing: the parent must exist).
fn set(doc: &mut Value, pointer: &str, v: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let p = doc.pointer_mut(parent).unwrap();
    match p {
        Value::Object(o) => {
            o.insert(key.to_string(), v);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = v,
        _ => panic!("not a container"),
    }
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    doc.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
}

const VALID: [&str; 6] = [
    "tilgang-del1-valid.json",
    "tilgang-del2-valid.json",
    "hb-exception-single-valid.json",
    "hb-exception-group-valid.json",
    "hb-offlabel-single-valid.json",
    "hb-offlabel-group-valid.json",
];

#[test]
fn valid_examples_pass_every_stage_without_warnings() {
    for name in VALID {
        let doc = load(name);
        for stage in [Stage::Draft, Stage::Approval, Stage::Submission] {
            let found: Vec<_> = run(&doc, stage)
                .into_iter()
                .filter(|d| d.2 != Severity::Info)
                .collect();
            assert!(found.is_empty(), "{name} at {stage:?}: {found:?}");
        }
    }
}

#[test]
fn every_kind_is_recognised_from_its_form_member() {
    for (name, kind) in VALID.iter().zip(FormKind::ALL) {
        assert_eq!(forms::kind_of(&load(name)), Some(kind), "{name}");
    }
    assert_eq!(
        run(&json!({"form": "tilgang-del3"}), Stage::Draft)[0].0,
        "form.kind"
    );
    assert_eq!(run(&json!({}), Stage::Draft)[0].0, "form.kind");
    assert_eq!(run(&json!([1, 2]), Stage::Draft)[0].0, "form.kind");
}

#[test]
fn draft_checks_formats_only_approval_requires_the_physicians_fields() {
    let doc = json!({"form": "tilgang-del2", "patient": {"birth_year": 1974}});
    assert!(errors(&doc, Stage::Draft).is_empty());
    let e = errors(&doc, Stage::Approval);
    // A missing group reports each of its required fields, so every field to fill in is
    // listed at once.
    for path in [
        "/reference",
        "/application/health_trust",
        "/application/consent_confirmed",
        "/patient/legal_sex",
        "/patient/diagnosis",
        "/treatment/drug",
        "/treatment/stop_criteria",
        "/costs/drug_per_month",
        "/exceptionality/increased_benefit/claimed",
        "/overall_assessment",
    ] {
        assert!(
            e.contains(&("form.required".into(), path.into())),
            "{path} in {e:?}"
        );
    }
    assert!(!e
        .iter()
        .any(|x| x.1 == "/treatment" || x.1 == "/patient/birth_year"));
    // Approvals are required at submission only.
    assert!(!e.iter().any(|x| x.1.starts_with("/approvals")));
    let s = errors(&doc, Stage::Submission);
    for path in [
        "/approvals/line_manager/name",
        "/approvals/medical_director/form_complete",
    ] {
        assert!(
            s.contains(&("form.required".into(), path.into())),
            "{path} in {s:?}"
        );
    }
    // A blank string is missing.
    let mut d = load("tilgang-del2-valid.json");
    set(&mut d, "/patient/diagnosis", json!("   "));
    assert_eq!(
        errors(&d, Stage::Approval),
        vec![("form.required".into(), "/patient/diagnosis".into())]
    );
}

#[test]
fn required_messages_name_the_field_and_stage_in_each_language() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load("tilgang-del2-valid.json");
    remove(&mut d, "/treatment/stop_criteria");
    let v = forms::validate(&d, Stage::Approval, &ctx);
    let diag = v
        .diagnostics
        .iter()
        .find(|x| x.code() == "form.required")
        .unwrap();
    assert_eq!(
        diag.message(Lang::Nb),
        "«Stoppkriterier» må fylles ut før godkjenning."
    );
    assert_eq!(
        diag.message(Lang::Nn),
        "«Stoppkriterium» må fyllast ut før godkjenning."
    );
    assert_eq!(
        diag.message(Lang::En),
        "“Stop criteria” must be filled in before approval."
    );
    assert_eq!(
        diag.rule.source.document.name(),
        "nye-metoder-tilgangsordningen.txt"
    );
}

#[test]
fn unknown_fields_are_errors_and_their_names_always_masked() {
    let mut d = load("tilgang-del2-valid.json");
    set(&mut d, "/patient_name", json!("Kari Nordmann"));
    set(&mut d, "/patient/fodselsnummer", json!("14037410021"));
    set(&mut d, "/patient/Storgata12", json!(1));
    set(&mut d, "/Kari Nordmann", json!(1));
    let e = errors(&d, Stage::Draft);
    // Issue 17: names from the input are never written, however harmless they look; the
    // n-th unknown member of an object is `*n`.
    let unknown: Vec<&str> = e
        .iter()
        .filter(|(c, _)| c == "form.unknown_field")
        .map(|(_, p)| p.as_str())
        .collect();
    assert_eq!(unknown, ["/*1", "/*2", "/patient/*1", "/patient/*2"]);
    // `form` is a member at the root only: anywhere else it is no field.
    let mut d = load("tilgang-del2-valid.json");
    set(&mut d, "/patient/form", json!("Kari Nordmann 14037410021"));
    set(&mut d, "/approvals/line_manager/form", json!({"a": ["b"]}));
    let e = errors(&d, Stage::Draft);
    assert!(e.contains(&("form.unknown_field".into(), "/patient/*1".into())));
    assert!(e.contains(&(
        "form.unknown_field".into(),
        "/approvals/line_manager/*1".into()
    )));
}

#[test]
fn a_form_member_inside_a_group_is_unknown() {
    // `form` names the kind at the top only. Inside a group it was once skipped as if it were
    // the kind, and so sealed without being scanned.
    let mut d = load("tilgang-del2-valid.json");
    set(&mut d, "/patient/form", json!("Kari Nordmann 14037410021"));
    set(&mut d, "/literature/0/form", json!("x"));
    let e = errors(&d, Stage::Draft);
    // Member names are never written in a path: the first unknown member of each object.
    assert!(e.contains(&("form.unknown_field".into(), "/patient/*1".into())));
    assert!(e.contains(&("form.unknown_field".into(), "/literature/0/*1".into())));
    assert!(!e.iter().any(|(_, p)| p == "/form"));
}

#[test]
fn types_and_values() {
    let mut d = load("tilgang-del2-valid.json");
    set(&mut d, "/application/consent_confirmed", json!("ja"));
    set(&mut d, "/patient/legal_sex", json!("kvinne"));
    set(&mut d, "/treatment/goal", json!(3));
    set(&mut d, "/literature", json!({"title": "x"}));
    set(&mut d, "/overall_assessment", json!(["a"]));
    let e = errors(&d, Stage::Draft);
    assert!(e.contains(&("form.type".into(), "/application/consent_confirmed".into())));
    assert!(e.contains(&("form.value".into(), "/patient/legal_sex".into())));
    assert!(e.contains(&("form.value".into(), "/treatment/goal".into())));
    assert!(e.contains(&("form.type".into(), "/literature".into())));
    assert!(e.contains(&("form.type".into(), "/overall_assessment".into())));
}

#[test]
fn long_texts_are_refused_with_a_limit() {
    let mut d = load("tilgang-del2-valid.json");
    set(
        &mut d,
        "/patient/medical_history",
        json!("a".repeat(20_001)),
    );
    assert_eq!(
        errors(&d, Stage::Draft),
        vec![("form.too_long".into(), "/patient/medical_history".into())]
    );
}

/// One mutation → exactly the expected error codes at the expected paths.
fn expect(file: &str, stage: Stage, mutate: impl Fn(&mut Value), want: &[(&str, &str)]) {
    let mut d = load(file);
    mutate(&mut d);
    let got = errors(&d, stage);
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    assert_eq!(got, want, "{file}");
}

#[test]
fn birth_year_rules() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/birth_year", json!(74)),
        &[("patient.birth_year.format", "/patient/birth_year")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/birth_year", json!("14.03.1974")),
        &[("form.type", "/patient/birth_year")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/birth_year", json!(2026)),
        &[("patient.birth_year.future", "/patient/birth_year")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/birth_year", json!(1890)),
        &[("patient.birth_year.implausible", "/patient/birth_year")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/birth_year", json!("1974")),
        &[],
    );
}

#[test]
fn reference_rules() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/reference", json!("2025-05-32-HBE-ONK")),
        &[("reference.date.invalid", "/reference")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/reference", json!("2025-05-12-XYZ-ONK")),
        &[("reference.hf.unknown", "/reference")],
    );
    // The reference names another trust than the sending one: a warning.
    let mut d = load(f);
    set(&mut d, "/reference", json!("2025-05-12-OUS-ONK"));
    assert!(run(&d, Stage::Draft).contains(&(
        "application.reference.trust".into(),
        "/reference".into(),
        Severity::Warning
    )));
}

#[test]
fn consent_must_be_confirmed_before_approval() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/application/consent_confirmed", json!(false)),
        &[],
    );
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/application/consent_confirmed", json!(false)),
        &[("application.consent", "/application/consent_confirmed")],
    );
}

#[test]
fn exceptionality_rules() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/exceptionality/higher_severity/claimed", json!(true)),
        &[(
            "exceptionality.criterion.justification",
            "/exceptionality/higher_severity/justification",
        )],
    );
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/exceptionality/increased_benefit/claimed", json!(false)),
        &[("exceptionality.criterion.none", "/exceptionality")],
    );
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/literature", json!([])),
        &[("exceptionality.benefit.literature", "/literature")],
    );
    expect(
        f,
        Stage::Approval,
        |d| remove(d, "/literature"),
        &[("exceptionality.benefit.literature", "/literature")],
    );
}

#[test]
fn literature_links() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/literature/0/url", json!("PMID: 37861298")),
        &[],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/literature/0/url", json!("10.1056/NEJMoa2302299")),
        &[],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/literature/0/url", json!("se vedlegg")),
        &[("literature.link", "/literature/0/url")],
    );
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/literature/0/url", json!("")),
        &[("form.required", "/literature/0/url")],
    );
}

#[test]
fn goal_other_needs_a_description() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/treatment/goal", json!("other")),
        &[("treatment.goal.other", "/treatment/goal_other")],
    );
    expect(
        f,
        Stage::Approval,
        |d| {
            set(d, "/treatment/goal", json!("other"));
            set(d, "/treatment/goal_other", json!("Bedre livskvalitet"));
        },
        &[],
    );
}

#[test]
fn one_patient_only() {
    let f = "tilgang-del2-valid.json";
    let mut d = load(f);
    let p = d["patient"].clone();
    set(&mut d, "/patient", json!([p.clone(), p]));
    let e = errors(&d, Stage::Draft);
    assert!(
        e.contains(&("patient.single".into(), "/patient".into())),
        "{e:?}"
    );
}

#[test]
fn identifiers_in_structured_fields() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/treatment/nye_metoder_id", json!("ID2023-013")),
        &[(
            "treatment.nye_metoder_id.format",
            "/treatment/nye_metoder_id",
        )],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/npr_id", json!("140374 10021")),
        &[("patient.npr_id.is_national_id", "/patient/npr_id")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/npr_id", json!("not an npr id!")),
        &[("patient.npr_id.format", "/patient/npr_id")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/application/health_trust", json!("Karolinska")),
        &[("registry.trust.unknown", "/application/health_trust")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/catchment_area", json!("Karolinska")),
        &[("registry.trust.unknown", "/patient/catchment_area")],
    );
}

#[test]
fn approvals_at_submission() {
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/approvals/line_manager/approved", json!(false)),
        &[],
    );
    expect(
        f,
        Stage::Submission,
        |d| set(d, "/approvals/line_manager/approved", json!(false)),
        &[("approval.missing", "/approvals/line_manager/approved")],
    );
    expect(
        f,
        Stage::Submission,
        |d| set(d, "/approvals/medical_director/approved", json!(false)),
        &[("approval.missing", "/approvals/medical_director/approved")],
    );
    expect(
        f,
        Stage::Submission,
        |d| set(d, "/approvals/medical_director/form_complete", json!(false)),
        &[(
            "approval.form_complete",
            "/approvals/medical_director/form_complete",
        )],
    );
    expect(
        f,
        Stage::Submission,
        |d| remove(d, "/approvals/medical_director/name"),
        &[("form.required", "/approvals/medical_director/name")],
    );
}

#[test]
fn part1_rules() {
    let f = "tilgang-del1-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/patient/national_id", json!("14037410022")),
        &[("tilgang.del1.national_id.invalid", "/patient/national_id")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/date", json!("2025-06-02")),
        &[("tilgang.del1.date.invalid", "/date")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/date", json!("12.05.2025")),
        &[],
    );
    expect(
        f,
        Stage::Approval,
        |d| set(d, "/patient_signed", json!(false)),
        &[("tilgang.del1.not_signed", "/patient_signed")],
    );
    // Skatteetaten's Tenor test number (synthetic, month + 80): a warning.
    let mut d = load(f);
    set(&mut d, "/patient/national_id", json!("17912099997"));
    assert!(run(&d, Stage::Draft).contains(&(
        "tilgang.del1.national_id.synthetic".into(),
        "/patient/national_id".into(),
        Severity::Warning
    )));
}

#[test]
fn national_id_error_messages_never_contain_the_number() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load("tilgang-del1-valid.json");
    set(&mut d, "/patient/national_id", json!("14037410022"));
    let v = forms::validate(&d, Stage::Draft, &ctx);
    for diag in &v.diagnostics {
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let text = format!("{} {:?} {}", diag.message(lang), diag.hint(lang), diag);
            assert!(
                !text.contains("14037410022") && !text.contains("140374"),
                "{text}"
            );
        }
    }
}

#[test]
fn costs_are_parsed_and_summarised() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let v = forms::validate(&load("tilgang-del2-valid.json"), Stage::Submission, &ctx);
    let c = v.costs.unwrap();
    assert_eq!(c.monthly_total_ore, Some((245_000 + 12_500 - 2_500) * 100));
    assert_eq!(c.total_ore, Some(255_000 * 12 * 100));
    assert_eq!(c.monthly_total_text.as_deref(), Some("kr 255 000"));
    let f = "tilgang-del2-valid.json";
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/costs/drug_per_month", json!("1.234")),
        &[("cost.amount.ambiguous", "/costs/drug_per_month")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/costs/drug_per_month", json!("EUR 20 000")),
        &[("cost.amount.currency", "/costs/drug_per_month")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/costs/other_per_month", json!(-100)),
        &[("cost.amount.negative", "/costs/other_per_month")],
    );
    expect(
        f,
        Stage::Draft,
        |d| set(d, "/costs/drug_per_month", json!("125.000,-")),
        &[],
    );
    let mut d = load(f);
    set(&mut d, "/costs/drug_per_month", json!("kr 12 000 000"));
    assert!(run(&d, Stage::Draft)
        .iter()
        .any(|x| x.0 == "cost.amount.implausible" && x.2 == Severity::Warning));
}

#[test]
fn helse_bergen_rules() {
    let f = "hb-exception-single-valid.json";
    expect(
        f,
        Stage::Approval,
        |d| remove(d, "/patient/npr_id"),
        &[("form.required", "/patient/npr_id")],
    );
    expect(
        f,
        Stage::Approval,
        |d| remove(d, "/greater_effect_justification"),
        &[("form.required", "/greater_effect_justification")],
    );
    expect(
        "hb-offlabel-single-valid.json",
        Stage::Approval,
        |d| remove(d, "/treatment/offlabel_kind"),
        &[("form.required", "/treatment/offlabel_kind")],
    );
    // Nye metoder ID: required for the exception scheme, optional off-label.
    expect(
        f,
        Stage::Approval,
        |d| remove(d, "/treatment/nye_metoder_id"),
        &[("form.required", "/treatment/nye_metoder_id")],
    );
    expect(
        "hb-offlabel-group-valid.json",
        Stage::Approval,
        |d| remove(d, "/group/guidelines"),
        &[("form.required", "/group/guidelines")],
    );

    let warnings = |d: &Value| -> Vec<String> {
        run(d, Stage::Approval)
            .into_iter()
            .filter(|x| x.2 != Severity::Error)
            .map(|x| x.0)
            .collect()
    };
    let mut d = load(f);
    set(&mut d, "/self_payment/continuation_of_private", json!(true));
    assert_eq!(warnings(&d), vec!["hb.self_payment"]);
    set(&mut d, "/self_payment/clear_advice", json!(true));
    assert_eq!(warnings(&d), vec!["hb.self_payment.exception"]);

    let mut d = load(f);
    for k in [
        "expert_panel",
        "external_experts",
        "consensus",
        "literature",
    ] {
        set(&mut d, &format!("/support/{k}"), json!(false));
    }
    assert_eq!(warnings(&d), vec!["hb.support.none"]);

    let mut d = load(f);
    set(&mut d, "/literature", json!([]));
    assert_eq!(warnings(&d), vec!["hb.literature.none"]);

    let mut d = load(f);
    set(&mut d, "/clinical_trial", json!({"considered": false}));
    assert_eq!(warnings(&d), vec!["hb.trial.not_considered"]);

    let mut d = load("hb-exception-group-valid.json");
    set(&mut d, "/group/forward_to_rhf", json!(false));
    set(
        &mut d,
        "/group/national_assessment_considered",
        json!(false),
    );
    assert_eq!(warnings(&d), vec!["hb.group.level"]);

    // A single-patient kind with a group is refused.
    let mut d = load(f);
    set(&mut d, "/group", json!({}));
    assert!(errors(&d, Stage::Draft).contains(&("patient.single".into(), "/patient".into())));
}

#[test]
fn self_payment_warning_names_the_exceptions() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load("hb-offlabel-single-valid.json");
    set(&mut d, "/self_payment/continuation_of_private", json!(true));
    let v = forms::validate(&d, Stage::Approval, &ctx);
    let w = v
        .diagnostics
        .iter()
        .find(|x| x.code() == "hb.self_payment")
        .unwrap();
    let hint = w.hint(Lang::Nb).unwrap();
    assert!(
        hint.contains("Ekspertpanelet")
            && hint.contains("Klinisk etikkomité")
            && hint.contains("samme indikasjon")
    );
    assert!(v.valid, "a warning does not block");
}
