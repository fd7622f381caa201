//! The JSON-in, JSON-out API shared by the wasm package and the CLI.
//!
//! Both shells convert their input to [`serde_json::Value`], call a function here, and
//! serialise the result. Nothing here throws: input of the wrong shape gives diagnostics
//! (codes `input.*`), so the page's validator never dies on what a user or a page sends.

use crate::diagnostic::{
    render_all, Diagnostic, Lang, Pointer, Rendered, Rule, Severity, Source, Texts,
};
use crate::forms::sections::costs::CostSummary;
use crate::forms::{self, Stage};
pub use crate::input::{parse_json, type_error, MAX_TEXT_BYTES};
use crate::input::{too_large, OPTION};
use crate::privacy::{self, Basis, FindingKind, Identity, Replacement};
use crate::reference::{self, Reference};
use crate::registry::{Config, Registry, Trust};
use crate::submission::{gate, Part1};
use crate::Context;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

/// Options every entry point accepts: `{ lang?, today?, config?, stage?, pseudonymKey? }`.
#[derive(Clone)]
pub struct Options {
    pub lang: Lang,
    pub today: NaiveDate,
    pub registry: Registry,
    /// The stage for `validate` (default `submission`).
    pub stage: Stage,
    /// The hospital's secret key for the patient pseudonym (hex), if given.
    pub key: Option<Vec<u8>>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("lang", &self.lang)
            .field("today", &self.today)
            .field("stage", &self.stage)
            .field("key", &self.key.as_ref().map(|_| "(set)"))
            .finish()
    }
}

impl Options {
    /// Reads options from a JSON value; `today` defaults to `default_today` (the shell's
    /// clock). Problems become warnings at `/options/…` and the default is used.
    pub fn from_json(v: &Value, default_today: NaiveDate) -> (Options, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut opts = Options {
            lang: Lang::Nb,
            today: default_today,
            registry: Registry::builtin(),
            stage: Stage::Submission,
            key: None,
        };
        let base = Pointer::root().key("options");
        let obj = match v {
            Value::Null => return (opts, diags),
            Value::Object(o) => o,
            _ => {
                diags.push(Diagnostic::new(&OPTION, base));
                return (opts, diags);
            }
        };
        for (k, val) in obj {
            match (k.as_str(), val) {
                (_, Value::Null) => {}
                ("lang", Value::String(s)) if Lang::parse(s).is_some() => {
                    opts.lang = Lang::parse(s).unwrap_or_default();
                }
                ("today", Value::String(s)) if crate::dates::parse_iso(s).is_some() => {
                    opts.today = crate::dates::parse_iso(s).unwrap_or(default_today);
                }
                ("config", c) => match Config::from_json(c) {
                    Ok(cfg) => opts.registry = Registry::with_config(&cfg),
                    Err(_) => diags.push(Diagnostic::new(&OPTION, base.key("config"))),
                },
                ("stage", Value::String(s)) if Stage::parse(s).is_some() => {
                    opts.stage = Stage::parse(s).unwrap_or(Stage::Submission);
                }
                ("pseudonymKey", Value::String(s)) if parse_hex(s).is_some() => {
                    opts.key = parse_hex(s);
                }
                ("lang", _) => diags.push(Diagnostic::new(&OPTION, base.key("lang"))),
                ("today", _) => diags.push(Diagnostic::new(&OPTION, base.key("today"))),
                ("stage", _) => diags.push(Diagnostic::new(&OPTION, base.key("stage"))),
                ("pseudonymKey", _) => {
                    diags.push(Diagnostic::new(&OPTION, base.key("pseudonymKey")))
                }
                (other, _) => diags.push(Diagnostic::new(&OPTION, base.key_masked(other))),
            }
        }
        (opts, diags)
    }

    /// The check context.
    pub fn context(&self) -> Context<'_> {
        Context::new(self.today, &self.registry)
    }
}

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
        ok: !crate::diagnostic::has_errors(&pre) && checked.reference.is_some(),
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

/// Every rule the library knows, each once: the rule catalogue ([`crate::catalogue`]).
pub fn catalogue() -> Vec<&'static Rule> {
    crate::catalogue::rules().collect()
}

