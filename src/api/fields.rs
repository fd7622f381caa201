//! The fields of a form kind as the drop-in guard needs them: path, label, type, whether
//! required at a stage, and whether scanned.

use super::Options;
use crate::diagnostic::{render_all, Diagnostic, Pointer, Rendered};
use crate::forms::{self, Stage};
use serde::Serialize;
use serde_json::Value;

/// One field of a form kind, as the drop-in guard needs it.
#[derive(Clone, Debug, Serialize)]
pub struct FieldInfo {
    /// JSON Pointer of the field; a list's items are given once, with `-` in place of the
    /// index (`/literature/-/title`).
    pub path: String,
    /// The field's label in the options' language.
    pub label: &'static str,
    /// `text`, `bool`, `enum`, `amount`, `integer`, `object` or `list`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// True when the field and every group above it are required at the options' stage: an
    /// empty document gets `form.required` for it (for a group: for its required members).
    pub required: bool,
    /// The allowed values of an `enum`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<&'static [&'static str]>,
    /// Most characters of a text, most entries of a list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
    /// True when the field leaves the hospital and is scanned for identifiers.
    pub scanned: bool,
}

/// The result of [`fields`].
#[derive(Clone, Debug, Serialize)]
pub struct FieldsResult {
    /// The form kind, when known.
    pub form: Option<&'static str>,
    pub stage: forms::Stage,
    /// Every field in the form's order, groups before their members.
    pub fields: Vec<FieldInfo>,
    pub diagnostics: Vec<Rendered>,
}

fn required_at(req: forms::schema::Req, stage: Stage) -> bool {
    use forms::schema::Req;
    match req {
        Req::Optional => false,
        Req::Approval => stage >= Stage::Approval,
        Req::Submission => stage >= Stage::Submission,
    }
}

