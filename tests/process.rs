//! Issue 19, "the real process": Helse Bergen's order of steps (1.2.2.5-16 §3.2), references in
//! the guide's own form, applications that are "tilstrekkelig opplyst", costs, what happens
//! after sending, sources and words, part 1 at the gate. Each test fails without the rule it
//! names (each was checked by breaking the code once).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::{json, Value};
use skjemavakt::forms::{self, Stage};
use skjemavakt::registry::{Config, Registry};
use skjemavakt::submission::gate::prepare_submission;
use skjemavakt::{reference, Context, Lang, Severity};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn load(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn diags_with(doc: &Value, stage: Stage, reg: &Registry) -> Vec<(String, String, Severity)> {
    let ctx = Context::new(today(), reg);
    forms::validate(doc, stage, &ctx)
        .diagnostics
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

fn diags(doc: &Value, stage: Stage) -> Vec<(String, String, Severity)> {
    diags_with(doc, stage, &Registry::builtin())
}

fn errors(doc: &Value, stage: Stage) -> Vec<(String, String)> {
    diags(doc, stage)
        .into_iter()
        .filter(|d| d.2 == Severity::Error)
        .map(|d| (d.0, d.1))
        .collect()
}

fn codes(doc: &Value, stage: Stage) -> Vec<String> {
    diags(doc, stage).into_iter().map(|d| d.0).collect()
}

fn config(v: Value) -> Registry {
    Registry::with_config(&Config::from_json(&v).unwrap())
}

const HB_KINDS: [&str; 4] = [
    "hb-exception-single-valid.json",
    "hb-exception-group-valid.json",
    "hb-offlabel-single-valid.json",
    "hb-offlabel-group-valid.json",
];

// ---------------------------------------------------------------- 1. Helse Bergen's order

#[test]
fn hb_submission_needs_the_level2_leader_not_the_director() {
    let sub = load("hb-exception-single-submission.json");
    assert!(sub["approvals"].get("medical_director").is_none());
    for stage in [Stage::Draft, Stage::Approval, Stage::Submission] {
        assert_eq!(errors(&sub, stage), vec![], "{stage:?}");
    }
    // An empty director's part is the same as none at submission.
    let mut empty = sub.clone();
    empty["approvals"]["medical_director"] = json!({});
    assert_eq!(errors(&empty, Stage::Submission), vec![]);
    // For every HB kind.
    for f in HB_KINDS {
        let mut d = load(f);
        d["approvals"]
            .as_object_mut()
            .unwrap()
            .remove("medical_director");
        assert_eq!(errors(&d, Stage::Submission), vec![], "{f}");
        d["approvals"]
            .as_object_mut()
            .unwrap()
            .remove("line_manager");
        let e = errors(&d, Stage::Submission);
        assert!(
            e.contains(&(
                "form.required".into(),
                "/approvals/line_manager/approved".into()
            )),
            "{f}: {e:?}"
        );
    }
}

#[test]
fn hb_decision_needs_the_directors_part() {
    let sub = load("hb-exception-single-submission.json");
    let e = errors(&sub, Stage::Decision);
    assert_eq!(
        e,
        vec![
            (
                "form.required".to_string(),
                "/approvals/medical_director/name".to_string()
            ),
            (
                "form.required".into(),
                "/approvals/medical_director/justification".into()
            ),
            (
                "form.required".into(),
                "/approvals/medical_director/approved".into()
            ),
        ]
    );
    let dec = load("hb-exception-single-decision.json");
    assert_eq!(errors(&dec, Stage::Decision), vec![]);
    // "form complete" is never required of Helse Bergen's director.
    assert!(dec["approvals"]["medical_director"]
        .get("form_complete")
        .is_none());
    // A refusal is a documented decision: told, not an error.
    let mut refused = dec.clone();
    refused["approvals"]["medical_director"]["approved"] = json!(false);
    let d = diags(&refused, Stage::Decision);
    assert!(d.contains(&(
        "approval.hb.refused".into(),
        "/approvals/medical_director/approved".into(),
        Severity::Info
    )));
    assert!(!d.iter().any(|x| x.2 == Severity::Error), "{d:?}");
    // Not told before the decision.
    assert!(!codes(&refused, Stage::Submission).contains(&"approval.hb.refused".to_string()));
}

#[test]
fn hb_not_recommended_says_what_section_3_2_point_1_says() {
    let mut d = load("hb-exception-single-submission.json");
    d["approvals"]["line_manager"]["approved"] = json!(false);
    assert_eq!(errors(&d, Stage::Approval), vec![]);
    assert_eq!(
        errors(&d, Stage::Submission),
        vec![(
            "approval.hb.not_recommended".to_string(),
            "/approvals/line_manager/approved".to_string()
        )]
    );
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let v = forms::validate(&d, Stage::Submission, &ctx);
    let r = v
        .diagnostics
        .iter()
        .find(|x| x.code() == "approval.hb.not_recommended")
        .unwrap()
        .render(Lang::Nb);
    assert!(r.hint.as_deref().unwrap().contains("kort notat"), "{r:?}");
    assert!(r.message.contains("anbefal"), "{r:?}");
    assert!(r.source.section.contains("3.2"), "{r:?}");
}

#[test]
fn the_gate_seals_hb_at_submission_without_the_director() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let sub = load("hb-exception-single-submission.json");
    let r = prepare_submission(&sub, None, None, &ctx);
    assert!(
        r.ok,
        "{:?}",
        r.diagnostics.iter().map(|d| d.code()).collect::<Vec<_>>()
    );
    // The level-2 leader's recommendation is what the committee receives.
    let mut no = sub.clone();
    no["approvals"]["line_manager"]["approved"] = json!(false);
    let r = prepare_submission(&no, None, None, &ctx);
    assert!(!r.ok);
}

#[test]
fn stages_parse_and_order() {
    assert_eq!(Stage::parse("decision"), Some(Stage::Decision));
    assert_eq!(Stage::parse(" Vedtak "), Some(Stage::Decision));
    assert_eq!(Stage::Decision.as_str(), "decision");
    assert!(Stage::Decision > Stage::Submission);
}

#[test]
fn tilgang_line_manager_by_the_hospitals_configuration() {
    let mut d = load("tilgang-del2-valid.json");
    d["approvals"]
        .as_object_mut()
        .unwrap()
        .remove("line_manager");
    // Default: required.
    let e: Vec<_> = diags(&d, Stage::Submission)
        .into_iter()
        .filter(|x| x.2 == Severity::Error)
        .map(|x| x.1)
        .collect();
    assert_eq!(
        e,
        vec![
            "/approvals/line_manager/name",
            "/approvals/line_manager/justification",
            "/approvals/line_manager/approved"
        ]
    );
    let reg = config(json!({"line_manager_required": false}));
    let found: Vec<_> = diags_with(&d, Stage::Submission, &reg)
        .into_iter()
        .filter(|x| x.2 == Severity::Error)
        .collect();
    assert_eq!(found, vec![]);
    // Still checked when given: a line manager who did not approve.
    let mut no = load("tilgang-del2-valid.json");
    no["approvals"]["line_manager"]["approved"] = json!(false);
    assert!(diags_with(&no, Stage::Submission, &reg)
        .iter()
        .any(|x| x.0 == "approval.missing"));
    // The medical director is required either way.
    let mut nd = load("tilgang-del2-valid.json");
    nd["approvals"]
        .as_object_mut()
        .unwrap()
        .remove("medical_director");
    assert!(diags_with(&nd, Stage::Submission, &reg)
        .iter()
        .any(|x| x.1 == "/approvals/medical_director/name"));
    // A configuration with a wrong type is refused.
    assert!(Config::from_json(&json!({"line_manager_required": "no"})).is_err());
}

#[test]
fn fields_and_schemas_know_the_decision_stage() {
    use skjemavakt::api;
    let (o, _) = api::Options::from_json(&json!({"stage": "decision"}), today());
    assert_eq!(o.stage, Stage::Decision);
    let f = api::fields(&json!("hb-exception-single"), &o, Vec::new());
    let req = |p: &str| f.fields.iter().find(|x| x.path == p).unwrap().required;
    assert!(req("/approvals/medical_director/name"));
    let (o, _) = api::Options::from_json(&json!({"stage": "submission"}), today());
    let f = api::fields(&json!("hb-exception-single"), &o, Vec::new());
    let req = |p: &str| f.fields.iter().find(|x| x.path == p).unwrap().required;
    assert!(!req("/approvals/medical_director/name"));
    assert!(req("/approvals/line_manager/approved"));
    // tilgang-del2 with a hospital without the line manager's step.
    let (o, _) = api::Options::from_json(
        &json!({"stage": "submission", "config": {"line_manager_required": false}}),
        today(),
    );
    let f = api::fields(&json!("tilgang-del2"), &o, Vec::new());
    let req = |p: &str| f.fields.iter().find(|x| x.path == p).unwrap().required;
    assert!(!req("/approvals/line_manager/name"));
    assert!(req("/approvals/medical_director/name"));
}

#[test]
fn the_cli_checks_at_decision() {
    let run = |stage: &str, file: &str| {
        let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_skjemavakt"))
            .args([
                "--today",
                "2025-06-01",
                "check",
                "--format",
                "json",
                "--stage",
                stage,
                &path,
            ])
            .output()
            .unwrap();
        let line = String::from_utf8(o.stdout).unwrap();
        let v: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
        (
            v["stage"].as_str().unwrap().to_string(),
            v["valid"].as_bool().unwrap(),
        )
    };
    assert_eq!(
        run("decision", "hb-exception-single-submission.json"),
        ("decision".to_string(), false)
    );
    assert_eq!(
        run("submission", "hb-exception-single-submission.json"),
        ("submission".to_string(), true)
    );
    assert_eq!(
        run("decision", "hb-exception-single-decision.json"),
        ("decision".to_string(), true)
    );
}

// ---------------------------------------------------------------- 2. References

fn rcodes(c: &reference::Checked) -> Vec<&'static str> {
    c.diagnostics.iter().map(|d| d.code()).collect()
}

