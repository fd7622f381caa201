//! The submission gate through the API: the seal alone ([`prepare_submission`]), and the
//! gate with its findings and its own checks apart ([`check_submission`], for a submit of
//! the drop-in guard).

use super::scan::{finding_out, FindingOut};
use super::Options;
use crate::diagnostic::Pointer;
use crate::diagnostic::{has_errors, render_all, Diagnostic, Rendered};
use crate::forms::sections::costs::CostSummary;
use crate::input::type_error;
use crate::privacy::{Identity, Kept};
use crate::submission::{gate, Part1};
use serde::Serialize;
use serde_json::Value;

/// The sealed package: the gate's seal ([`gate::Sealed`]) and the time it was made.
#[derive(Clone, Debug, Serialize)]
pub struct Sealed {
    /// The form kind.
    pub form: &'static str,
    /// Canonical JSON of part 2 (RFC 8785 member order, no insignificant whitespace).
    pub canonical: String,
    /// SHA-256, lower-case hex, of the canonical JSON's UTF-8 bytes — and, when findings
    /// were kept, of a line feed and the canonical JSON of `kept` after them
    /// ([`crate::submission::seal::package_digest`]).
    pub sha256: String,
    /// HMAC-SHA256 pseudonym of the patient, when a key and part 1 were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pseudonym: Option<String>,
    /// The findings the physician kept as false alarms (path, kind, span, reason, and the
    /// words of an `other` reason): never the value, nor a hash of it. Inside the digest;
    /// absent when nothing was kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<Kept>,
    /// When it was sealed, by the sealing machine's clock (RFC 3339 with the local offset:
    /// `2026-11-27T19:52:03+01:00`). Not part of the digest: the printable application shows
    /// it as the sealing machine's statement.
    #[serde(rename = "sealedAt", skip_serializing_if = "Option::is_none")]
    pub sealed_at: Option<String>,
}

fn sealed_out(s: Option<gate::Sealed>, opts: &Options) -> Option<Sealed> {
    s.map(|s| Sealed {
        form: s.form,
        canonical: s.canonical,
        sha256: s.sha256,
        pseudonym: s.pseudonym,
        kept: s.kept,
        sealed_at: opts.now.clone(),
    })
}

/// The result of the gate.
#[derive(Clone, Debug, Serialize)]
pub struct SubmissionResult {
    /// True when the package is sealed and may be sent.
    pub ok: bool,
    pub sealed: Option<Sealed>,
    pub diagnostics: Vec<Rendered>,
    pub costs: Option<CostSummary>,
}

/// Part 1 as given (`null`: none; an object; anything else is an input problem at `/part1`),
/// read once into [`Part1`], and the gate run on it.
fn gate(
    part2: &Value,
    part1: &Value,
    opts: &Options,
    pre: &mut Vec<Diagnostic>,
) -> gate::GateResult {
    let ctx = opts.context();
    let p1 = match part1 {
        Value::Null => None,
        Value::Object(_) => Some(Part1::from_json(part1, &ctx)),
        _ => {
            pre.push(type_error(
                Pointer::root().key("part1"),
                "form document (object)",
            ));
            None
        }
    };
    let id = p1
        .as_ref()
        .map(Part1::identity)
        .unwrap_or_else(Identity::none);
    let keeps = super::scan::keeps(opts, &id, pre);
    gate::prepare_submission_keeping(part2, p1.as_ref(), opts.key.as_deref(), &keeps, &ctx)
}

