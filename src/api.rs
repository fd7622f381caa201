//! The JSON-in, JSON-out API shared by the wasm package and the CLI.
//!
//! Both shells convert their input to [`serde_json::Value`], call a function here, and
//! serialise the result. Nothing here throws: input of the wrong shape gives diagnostics
//! (codes `input.*`), so the page's validator never dies on what a user or a page sends.

use crate::diagnostic::{
    render_all, Diagnostic, Document, Lang, Pointer, Rendered, Rule, Severity, Source, Texts,
};
use crate::forms::{self, costs::CostSummary, Stage};
use crate::privacy::{self, Basis, FindingKind, Identity, Replacement};
use crate::reference::{self, Reference};
use crate::registry::{Config, Registry, Trust};
use crate::submission::{gate, Part1};
use crate::Context;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

const SRC_INPUT: Source = Source {
    document: Document::Skjemavakt,
    section: "Input",
};

/// The input is not valid JSON.
pub static INPUT_JSON: Rule = Rule {
    code: "input.json",
    severity: Severity::Error,
    source: SRC_INPUT,
    message: Texts {
        nb: "Inndata er ikke gyldig JSON (linje {line}, kolonne {column}).",
        nn: "Inndata er ikkje gyldig JSON (linje {line}, kolonne {column}).",
        en: "The input is not valid JSON (line {line}, column {column}).",
    },
    hint: Some(Texts {
        nb: "Kontroller klammer, anførselstegn og komma rundt stedet som er angitt.",
        nn: "Kontroller klammer, hermeteikn og komma kring staden som er oppgitt.",
        en: "Check brackets, quotes and commas around the position given.",
    }),
};

/// A value has the wrong JSON type.
pub static INPUT_TYPE: Rule = Rule {
    code: "input.type",
    severity: Severity::Error,
    source: SRC_INPUT,
    message: Texts {
        nb: "Feltet har feil type: forventet {expected}.",
        nn: "Feltet har feil type: venta {expected}.",
        en: "The field has the wrong type: expected {expected}.",
    },
    hint: None,
};

/// An option has a value the program does not know.
pub static INPUT_OPTION: Rule = Rule {
    code: "input.option",
    severity: Severity::Warning,
    source: SRC_INPUT,
    message: Texts {
        nb: "Innstillingen er ukjent eller ugyldig og blir ignorert.",
        nn: "Innstillinga er ukjend eller ugyldig og blir ignorert.",
        en: "The option is unknown or invalid and is ignored.",
    },
    hint: Some(Texts {
        nb: "Gyldige innstillinger: lang (nb, nn, en), today (ÅÅÅÅ-MM-DD), stage (draft, approval, submission), config, pseudonymKey (heksadesimal).",
        nn: "Gyldige innstillingar: lang (nb, nn, en), today (ÅÅÅÅ-MM-DD), stage (draft, approval, submission), config, pseudonymKey (heksadesimal).",
        en: "Valid options: lang (nb, nn, en), today (YYYY-MM-DD), stage (draft, approval, submission), config, pseudonymKey (hex).",
    }),
};

/// A text larger than [`MAX_TEXT_BYTES`].
pub static INPUT_TOO_LARGE: Rule = Rule {
    code: "input.too_large",
    severity: Severity::Error,
    source: SRC_INPUT,
    message: Texts {
        nb: "Teksten er for stor til å kontrolleres: høyst {max} byte.",
        nn: "Teksten er for stor til å kontrollerast: høgst {max} byte.",
        en: "The text is too large to check: at most {max} bytes.",
    },
    hint: Some(Texts {
        nb: "Del teksten opp og kontroller delene hver for seg.",
        nn: "Del teksten opp og kontroller delane kvar for seg.",
        en: "Split the text and check the parts one by one.",
    }),
};

/// Rules of this module.
pub static RULES: &[&Rule] = &[&INPUT_JSON, &INPUT_TYPE, &INPUT_OPTION, &INPUT_TOO_LARGE];

/// Largest plain text scanned or redacted in one call.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

fn too_large(text: &str) -> Option<Diagnostic> {
    (text.len() > MAX_TEXT_BYTES).then(|| {
        Diagnostic::new(&INPUT_TOO_LARGE, crate::Pointer::root())
            .arg("max", crate::diagnostic::Arg::Int(MAX_TEXT_BYTES as i64))
    })
}

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
                diags.push(Diagnostic::new(&INPUT_OPTION, base));
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
                    Err(_) => diags.push(Diagnostic::new(&INPUT_OPTION, base.key("config"))),
                },
                ("stage", Value::String(s)) if Stage::parse(s).is_some() => {
                    opts.stage = Stage::parse(s).unwrap_or(Stage::Submission);
                }
                ("pseudonymKey", Value::String(s)) if parse_hex(s).is_some() => {
                    opts.key = parse_hex(s);
                }
                ("lang", _) => diags.push(Diagnostic::new(&INPUT_OPTION, base.key("lang"))),
                ("today", _) => diags.push(Diagnostic::new(&INPUT_OPTION, base.key("today"))),
                ("stage", _) => diags.push(Diagnostic::new(&INPUT_OPTION, base.key("stage"))),
                ("pseudonymKey", _) => {
                    diags.push(Diagnostic::new(&INPUT_OPTION, base.key("pseudonymKey")))
                }
                (other, _) => diags.push(Diagnostic::new(&INPUT_OPTION, base.key_masked(other))),
            }
        }
        (opts, diags)
    }

    /// The check context.
    pub fn context(&self) -> Context<'_> {
        Context::new(self.today, &self.registry)
    }
}

/// Parses JSON text; a syntax error becomes an `input.json` diagnostic with line and column
/// (never the offending text).
pub fn parse_json(text: &str) -> Result<Value, Diagnostic> {
    serde_json::from_str(text).map_err(|e| {
        Diagnostic::new(&INPUT_JSON, Pointer::root())
            .arg("line", crate::diagnostic::Arg::Int(e.line() as i64))
            .arg("column", crate::diagnostic::Arg::Int(e.column() as i64))
    })
}

/// A type-error diagnostic at `path`, naming the expected type in words.
pub fn type_error(path: Pointer, expected: &'static str) -> Diagnostic {
    Diagnostic::new(&INPUT_TYPE, path).arg("expected", crate::diagnostic::Arg::Static(expected))
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

/// Every rule the library knows: the rule catalogue.
pub fn catalogue() -> Vec<&'static Rule> {
    let mut all: Vec<&'static Rule> = Vec::new();
    all.extend_from_slice(RULES);
    all.extend_from_slice(reference::RULES);
    all.extend(forms::rules());
    all.extend_from_slice(&crate::money::rules::RULES);
    all.extend_from_slice(privacy::RULES);
    all.extend_from_slice(gate::RULES);
    all
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

    #[test]
    fn json_syntax_errors_are_located_without_echo() {
        let d = parse_json("{\"a\": 26111593816x}").unwrap_err();
        let m = d.message(Lang::Nb);
        assert!(m.contains("linje 1"), "{m}");
        assert!(!m.contains("26111593816"));
    }

    #[test]
    fn catalogue_codes_are_unique_and_fully_translated() {
        let mut seen = std::collections::HashSet::new();
        for r in catalogue() {
            assert!(seen.insert(r.code), "duplicate {}", r.code);
            for t in std::iter::once(r.message).chain(r.hint) {
                assert!(
                    !t.nb.is_empty() && !t.nn.is_empty() && !t.en.is_empty(),
                    "{}",
                    r.code
                );
            }
            assert!(!r.source.section.is_empty());
        }
    }
}