#[test]
fn the_guides_free_words_in_brackets() {
    // Issue 19: the guide's reference is free words in brackets.
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let c = reference::check("[2025-05-12]-[Helse Bergen]-[Nevrologisk avdeling]", &ctx);
    assert_eq!(rcodes(&c), ["reference.hf.alias"]);
    assert_eq!(
        c.reference.as_ref().unwrap().to_string(),
        "[2025-05-12]-[HBE]-[Nevrologisk avdeling]"
    );
    let c = reference::check(
        "[2025-05-12]-[Voss  sjukehus]-[Barne- og ungdomsklinikken]",
        &ctx,
    );
    assert_eq!(rcodes(&c), ["reference.hf.unknown"]);
    assert_eq!(c.diagnostics[0].severity, Severity::Warning);
    let r = c.reference.unwrap();
    assert!(!r.hf_known);
    assert_eq!(
        r.to_string(),
        "[2025-05-12]-[Voss sjukehus]-[Barne- og ungdomsklinikken]"
    );
    // The canonical writing reads back as itself, to the letter.
    let again = reference::check(&r.to_string(), &ctx).reference.unwrap();
    assert_eq!(again.to_string(), r.to_string());
    // A bracketed department after a short trust, a trust with a dash before a free one.
    let c = reference::check("2025-05-12-HBE-[Barne- og ungdomsklinikken]", &ctx);
    assert_eq!(c.reference.unwrap().dept, "Barne- og ungdomsklinikken");
    let c = reference::check("2025-05-12-Helse Nord-Trøndelag-Medisinsk klinikk", &ctx);
    let r = c.reference.unwrap();
    assert_eq!(
        (r.hf.as_str(), r.dept.as_str()),
        ("HNT", "Medisinsk klinikk")
    );
    // Compared normalised: case, white space, alias → code.
    let a = reference::check("[2025-05-12]-[Helse Bergen]-[onk]", &ctx)
        .reference
        .unwrap();
    let b = reference::check("2025-05-12-HBE-ONK", &ctx)
        .reference
        .unwrap();
    assert_eq!(a, b);
    assert!(reference::check_same(&a, &b, &skjemavakt::Pointer::root()).is_none());
    let a = reference::check("[2025-05-12]-[Voss sjukehus]-[Nevrologisk  Avdeling]", &ctx)
        .reference
        .unwrap();
    let b = reference::check("[2025-05-12]-[voss sjukehus]-[nevrologisk avdeling]", &ctx)
        .reference
        .unwrap();
    assert_eq!(a, b);
    let c = reference::check("[2025-05-12]-[Voss sjukehus]-[Kirurgisk avdeling]", &ctx)
        .reference
        .unwrap();
    assert_ne!(a, c);
}

