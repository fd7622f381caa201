//! The privacy scan through the API: a document or a text, one field of a document (for the
//! drop-in guard), redaction, and the kinds of identifier with their labels.

use super::Options;
use crate::diagnostic::{render_all, Arg, Diagnostic, Lang, Pointer, Rendered, Span};
use crate::forms::{self, FormKind};
use crate::input::{too_large, type_error};
use crate::privacy::{self, Basis, FindingKind, Identity, Keeps, Kept, Replacement};
use crate::submission::Part1;
use serde::Serialize;
use serde_json::Value;

/// One identifier found: where and what, never the text.
#[derive(Clone, Debug, Serialize)]
pub struct FindingOut {
    /// JSON Pointer of the field (`""` for plain text).
    pub path: Pointer,
    /// `national_id`, `name`, `phone`, …
    pub kind: FindingKind,
    /// The diagnostic code (`privacy.national_id`, …).
    pub code: &'static str,
    pub span: Span,
    pub confidence: f32,
    /// Why it was found: `patient` (the patient's own name or birth date from part 1),
    /// `cue` (after a cue word such as «datter», «tlf», «født»), `list` (the name lists),
    /// `checksum` (its check digits hold), `pattern` (its form alone), `model` (the learned
    /// name finder alone: a possible name, «mulig navn», the finding most likely to be a
    /// false alarm), `document` (a part of a name found elsewhere in the same document).
    pub basis: Basis,
    /// The placeholder redaction puts in its place.
    pub placeholder: &'static str,
    pub message: String,
    /// Whether it may be kept as a false alarm (`options.keep`): not a valid national
    /// identity number, the patient's own name, number or birth date, an e-mail address or a
    /// valid account number.
    pub keepable: bool,
}

/// The result of a scan.
#[derive(Clone, Debug, Serialize)]
pub struct ScanResult {
    /// The identifiers found, except those kept (`options.keep`).
    pub findings: Vec<FindingOut>,
    /// The findings kept as false alarms (`options.keep`): where, what, and why.
    pub kept: Vec<Kept>,
    /// Problems with the input itself (not the findings), and with the keeps
    /// (`privacy.keep.*`: malformed, stale, refused).
    pub diagnostics: Vec<Rendered>,
}

/// The keeps of the options (`options.keep`), read with the patient's identity; what is
/// wrong with them goes to `pre`.
pub(super) fn keeps(opts: &Options, id: &Identity, pre: &mut Vec<Diagnostic>) -> Keeps {
    let at = Pointer::root().key("options").key("keep");
    let (k, d) = Keeps::from_json(&opts.keep, &at, id);
    pre.extend(d);
    k
}

/// The identity to look for: from part 1 when given. A national identity number that part 1
/// gives but that is not valid is an error (`tilgang.del1.national_id.invalid`, at
/// `/part1/patient/national_id`): the patient's own birth date could not be looked for.
fn identity(part1: &Value, opts: &Options, pre: &mut Vec<Diagnostic>) -> Identity {
    match part1 {
        Value::Object(_) => {
            let p1 = Part1::from_json(part1, &opts.context());
            let given = part1.get("patient").and_then(|p| p.get("national_id"));
            let blank = matches!(given, None | Some(Value::Null))
                || given
                    .and_then(Value::as_str)
                    .is_some_and(|s| s.trim().is_empty());
            if !blank && p1.national_id().is_none() {
                let path = Pointer::from_static("/part1/patient/national_id");
                let reason =
                    match given.and_then(Value::as_str) {
                        Some(s) => match crate::ident::fnr::validate(s) {
                            Err(e) => forms::kinds::tilgang::fnr_reason(&e),
                            Ok(_) => forms::kinds::tilgang::fnr_reason(
                                &crate::ident::fnr::FnrError::Format { position: 0 },
                            ),
                        },
                        None => forms::kinds::tilgang::fnr_reason(
                            &crate::ident::fnr::FnrError::Format { position: 0 },
                        ),
                    };
                pre.push(
                    Diagnostic::new(&forms::kinds::tilgang::NATIONAL_ID, path)
                        .arg("reason", Arg::Text(reason)),
                );
            }
            p1.identity()
        }
        _ => Identity::none(),
    }
}