/// The gate: validate at submission, scan, cross-check with part 1, seal.
pub fn prepare_submission(
    part2: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> SubmissionResult {
    let r = gate(part2, part1, opts, &mut pre);
    let blocked_by_input = has_errors(&pre);
    pre.extend(r.diagnostics);
    SubmissionResult {
        ok: r.ok && !blocked_by_input,
        sealed: if blocked_by_input {
            None
        } else {
            sealed_out(r.sealed, opts)
        },
        diagnostics: render_all(&pre, opts.lang),
        costs: r.costs,
    }
}

/// The result of [`check_submission`]: the gate's answer (as [`prepare_submission`]) with the
/// identifiers found as findings, and the diagnostics that come from neither validating part
/// 2 nor its identifiers (the checks against part 1, the pseudonym key) under `checks`.
#[derive(Clone, Debug, Serialize)]
pub struct SubmissionCheck {
    /// True when the package is sealed and may be sent.
    pub ok: bool,
    pub sealed: Option<Sealed>,
    /// Everything, as [`prepare_submission`] gives it.
    pub diagnostics: Vec<Rendered>,
    pub costs: Option<CostSummary>,
    /// The identifiers found in part 2 (their diagnostics are in `diagnostics` too), except
    /// those kept.
    pub findings: Vec<FindingOut>,
    /// The findings kept as false alarms (`options.keep`).
    pub kept: Vec<Kept>,
    /// The diagnostics of the checks against part 1 and of the options (also in
    /// `diagnostics`).
    pub checks: Vec<Rendered>,
}

/// The gate in one call for a submit: validation at submission, findings, checks against
/// part 1, and the seal.
pub fn check_submission(
    part2: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> SubmissionCheck {
    let r = gate(part2, part1, opts, &mut pre);
    let blocked_by_input = has_errors(&pre);
    // The shell's input problems, then the gate's own checks (part 1, the key).
    let mut own = pre.clone();
    own.extend(r.checks);
    let findings = r
        .findings
        .iter()
        .flat_map(|ff| {
            ff.findings
                .iter()
                .map(|f| finding_out(&ff.path, f, opts.lang))
        })
        .collect();
    pre.extend(r.diagnostics);
    SubmissionCheck {
        ok: r.ok && !blocked_by_input,
        sealed: if blocked_by_input {
            None
        } else {
            sealed_out(r.sealed, opts)
        },
        diagnostics: render_all(&pre, opts.lang),
        costs: r.costs,
        findings,
        kept: r.kept,
        checks: render_all(&own, opts.lang),
    }
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
    fn check_submission_is_the_gate_with_findings_and_its_own_checks() {
        let o = opts(json!({}));
        let p1 = load("tilgang-del1-valid.json");
        let p2 = load("tilgang-del2-valid.json");
        // Clean: the same seal as prepare_submission, nothing to report.
        let a = check_submission(&p2, &p1, &o, vec![]);
        let b = prepare_submission(&p2, &p1, &o, vec![]);
        assert!(a.ok && a.findings.is_empty() && a.checks.is_empty());
        assert_eq!(
            a.sealed.as_ref().map(|s| &s.sha256),
            b.sealed.as_ref().map(|s| &s.sha256)
        );
        // Identifiers, a validation error and a reference that differs from part 1's.
        let mut bad = p2.clone();
        bad["patient"]["medical_history"] = json!("Kari Nordmann, fnr 140374 10021, ble henvist.");
        bad["patient"]["diagnosis"] = json!("");
        let mut p1b = p1.clone();
        p1b["reference"] = json!("2025-05-11-HBE-ONK");
        let r = check_submission(&bad, &p1b, &o, vec![]);
        let g = prepare_submission(&bad, &p1b, &o, vec![]);
        assert!(!r.ok && r.sealed.is_none());
        let codes = |v: &[Rendered]| v.iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes(&r.diagnostics), codes(&g.diagnostics));
        let kinds: Vec<_> = r.findings.iter().map(|f| f.kind.as_str()).collect();
        assert!(
            kinds.contains(&"name") && kinds.contains(&"national_id"),
            "{kinds:?}"
        );
        assert!(r
            .findings
            .iter()
            .all(|f| f.path.as_str() == "/patient/medical_history"));
        assert_eq!(codes(&r.checks), vec!["reference.mismatch"]);
        // Every finding is also a diagnostic, at the same place.
        for f in &r.findings {
            assert!(r
                .diagnostics
                .iter()
                .any(|d| d.code == f.code && d.span.map(|s| s.start) == Some(f.span.start)));
        }
        // A part 1 of the wrong type is an input problem among the checks, and blocks.
        let r = check_submission(&p2, &json!("Kari"), &o, vec![]);
        assert!(!r.ok && r.sealed.is_none());
        assert_eq!(codes(&r.checks), vec!["input.type"]);
    }
}