#[test]
fn a_strict_hospital_refuses_unknown_trusts() {
    let cfg = Config {
        strict_trusts: Some(true),
        ..Config::default()
    };
    let reg = Registry::with_config(&cfg);
    let ctx = Context::new(today(), &reg);
    let c = reference::check("[2025-05-12]-[Voss sjukehus]-[ONK]", &ctx);
    assert!(c.reference.is_none());
    assert_eq!(rcodes(&c), ["reference.hf.not_configured"]);
    assert!(reference::check("[2025-05-12]-[Helse Bergen]-[ONK]", &ctx)
        .reference
        .is_some());
}

#[test]
fn references_in_the_guides_own_form_validate_and_seal_canonically() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let p1 = load("tilgang-del1-valid.json");
    for (written, sealed, warns) in [
        (
            "[2025-05-12]-[Helse Bergen]-[Nevrologisk avdeling]",
            "[2025-05-12]-[HBE]-[Nevrologisk avdeling]",
            false,
        ),
        (
            "[2025-05-12]-[Voss sjukehus]-[Barne- og ungdomsklinikken]",
            "[2025-05-12]-[Voss sjukehus]-[Barne- og ungdomsklinikken]",
            true,
        ),
        ("2025-05-12-HBE-ONK", "2025-05-12-HBE-ONK", false),
    ] {
        let mut d = load("tilgang-del2-valid.json");
        d["reference"] = json!(written);
        let found = diags(&d, Stage::Submission);
        assert!(
            !found.iter().any(|x| x.2 == Severity::Error),
            "{written}: {found:?}"
        );
        assert_eq!(
            found
                .iter()
                .any(|x| x.0 == "reference.hf.unknown" && x.2 == Severity::Warning),
            warns,
            "{written}: {found:?}"
        );
        // Part 1 carries the same reference, written its own way.
        let mut one = p1.clone();
        one["reference"] = json!(written.to_uppercase());
        let part1 = skjemavakt::submission::Part1::from_json(&one, &ctx);
        let r = prepare_submission(&d, Some(&part1), None, &ctx);
        assert!(
            r.ok,
            "{written}: {:?}",
            r.diagnostics.iter().map(|d| d.code()).collect::<Vec<_>>()
        );
        let s: Value = serde_json::from_str(&r.sealed.as_ref().unwrap().canonical).unwrap();
        assert_eq!(s["reference"], sealed);
        // What is sealed seals again to itself.
        let again = prepare_submission(&s, Some(&part1), None, &ctx);
        assert_eq!(again.sealed, r.sealed);
    }
}

#[test]
fn part1_and_part2_compare_normalised_references() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut p1 = load("tilgang-del1-valid.json");
    p1["reference"] = json!("2025-05-12-HBE-ONK");
    let part1 = skjemavakt::submission::Part1::from_json(&p1, &ctx);
    let mut d = load("tilgang-del2-valid.json");
    d["reference"] = json!("[2025-05-12]-[Helse  Bergen]-[onk]");
    let r = prepare_submission(&d, Some(&part1), None, &ctx);
    assert!(r.ok && r.checks.is_empty());
    d["reference"] = json!("[2025-05-12]-[Helse Bergen]-[Kirurgisk avdeling]");
    let r = prepare_submission(&d, Some(&part1), None, &ctx);
    assert_eq!(
        r.checks.iter().map(|d| d.code()).collect::<Vec<_>>(),
        ["reference.mismatch"]
    );
}