/// `~` → `~0`, `/` → `~1` (RFC 6901 §3).
fn pointer_token(out: &mut String, key: &str) {
    out.push('/');
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

fn list_fields(
    fields: &'static [forms::schema::Field],
    prefix: &str,
    parent_required: bool,
    leaves: bool,
    opts: &Options,
    out: &mut Vec<FieldInfo>,
) {
    use forms::schema::Ty;
    for f in fields {
        let mut path = String::with_capacity(prefix.len() + f.key.len() + 1);
        path.push_str(prefix);
        pointer_token(&mut path, f.key);
        let required = parent_required && required_at(f.req, opts.stage);
        let (ty, values, max) = match f.ty {
            Ty::Text { max } => ("text", None, Some(max)),
            Ty::Bool => ("bool", None, None),
            Ty::Enum { values, .. } => ("enum", Some(values), None),
            Ty::Amount => ("amount", None, None),
            Ty::Integer => ("integer", None, None),
            Ty::Object(_) => ("object", None, None),
            Ty::List { max, .. } => ("list", None, Some(max)),
        };
        // Everything that leaves is scanned: every value of a form that leaves the hospital.
        let scanned = leaves && !matches!(f.ty, Ty::Object(_) | Ty::List { .. });
        out.push(FieldInfo {
            path: path.clone(),
            label: f.label.get(opts.lang),
            ty,
            required,
            values,
            max,
            scanned,
        });
        match f.ty {
            Ty::Object(sub) => list_fields(sub, &path, required, leaves, opts, out),
            // An empty list has no items: nothing in an item is required of an empty document.
            Ty::List { item, .. } => {
                path.push_str("/-");
                list_fields(item, &path, false, leaves, opts, out);
            }
            _ => {}
        }
    }
}

/// The fields of a form kind (`"tilgang-del2"`, …) with their labels in the options'
/// language and whether each is required at the options' stage.
pub fn fields(kind: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> FieldsResult {
    let kind = match kind {
        Value::String(s) => forms::FormKind::parse(s),
        _ => None,
    };
    let mut out = Vec::new();
    match kind {
        Some(k) => list_fields(k.fields(), "", true, k.leaves_hospital(), opts, &mut out),
        None => pre.push(Diagnostic::new(
            &forms::KIND_MISSING,
            Pointer::root().key("form"),
        )),
    }
    FieldsResult {
        form: kind.map(forms::FormKind::as_str),
        stage: opts.stage,
        fields: out,
        diagnostics: render_all(&pre, opts.lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::validate;
    use chrono::NaiveDate;
    use serde_json::json;

    fn opts(v: Value) -> Options {
        Options::from_json(&v, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).0
    }

    #[test]
    fn fields_follow_the_schema_and_the_stage() {
        let sub = fields(&json!("tilgang-del2"), &opts(json!({"lang": "en"})), vec![]);
        assert_eq!(sub.form, Some("tilgang-del2"));
        let get = |r: &FieldsResult, p: &str| r.fields.iter().find(|f| f.path == p).cloned();
        let sex = get(&sub, "/patient/legal_sex").unwrap();
        assert_eq!(sex.ty, "enum");
        assert!(sex.values.unwrap().contains(&"female"));
        assert!(sex.required);
        assert!(
            sex.scanned,
            "everything that leaves is scanned, an enumeration too"
        );
        assert!(get(&sub, "/patient/medical_history").unwrap().scanned);
        assert!(
            get(&sub, "/approvals/medical_director/form_complete")
                .unwrap()
                .required
        );
        assert!(!get(&sub, "/patient/npr_id").unwrap().required);
        // List items once, with "-" for the index, never required of an empty document.
        let title = get(&sub, "/literature/-/title").unwrap();
        assert!(!title.required);
        assert_eq!(get(&sub, "/literature").unwrap().ty, "list");
        // At approval the approvals are not required yet; at draft nothing is.
        let appr = fields(
            &json!("tilgang-del2"),
            &opts(json!({"stage": "approval"})),
            vec![],
        );
        assert!(
            !get(&appr, "/approvals/medical_director/form_complete")
                .unwrap()
                .required
        );
        assert!(get(&appr, "/patient/legal_sex").unwrap().required);
        let draft = fields(
            &json!("tilgang-del2"),
            &opts(json!({"stage": "draft"})),
            vec![],
        );
        assert!(draft.fields.iter().all(|f| !f.required));
        // Labels in the language asked for.
        let nb = fields(&json!("tilgang-del2"), &opts(json!({})), vec![]);
        assert_ne!(
            get(&nb, "/patient/diagnosis").unwrap().label,
            get(&sub, "/patient/diagnosis").unwrap().label
        );
        // Part 1 stays in the record: nothing of it is scanned.
        let p1 = fields(&json!("tilgang-del1"), &opts(json!({})), vec![]);
        assert!(p1.fields.iter().all(|f| !f.scanned) && !p1.fields.is_empty());
        // An unknown kind is a diagnostic.
        let bad = fields(&json!("tilgang-del3"), &opts(json!({})), vec![]);
        assert!(bad.fields.is_empty() && bad.form.is_none());
        assert_eq!(bad.diagnostics[0].code, "form.kind");
    }

    #[test]
    fn every_required_field_of_an_empty_document_is_listed() {
        // The list is what validate reports as form.required for an empty document.
        for kind in forms::FormKind::ALL {
            for stage in ["draft", "approval", "submission"] {
                let o = opts(json!({ "stage": stage }));
                let listed: std::collections::BTreeSet<String> =
                    fields(&json!(kind.as_str()), &o, vec![])
                        .fields
                        .into_iter()
                        .filter(|f| f.required && f.ty != "object")
                        .map(|f| f.path)
                        .collect();
                let reported: std::collections::BTreeSet<String> =
                    validate(&json!({ "form": kind.as_str() }), &o, vec![])
                        .diagnostics
                        .into_iter()
                        .filter(|d| d.code == "form.required")
                        .map(|d| d.path.as_str().to_string())
                        .collect();
                assert_eq!(listed, reported, "{kind} at {stage}");
            }
        }
    }
}
