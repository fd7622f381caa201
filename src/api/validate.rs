//! Validation of a form document: the whole result, the cost summary alone, and the CLI's
//! per-document check (JSON text in, optionally scanned for identifiers).

use super::Options;
use crate::diagnostic::{has_errors, render_all, Diagnostic, Rendered};
use crate::forms::sections::costs::CostSummary;
use crate::forms::{self, Stage};
use crate::input::parse_json;
use crate::privacy::{self, Identity};
use serde::Serialize;
use serde_json::Value;

/// The result of validating a document.
#[derive(Clone, Debug, Serialize)]
pub struct ValidateResult {
    /// The form kind (`tilgang-del2`, …), when known.
    pub form: Option<&'static str>,
    pub stage: Stage,
    /// True when there is no error.
    pub valid: bool,
    pub diagnostics: Vec<Rendered>,
    /// Computed costs, when the document has costs.
    pub costs: Option<CostSummary>,
}

/// Validates a form document at the options' stage.
pub fn validate(doc: &Value, opts: &Options, pre: Vec<Diagnostic>) -> ValidateResult {
    validate_at(doc, opts.stage, opts, pre)
}

fn validate_at(
    doc: &Value,
    stage: Stage,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> ValidateResult {
    let v = forms::validate(doc, stage, &opts.context());
    pre.extend(v.diagnostics);
    let costs = v.costs.filter(|_| {
        v.form
            .is_none_or(|kind| !cost_field_holds_an_identifier(doc, kind))
    });
    ValidateResult {
        form: v.form.map(|k| k.as_str()),
        stage: v.stage,
        valid: !has_errors(&pre),
        diagnostics: render_all(&pre, opts.lang),
        costs,
    }
}

/// True when a value under `/costs` holds an identifier (without part 1): the cost summary
/// is then left out, so that no figure shows an identifier's digits as an amount (a national
/// identity number typed as «NOK 14 037 410 021» would be `1403741002100` øre).
fn cost_field_holds_an_identifier(doc: &Value, kind: forms::FormKind) -> bool {
    privacy::leaves::outgoing(doc, kind, privacy::leaves::Order::Document)
        .iter()
        .filter(|l| !l.too_long() && l.path.as_str().starts_with("/costs/"))
        .any(|l| !privacy::scan_with(&l.text, l.class, &Identity::none()).is_empty())
}

/// The cost summary of a document (monthly total, total over the duration) with the cost
/// diagnostics only (`cost.*`): the document validated at `draft`, everything else left out.
pub fn cost_summary(doc: &Value, opts: &Options, pre: Vec<Diagnostic>) -> ValidateResult {
    let mut r = validate_at(doc, Stage::Draft, opts, pre);
    r.diagnostics.retain(|d| d.code.starts_with("cost."));
    r
}

/// One document of the CLI's `check`: parses the JSON text and validates it at the options'
/// stage; with `scan`, also looks for direct identifiers in its outgoing fields (without part
/// 1), and a finding makes the document invalid. A text that is not JSON gives `input.json`.
pub fn check_text(text: &str, opts: &Options, scan: bool) -> ValidateResult {
    let doc = match parse_json(text) {
        Ok(v) => v,
        Err(d) => {
            return ValidateResult {
                form: None,
                stage: opts.stage,
                valid: false,
                diagnostics: render_all(&[d], opts.lang),
                costs: None,
            }
        }
    };
    let mut r = validate(&doc, opts, Vec::new());
    // Refused as too large: not scanned (a document beyond any form's size is no form).
    let too_large = r
        .diagnostics
        .iter()
        .any(|d| d.code == forms::TOO_LARGE.code);
    if let (true, false, Some(kind)) = (scan, too_large, forms::kind_of(&doc)) {
        let mut diags = Vec::new();
        let keeps = super::scan::keeps(opts, &Identity::none(), &mut diags);
        let applied = keeps.apply(privacy::scan_document(&doc, kind, &Identity::none()));
        diags.extend(privacy::diagnostics(&applied.findings));
        diags.extend(applied.diagnostics);
        r.valid = r.valid && !has_errors(&diags);
        r.diagnostics.extend(render_all(&diags, opts.lang));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use serde_json::json;

    fn opts(v: Value) -> Options {
        Options::from_json(&v, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).0
    }

    fn load(name: &str) -> Value {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn cost_summary_keeps_the_cost_diagnostics_only() {
        let mut doc = load("tilgang-del2-valid.json");
        doc["costs"]["drug_per_month"] = json!("1.234");
        doc["patient"]["diagnosis"] = json!("");
        let r = cost_summary(&doc, &opts(json!({"stage": "submission"})), vec![]);
        assert_eq!(r.stage, Stage::Draft);
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["cost.amount.ambiguous"]);
        assert!(!r.valid);
        let ok = cost_summary(&load("tilgang-del2-valid.json"), &opts(json!({})), vec![]);
        assert!(ok.valid && ok.diagnostics.is_empty());
        assert!(ok.costs.is_some_and(|c| c.monthly_total_ore.is_some()));
    }

    #[test]
    fn check_text_validates_and_scans_when_asked() {
        let o = opts(json!({}));
        let mut doc = load("tilgang-del2-valid.json");
        doc["patient"]["medical_history"] = json!("Ring 912 34 567.");
        let text = doc.to_string();
        let plain = check_text(&text, &o, false);
        assert!(plain.valid, "validation alone finds nothing");
        let scanned = check_text(&text, &o, true);
        assert!(!scanned.valid);
        assert!(scanned
            .diagnostics
            .iter()
            .any(|d| d.code == "privacy.phone"));
        let bad = check_text("{", &o, true);
        // An identifier in a cost field: no cost figure at all (issue 17).
        let mut doc = load("tilgang-del2-valid.json");
        doc["costs"]["drug_per_month"] = json!("912 34 567");
        let r = validate(&doc, &o, vec![]);
        assert!(r.costs.is_none());
        assert!(validate(&load("tilgang-del2-valid.json"), &o, vec![])
            .costs
            .is_some());
        assert!(!bad.valid && bad.form.is_none());
        assert_eq!(bad.diagnostics[0].code, "input.json");
    }
}