#[test]
fn a_free_department_is_scanned_for_identifiers() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let p1 = load("tilgang-del1-valid.json");
    let part1 = skjemavakt::submission::Part1::from_json(&p1, &ctx);
    for dept in ["Kari Nordmann", "pasient Ola Hansen", "ring 912 34 567"] {
        let mut d = load("tilgang-del2-valid.json");
        d["reference"] = json!(format!("[2025-05-12]-[Helse Bergen]-[{dept}]"));
        let r = prepare_submission(&d, Some(&part1), None, &ctx);
        assert!(!r.ok, "{dept}");
        assert!(
            r.findings.iter().any(|f| f.path.as_str() == "/reference"),
            "{dept}: {:?}",
            r.diagnostics.iter().map(|d| d.code()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_hospital_can_make_unknown_trusts_an_error() {
    let mut d = load("tilgang-del2-valid.json");
    d["reference"] = json!("[2025-05-12]-[Voss sjukehus]-[ONK]");
    let reg = config(json!({"strict_trusts": true}));
    assert!(diags_with(&d, Stage::Draft, &reg).contains(&(
        "reference.hf.not_configured".into(),
        "/reference".into(),
        Severity::Error
    )));
    // A configured trust is known.
    let reg = config(
        json!({"strict_trusts": true, "trusts": [{"code": "VOSS", "name": "Voss sjukehus"}]}),
    );
    assert!(!diags_with(&d, Stage::Draft, &reg)
        .iter()
        .any(|x| x.2 == Severity::Error));
}

// ---------------------------------------------------------------- 6. After sending

#[test]
fn the_committees_parts_are_known_and_optional() {
    let mut d = load("tilgang-del2-valid.json");
    d["decision"] = json!({"outcome": "granted", "date": "2025-05-30", "justification": "Kriteriene for klinisk eksepsjonalitet er oppfylt."});
    for stage in [
        Stage::Draft,
        Stage::Approval,
        Stage::Submission,
        Stage::Decision,
    ] {
        assert_eq!(errors(&d, stage), vec![], "{stage:?}");
    }
    d["decision"]["outcome"] = json!("maybe");
    assert_eq!(
        errors(&d, Stage::Draft),
        vec![("form.value".to_string(), "/decision/outcome".to_string())]
    );
    // A decision given is complete at the stage decision.
    let mut partial = load("tilgang-del2-valid.json");
    partial["decision"] = json!({"outcome": "granted"});
    assert_eq!(errors(&partial, Stage::Submission), vec![]);
    assert_eq!(
        errors(&partial, Stage::Decision),
        vec![
            ("form.required".to_string(), "/decision/date".to_string()),
            (
                "form.required".to_string(),
                "/decision/justification".to_string()
            )
        ]
    );
    let mut h = load("hb-exception-single-decision.json");
    h["assessment"] = json!({"benefit": "Sannsynlig økt livslengde.", "overall": "Anbefales."});
    for stage in [Stage::Draft, Stage::Submission, Stage::Decision] {
        assert_eq!(errors(&h, stage), vec![], "{stage:?}");
    }
}

#[test]
fn the_gate_refuses_a_document_that_holds_a_decision() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load("tilgang-del2-valid.json");
    d["decision"] = json!({"outcome": "refused"});
    let r = prepare_submission(&d, None, None, &ctx);
    assert!(!r.ok);
    assert_eq!(
        r.checks
            .iter()
            .map(|x| (x.code(), x.path.as_str().to_string()))
            .collect::<Vec<_>>(),
        [("gate.decision_present", "/decision".to_string())]
    );
    // An empty decision (as an empty form gives) is none.
    d["decision"] = json!({"outcome": null, "justification": " "});
    assert!(prepare_submission(&d, None, None, &ctx).ok);
    let mut h = load("hb-exception-single-submission.json");
    h["assessment"] = json!({"overall": "Anbefales."});
    let r = prepare_submission(&h, None, None, &ctx);
    assert!(!r.ok);
    assert!(r
        .checks
        .iter()
        .any(|x| x.code() == "gate.decision_present" && x.path.as_str() == "/assessment"));
}

// ---------------------------------------------------------------- 8. Part 1 at the gate

#[test]
fn part1_must_be_signed_and_dated_no_later_than_the_reference() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let p2 = load("tilgang-del2-valid.json");
    let gate = |p1: &Value| {
        let part1 = skjemavakt::submission::Part1::from_json(p1, &ctx);
        let r = prepare_submission(&p2, Some(&part1), None, &ctx);
        let codes: Vec<(String, String)> = r
            .checks
            .iter()
            .map(|x| (x.code().to_string(), x.path.as_str().to_string()))
            .collect();
        (r.ok, codes)
    };
    let p1 = load("tilgang-del1-valid.json");
    assert_eq!(gate(&p1), (true, vec![]));
    for signed in [json!(false), json!(null)] {
        let mut u = p1.clone();
        u["patient_signed"] = signed;
        assert_eq!(
            gate(&u),
            (
                false,
                vec![(
                    "gate.part1.not_signed".to_string(),
                    "/part1/patient_signed".to_string()
                )]
            )
        );
    }
    let mut late = p1.clone();
    late["date"] = json!("13.05.2025");
    assert_eq!(
        gate(&late),
        (
            false,
            vec![(
                "gate.part1.date_after_reference".to_string(),
                "/part1/date".to_string()
            )]
        )
    );
    // The same day, or earlier, is fine.
    let mut same = p1.clone();
    same["date"] = json!("12.05.2025");
    assert_eq!(gate(&same), (true, vec![]));
}

// ---------------------------------------------------------------- 5. Costs

#[test]
fn price_basis_values_and_other() {
    let f = "tilgang-del2-valid.json";
    for basis in ["agreement", "maximum", "pharmacy", "free_supply"] {
        let mut d = load(f);
        d["costs"]["price_basis"] = json!(basis);
        assert_eq!(errors(&d, Stage::Submission), vec![], "{basis}");
    }
    let mut d = load(f);
    d["costs"]["price_basis"] = json!("other");
    assert_eq!(
        errors(&d, Stage::Approval),
        vec![(
            "form.required".to_string(),
            "/costs/price_basis_other".to_string()
        )]
    );
    assert_eq!(errors(&d, Stage::Draft), vec![]);
    d["costs"]["price_basis_other"] = json!("Pris fra Sykehusinnkjøp, anbud 2025");
    assert_eq!(errors(&d, Stage::Approval), vec![]);
    d["costs"]["price_basis"] = json!("list");
    assert_eq!(
        errors(&d, Stage::Draft),
        vec![("form.value".to_string(), "/costs/price_basis".to_string())]
    );
}

#[test]
fn a_drug_cost_of_zero_only_with_free_supply() {
    let mut d = load("tilgang-del2-valid.json");
    d["costs"]["drug_per_month"] = json!(0);
    assert_eq!(
        errors(&d, Stage::Approval),
        vec![(
            "cost.drug.zero".to_string(),
            "/costs/drug_per_month".to_string()
        )]
    );
    d["costs"]["price_basis"] = json!("free_supply");
    assert_eq!(errors(&d, Stage::Approval), vec![]);
    // A cost with free supply is no error either (a delivery fee, say).
    d["costs"]["drug_per_month"] = json!("1 200");
    assert_eq!(errors(&d, Stage::Approval), vec![]);
}

#[test]
fn other_costs_of_zero_warn_and_extra_amounts_need_a_description() {
    let mut d = load("tilgang-del2-valid.json");
    d["costs"]["other_per_month"] = json!("0");
    assert!(diags(&d, Stage::Approval).contains(&(
        "cost.other.zero".into(),
        "/costs/other_per_month".into(),
        Severity::Warning
    )));
    let mut d = load("tilgang-del2-valid.json");
    d["costs"]["extra_resources"] = json!({"amount_per_month": "-2 000"});
    assert_eq!(
        errors(&d, Stage::Approval),
        vec![(
            "cost.extra.description".to_string(),
            "/costs/extra_resources/description".to_string()
        )]
    );
    d["costs"]["extra_resources"]["description"] = json!("Kortere reisevei enn vanlig");
    assert_eq!(errors(&d, Stage::Approval), vec![]);
    // Nothing to describe in an amount of 0.
    d["costs"]["extra_resources"] = json!({"amount_per_month": 0});
    assert_eq!(errors(&d, Stage::Approval), vec![]);
}

#[test]
fn a_group_gets_a_yearly_total() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load("hb-exception-group-valid.json");
    let v = forms::validate(&d, Stage::Submission, &ctx);
    let c = v.costs.unwrap();
    let n = c.group_size.unwrap();
    assert_eq!(Some(n), d["group"]["estimated_size"].as_i64());
    let total = c.total_ore.unwrap();
    assert_eq!(c.yearly_group_total_ore, Some(total * n));
    assert!(c.yearly_group_total_text.unwrap().starts_with("kr "));
    // Digits as text count the same; no figure without a duration.
    d["group"]["estimated_size"] = json!(" 3 ");
    let c = forms::validate(&d, Stage::Submission, &ctx).costs.unwrap();
    assert_eq!(c.yearly_group_total_ore, Some(total * 3));
    d["treatment"]["duration"] = json!("til progresjon");
    let c = forms::validate(&d, Stage::Approval, &ctx).costs.unwrap();
    assert_eq!(c.yearly_group_total_ore, None);
    // A single patient's form has none.
    let c = forms::validate(
        &load("hb-exception-single-valid.json"),
        Stage::Approval,
        &ctx,
    )
    .costs
    .unwrap();
    assert_eq!((c.group_size, c.yearly_group_total_ore), (None, None));
}

