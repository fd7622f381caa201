//! The JSON Schemas (`api::schema`, `schemas/`) checked with a real JSON Schema 2020-12
//! validator (the `jsonschema` crate): each schema is valid against the 2020-12 meta-schema,
//! every valid example passes both the schema and `validate`, and on every structural
//! mutation of it — a wrong type, a value outside an enumeration, a missing required member
//! or group, a blank required text, an unknown member, a text or list over its limit, a
//! `null` or blank optional member, a removed optional member — the schema's verdict agrees
//! with `validate` at the same stage: the schema refuses the document exactly when
//! `validate` reports an error of a structural code (`form.*`). `validate` checks more than a
//! schema can say (formats, rules across fields), so only its structural codes are compared.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::{json, Value};
use skjemavakt::api::schema::{json_schema, required_at, STAGES};
use skjemavakt::forms::schema::{Field, Ty};
use skjemavakt::forms::{self, FormKind, Stage};
use skjemavakt::registry::Registry;
use skjemavakt::{Context, Lang, Severity};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn example(kind: FormKind) -> Value {
    let path = format!(
        "{}/tests/data/{}-valid.json",
        env!("CARGO_MANIFEST_DIR"),
        kind.as_str()
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The structural errors `validate` reports (codes `form.*`).
fn structural(doc: &Value, stage: Stage) -> Vec<String> {
    let reg = Registry::builtin();
    let ctx = Context::new(today(), &reg);
    forms::validate(doc, stage, &ctx)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code().starts_with("form."))
        .map(|d| format!("{} {}", d.code(), d.path.as_str()))
        .collect()
}

/// A mutation: what it is, the document, and whether it is purely structural (then both
/// must refuse it; else they must only agree).
struct Mutation {
    what: String,
    doc: Value,
    must_refuse: bool,
}

fn set(doc: &mut Value, pointer: &str, v: Value) {
    *doc.pointer_mut(pointer).unwrap() = v;
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    doc.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
}

/// Values of another type than the field's, and (for an enumeration) a value outside it.
fn wrong_values(f: &Field) -> Vec<(&'static str, Value)> {
    match f.ty {
        Ty::Text { .. } => vec![("a number", json!(123)), ("an object", json!({}))],
        Ty::Bool => vec![("a text", json!("ja")), ("a number", json!(1))],
        Ty::Enum { .. } => vec![
            ("a value outside the enumeration", json!("kvinne")),
            ("a number", json!(7)),
        ],
        Ty::Amount => vec![("a boolean", json!(true)), ("an object", json!({}))],
        Ty::Integer => vec![
            ("a text of letters", json!("nittensyttifire")),
            ("a boolean", json!(false)),
        ],
        Ty::Object(_) => vec![("a list", json!(["x"])), ("a text", json!("x"))],
        Ty::List { .. } => vec![("an object", json!({})), ("a text", json!("x"))],
    }
}

fn mutations(
    fields: &'static [Field],
    doc: &Value,
    at: &str,
    parent_present: bool,
    stage: Stage,
    out: &mut Vec<Mutation>,
) {
    // An unknown member in every object.
    let mut d = doc.clone();
    let target = if at.is_empty() {
        &mut d
    } else {
        d.pointer_mut(at).unwrap()
    };
    target
        .as_object_mut()
        .unwrap()
        .insert("ukjent_felt".into(), json!("x"));
    out.push(Mutation {
        what: format!("unknown member in {at:?}"),
        doc: d,
        must_refuse: true,
    });
    // `form` names the kind at the top only: inside a group it is unknown too.
    if !at.is_empty() {
        let mut d = doc.clone();
        d.pointer_mut(at)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert("form".into(), json!("x"));
        out.push(Mutation {
            what: format!("a form member in {at:?}"),
            doc: d,
            must_refuse: true,
        });
    }
    for f in fields {
        let p = format!("{at}/{}", f.key);
        let Some(v) = doc.pointer(&p) else {
            continue;
        };
        for (what, wrong) in wrong_values(f) {
            let mut d = doc.clone();
            set(&mut d, &p, wrong);
            out.push(Mutation {
                what: format!("{p}: {what}"),
                doc: d,
                must_refuse: true,
            });
        }
        let required = parent_present && required_at(f, stage);
        let mut d = doc.clone();
        remove(&mut d, &p);
        out.push(Mutation {
            what: format!("{p}: removed"),
            doc: d,
            must_refuse: required,
        });
        let mut d = doc.clone();
        set(&mut d, &p, Value::Null);
        out.push(Mutation {
            what: format!("{p}: null"),
            doc: d,
            must_refuse: required,
        });
        if !matches!(f.ty, Ty::Object(_)) {
            let mut d = doc.clone();
            set(&mut d, &p, json!("   "));
            out.push(Mutation {
                what: format!("{p}: blank"),
                doc: d,
                must_refuse: required,
            });
        }
        match f.ty {
            Ty::Text { max } => {
                let mut d = doc.clone();
                set(&mut d, &p, json!("å".repeat(max + 1)));
                out.push(Mutation {
                    what: format!("{p}: {} characters", max + 1),
                    doc: d,
                    must_refuse: true,
                });
                // Exactly at the limit is no structural problem.
                let mut d = doc.clone();
                set(&mut d, &p, json!("å".repeat(max)));
                out.push(Mutation {
                    what: format!("{p}: {max} characters"),
                    doc: d,
                    must_refuse: false,
                });
            }
            Ty::Integer => {
                let mut d = doc.clone();
                set(&mut d, &p, json!(" 1974 "));
                out.push(Mutation {
                    what: format!("{p}: digits as text"),
                    doc: d,
                    must_refuse: false,
                });
            }
            Ty::Object(sub) => mutations(sub, doc, &p, true, stage, out),
            Ty::List { item, max } => {
                if let Some(first) = v.as_array().and_then(|a| a.first()) {
                    let mut d = doc.clone();
                    set(&mut d, &p, Value::Array(vec![first.clone(); max + 1]));
                    out.push(Mutation {
                        what: format!("{p}: {} entries", max + 1),
                        doc: d,
                        must_refuse: true,
                    });
                    mutations(item, doc, &format!("{p}/0"), true, stage, out);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_schemas_are_valid_json_schema_2020_12() {
    for kind in FormKind::ALL {
        for stage in STAGES {
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                let s = json_schema(kind, stage, lang);
                assert!(
                    jsonschema::draft202012::meta::is_valid(&s),
                    "{kind} {stage:?} {lang:?}"
                );
            }
        }
    }
}

#[test]
fn the_schema_agrees_with_validate_on_every_example_and_structural_mutation() {
    let mut checked = 0;
    let mut refused = 0;
    for kind in FormKind::ALL {
        let valid = example(kind);
        for stage in STAGES {
            let schema = json_schema(kind, stage, Lang::Nb);
            let v = jsonschema::draft202012::new(&schema).unwrap();
            assert!(v.is_valid(&valid), "{kind} at {stage:?}: the valid example");
            assert!(structural(&valid, stage).is_empty());
            let mut all = Vec::new();
            mutations(kind.fields(), &valid, "", true, stage, &mut all);
            // The kind itself: missing, another kind, with spaces around it.
            let mut d = valid.clone();
            remove(&mut d, "/form");
            all.push(Mutation {
                what: "/form: removed".into(),
                doc: d,
                must_refuse: true,
            });
            let mut d = valid.clone();
            set(&mut d, "/form", json!("tilgang-del3"));
            all.push(Mutation {
                what: "/form: unknown kind".into(),
                doc: d,
                must_refuse: true,
            });
            let mut d = valid.clone();
            set(&mut d, "/form", json!(format!(" {kind} ")));
            all.push(Mutation {
                what: "/form: spaces around".into(),
                doc: d,
                must_refuse: false,
            });
            for m in all {
                let schema_ok = v.is_valid(&m.doc);
                let errors = structural(&m.doc, stage);
                assert_eq!(
                    schema_ok,
                    errors.is_empty(),
                    "{kind} at {stage:?}, {}: schema {} but validate {:?}",
                    m.what,
                    if schema_ok { "accepts" } else { "refuses" },
                    errors
                );
                if m.must_refuse {
                    assert!(!schema_ok, "{kind} at {stage:?}, {}: accepted", m.what);
                }
                checked += 1;
                refused += usize::from(!schema_ok);
            }
        }
    }
    println!("{checked} mutations checked, {refused} refused by both");
    assert!(checked > 1000 && refused > 500, "{checked} / {refused}");
}

#[test]
fn the_required_members_follow_the_stage() {
    // A part 2 without approvals: valid at approval, refused at submission — by both.
    let mut d = example(FormKind::TilgangDel2);
    remove(&mut d, "/approvals");
    let at = |stage| {
        jsonschema::draft202012::new(&json_schema(FormKind::TilgangDel2, stage, Lang::Nb))
            .unwrap()
            .is_valid(&d)
    };
    assert!(at(Stage::Approval) && structural(&d, Stage::Approval).is_empty());
    assert!(!at(Stage::Submission) && !structural(&d, Stage::Submission).is_empty());
    // An empty part 2 is a draft.
    let empty = json!({"form": "tilgang-del2"});
    assert!(jsonschema::draft202012::new(&json_schema(
        FormKind::TilgangDel2,
        Stage::Draft,
        Lang::Nb
    ))
    .unwrap()
    .is_valid(&empty));
}
