//! The costs of an application: each amount read exactly, the monthly total and the total
//! over the expected duration.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Kostnader" (drug cost per month at the
//! agreement price, or the maximum price for new substances; other costs per month; extra
//! resources or potential savings) and helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3
//! point 5 ("estimerte kostnadene … beregnet på en tydelig måte, og med korrekt
//! prisgrunnlag"). Amount parsing and its rules live in [`crate::money`].

use super::schema::{get, get_str, ptr};
use crate::diagnostic::{Diagnostic, Rule};
use crate::money::{self, Amount, CostField, Duration};
use serde::Serialize;
use serde_json::Value;

/// Rules applied here (all defined in [`crate::money`]).
pub static RULES: &[&Rule] = &[];

/// The computed costs, in øre and whole kroner, for display.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostSummary {
    /// Drug cost per month, øre.
    pub drug_per_month_ore: Option<i64>,
    /// Other costs per month, øre.
    pub other_per_month_ore: Option<i64>,
    /// Extra resources (positive) or savings (negative) per month, øre.
    pub extra_per_month_ore: Option<i64>,
    /// Sum per month, øre (when drug and other costs could be read).
    pub monthly_total_ore: Option<i64>,
    /// The expected duration in months, when it could be read.
    pub duration_months: Option<f64>,
    /// Monthly total × duration, øre.
    pub total_ore: Option<i64>,
    /// The monthly total as bokmål text (`kr 137 500`).
    pub monthly_total_text: Option<String>,
    /// The total as bokmål text.
    pub total_text: Option<String>,
}

fn read(
    doc: &Value,
    keys: &[&'static str],
    field: CostField,
    diags: &mut Vec<Diagnostic>,
) -> Option<Amount> {
    let v = get(doc, keys)?;
    if v.is_null()
        || v.as_str().is_some_and(|s| s.trim().is_empty())
        || !(v.is_number() || v.is_string())
    {
        return None;
    }
    // A national identity number typed into an amount field is not an amount: reading it
    // as one would echo its digits in the cost summary.
    let text = match v {
        Value::String(t) => t.clone(),
        other => other.to_string(),
    };
    if crate::ident::fnr::is_valid(&text) {
        diags.push(money::amount_error_diagnostic(
            &money::AmountError::Invalid { at: 0 },
            ptr(keys),
        ));
        return None;
    }
    let (amount, d) = money::check_cost_field(v, field, ptr(keys));
    diags.extend(d);
    amount
}

/// Reads and checks the cost fields of a document (part 2 or a Helse Bergen kind) and
/// computes the summary. Returns `None` when the document has no costs at all.
pub fn summarise(doc: &Value, diags: &mut Vec<Diagnostic>) -> Option<CostSummary> {
    doc.get("costs")?;
    let drug = read(doc, &["costs", "drug_per_month"], CostField::Drug, diags);
    let other = read(doc, &["costs", "other_per_month"], CostField::Other, diags);
    let extra = read(
        doc,
        &["costs", "extra_resources", "amount_per_month"],
        CostField::ExtraOrSavings,
        diags,
    );
    let duration_path = ["treatment", "duration"];
    let duration = match get_str(doc, &duration_path).filter(|s| !s.trim().is_empty()) {
        Some(text) => match Duration::parse(text) {
            Ok(d) => Some(d),
            Err(reason) => {
                diags.push(money::duration_unparsed_diagnostic(
                    reason,
                    ptr(&duration_path),
                ));
                None
            }
        },
        None => None,
    };
    let mut out = CostSummary {
        drug_per_month_ore: drug.map(Amount::ore),
        other_per_month_ore: other.map(Amount::ore),
        extra_per_month_ore: extra.map(Amount::ore),
        monthly_total_ore: None,
        duration_months: duration.as_ref().map(Duration::months),
        total_ore: None,
        monthly_total_text: None,
        total_text: None,
    };
    if let (Some(drug), Some(other)) = (drug, other) {
        let s = money::summarise(drug, other, extra, duration.as_ref());
        diags.extend(money::summary_diagnostics(
            &s,
            ptr(&["costs"]),
            ptr(&duration_path),
        ));
        out.monthly_total_ore = Some(s.monthly_total.ore());
        out.monthly_total_text = Some(s.monthly_total.to_string());
        out.total_ore = s.total_over_duration.map(Amount::ore);
        out.total_text = s.total_over_duration.map(|a| a.to_string());
    }
    Some(out)
}
