//! Reference numbers (check one, build one) and the registry of health trusts.

use super::Options;
use crate::diagnostic::{has_errors, render_all, Diagnostic, Lang, Pointer, Rendered};
use crate::input::type_error;
use crate::reference::{self, Reference};
use crate::registry::Trust;
use serde::Serialize;
use serde_json::Value;

/// The result of checking or building a reference.
#[derive(Clone, Debug, Serialize)]
pub struct ReferenceResult {
    /// True when there is no error.
    pub ok: bool,
    /// The normalised reference (`2025-05-12-HBE-ONK`), when valid.
    pub reference: Option<String>,
    /// Its parts, when valid.
    pub parts: Option<Reference>,
    /// Everything found, in the requested language.
    pub diagnostics: Vec<Rendered>,
}

fn reference_result(
    checked: reference::Checked,
    mut pre: Vec<Diagnostic>,
    lang: Lang,
) -> ReferenceResult {
    pre.extend(checked.diagnostics);
    ReferenceResult {
        ok: !has_errors(&pre) && checked.reference.is_some(),
        reference: checked.reference.as_ref().map(ToString::to_string),
        parts: checked.reference,
        diagnostics: render_all(&pre, lang),
    }
}

/// Checks a reference number given as a JSON value (must be a string).
pub fn check_reference(input: &Value, opts: &Options, pre: Vec<Diagnostic>) -> ReferenceResult {
    let path = Pointer::root().key("reference");
    match input {
        Value::String(s) => reference_result(reference::check(s, &opts.context()), pre, opts.lang),
        _ => {
            let mut pre = pre;
            pre.push(Diagnostic::new(&reference::NOT_TEXT, path));
            reference_result(reference::Checked::default(), pre, opts.lang)
        }
    }
}

/// Builds a reference from `{ date, hf, dept }`.
pub fn build_reference(input: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> ReferenceResult {
    let path = Pointer::root().key("reference");
    let Value::Object(o) = input else {
        pre.push(type_error(path, "object { date, hf, dept }"));
        return reference_result(reference::Checked::default(), pre, opts.lang);
    };
    let mut field = |k: &'static str| match o.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => {
            pre.push(type_error(path.key(k), "text"));
            None
        }
    };
    let (d, h, p) = (field("date"), field("hf"), field("dept"));
    match (d, h, p) {
        (Some(d), Some(h), Some(p)) => reference_result(
            reference::build(&d, &h, &p, &opts.context()),
            pre,
            opts.lang,
        ),
        _ => reference_result(reference::Checked::default(), pre, opts.lang),
    }
}

/// The health trusts the registry knows (built in plus configured).
pub fn registry(opts: &Options) -> Vec<Trust> {
    opts.registry.trusts().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    #[test]
    fn reference_through_the_api() {
        let (o, _) = Options::from_json(&Value::Null, today());
        let r = check_reference(&json!("2025-05-12-HBE-ONK"), &o, vec![]);
        assert!(r.ok);
        assert_eq!(r.reference.as_deref(), Some("2025-05-12-HBE-ONK"));
        let r = check_reference(&json!(20250512), &o, vec![]);
        assert!(!r.ok);
        assert_eq!(r.diagnostics[0].code, "reference.type");
        assert_eq!(r.diagnostics[0].path.as_str(), "/reference");
        let r = build_reference(&json!({"date": "2025-05-12", "hf": 3}), &o, vec![]);
        let paths: Vec<_> = r.diagnostics.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, vec!["/reference/hf", "/reference/dept"]);
        let r = build_reference(&json!([1]), &o, vec![]);
        assert_eq!(r.diagnostics[0].code, "input.type");
    }
}