// ---------------------------------------------------------------- 4. "Tilstrekkelig opplyst"

/// The issue's own example: a part 2 whose answers say nothing.
#[test]
fn placeholder_answers_are_refused_in_required_free_texts() {
    let f = "tilgang-del2-valid.json";
    for (path, value) in [
        ("/patient/medical_history", "-"),
        ("/patient/function_level", "x"),
        ("/treatment/evaluation_plan", "."),
        ("/overall_assessment", "se vedlegg"),
        ("/overall_assessment", "Se  Vedlegg."),
        ("/overall_assessment", "SE JOURNAL"),
        ("/overall_assessment", "jf. vedlegg"),
        ("/treatment/stop_criteria", "…"),
        ("/treatment/stop_criteria", "N/A"),
        ("/treatment/stop_criteria", "Ukjent"),
        ("/treatment/stop_criteria", "vet ikke"),
        ("/treatment/stop_criteria", "xxx"),
        ("/patient/function_level", "Ingen."),
        ("/patient/function_level", "– – –"),
    ] {
        let mut d = load(f);
        let (parent, key) = path.rsplit_once('/').unwrap();
        let target = if parent.is_empty() {
            &mut d
        } else {
            d.get_mut(&parent[1..]).unwrap()
        };
        target[key] = json!(value);
        assert_eq!(
            errors(&d, Stage::Approval),
            vec![("form.placeholder".to_string(), path.to_string())],
            "{path} = {value:?}"
        );
        // A draft may hold anything.
        assert_eq!(errors(&d, Stage::Draft), vec![], "{path} = {value:?}");
    }
    // Real content that mentions an attachment is fine.
    let mut d = load(f);
    d["patient"]["medical_history"] =
        json!("Se vedlegg 2 for MR-funn; progresjon etter tre linjer.");
    assert_eq!(errors(&d, Stage::Approval), vec![]);
    // The same in Helse Bergen's forms, and in a claimed criterion.
    let mut h = load("hb-exception-single-valid.json");
    h["expected_effect"] = json!("se journal");
    assert_eq!(
        errors(&h, Stage::Approval),
        vec![(
            "form.placeholder".to_string(),
            "/expected_effect".to_string()
        )]
    );
    let mut d = load(f);
    d["exceptionality"]["higher_severity"] = json!({"claimed": true, "justification": "se over"});
    assert_eq!(
        errors(&d, Stage::Approval),
        vec![(
            "form.placeholder".to_string(),
            "/exceptionality/higher_severity/justification".to_string()
        )]
    );
    // The message cites l.270 and names the field, never the value.
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load(f);
    d["overall_assessment"] = json!("se vedlegg");
    let v = forms::validate(&d, Stage::Approval, &ctx);
    let r = v.diagnostics[0].render(Lang::Nb);
    assert!(r.source.section.contains("l.270"), "{r:?}");
    assert!(r.message.contains("Totalvurdering"), "{r:?}");
}

