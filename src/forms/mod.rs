//! The form kinds, the stages, and `validate`.
//!
//! | kind | what | defined by |
//! |---|---|---|
//! | `tilgang-del1` | Tilgangsordningen part 1: patient and consent; stays in the record | nye-metoder-tilgangsordningen.txt, "Fyll ut søknad" (del 1) |
//! | `tilgang-del2` | Tilgangsordningen part 2: the application; sent out | same, (del 2) |
//! | `hb-exception-single` / `hb-exception-group` | Helse Bergen, exception scheme (1.2.2.5-19 / -20) | helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3–3.4 |
//! | `hb-offlabel-single` / `hb-offlabel-group` | Helse Bergen, off-label / off-licence (1.2.2.5-21 / -22) | same |
//!
//! Stages: `draft` checks formats only; `approval` also requires everything the physician
//! fills in; `submission` also requires both approvals and the medical director's
//! confirmation that the form is complete.
//!
//! ```
//! use chrono::NaiveDate;
//! use skjemavakt::{forms::{self, Stage}, registry::Registry, Context};
//! let reg = Registry::builtin();
//! let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
//! let doc = serde_json::json!({ "form": "tilgang-del2", "patient_name": "x" });
//! let v = forms::validate(&doc, Stage::Draft, &ctx);
//! assert!(!v.valid);
//! assert!(v.diagnostics.iter().any(|d| d.code() == "form.unknown_field"));
//! ```

pub mod costs;
pub mod fields;
pub mod hb;
pub mod schema;
pub mod tilgang;

use crate::diagnostic::{has_errors, Diagnostic, Document, Pointer, Rule, Severity, Source, Texts};
use crate::Context;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// How far the form has come; each stage requires more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Formats only: what is filled in must be well-formed.
    Draft,
    /// Ready for the line manager and medical director: everything the physician fills in.
    Approval,
    /// Ready to send: also both approvals and "form complete".
    Submission,
}

impl Stage {
    /// Parses `draft`, `approval`, `submission` (also `utkast`, `godkjenning`, `innsending`).
    pub fn parse(s: &str) -> Option<Stage> {
        match s.trim().to_ascii_lowercase().as_str() {
            "draft" | "utkast" => Some(Stage::Draft),
            "approval" | "godkjenning" => Some(Stage::Approval),
            "submission" | "innsending" | "send" => Some(Stage::Submission),
            _ => None,
        }
    }
    /// The stage's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::Approval => "approval",
            Stage::Submission => "submission",
        }
    }
}

/// The form kinds skjemavakt knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum FormKind {
    #[serde(rename = "tilgang-del1")]
    TilgangDel1,
    #[serde(rename = "tilgang-del2")]
    TilgangDel2,
    #[serde(rename = "hb-exception-single")]
    HbExceptionSingle,
    #[serde(rename = "hb-exception-group")]
    HbExceptionGroup,
    #[serde(rename = "hb-offlabel-single")]
    HbOfflabelSingle,
    #[serde(rename = "hb-offlabel-group")]
    HbOfflabelGroup,
}

impl FormKind {
    /// Every kind.
    pub const ALL: [FormKind; 6] = [
        FormKind::TilgangDel1,
        FormKind::TilgangDel2,
        FormKind::HbExceptionSingle,
        FormKind::HbExceptionGroup,
        FormKind::HbOfflabelSingle,
        FormKind::HbOfflabelGroup,
    ];

    /// The `"form"` value.
    pub fn as_str(self) -> &'static str {
        match self {
            FormKind::TilgangDel1 => "tilgang-del1",
            FormKind::TilgangDel2 => "tilgang-del2",
            FormKind::HbExceptionSingle => "hb-exception-single",
            FormKind::HbExceptionGroup => "hb-exception-group",
            FormKind::HbOfflabelSingle => "hb-offlabel-single",
            FormKind::HbOfflabelGroup => "hb-offlabel-group",
        }
    }

    /// Parses the `"form"` value.
    pub fn parse(s: &str) -> Option<FormKind> {
        FormKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// True for the forms that leave the hospital (everything but part 1).
    pub fn leaves_hospital(self) -> bool {
        self != FormKind::TilgangDel1
    }

    /// True for the forms about one patient.
    pub fn single_patient(self) -> bool {
        !matches!(self, FormKind::HbExceptionGroup | FormKind::HbOfflabelGroup)
    }

    /// The form's top-level fields.
    pub fn fields(self) -> &'static [schema::Field] {
        match self {
            FormKind::TilgangDel1 => tilgang::DEL1,
            FormKind::TilgangDel2 => tilgang::DEL2,
            FormKind::HbExceptionSingle => hb::EXCEPTION_SINGLE,
            FormKind::HbExceptionGroup => hb::EXCEPTION_GROUP,
            FormKind::HbOfflabelSingle => hb::OFFLABEL_SINGLE,
            FormKind::HbOfflabelGroup => hb::OFFLABEL_GROUP,
        }
    }

    /// The form's name in Norwegian.
    pub fn title(self) -> &'static Texts {
        match self {
            FormKind::TilgangDel1 => &tilgang::TITLE_DEL1,
            FormKind::TilgangDel2 => &tilgang::TITLE_DEL2,
            FormKind::HbExceptionSingle => &hb::TITLE_EXCEPTION_SINGLE,
            FormKind::HbExceptionGroup => &hb::TITLE_EXCEPTION_GROUP,
            FormKind::HbOfflabelSingle => &hb::TITLE_OFFLABEL_SINGLE,
            FormKind::HbOfflabelGroup => &hb::TITLE_OFFLABEL_GROUP,
        }
    }
}

