//! JSON Schema (draft 2020-12) of each form kind at each stage, generated from the form
//! schema ([`crate::forms::schema`]: each [`Field`]'s type, requirement per stage, allowed
//! values with their labels, and lengths) — never written by hand, so that a new field, value
//! or stage is in the schemas as soon as it is in the forms.
//!
//! A schema says what the walker of [`crate::forms::validate`] says about a document's
//! structure, no more: a document the schema refuses gets an error of a structural code
//! (`form.required`, `form.type`, `form.value`, `form.unknown_field`, `form.too_long`,
//! `form.kind`) from `validate` at the same stage (`tests/json_schema.rs` holds this for every
//! valid example and its mutations). `validate` checks more than a schema can say — formats
//! (birth year, reference, amounts), rules across fields and the cost summary.
//!
//! What the walker allows, the schema allows too: a field not required at the stage may be
//! `null` or a blank string (as an empty input gives), a whole number may be written as a
//! string of digits, an amount as a number or a text («125 000»), and the `form` member may
//! have spaces around it.

use super::Options;
use crate::diagnostic::{render_all, texts, Diagnostic, Lang, Pointer, Rendered, Texts};
use crate::forms::schema::{Field, Req, Ty};
use crate::forms::{self, FormKind, Stage};
use serde::Serialize;
use serde_json::{Map, Value};

/// Every stage, in order: the schemas, their files and the TypeScript `Stage` are made for
/// each. A stage added to [`Stage`] and not listed here fails to compile (the match below).
pub const STAGES: [Stage; 3] = [Stage::Draft, Stage::Approval, Stage::Submission];
const _EVERY_STAGE_IS_LISTED: fn(Stage) = |s| match s {
    Stage::Draft | Stage::Approval | Stage::Submission => {}
};

/// The JSON Schema dialect of every schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The result of [`schema`].
#[derive(Clone, Debug, Serialize)]
pub struct SchemaResult {
    /// The form kind, when known.
    pub form: Option<&'static str>,
    pub stage: Stage,
    /// The JSON Schema, or `null` for an unknown kind.
    pub schema: Option<Value>,
    pub diagnostics: Vec<Rendered>,
}

/// The JSON Schema of a form kind (`"tilgang-del2"`, …) at the options' stage (default
/// `submission`), with titles in the options' language.
pub fn schema(kind: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> SchemaResult {
    let kind = kind.as_str().and_then(FormKind::parse);
    if kind.is_none() {
        pre.push(Diagnostic::new(
            &forms::KIND_MISSING,
            Pointer::root().key("form"),
        ));
    }
    SchemaResult {
        form: kind.map(FormKind::as_str),
        stage: opts.stage,
        schema: kind.map(|k| json_schema(k, opts.stage, opts.lang)),
        diagnostics: render_all(&pre, opts.lang),
    }
}

texts!(
    T_DESCRIPTION,
    "Et dokument av dette skjemaet ved ",
    "Eit dokument av dette skjemaet ved ",
    "A document of this form at "
);
texts!(
    T_DESCRIPTION_END,
    ", som skjemavakt leser det. skjemavakts kontroll (validate) sjekker i tillegg formater og regler på tvers av felt.",
    ", slik skjemavakt les det. Kontrollen til skjemavakt (validate) sjekkar i tillegg format og reglar på tvers av felt.",
    ", as skjemavakt reads it. skjemavakt's check (validate) also checks formats and rules across fields."
);
texts!(T_STAGE_DRAFT, "utkast", "utkast", "draft");
texts!(T_STAGE_APPROVAL, "godkjenning", "godkjenning", "approval");
texts!(T_STAGE_SUBMISSION, "innsending", "innsending", "submission");
texts!(T_FORM, "Skjema", "Skjema", "Form");
texts!(
    T_BLANK,
    "Ikke fylt ut (null eller tom tekst)",
    "Ikkje fylt ut (null eller tom tekst)",
    "Not filled in (null or a blank text)"
);
texts!(
    T_AMOUNT,
    "Kroner: et tall, eller en tekst som «125 000» eller «kr 125 000,50».",
    "Kroner: eit tal, eller ein tekst som «125 000» eller «kr 125 000,50».",
    "Kroner: a number, or a text such as “125 000” or “kr 125 000,50”."
);
texts!(
    T_INTEGER,
    "Et heltall, eller sifre som tekst.",
    "Eit heiltal, eller siffer som tekst.",
    "A whole number, or digits as text."
);

fn stage_words(stage: Stage) -> &'static Texts {
    match stage {
        Stage::Draft => &T_STAGE_DRAFT,
        Stage::Approval => &T_STAGE_APPROVAL,
        Stage::Submission => &T_STAGE_SUBMISSION,
    }
}