/// What stops a document from being scanned or redacted: larger than a form can be
/// (`form.too_large`: it is refused, and scanning stops), or part 1 (`privacy.part1`: it holds
/// the patient's identifiers on purpose and never leaves).
fn not_scanned(doc: &Value, kind: FormKind) -> Option<Diagnostic> {
    use forms::schema::{approx_size, MAX_DOCUMENT_BYTES};
    if approx_size(doc, MAX_DOCUMENT_BYTES) > MAX_DOCUMENT_BYTES {
        return Some(
            Diagnostic::new(&forms::TOO_LARGE, Pointer::root())
                .arg("max", Arg::Int(MAX_DOCUMENT_BYTES as i64)),
        );
    }
    (!kind.leaves_hospital()).then(|| Diagnostic::new(&privacy::PART1, Pointer::root().key("form")))
}

pub(super) fn finding_out(path: &Pointer, f: &privacy::Finding, lang: Lang) -> FindingOut {
    let rule = f.kind.rule();
    FindingOut {
        path: path.clone(),
        kind: f.kind,
        code: rule.code,
        span: f.span,
        confidence: f.confidence,
        basis: f.basis,
        placeholder: f.kind.placeholder(),
        message: Diagnostic::new(rule, path.clone()).message(lang),
        keepable: privacy::keep::refusal(f).is_none(),
    }
}