/// Parses a hex string (even length, 0-9a-fA-F) into bytes.
pub fn parse_hex(s: &str) -> Option<Vec<u8>> {
    let t = s.trim();
    if t.len() % 2 != 0 {
        return None;
    }
    (0..t.len())
        .step_by(2)
        .map(|i| t.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

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
pub fn validate(doc: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> ValidateResult {
    let v = forms::validate(doc, opts.stage, &opts.context());
    pre.extend(v.diagnostics);
    ValidateResult {
        form: v.form.map(|k| k.as_str()),
        stage: v.stage,
        valid: !crate::diagnostic::has_errors(&pre),
        diagnostics: render_all(&pre, opts.lang),
        costs: v.costs,
    }
}

/// One identifier found: where and what, never the text.
#[derive(Clone, Debug, Serialize)]
pub struct FindingOut {
    /// JSON Pointer of the field (`""` for plain text).
    pub path: crate::Pointer,
    /// `national_id`, `name`, `phone`, …
    pub kind: FindingKind,
    /// The diagnostic code (`privacy.national_id`, …).
    pub code: &'static str,
    pub span: crate::Span,
    pub confidence: f32,
    /// Why it was found: `patient` (the patient's own name or birth date from part 1),
    /// `cue` (after a cue word such as «datter», «tlf», «født»), `list` (the name lists),
    /// `checksum` (its check digits hold), `pattern` (its form alone).
    pub basis: Basis,
    /// The placeholder redaction puts in its place.
    pub placeholder: &'static str,
    pub message: String,
}

/// The result of a scan.
#[derive(Clone, Debug, Serialize)]
pub struct ScanResult {
    pub findings: Vec<FindingOut>,
    /// Problems with the input itself (not the findings).
    pub diagnostics: Vec<Rendered>,
}

/// The identity to look for: from part 1 when given.
fn identity(part1: &Value, opts: &Options) -> Identity {
    match part1 {
        Value::Object(_) => Part1::from_json(part1, &opts.context()).identity(),
        _ => Identity::none(),
    }
}

fn finding_out(path: &crate::Pointer, f: &privacy::Finding, lang: Lang) -> FindingOut {
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
    }
}

/// Scans a form document (every outgoing field) or a plain text (a JSON string).
pub fn scan(input: &Value, part1: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> ScanResult {
    let id = identity(part1, opts);
    let mut findings = Vec::new();
    match input {
        Value::String(text) if too_large(text).is_some() => pre.extend(too_large(text)),
        Value::String(text) => {
            let root = crate::Pointer::root();
            findings.extend(
                privacy::scan_text(text, &id)
                    .iter()
                    .map(|f| finding_out(&root, f, opts.lang)),
            );
        }
        Value::Object(_) => match forms::kind_of(input) {
            Some(kind) => {
                for ff in privacy::scan_document(input, kind, &id) {
                    findings.extend(
                        ff.findings
                            .iter()
                            .map(|f| finding_out(&ff.path, f, opts.lang)),
                    );
                }
            }
            None => pre.push(Diagnostic::new(
                &forms::KIND_MISSING,
                crate::Pointer::root().key("form"),
            )),
        },
        _ => pre.push(type_error(
            crate::Pointer::root(),
            "form document (object) or text",
        )),
    }
    ScanResult {
        findings,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// The result of a redaction.
#[derive(Clone, Debug, Serialize)]
pub struct RedactResult {
    /// The redacted document or text (same type as the input); `null` on bad input.
    pub redacted: Value,
    pub replacements: Vec<Replacement>,
    pub diagnostics: Vec<Rendered>,
}

/// Redacts a form document or a plain text.
pub fn redact(
    input: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> RedactResult {
    let id = identity(part1, opts);
    let (redacted, replacements) = match input {
        Value::String(text) if too_large(text).is_some() => {
            pre.extend(too_large(text));
            (Value::Null, Vec::new())
        }
        Value::String(text) => {
            let (t, r) = privacy::redact_plain(text, &id);
            (Value::String(t), r)
        }
        Value::Object(_) => match forms::kind_of(input) {
            Some(kind) => privacy::redact_document(input, kind, &id),
            None => {
                pre.push(Diagnostic::new(
                    &forms::KIND_MISSING,
                    crate::Pointer::root().key("form"),
                ));
                (Value::Null, Vec::new())
            }
        },
        _ => {
            pre.push(type_error(
                crate::Pointer::root(),
                "form document (object) or text",
            ));
            (Value::Null, Vec::new())
        }
    };
    RedactResult {
        redacted,
        replacements,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// The result of the gate.
#[derive(Clone, Debug, Serialize)]
pub struct SubmissionResult {
    /// True when the package is sealed and may be sent.
    pub ok: bool,
    pub sealed: Option<gate::Sealed>,
    pub diagnostics: Vec<Rendered>,
    pub costs: Option<CostSummary>,
}

/// The gate: validate at submission, scan, cross-check with part 1, seal.
pub fn prepare_submission(
    part2: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> SubmissionResult {
    let ctx = opts.context();
    let p1 = match part1 {
        Value::Null => None,
        Value::Object(_) => Some(Part1::from_json(part1, &ctx)),
        _ => {
            pre.push(type_error(
                crate::Pointer::root().key("part1"),
                "form document (object)",
            ));
            None
        }
    };
    let r = gate::prepare_submission(part2, p1.as_ref(), opts.key.as_deref(), &ctx);
    let blocked_by_input = crate::diagnostic::has_errors(&pre);
    pre.extend(r.diagnostics);
    SubmissionResult {
        ok: r.ok && !blocked_by_input,
        sealed: if blocked_by_input { None } else { r.sealed },
        diagnostics: render_all(&pre, opts.lang),
        costs: r.costs,
    }
}

/// A rule in the catalogue, serialisable (all languages).
#[derive(Clone, Debug, Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub source: Source,
    pub message: Texts3,
    pub hint: Option<Texts3>,
}

/// The three texts of a message, serialisable.
#[derive(Clone, Debug, Serialize)]
pub struct Texts3 {
    pub nb: &'static str,
    pub nn: &'static str,
    pub en: &'static str,
}

impl From<Texts> for Texts3 {
    fn from(t: Texts) -> Texts3 {
        Texts3 {
            nb: t.nb,
            nn: t.nn,
            en: t.en,
        }
    }
}

/// The catalogue in serialisable form.
pub fn catalogue_info() -> Vec<RuleInfo> {
    catalogue()
        .into_iter()
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            source: r.source,
            message: r.message.into(),
            hint: r.hint.map(Into::into),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// For the drop-in guard (issue 18): the fields of a kind, one field's scan, the gate with its
// findings in one call, and the finding kinds' labels.

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
    use forms::schema::{Privacy, Ty};
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
        let scanned = leaves
            && f.privacy != Privacy::NotScanned
            && !matches!(f.ty, Ty::Object(_) | Ty::List { .. });
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
            crate::Pointer::root().key("form"),
        )),
    }
    FieldsResult {
        form: kind.map(forms::FormKind::as_str),
        stage: opts.stage,
        fields: out,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// Scans the outgoing fields of a form document at or below `path` (a JSON Pointer; `""` is
/// the whole document, the same as [`scan`]), each with its own privacy class. The guard
/// calls it with the one field that changed, and keeps the other fields' findings.
pub fn scan_field(
    doc: &Value,
    path: &Value,
    part1: &Value,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> ScanResult {
    let mut findings = Vec::new();
    let path = match path {
        Value::String(p) if p.is_empty() || p.starts_with('/') => Some(p.as_str()),
        _ => {
            pre.push(type_error(
                crate::Pointer::root().key("path"),
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
            let id = identity(part1, opts);
            let mut visited = Vec::new();
            forms::schema::visit_fields(doc, kind.fields(), &crate::Pointer::root(), &mut visited);
            for (p, field, text) in visited {
                let below = p
                    .as_str()
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
                if below {
                    findings.extend(
                        privacy::scan_with(text, field.privacy, &id)
                            .iter()
                            .map(|f| finding_out(&p, f, opts.lang)),
                    );
                }
            }
        }
        (Some(_), _) => {}
        (None, _) if matches!(doc, Value::Object(_)) => pre.push(Diagnostic::new(
            &forms::KIND_MISSING,
            crate::Pointer::root().key("form"),
        )),
        (None, _) => pre.push(type_error(crate::Pointer::root(), "form document (object)")),
    }
    ScanResult {
        findings,
        diagnostics: render_all(&pre, opts.lang),
    }
}

/// The result of [`check_submission`]: the gate's answer (as [`prepare_submission`]) with the
/// identifiers found as findings, and the diagnostics that come from neither validating part
/// 2 nor its identifiers (the checks against part 1, the pseudonym key) under `checks`.
#[derive(Clone, Debug, Serialize)]
pub struct SubmissionCheck {
    /// True when the package is sealed and may be sent.
    pub ok: bool,
    pub sealed: Option<gate::Sealed>,
    /// Everything, as [`prepare_submission`] gives it.
    pub diagnostics: Vec<Rendered>,
    pub costs: Option<CostSummary>,
    /// The identifiers found in part 2 (their diagnostics are in `diagnostics` too).
    pub findings: Vec<FindingOut>,
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
    let ctx = opts.context();
    let p1 = match part1 {
        Value::Null => None,
        Value::Object(_) => Some(Part1::from_json(part1, &ctx)),
        _ => {
            pre.push(type_error(
                crate::Pointer::root().key("part1"),
                "form document (object)",
            ));
            None
        }
    };
    let r = gate::prepare_submission(part2, p1.as_ref(), opts.key.as_deref(), &ctx);
    let blocked_by_input = crate::diagnostic::has_errors(&pre);
    // Which of the gate's diagnostics are its own: not a finding, and not from validating
    // part 2. The gate's list holds the validation's diagnostics in their order (both are
    // sorted by the same stable sort), so one pass over both tells them apart (validated
    // once more here, about a tenth of a millisecond, at submit only).
    let validation = forms::validate(part2, Stage::Submission, &ctx).diagnostics;
    let mut next = validation.iter().peekable();
    let is_finding = |d: &Diagnostic| {
        FindingKind::ALL
            .iter()
            .any(|&k| k.rule().code == d.rule.code)
    };
    let mut own: Vec<Diagnostic> = pre.clone();
    for d in &r.diagnostics {
        let same =
            |v: &&Diagnostic| v.rule.code == d.rule.code && v.path == d.path && v.span == d.span;
        if next.peek().is_some_and(same) {
            next.next();
        } else if !is_finding(d) {
            own.push(d.clone());
        }
    }
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
        sealed: if blocked_by_input { None } else { r.sealed },
        diagnostics: render_all(&pre, opts.lang),
        costs: r.costs,
        findings,
        checks: render_all(&own, opts.lang),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    #[test]
    fn options_are_read_and_bad_ones_reported() {
        let (o, d) = Options::from_json(
            &json!({"lang": "en", "today": "2025-01-02", "config": {"departments": ["ONK"]}}),
            today(),
        );
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.today, NaiveDate::from_ymd_opt(2025, 1, 2).unwrap());
        assert_eq!(o.registry.departments().map(<[String]>::len), Some(1));
        assert!(d.is_empty());
        let (o, d) = Options::from_json(&json!({"lang": 7, "today": "tomorrow", "x": 1}), today());
        assert_eq!((o.lang, o.today), (Lang::Nb, today()));
        let paths: Vec<_> = d.iter().map(|x| x.path.as_str().to_string()).collect();
        assert_eq!(paths, vec!["/options/lang", "/options/today", "/options/x"]);
        let (_, d) = Options::from_json(&json!("nb"), today());
        assert_eq!(d.len(), 1);
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

#[cfg(test)]
mod guard_tests {
    use super::*;
    use serde_json::json;

    fn opts(v: Value) -> Options {
        Options::from_json(&v, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).0
    }

    fn load(name: &str) -> Value {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
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
        assert!(!sex.scanned, "an enumeration is not scanned");
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
        let mut leaves = Vec::new();
        forms::schema::visit_fields(
            &doc,
            forms::FormKind::TilgangDel2.fields(),
            &crate::Pointer::root(),
            &mut leaves,
        );
        for (p, _, _) in &leaves {
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
