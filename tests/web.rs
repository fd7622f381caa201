//! Browser tests: the wasm exports, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --test web`, see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Reflect};
use skjemavakt::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn opts(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn codes(result: &JsValue) -> Vec<String> {
    let diags: Array = get(result, "diagnostics").dyn_into().unwrap();
    diags
        .iter()
        .map(|d| get(&d, "code").as_string().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn check_reference_returns_a_plain_object() {
    let r = wasm::check_reference(
        JsValue::from_str("[2025-05-12]-[Helse Bergen]-[onk]"),
        opts(r#"{"today":"2025-06-01"}"#),
    );
    assert!(r.is_object() && !r.is_instance_of::<js_sys::Map>());
    assert_eq!(get(&r, "ok").as_bool(), Some(true));
    assert_eq!(
        get(&r, "reference").as_string().as_deref(),
        Some("2025-05-12-HBE-ONK")
    );
    assert_eq!(
        get(&get(&r, "parts"), "hf").as_string().as_deref(),
        Some("HBE")
    );
    assert_eq!(codes(&r), vec!["reference.hf.alias"]);
}

#[wasm_bindgen_test]
fn messages_follow_the_language_option() {
    let nb = wasm::check_reference(
        JsValue::from_str("2025-02-30-HBE-ONK"),
        opts(r#"{"today":"2025-06-01"}"#),
    );
    let en = wasm::check_reference(
        JsValue::from_str("2025-02-30-HBE-ONK"),
        opts(r#"{"today":"2025-06-01","lang":"en"}"#),
    );
    let msg = |r: &JsValue| {
        let d: Array = get(r, "diagnostics").dyn_into().unwrap();
        get(&d.get(0), "message").as_string().unwrap_or_default()
    };
    assert!(msg(&nb).contains("kalenderen"), "{}", msg(&nb));
    assert!(msg(&en).contains("calendar"), "{}", msg(&en));
    let d: Array = get(&en, "diagnostics").dyn_into().unwrap();
    assert_eq!(
        get(&d.get(0), "path").as_string().as_deref(),
        Some("/reference")
    );
    assert!(get(&get(&d.get(0), "source"), "document")
        .as_string()
        .unwrap()
        .contains("tilgangsordningen"));
}

#[wasm_bindgen_test]
fn wrong_types_give_diagnostics_not_exceptions() {
    let f = Function::new_no_args("return 1");
    for bad in [
        JsValue::from_f64(20250512.0),
        JsValue::UNDEFINED,
        JsValue::NULL,
        Object::new().into(),
        f.into(),
        Array::of1(&JsValue::from_str("x")).into(),
    ] {
        let r = wasm::check_reference(bad, JsValue::UNDEFINED);
        assert_eq!(get(&r, "ok").as_bool(), Some(false));
        assert!(!codes(&r).is_empty());
    }
    // Options of the wrong shape are reported and ignored.
    let r = wasm::check_reference(
        JsValue::from_str("2025-05-12-HBE-ONK"),
        JsValue::from_str("en"),
    );
    assert!(codes(&r).contains(&"input.option".to_string()));
    let r = wasm::build_reference(JsValue::from_f64(1.0), JsValue::UNDEFINED);
    assert_eq!(codes(&r), vec!["input.type"]);
}

#[wasm_bindgen_test]
fn registry_and_rules_are_exported() {
    let reg: Array = wasm::registry(JsValue::UNDEFINED).dyn_into().unwrap();
    assert!(reg.length() >= 26);
    let codes: Vec<String> = reg
        .iter()
        .map(|t| get(&t, "code").as_string().unwrap())
        .collect();
    assert!(codes.contains(&"HBE".to_string()));
    let rules: Array = wasm::rules().dyn_into().unwrap();
    assert!(rules
        .iter()
        .any(|r| get(&r, "code").as_string().as_deref() == Some("reference.format")));
    assert_eq!(wasm::today().len(), 10);
}

fn doc(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

const PART2: &str = include_str!("data/tilgang-del2-valid.json");
const PART1: &str = include_str!("data/tilgang-del1-valid.json");

#[wasm_bindgen_test]
fn validate_scan_redact_and_seal_in_the_browser() {
    let opts = || opts(r#"{"today":"2025-06-01"}"#);
    let v = wasm::validate(doc(PART2), opts());
    assert_eq!(get(&v, "valid").as_bool(), Some(true));
    assert_eq!(
        get(&get(&v, "costs"), "monthlyTotalOre").as_f64(),
        Some(25_500_000.0)
    );

    let text = JsValue::from_str("Kari Nordmann, f. 14.03.1974, tlf 912 34 567");
    let s = wasm::scan(text.clone(), doc(PART1), opts());
    let findings: Array = get(&s, "findings").dyn_into().unwrap();
    let kinds: Vec<String> = findings
        .iter()
        .map(|f| get(&f, "kind").as_string().unwrap())
        .collect();
    assert_eq!(kinds, vec!["name", "birth_date", "phone"]);
    // Why each was found: the patient's own name (part 1), then cue words («f.», «tlf»).
    let bases: Vec<String> = findings
        .iter()
        .map(|f| get(&f, "basis").as_string().unwrap())
        .collect();
    assert_eq!(bases, vec!["patient", "cue", "cue"]);
    // UTF-16 offsets address the JS string directly.
    let first = findings.get(0);
    let start = get(&get(&first, "span"), "utf16Start").as_f64().unwrap() as u32;
    let end = get(&get(&first, "span"), "utf16End").as_f64().unwrap() as u32;
    let js = js_sys::JsString::from(text.clone());
    assert_eq!(String::from(js.substring(start, end)), "Kari Nordmann");

    let r = wasm::redact(text, doc(PART1), opts());
    let red = get(&r, "redacted").as_string().unwrap();
    assert_eq!(red, "[NAVN], f. [FØDSELSDATO], tlf [TELEFON]");

    let sealed = wasm::prepare_submission(doc(PART2), doc(PART1), opts());
    assert_eq!(get(&sealed, "ok").as_bool(), Some(true));
    let sha = get(&get(&sealed, "sealed"), "sha256").as_string().unwrap();
    assert_eq!(sha.len(), 64);
    let again = wasm::prepare_submission(doc(PART2), doc(PART1), opts());
    assert_eq!(
        get(&get(&again, "sealed"), "sha256").as_string(),
        Some(sha.clone())
    );
    // The seal's time by the browser's clock, and the printable application of the package
    // (its canonical JSON read with the browser's JSON.parse).
    let at = get(&get(&sealed, "sealed"), "sealedAt")
        .as_string()
        .unwrap();
    assert_eq!(at.len(), 25, "{at}");
    let printed = wasm::render(get(&sealed, "sealed"), JsValue::UNDEFINED);
    assert_eq!(get(&printed, "ok").as_bool(), Some(true));
    assert_eq!(get(&printed, "sha256").as_string(), Some(sha.clone()));
    assert!(get(&printed, "html").as_string().unwrap().contains(&sha));
    let schema = wasm::schema(JsValue::from_str("tilgang-del2"), opts());
    assert_eq!(
        get(&get(&schema, "schema"), "$schema")
            .as_string()
            .as_deref(),
        Some("https://json-schema.org/draft/2020-12/schema")
    );
}

#[wasm_bindgen_test]
fn bad_input_to_every_function_gives_diagnostics() {
    let f = Function::new_no_args("return 1");
    for bad in [
        JsValue::from_f64(1.0),
        JsValue::UNDEFINED,
        JsValue::from_str("x"),
        f.into(),
        Array::new().into(),
    ] {
        let v = wasm::validate(bad.clone(), JsValue::UNDEFINED);
        assert_eq!(get(&v, "valid").as_bool(), Some(false));
        assert!(!codes(&v).is_empty());
        let p = wasm::prepare_submission(bad.clone(), JsValue::from_f64(3.0), JsValue::UNDEFINED);
        assert_eq!(get(&p, "ok").as_bool(), Some(false));
        let c = wasm::cost_summary(bad.clone(), JsValue::UNDEFINED);
        assert!(c.is_object());
        // Neither a kind nor a sealed package: a diagnostic, never an exception.
        let sc = wasm::schema(bad.clone(), JsValue::UNDEFINED);
        assert!(get(&sc, "schema").is_null());
        assert!(codes(&sc).contains(&"form.kind".to_string()));
        let rn = wasm::render(bad.clone(), JsValue::UNDEFINED);
        assert_eq!(get(&rn, "ok").as_bool(), Some(false));
        assert!(get(&rn, "html").is_null());
    }
    // A number is neither a document nor a text.
    let s = wasm::scan(
        JsValue::from_f64(5.0),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    assert!(codes(&s).contains(&"input.type".to_string()));
    let r = wasm::redact(JsValue::TRUE, JsValue::UNDEFINED, JsValue::UNDEFINED);
    assert!(get(&r, "redacted").is_null());
}

/// JS values reach the checks as JSON the way serde-wasm-bindgen mapped them: `Map`s with
/// string keys are objects, BigInts in range are integers; byte arrays, `Set`s and nesting
/// deeper than 128 have no JSON form.
#[wasm_bindgen_test]
fn js_values_convert_to_json() {
    let opts = || opts(r#"{"today":"2025-06-01"}"#);
    let as_map = |v: &JsValue| {
        let m = js_sys::Map::new();
        for pair in Object::entries(v.unchecked_ref()).iter() {
            let pair: Array = pair.dyn_into().unwrap();
            m.set(&pair.get(0), &pair.get(1));
        }
        m
    };
    let d = doc(PART2);
    let patient = get(&d, "patient");
    Reflect::set(
        &patient,
        &"birth_year".into(),
        &js_sys::BigInt::from(1974).into(),
    )
    .unwrap();
    let as_map_doc: JsValue = as_map(&d).into();
    let v = wasm::validate(as_map_doc, opts());
    assert_eq!(get(&v, "valid").as_bool(), Some(true), "{:?}", codes(&v));

    let mut deep: JsValue = Array::new().into();
    for _ in 0..200 {
        deep = Array::of1(&deep).into();
    }
    for bad in [
        js_sys::Uint8Array::new_with_length(3).into(),
        js_sys::Set::new(&JsValue::UNDEFINED).into(),
        deep,
        // 2^64: past u64::MAX.
        js_sys::BigInt::new(&"18446744073709551616".into())
            .unwrap()
            .into(),
    ] {
        let v = wasm::validate(bad, opts());
        assert!(
            codes(&v).contains(&"input.type".to_string()),
            "{:?}",
            codes(&v)
        );
    }
    let m = js_sys::Map::new();
    m.set(&JsValue::from_f64(1.0), &JsValue::NULL);
    assert!(codes(&wasm::validate(m.into(), opts())).contains(&"input.type".to_string()));
}

// The guard's exports (issue 18).

#[wasm_bindgen_test]
fn fields_of_a_kind_with_labels_and_required_at_the_stage() {
    let r = wasm::fields(JsValue::from_str("tilgang-del2"), opts(r#"{"lang":"nn"}"#));
    let fields: Array = get(&r, "fields").dyn_into().unwrap();
    let find = |p: &str| {
        fields
            .iter()
            .find(|f| get(f, "path").as_string().as_deref() == Some(p))
            .unwrap()
    };
    let sex = find("/patient/legal_sex");
    assert_eq!(get(&sex, "type").as_string().as_deref(), Some("enum"));
    assert_eq!(get(&sex, "required").as_bool(), Some(true));
    let values: Array = get(&sex, "values").dyn_into().unwrap();
    assert!(values.includes(&JsValue::from_str("male"), 0));
    assert!(get(&find("/literature/-/url"), "path").is_string());
    assert_eq!(
        get(&find("/patient/medical_history"), "scanned").as_bool(),
        Some(true)
    );
    let draft = wasm::fields(
        JsValue::from_str("tilgang-del2"),
        opts(r#"{"stage":"draft"}"#),
    );
    let fields: Array = get(&draft, "fields").dyn_into().unwrap();
    assert!(fields
        .iter()
        .all(|f| get(&f, "required").as_bool() == Some(false)));
    let bad = wasm::fields(JsValue::from_f64(2.0), JsValue::UNDEFINED);
    assert_eq!(codes(&bad), vec!["form.kind"]);
}

#[wasm_bindgen_test]
fn scan_field_scans_the_one_field_that_changed() {
    let d = doc(PART2);
    let patient = get(&d, "patient");
    Reflect::set(
        &patient,
        &JsValue::from_str("medical_history"),
        &JsValue::from_str("Kari Nordmann (tlf 912 34 567) ble henvist."),
    )
    .unwrap();
    Reflect::set(
        &patient,
        &JsValue::from_str("function_level"),
        &JsValue::from_str("Ring 912 34 567."),
    )
    .unwrap();
    let o = || opts(r#"{"today":"2025-06-01"}"#);
    let one = wasm::scan_field(
        d.clone(),
        JsValue::from_str("/patient/medical_history"),
        doc(PART1),
        o(),
    );
    let f: Array = get(&one, "findings").dyn_into().unwrap();
    let kinds: Vec<String> = f
        .iter()
        .map(|x| get(&x, "kind").as_string().unwrap())
        .collect();
    assert_eq!(kinds, vec!["name", "phone"]);
    assert!(f
        .iter()
        .all(|x| get(&x, "path").as_string().as_deref() == Some("/patient/medical_history")));
    // The whole document: the same as scan.
    let all = wasm::scan_field(d.clone(), JsValue::from_str(""), doc(PART1), o());
    let whole = wasm::scan(d, doc(PART1), o());
    let n = |r: &JsValue| Array::from(&get(r, "findings")).length();
    assert_eq!(n(&all), 3);
    assert_eq!(n(&all), n(&whole));
    let bad = wasm::scan_field(doc(PART2), JsValue::from_f64(1.0), JsValue::NULL, o());
    assert_eq!(codes(&bad), vec!["input.type"]);
}

#[wasm_bindgen_test]
fn check_submission_gives_findings_checks_and_the_seal_in_one_call() {
    let o = || opts(r#"{"today":"2025-06-01"}"#);
    let ok = wasm::check_submission(doc(PART2), doc(PART1), o());
    assert_eq!(get(&ok, "ok").as_bool(), Some(true));
    let sha = get(&get(&ok, "sealed"), "sha256").as_string();
    let same = wasm::prepare_submission(doc(PART2), doc(PART1), o());
    assert_eq!(get(&get(&same, "sealed"), "sha256").as_string(), sha);
    let d = doc(PART2);
    Reflect::set(
        &get(&d, "patient"),
        &JsValue::from_str("medical_history"),
        &JsValue::from_str("Kari Nordmann ble henvist."),
    )
    .unwrap();
    Reflect::set(
        &d,
        &JsValue::from_str("reference"),
        &JsValue::from_str("2025-05-11-HBE-ONK"),
    )
    .unwrap();
    let r = wasm::check_submission(d, doc(PART1), o());
    assert_eq!(get(&r, "ok").as_bool(), Some(false));
    assert!(get(&r, "sealed").is_null());
    let findings: Array = get(&r, "findings").dyn_into().unwrap();
    assert_eq!(
        get(&findings.get(0), "placeholder").as_string().as_deref(),
        Some("[NAVN]")
    );
    let checks: Array = get(&r, "checks").dyn_into().unwrap();
    assert_eq!(
        get(&checks.get(0), "code").as_string().as_deref(),
        Some("reference.mismatch")
    );
}

#[wasm_bindgen_test]
fn finding_kinds_have_labels_in_each_language() {
    for (lang, name) in [("nb", "Navn"), ("nn", "Namn"), ("en", "Name")] {
        let k: Array = wasm::finding_kinds(opts(&format!(r#"{{"lang":"{lang}"}}"#)))
            .dyn_into()
            .unwrap();
        let all = u32::try_from(skjemavakt::privacy::FindingKind::ALL.len()).unwrap();
        assert_eq!(k.length(), all);
        let n = k
            .iter()
            .find(|x| get(x, "kind").as_string().as_deref() == Some("name"))
            .unwrap();
        assert_eq!(get(&n, "label").as_string().as_deref(), Some(name));
        assert_eq!(get(&n, "code").as_string().as_deref(), Some("privacy.name"));
    }
}