/// The schema's `$id`: `urn:skjemavakt:VERSION:schemas:KIND.STAGE.json` (with `.LANG` before
/// `.json` for titles in another language than bokmål).
pub fn schema_id(kind: FormKind, stage: Stage, lang: Lang) -> String {
    let mut id = String::from("urn:skjemavakt:");
    id.push_str(env!("CARGO_PKG_VERSION"));
    id.push_str(":schemas:");
    id.push_str(&file_name(kind, stage, lang));
    id
}

/// The schema's file name in the package: `KIND.STAGE.json` (`KIND.STAGE.LANG.json` for
/// nynorsk or English titles).
pub fn file_name(kind: FormKind, stage: Stage, lang: Lang) -> String {
    let mut s = String::from(kind.as_str());
    s.push('.');
    s.push_str(stage.as_str());
    if lang != Lang::Nb {
        s.push('.');
        s.push_str(lang.as_str());
    }
    s.push_str(".json");
    s
}

fn obj(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

/// True when the walker reports an error for the field when it is missing at `stage`: it is
/// required there, and (for a group) some member of it is.
pub fn required_at(f: &Field, stage: Stage) -> bool {
    let req = match f.req {
        Req::Optional => false,
        Req::Approval => stage >= Stage::Approval,
        Req::Submission => stage >= Stage::Submission,
    };
    req && match f.ty {
        Ty::Object(sub) => sub.iter().any(|c| required_at(c, stage)),
        _ => true,
    }
}

/// The JSON Schema of a form kind at a stage.
pub fn json_schema(kind: FormKind, stage: Stage, lang: Lang) -> Value {
    let form = kind.form();
    let mut props = Map::new();
    // The walker reads the kind with the spaces around it trimmed.
    let mut pattern = String::from("^\\s*");
    pattern.push_str(kind.as_str());
    pattern.push_str("\\s*$");
    props.insert(
        "form".to_string(),
        obj(vec![
            ("title", s(T_FORM.get(lang))),
            ("type", s("string")),
            ("pattern", Value::String(pattern)),
            ("examples", Value::Array(vec![s(kind.as_str())])),
        ]),
    );
    let mut required = vec![s("form")];
    members(form.fields, stage, lang, &mut props, &mut required);
    obj(vec![
        ("$schema", s(DIALECT)),
        ("$id", Value::String(schema_id(kind, stage, lang))),
        ("title", s(form.title.get(lang))),
        ("description", {
            let mut d = String::from(T_DESCRIPTION.get(lang));
            d.push_str(stage_words(stage).get(lang));
            d.push_str(T_DESCRIPTION_END.get(lang));
            Value::String(d)
        }),
        ("type", s("object")),
        ("properties", Value::Object(props)),
        ("required", Value::Array(required)),
        ("additionalProperties", Value::Bool(false)),
        (
            "$defs",
            obj(vec![(
                "blank",
                obj(vec![
                    ("title", s(T_BLANK.get(lang))),
                    (
                        "anyOf",
                        Value::Array(vec![
                            obj(vec![("type", s("null"))]),
                            obj(vec![("type", s("string")), ("pattern", s("^\\s*$"))]),
                        ]),
                    ),
                ]),
            )]),
        ),
    ])
}

fn members(
    fields: &'static [Field],
    stage: Stage,
    lang: Lang,
    props: &mut Map<String, Value>,
    required: &mut Vec<Value>,
) {
    for f in fields {
        let req = required_at(f, stage);
        if req {
            required.push(s(f.key));
        }
        props.insert(f.key.to_string(), field(f, stage, lang, req));
    }
}

fn object(fields: &'static [Field], stage: Stage, lang: Lang) -> Map<String, Value> {
    let mut props = Map::new();
    let mut required = Vec::new();
    members(fields, stage, lang, &mut props, &mut required);
    let mut m = Map::new();
    m.insert("type".into(), s("object"));
    m.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required));
    }
    m.insert("additionalProperties".into(), Value::Bool(false));
    m
}