impl fmt::Display for FormKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const SRC_KIND: Source = Source {
    document: Document::Skjemavakt,
    section: "Forms: the \"form\" member",
};

/// The document does not say which form it is.
pub static KIND_MISSING: Rule = Rule {
    code: "form.kind",
    severity: Severity::Error,
    source: SRC_KIND,
    message: Texts {
        nb: "Dokumentet sier ikke hvilket skjema det er (feltet «form» mangler eller er ukjent).",
        nn: "Dokumentet seier ikkje kva skjema det er (feltet «form» manglar eller er ukjent).",
        en: "The document does not say which form it is (the “form” member is missing or unknown).",
    },
    hint: Some(Texts {
        nb: "Sett «form» til tilgang-del1, tilgang-del2, hb-exception-single, hb-exception-group, hb-offlabel-single eller hb-offlabel-group.",
        nn: "Set «form» til tilgang-del1, tilgang-del2, hb-exception-single, hb-exception-group, hb-offlabel-single eller hb-offlabel-group.",
        en: "Set “form” to tilgang-del1, tilgang-del2, hb-exception-single, hb-exception-group, hb-offlabel-single or hb-offlabel-group.",
    }),
};

/// The result of validating one document.
#[derive(Clone, Debug)]
pub struct Validation {
    /// The form kind, when known.
    pub form: Option<FormKind>,
    /// The stage checked.
    pub stage: Stage,
    /// True when there is no error.
    pub valid: bool,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The cost summary, when the costs could be read.
    pub costs: Option<costs::CostSummary>,
}

/// Reads the form kind from the document's `"form"` member.
pub fn kind_of(doc: &Value) -> Option<FormKind> {
    doc.get("form")
        .and_then(Value::as_str)
        .and_then(FormKind::parse)
}

/// Validates a document whose kind is given by its `"form"` member.
pub fn validate(doc: &Value, stage: Stage, ctx: &Context) -> Validation {
    match kind_of(doc) {
        Some(kind) => validate_as(doc, kind, stage, ctx),
        None => {
            let diagnostics = vec![Diagnostic::new(&KIND_MISSING, Pointer::root().key("form"))];
            Validation {
                form: None,
                stage,
                valid: false,
                diagnostics,
                costs: None,
            }
        }
    }
}

/// Validates a document as `kind` (its `"form"` member, if any, must agree).
pub fn validate_as(doc: &Value, kind: FormKind, stage: Stage, ctx: &Context) -> Validation {
    let mut diagnostics = Vec::new();
    // Limits first: a document far beyond any real form gets one clear diagnostic, not a hang.
    if schema::approx_size(doc, schema::MAX_DOCUMENT_BYTES) > schema::MAX_DOCUMENT_BYTES {
        diagnostics.push(Diagnostic::new(&schema::TOO_LARGE, Pointer::root()).arg(
            "max",
            crate::diagnostic::Arg::Int(schema::MAX_DOCUMENT_BYTES as i64),
        ));
        return Validation {
            form: Some(kind),
            stage,
            valid: false,
            diagnostics,
            costs: None,
        };
    }
    if let Some(f) = doc.get("form") {
        if f.as_str().map(str::trim) != Some(kind.as_str()) {
            diagnostics.push(Diagnostic::new(&KIND_MISSING, Pointer::root().key("form")));
        }
    }
    let w = schema::Walk { stage, ctx };
    schema::walk_object(
        doc,
        kind.fields(),
        &Pointer::root(),
        kind.title(),
        &w,
        &mut diagnostics,
    );
    let mut costs = None;
    if doc.is_object() {
        match kind {
            FormKind::TilgangDel1 => tilgang::del1_rules(doc, &w, &mut diagnostics),
            FormKind::TilgangDel2 => tilgang::del2_rules(doc, &w, &mut diagnostics),
            _ => hb::rules(doc, kind, &w, &mut diagnostics),
        }
        if kind != FormKind::TilgangDel1 {
            costs = costs::summarise(doc, &mut diagnostics);
        }
    }
    sort(&mut diagnostics);
    Validation {
        form: Some(kind),
        stage,
        valid: !has_errors(&diagnostics),
        diagnostics,
        costs,
    }
}

/// Orders diagnostics by severity, keeping document order within a severity (the walker
/// reports in the form's field order), and removes exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    crate::sort::sort_by_key(diags, |d| d.severity);
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert((d.rule.code, d.path.clone(), d.span)));
}

/// Every rule of the forms (for the catalogue).
pub fn rules() -> Vec<&'static Rule> {
    let mut v: Vec<&'static Rule> = vec![&KIND_MISSING];
    v.extend_from_slice(schema::RULES);
    v.extend_from_slice(fields::RULES);
    v.extend_from_slice(tilgang::RULES);
    v.extend_from_slice(hb::RULES);
    v.extend_from_slice(costs::RULES);
    v
}