/// Scans a form document (every outgoing field) or a plain text (a JSON string).
pub fn scan(input: &Value, part1: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> ScanResult {
    let id = identity(part1, opts, &mut pre);
    let keeps = keeps(opts, &id, &mut pre);
    let mut findings = Vec::new();
    let mut kept = Vec::new();
    match input {
        Value::String(text) if too_large(text).is_some() => pre.extend(too_large(text)),
        Value::String(text) => {
            let root = Pointer::root();
            let found = vec![privacy::FieldFindings {
                path: root.clone(),
                findings: privacy::scan_text(text, &id),
            }];
            let applied = keeps.apply(found);
            for ff in &applied.findings {
                findings.extend(ff.findings.iter().map(|f| finding_out(&root, f, opts.lang)));
            }
            kept = applied.kept;
            pre.extend(applied.diagnostics);
        }
        Value::Object(_) => match forms::kind_of(input) {
            Some(kind) if not_scanned(input, kind).is_some() => {
                pre.extend(not_scanned(input, kind))
            }
            Some(kind) => {
                let applied = keeps.apply(privacy::scan_document(input, kind, &id));
                for ff in applied.findings {
                    findings.extend(
                        ff.findings
                            .iter()
                            .map(|f| finding_out(&ff.path, f, opts.lang)),
                    );
                }
                kept = applied.kept;
                pre.extend(applied.diagnostics);
            }
            None => pre.push(Diagnostic::new(
                &forms::KIND_MISSING,
                Pointer::root().key("form"),
            )),
        },
        _ => pre.push(type_error(
            Pointer::root(),
            "form document (object) or text",
        )),
    }
    ScanResult {
        findings,
        kept,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// The result of a redaction.
#[derive(Clone, Debug, Serialize)]
pub struct RedactResult {
    /// The redacted document or text (same type as the input); `null` on bad input.
    pub redacted: Value,
    pub replacements: Vec<Replacement>,
    /// The findings kept (`options.keep`), left as they are: their spans are where they are
    /// in the redacted result, so the list can be given again with it (to the gate).
    pub kept: Vec<Kept>,
    pub diagnostics: Vec<Rendered>,
}

/// Redacts a form document or a plain text.
pub fn redact(
    input: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> RedactResult {
    let id = identity(part1, opts, &mut pre);
    let keeps = keeps(opts, &id, &mut pre);
    let mut kept = Vec::new();
    let (redacted, replacements) = match input {
        Value::String(text) if too_large(text).is_some() => {
            pre.extend(too_large(text));
            (Value::Null, Vec::new())
        }
        Value::String(text) => {
            let (t, r, applied) = privacy::redact_plain_keeping(text, &id, &keeps);
            kept = applied.kept;
            pre.extend(applied.diagnostics);
            (Value::String(t), r)
        }
        Value::Object(_) => match forms::kind_of(input) {
            Some(kind) if not_scanned(input, kind).is_some() => {
                pre.extend(not_scanned(input, kind));
                (Value::Null, Vec::new())
            }
            Some(kind) => {
                let (v, r, applied) = privacy::redact_document_keeping(input, kind, &id, &keeps);
                kept = applied.kept;
                pre.extend(applied.diagnostics);
                (v, r)
            }
            None => {
                pre.push(Diagnostic::new(
                    &forms::KIND_MISSING,
                    Pointer::root().key("form"),
                ));
                (Value::Null, Vec::new())
            }
        },
        _ => {
            pre.push(type_error(
                Pointer::root(),
                "form document (object) or text",
            ));
            (Value::Null, Vec::new())
        }
    };
    RedactResult {
        redacted,
        replacements,
        kept,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// Scans the outgoing fields of a form document at or below `path` (a JSON Pointer; `""` is
/// the whole document, the same as [`scan`]), each with its own privacy class; the other
/// fields are scanned too, for the names in them (a name found in one field makes its parts
/// names in every field: [`privacy::scan_document_below`]). The guard calls it with the one
/// field that changed, and keeps the other fields' findings.
pub fn scan_field(
    doc: &Value,
    path: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> ScanResult {
    let mut findings = Vec::new();
    let mut kept = Vec::new();
    let path = match path {
        Value::String(p) if p.is_empty() || p.starts_with('/') => Some(p.as_str()),
        _ => {
            pre.push(type_error(
                Pointer::root().key("path"),
                "JSON Pointer (text such as \"/patient/medical_history\")",
            ));
            None
        }
    };
    let kind = match doc {
        Value::Object(_) => forms::kind_of(doc),
        _ => None,
    };
    match (kind, path) {
        (Some(kind), Some(path)) if kind.leaves_hospital() => {
            let id = identity(part1, opts, &mut pre);
            let keeps = keeps(opts, &id, &mut pre);
            if let Some(d) = not_scanned(doc, kind) {
                pre.push(d);
            } else {
                // Every text is scanned for the names in it (a name in one field makes its
                // parts names in the others); what is below `path` is reported.
                let mut seen = Vec::new();
                for ff in privacy::scan_document_below(doc, kind, &id, path) {
                    let (rest, k) = keeps.split(&ff.path, ff.findings, &mut seen, &mut pre);
                    findings.extend(rest.iter().map(|f| finding_out(&ff.path, f, opts.lang)));
                    kept.extend(k);
                }
                // Stale: only the keeps of the fields scanned.
                pre.extend(keeps.report_where(&seen, |p| below(p, path)));
            }
        }
        (Some(_), _) => {}
        (None, _) if matches!(doc, Value::Object(_)) => pre.push(Diagnostic::new(
            &forms::KIND_MISSING,
            Pointer::root().key("form"),
        )),
        (None, _) => pre.push(type_error(Pointer::root(), "form document (object)")),
    }
    ScanResult {
        findings,
        kept,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// True when the JSON Pointer `p` is `prefix` or below it (`/patient/medical` is not a
/// prefix of `/patient/medical_history`).
fn below(p: &str, prefix: &str) -> bool {
    p.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// One kind of identifier: its name, diagnostic code, label and placeholder.
#[derive(Clone, Debug, Serialize)]
pub struct FindingKindInfo {
    pub kind: FindingKind,
    pub code: &'static str,
    /// The kind's name in the options' language ("Fødselsnummer").
    pub label: &'static str,
    pub placeholder: &'static str,
}

/// Every kind of identifier the scanner reports, with its label in the options' language.
pub fn finding_kinds(opts: &Options) -> Vec<FindingKindInfo> {
    FindingKind::ALL
        .iter()
        .map(|&kind| FindingKindInfo {
            kind,
            code: kind.rule().code,
            label: kind.label().get(opts.lang),
            placeholder: kind.placeholder(),
        })
        .collect()
}

/// One reason for keeping a finding, in words.
#[derive(Clone, Debug, Serialize)]
pub struct KeepReasonInfo {
    pub reason: privacy::Reason,
    /// The reason in the options' language ("Sted eller institusjon").
    pub label: &'static str,
    /// Whether it needs words of its own (`text`): `other`.
    #[serde(rename = "needsText")]
    pub needs_text: bool,
}

/// The reasons a finding can be kept for (`options.keep`), in the options' language; and
/// the kinds never kept, whatever the reason.
pub fn keep_reasons(opts: &Options) -> Vec<KeepReasonInfo> {
    privacy::Reason::ALL
        .iter()
        .map(|&reason| KeepReasonInfo {
            reason,
            label: reason.label().get(opts.lang),
            needs_text: reason == privacy::Reason::Other,
        })
        .collect()
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
    fn one_field_scanned_as_the_whole_document_scans_it() {
        let mut doc = load("tilgang-del2-valid.json");
        doc["patient"]["medical_history"] = json!("Kari Nordmann (tlf 912 34 567) ble henvist.");
        doc["treatment"]["dosage"] = json!("Avtalt med kari.nordmann@example.org.");
        doc["approvals"]["line_manager"]["name"] = json!("Per Olav Haugland, 140374 10021");
        let part1 = json!({"form": "tilgang-del1", "patient": {"name": "Kari Nordmann", "national_id": "14037410021"}});
        let o = opts(json!({}));
        let whole = scan(&doc, &part1, &o, vec![]);
        assert!(whole.findings.len() >= 4, "{:?}", whole.findings);
        let key = |f: &FindingOut| {
            (
                f.path.as_str().to_string(),
                f.code,
                f.span.start,
                f.span.end,
            )
        };
        // Each field alone, then every field together, gives exactly the document's findings.
        let mut by_field = Vec::new();
        let leaves = privacy::leaves::outgoing(
            &doc,
            forms::FormKind::TilgangDel2,
            privacy::leaves::Order::Document,
        );
        for p in leaves.iter().map(|l| &l.path) {
            let r = scan_field(&doc, &json!(p.as_str()), &part1, &o, vec![]);
            assert!(r.findings.iter().all(|f| f.path == *p));
            by_field.extend(r.findings.iter().map(key));
        }
        assert_eq!(by_field, whole.findings.iter().map(key).collect::<Vec<_>>());
        let all = scan_field(&doc, &json!(""), &part1, &o, vec![]);
        assert_eq!(all.findings.iter().map(key).collect::<Vec<_>>(), by_field);
        // A group: its fields only. The applicant's own name is allowed in its field, the
        // number next to it is not.
        let g = scan_field(&doc, &json!("/approvals"), &part1, &o, vec![]);
        let codes: Vec<_> = g.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, vec!["privacy.national_id"]);
        // "/patient/medical" is not a prefix of "/patient/medical_history".
        assert!(
            scan_field(&doc, &json!("/patient/medical"), &part1, &o, vec![])
                .findings
                .is_empty()
        );
        // Without part 1 the patient's name is still found as a name by the name lists.
        let none = scan_field(
            &doc,
            &json!("/patient/medical_history"),
            &Value::Null,
            &o,
            vec![],
        );
        assert!(none.findings.iter().any(|f| f.code == "privacy.phone"));
    }

    #[test]
    fn scan_field_reports_bad_input_without_echo() {
        let o = opts(json!({}));
        let r = scan_field(
            &json!({"form": "tilgang-del2"}),
            &json!(7),
            &Value::Null,
            &o,
            vec![],
        );
        assert_eq!(r.diagnostics[0].code, "input.type");
        assert_eq!(r.diagnostics[0].path.as_str(), "/path");
        let r = scan_field(
            &json!({"form": "x"}),
            &json!("/a"),
            &Value::Null,
            &o,
            vec![],
        );
        assert_eq!(r.diagnostics[0].code, "form.kind");
        let r = scan_field(
            &json!("Kari 14037410021"),
            &json!(""),
            &Value::Null,
            &o,
            vec![],
        );
        assert_eq!(r.diagnostics[0].code, "input.type");
        assert!(!serde_json::to_string(&r).unwrap().contains("Kari"));
        // Part 1 is never scanned: it is meant to hold the name and the number.
        let p1 = load("tilgang-del1-valid.json");
        assert!(scan_field(&p1, &json!(""), &Value::Null, &o, vec![])
            .findings
            .is_empty());
    }

    #[test]
    fn finding_kinds_come_with_labels_codes_and_placeholders() {
        for lang in ["nb", "nn", "en"] {
            let k = finding_kinds(&opts(json!({ "lang": lang })));
            assert_eq!(k.len(), FindingKind::ALL.len());
            for x in &k {
                assert!(!x.label.is_empty(), "{lang} {:?}", x.kind);
                assert_eq!(x.code, x.kind.rule().code);
                assert_eq!(x.placeholder, x.kind.placeholder());
            }
        }
        let nn = finding_kinds(&opts(json!({"lang": "nn"})));
        assert_eq!(
            nn.iter()
                .find(|x| x.kind == FindingKind::Name)
                .unwrap()
                .label,
            "Namn"
        );
        let en = finding_kinds(&opts(json!({"lang": "en"})));
        assert_eq!(
            en.iter()
                .find(|x| x.kind == FindingKind::NationalId)
                .unwrap()
                .label,
            "National identity number"
        );
    }
}