#[test]
fn very_short_texts_warn() {
    let f = "tilgang-del2-valid.json";
    for path in [
        "/overall_assessment",
        "/treatment/evaluation_plan",
        "/treatment/stop_criteria",
    ] {
        let mut d = load(f);
        let (parent, key) = path.rsplit_once('/').unwrap();
        let target = if parent.is_empty() {
            &mut d
        } else {
            d.get_mut(&parent[1..]).unwrap()
        };
        target[key] = json!("MR etter tre måneder");
        assert!(
            diags(&d, Stage::Approval).contains(&(
                "form.too_short".into(),
                path.into(),
                Severity::Warning
            )),
            "{path}"
        );
        target_set(&mut d, path, "MR og kliniske funn etter tre måneder.");
        assert!(!codes(&d, Stage::Approval).contains(&"form.too_short".to_string()));
    }
    let mut d = load(f);
    d["exceptionality"]["higher_severity"] =
        json!({"claimed": true, "justification": "Ung pasient."});
    assert!(diags(&d, Stage::Approval).contains(&(
        "form.too_short".into(),
        "/exceptionality/higher_severity/justification".into(),
        Severity::Warning
    )));
}

fn target_set(d: &mut Value, path: &str, v: &str) {
    let (parent, key) = path.rsplit_once('/').unwrap();
    let target = if parent.is_empty() {
        d
    } else {
        d.get_mut(&parent[1..]).unwrap()
    };
    target[key] = json!(v);
}

fn special(text: &str) -> Vec<String> {
    let mut d = load("tilgang-del2-valid.json");
    d["exceptionality"]["special_medical_reasons"] =
        json!({"claimed": true, "justification": text});
    codes(&d, Stage::Approval)
}

#[test]
fn invalid_grounds_warn_in_the_guides_words() {
    // l.186: lack of effect or poor prognosis (the example).
    let c =
        special("Pasienten har dårlig prognose og manglende effekt av tilgjengelig behandling.");
    assert!(
        c.contains(&"exceptionality.special.invalid_ground".to_string()),
        "{c:?}"
    );
    // l.176–181: contraindication without a word on the gain over the main group.
    let c = special(
        "Tilgjengelig behandling er kontraindisert på grunn av alvorlig nyresvikt hos pasienten.",
    );
    assert!(
        c.contains(&"exceptionality.special.main_group".to_string()),
        "{c:?}"
    );
    assert!(
        !c.contains(&"exceptionality.special.invalid_ground".to_string()),
        "{c:?}"
    );
    // … with it: no warning.
    let c = special("Tilgjengelig behandling er kontraindisert på grunn av nyresvikt; ROS1-fusjonen gjør at pasienten forventes å respondere klart bedre enn hovedgruppen.");
    assert!(
        !c.iter().any(|x| x.starts_with("exceptionality.special")),
        "{c:?}"
    );
    // l.100–103: personal or social circumstances, in a criterion or the overall assessment.
    let c = special(
        "Pasienten er alenemor med omsorg for to små barn og ønsker å komme tilbake i jobb.",
    );
    assert!(
        c.contains(&"exceptionality.circumstances".to_string()),
        "{c:?}"
    );
    let mut d = load("tilgang-del2-valid.json");
    d["overall_assessment"] = json!("Pasienten har omsorgsansvar for små barn, og behandlingen vil gi økt livslengde med god livskvalitet.");
    assert!(diags(&d, Stage::Approval).contains(&(
        "exceptionality.circumstances".into(),
        "/overall_assessment".into(),
        Severity::Warning
    )));
    // The valid examples give none of these.
    let c = codes(&load("tilgang-del2-valid.json"), Stage::Submission);
    assert!(!c.iter().any(|x| x.starts_with("exceptionality.")), "{c:?}");
}