/// One field's schema. A field `required` at the stage must be given (not null, not blank);
/// any other may also be null or blank, as the walker leaves those alone.
fn field(f: &Field, stage: Stage, lang: Lang, required: bool) -> Value {
    let not_blank = || s("\\S");
    let mut m = Map::new();
    m.insert("title".into(), s(f.label.get(lang)));
    let typed = match f.ty {
        Ty::Text { max } => {
            // A text is a string either way: null is the only other value when optional.
            let ty = if required {
                s("string")
            } else {
                Value::Array(vec![s("string"), s("null")])
            };
            m.insert("type".into(), ty);
            m.insert("maxLength".into(), Value::from(max));
            if required {
                m.insert("pattern".into(), not_blank());
            }
            return Value::Object(m);
        }
        Ty::Bool => obj(vec![("type", s("boolean"))]),
        Ty::Enum { values, labels, .. } => {
            let mut choices = Vec::with_capacity(values.len());
            for (i, v) in values.iter().enumerate() {
                let mut c = Map::new();
                c.insert("const".into(), s(v));
                if let Some(l) = labels.get(i) {
                    c.insert("title".into(), s(l.get(lang)));
                }
                choices.push(Value::Object(c));
            }
            obj(vec![
                ("type", s("string")),
                ("oneOf", Value::Array(choices)),
            ])
        }
        Ty::Amount => {
            m.insert("description".into(), s(T_AMOUNT.get(lang)));
            obj(vec![
                ("type", Value::Array(vec![s("number"), s("string")])),
                ("pattern", not_blank()),
            ])
        }
        Ty::Integer => {
            m.insert("description".into(), s(T_INTEGER.get(lang)));
            obj(vec![(
                "anyOf",
                Value::Array(vec![
                    obj(vec![("type", s("integer"))]),
                    obj(vec![
                        ("type", s("string")),
                        ("pattern", s("^\\s*[0-9]+\\s*$")),
                    ]),
                ]),
            )])
        }
        Ty::Object(sub) => Value::Object(object(sub, stage, lang)),
        Ty::List { item, max } => {
            let mut l = Map::new();
            l.insert("type".into(), s("array"));
            if required {
                l.insert("minItems".into(), Value::from(1));
            }
            l.insert("maxItems".into(), Value::from(max));
            l.insert("items".into(), Value::Object(object(item, stage, lang)));
            Value::Object(l)
        }
    };
    if required {
        if let Value::Object(t) = typed {
            for (k, x) in t {
                m.insert(k, x);
            }
        }
    } else {
        m.insert(
            "anyOf".into(),
            Value::Array(vec![typed, obj(vec![("$ref", s("#/$defs/blank"))])]),
        );
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use serde_json::json;

    fn opts(v: Value) -> Options {
        Options::from_json(&v, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).0
    }

    #[test]
    fn schemas_follow_the_stage_and_the_language() {
        let sub = schema(&json!("tilgang-del2"), &opts(json!({})), vec![]);
        let s = sub.schema.unwrap();
        assert_eq!(s["$schema"], DIALECT);
        assert_eq!(
            s["$id"],
            format!(
                "urn:skjemavakt:{}:schemas:tilgang-del2.submission.json",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert_eq!(s["additionalProperties"], false);
        assert!(s["required"]
            .as_array()
            .unwrap()
            .contains(&json!("approvals")));
        let sex = &s["properties"]["patient"]["properties"]["legal_sex"];
        assert_eq!(sex["title"], "Juridisk kjønn");
        assert_eq!(
            sex["oneOf"][0],
            json!({"const": "female", "title": "Kvinne"})
        );
        let goal = &s["properties"]["treatment"]["properties"]["goal"]["oneOf"];
        assert_eq!(goal[1]["title"], "Livsforlengende");
        // At approval the approvals are not required; at draft nothing but the kind is.
        let appr = schema(
            &json!("tilgang-del2"),
            &opts(json!({"stage": "approval"})),
            vec![],
        );
        let a = appr.schema.unwrap();
        assert!(!a["required"]
            .as_array()
            .unwrap()
            .contains(&json!("approvals")));
        assert!(a["properties"]["approvals"]["anyOf"].is_array());
        let draft = schema(
            &json!("tilgang-del2"),
            &opts(json!({"stage": "draft"})),
            vec![],
        );
        assert_eq!(draft.schema.unwrap()["required"], json!(["form"]));
        // Titles in the language asked for.
        let en = schema(&json!("tilgang-del2"), &opts(json!({"lang": "en"})), vec![]);
        let e = en.schema.unwrap();
        assert_eq!(
            e["properties"]["patient"]["properties"]["legal_sex"]["oneOf"][0]["title"],
            "Female"
        );
        assert!(e["$id"]
            .as_str()
            .unwrap()
            .ends_with("tilgang-del2.submission.en.json"));
        // An unknown kind is a diagnostic.
        let bad = schema(&json!("tilgang-del3"), &opts(json!({})), vec![]);
        assert!(bad.schema.is_none() && bad.form.is_none());
        assert_eq!(bad.diagnostics[0].code, "form.kind");
    }

    #[test]
    fn every_enumeration_has_a_label_for_each_value() {
        fn walk(fields: &'static [Field], n: &mut usize) {
            for f in fields {
                match f.ty {
                    Ty::Enum { values, labels, .. } => {
                        assert_eq!(values.len(), labels.len(), "{}", f.key);
                        *n += 1;
                    }
                    Ty::Object(sub) => walk(sub, n),
                    Ty::List { item, .. } => walk(item, n),
                    _ => {}
                }
            }
        }
        let mut n = 0;
        for k in FormKind::ALL {
            walk(k.fields(), &mut n);
        }
        assert!(n > 0);
    }
}
