//! Document-level consistency of names (issue 21, point 3): a name found in one field makes
//! its parts names in every other field of the document, for the gate's scan, for the
//! guard's scan of one field, and for redaction.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use skjemavakt::forms::FormKind;
use skjemavakt::privacy::{
    redact_document, scan_document, scan_document_below, FindingKind, Identity,
};

const HISTORY: &str = "/patient/medical_history";
const FUNCTION: &str = "/patient/function_level";
/// A surname in capitals (as no name is written), in the genitive: not found on its own.
const ALONE: &str = "Går tur daglig; KIDSTONS kone hjelper henne i hjemmet.";

fn doc(history: &str) -> Value {
    let mut d: Value =
        serde_json::from_str(include_str!("data/tilgang-del2-valid.json")).expect("valid JSON");
    d["patient"]["medical_history"] = Value::String(history.into());
    d["patient"]["function_level"] = Value::String(ALONE.into());
    d
}

/// The paths of the documents' name findings.
fn name_paths(d: &Value, below: &str) -> Vec<String> {
    scan_document_below(d, FormKind::TilgangDel2, &Identity::none(), below)
        .iter()
        .filter(|f| f.findings.iter().any(|x| x.kind == FindingKind::Name))
        .map(|f| f.path.as_str().to_string())
        .collect()
}

#[test]
fn a_name_in_one_field_makes_its_parts_names_in_the_others() {
    let plain = doc("Diagnostisert mars 2023. Behandlet med crizotinib.");
    assert!(
        name_paths(&plain, "").is_empty(),
        "{:?}",
        name_paths(&plain, "")
    );
    let named = doc("Diagnostisert mars 2023. Samtale med Barry Kidston i juni.");
    assert_eq!(name_paths(&named, ""), [HISTORY, FUNCTION]);
    // The guard scans the field that changed, with the names of the others.
    assert_eq!(name_paths(&named, FUNCTION), [FUNCTION]);
    assert!(name_paths(&plain, FUNCTION).is_empty());
    // The gate's scan is the same.
    let all = scan_document(&named, FormKind::TilgangDel2, &Identity::none());
    assert!(all.iter().any(|f| f.path.as_str() == FUNCTION));
}

#[test]
fn redaction_redacts_the_parts_in_every_field() {
    let named = doc("Diagnostisert mars 2023. Samtale med Barry Kidston i juni.");
    let (red, replaced) = redact_document(&named, FormKind::TilgangDel2, &Identity::none());
    let function = red["patient"]["function_level"]
        .as_str()
        .unwrap_or_default();
    assert!(!function.contains("KIDSTON"), "{function}");
    assert!(replaced.iter().any(|r| r.path.as_str() == FUNCTION));
    let plain = doc("Diagnostisert mars 2023. Behandlet med crizotinib.");
    let (red, _) = redact_document(&plain, FormKind::TilgangDel2, &Identity::none());
    assert_eq!(
        red["patient"]["function_level"],
        Value::String(ALONE.into())
    );
}

#[test]
fn the_same_name_in_two_fields_is_found_in_both() {
    // Each field holds the whole name: the second pass is skipped for neither's sake.
    let mut d = doc("Samtale med Barry Kidston i juni.");
    d["patient"]["function_level"] = Value::String("Barry Kidston går tur daglig.".into());
    assert_eq!(name_paths(&d, ""), [HISTORY, FUNCTION]);
}

/// Options with a keep list, on a fixed date.
fn opts(keep: Value) -> skjemavakt::api::Options {
    skjemavakt::api::Options::from_json(
        &serde_json::json!({ "keep": keep }),
        chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("a date"),
    )
    .0
}

#[test]
fn a_name_only_the_model_found_blocks_the_gate_until_it_is_kept() {
    use skjemavakt::api;
    use skjemavakt::privacy::Basis;
    // Two brand names the lists do not know, written like names (tests/corpus/lookalikes.txt).
    let d = doc("Diagnostisert mars 2023. Trimbow og Ultibro er vurdert.");
    let r = api::scan(&d, &Value::Null, &opts(Value::Null), vec![]);
    let model: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Name)
        .collect();
    assert!(!model.is_empty(), "the model finds no name here any more");
    assert!(model.iter().all(|f| f.basis == Basis::Model), "{model:?}");
    let g = api::prepare_submission(&d, &Value::Null, &opts(Value::Null), vec![]);
    assert!(!g.ok && g.sealed.is_none());
    // Kept, each with a reason: the gate seals.
    let keeps: Vec<Value> = model
        .iter()
        .map(|f| {
            serde_json::json!({
                "path": f.path.as_str(), "kind": "name",
                "span": {"start": f.span.start, "end": f.span.end},
                "reason": "other", "text": "Legemidler (inhalatorer), ikke personer."
            })
        })
        .collect();
    let r = api::scan(&d, &Value::Null, &opts(Value::Array(keeps.clone())), vec![]);
    assert!(r.findings.iter().all(|f| f.kind != FindingKind::Name));
    assert_eq!(r.kept.len(), model.len());
    let g = api::prepare_submission(&d, &Value::Null, &opts(Value::Array(keeps)), vec![]);
    assert!(g.ok && g.sealed.is_some(), "{:?}", g.diagnostics);
}