#[test]
fn increased_benefit_needs_a_publication() {
    let mut d = load("tilgang-del2-valid.json");
    d["exceptionality"]["increased_benefit"] = json!({"claimed": true, "justification": "Pasientens ROS1-fusjon gir klart større forventet effekt enn i hovedgruppen."});
    d["literature"] = json!([{"title": "Produktinformasjon", "url": "https://www.produsent.example/produkt/legemiddel"}]);
    assert!(diags(&d, Stage::Approval).contains(&(
        "exceptionality.benefit.documentation".into(),
        "/literature".into(),
        Severity::Warning
    )));
    for url in [
        "https://doi.org/10.1056/NEJMoa2034577",
        "PMID: 33306283",
        "10.1016/S0140-6736(20)30183-5",
        "https://www.nejm.org/doi/full/10.1056/NEJMoa2034577",
        "https://pubmed.ncbi.nlm.nih.gov/33306283/",
        "https://ascopubs.org/doi/10.1200/JCO.22.01234",
        "https://tidsskriftet.no/2020/01/originalartikkel/x",
    ] {
        d["literature"][0]["url"] = json!(url);
        assert!(
            !codes(&d, Stage::Approval)
                .contains(&"exceptionality.benefit.documentation".to_string()),
            "{url}"
        );
    }
}

// ---------------------------------------------------------------- 7. Sources and words

#[test]
fn sources_carry_version_and_validity_and_say_once_when_past_it() {
    let reg = Registry::builtin();
    let hb = load("hb-exception-single-decision.json");
    // Valid on 2025-06-01 (valid until 2025-10-11): nothing said.
    assert!(!codes(&hb, Stage::Decision).contains(&"form.source_expired".to_string()));
    let later = Context::new(NaiveDate::from_ymd_opt(2025, 10, 12).unwrap(), &reg);
    let v = forms::validate(&hb, Stage::Decision, &later);
    let expired: Vec<_> = v
        .diagnostics
        .iter()
        .filter(|d| d.code() == "form.source_expired")
        .collect();
    assert_eq!(expired.len(), 1, "{:?}", v.diagnostics);
    assert_eq!(expired[0].severity, Severity::Info);
    let r = expired[0].render(Lang::Nb);
    assert!(
        r.message.contains("1.07") && r.message.contains("2025-10-11"),
        "{r:?}"
    );
    // Tilgangsordningen gives no validity date.
    let v = forms::validate(&load("tilgang-del2-valid.json"), Stage::Submission, &later);
    assert!(!v
        .diagnostics
        .iter()
        .any(|d| d.code() == "form.source_expired"));
    // rules() shows each source's version and validity.
    let all = serde_json::to_value(skjemavakt::api::catalogue_info()).unwrap();
    let hb_rule = all
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "hb.self_payment")
        .unwrap();
    assert_eq!(hb_rule["source"]["version"], "1.07");
    assert_eq!(hb_rule["source"]["validUntil"], "2025-10-11");
}

#[test]
fn betanien_in_skien_and_in_bergen_are_two_hospitals() {
    use skjemavakt::registry::Region;
    let reg = Registry::builtin();
    let skien = reg.lookup("Betanien Skien").unwrap();
    let bergen = reg.lookup("Betanien Bergen").unwrap();
    assert_ne!(skien.code, bergen.code);
    assert_eq!(skien.region, Some(Region::HelseSorOst));
    assert_eq!(bergen.region, Some(Region::HelseVest));
}

#[test]
fn hb_titles_are_nynorsk_in_nynorsk() {
    for k in [
        forms::FormKind::HbExceptionSingle,
        forms::FormKind::HbExceptionGroup,
        forms::FormKind::HbOfflabelSingle,
        forms::FormKind::HbOfflabelGroup,
    ] {
        let t = k.title();
        assert_ne!(t.nb, t.nn, "{k}");
        assert!(
            !t.nn.contains("enkeltpasient") && !t.nn.contains("pasienter "),
            "{k}: {}",
            t.nn
        );
    }
}

fn rendered(doc: &Value, stage: Stage, code: &str, path: &str) -> skjemavakt::Rendered {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    forms::validate(doc, stage, &ctx)
        .diagnostics
        .iter()
        .find(|d| d.code() == code && d.path.as_str() == path)
        .unwrap_or_else(|| panic!("{code} at {path}"))
        .render(Lang::Nb)
}

#[test]
fn a_required_field_cites_its_own_paragraph() {
    let mut d = load("hb-exception-single-submission.json");
    d["treatment"]
        .as_object_mut()
        .unwrap()
        .remove("stop_criteria");
    d["costs"].as_object_mut().unwrap().remove("price_basis");
    let r = rendered(
        &d,
        Stage::Approval,
        "form.required",
        "/treatment/stop_criteria",
    );
    assert!(r.source.section.contains("punkt 4"), "{r:?}");
    assert!(
        r.message
            .contains("Kriterier for å kontinuere eller stoppe"),
        "{r:?}"
    );
    // A section both schemes share cites Helse Bergen's paragraph in Helse Bergen's forms …
    let r = rendered(&d, Stage::Approval, "form.required", "/costs/price_basis");
    assert!(r.source.section.contains("punkt 5"), "{r:?}");
    assert_eq!(
        r.source.document,
        skjemavakt::diagnostic::Document::HelseBergen1_2_2_5_16
    );
    // … and the guide's in part 2.
    let mut p2 = load("tilgang-del2-valid.json");
    p2["costs"].as_object_mut().unwrap().remove("price_basis");
    let r = rendered(&p2, Stage::Approval, "form.required", "/costs/price_basis");
    assert!(r.source.section.contains("Kostnader"), "{r:?}");
    let mut p2 = load("tilgang-del2-valid.json");
    p2["patient"].as_object_mut().unwrap().remove("diagnosis");
    let r = rendered(&p2, Stage::Approval, "form.required", "/patient/diagnosis");
    assert!(r.source.section.contains("Om pasienten"), "{r:?}");
    // HB's labels for the treatment plan (§3.3 point 4).
    let f = skjemavakt::api::fields(
        &json!("hb-offlabel-single"),
        &skjemavakt::api::Options::from_json(&json!({}), today()).0,
        Vec::new(),
    );
    let label = |p: &str| f.fields.iter().find(|x| x.path == p).unwrap().label.clone();
    assert_eq!(label("/treatment/duration"), "Planlagt varighet");
    assert_eq!(
        label("/treatment/evaluation_plan"),
        "Hvordan og når effekt og bivirkninger skal evalueres"
    );
}

#[test]
fn enumerations_are_shown_in_words_and_shared_labels_told_apart() {
    let mut d = load("tilgang-del2-valid.json");
    d["treatment"]["goal"] = json!("cure");
    let r = rendered(&d, Stage::Draft, "form.value", "/treatment/goal");
    let hint = r.hint.unwrap();
    assert!(hint.contains("Kurativ, Livsforlengende"), "{hint}");
    assert!(!hint.contains("life_prolonging"), "{hint}");
    // Two fields labelled «Navn»: told apart by their group.
    let mut d = load("tilgang-del2-valid.json");
    d["approvals"]["line_manager"]
        .as_object_mut()
        .unwrap()
        .remove("name");
    d["approvals"]["medical_director"]
        .as_object_mut()
        .unwrap()
        .remove("name");
    let a = rendered(
        &d,
        Stage::Submission,
        "form.required",
        "/approvals/line_manager/name",
    );
    let b = rendered(
        &d,
        Stage::Submission,
        "form.required",
        "/approvals/medical_director/name",
    );
    assert!(a.message.contains("«Linjeleder: navn»"), "{}", a.message);
    assert!(b.message.contains("«Fagdirektør: navn»"), "{}", b.message);
    // A label of its own stays as it is.
    let mut d = load("tilgang-del2-valid.json");
    d["patient"].as_object_mut().unwrap().remove("diagnosis");
    let r = rendered(&d, Stage::Approval, "form.required", "/patient/diagnosis");
    assert!(!r.message.contains("Om pasienten:"), "{}", r.message);
    // fields() names them the same way.
    let f = skjemavakt::api::fields(
        &json!("tilgang-del2"),
        &skjemavakt::api::Options::from_json(&json!({}), today()).0,
        Vec::new(),
    );
    assert!(f
        .fields
        .iter()
        .any(|x| x.path == "/approvals/line_manager/name" && x.label == "Linjeleder: navn"));
}

#[test]
fn privacy_hints_speak_the_guides_words_and_no_part_on_hb_forms() {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let mut d = load("hb-exception-single-submission.json");
    d["patient"]["medical_history"] =
        json!("Ring pasienten på 912 34 567 eller skriv til kari.nordmann@example.no.");
    let r = prepare_submission(&d, None, None, &ctx);
    let privacy: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|x| x.code().starts_with("privacy."))
        .collect();
    assert!(!privacy.is_empty());
    for x in privacy {
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let h = x.render(lang).hint.unwrap();
            let low = h.to_lowercase();
            assert!(
                !low.contains("del 1")
                    && !low.contains("del 2")
                    && !low.contains("part 1")
                    && !low.contains("part 2"),
                "{h}"
            );
        }
        assert!(x
            .render(Lang::Nb)
            .hint
            .unwrap()
            .contains("skal ikke kunne identifisere pasienten"));
    }
}

#[test]
fn the_patients_identity_alone_is_no_unsigned_part1() {
    // A page gives part 1's name and number for the scan; the consent is confirmed in part 2.
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    let identity = json!({"form": "tilgang-del1", "patient": {"name": "Kari Nordmann", "national_id": "14037410021"}});
    let part1 = skjemavakt::submission::Part1::from_json(&identity, &ctx);
    let r = prepare_submission(&load("tilgang-del2-valid.json"), Some(&part1), None, &ctx);
    assert!(
        r.ok,
        "{:?}",
        r.checks.iter().map(|d| d.code()).collect::<Vec<_>>()
    );
    // With any member of the form itself it is part 1, and must be signed.
    let mut half = identity.clone();
    half["reference"] = json!("2025-05-12-HBE-ONK");
    let part1 = skjemavakt::submission::Part1::from_json(&half, &ctx);
    let r = prepare_submission(&load("tilgang-del2-valid.json"), Some(&part1), None, &ctx);
    assert!(r.checks.iter().any(|d| d.code() == "gate.part1.not_signed"));
}
