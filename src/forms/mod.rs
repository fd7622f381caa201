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
//! Where things are: [`schema`] is the walker (types, required fields per stage, lengths,
//! unknown members), reporting with the `form.*` rules of this file; [`sections`] hold each
//! part of the form with its fields, labels, checks and rules across fields; [`kinds`] say
//! which sections each form kind has and which rules across fields run from which stage.
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

pub mod kinds;
pub mod schema;
pub mod sections;

use crate::diagnostic::{
    has_errors, rule, texts, Diagnostic, Document, Pointer, Rule, Source, Texts,
};
use crate::Context;
use sections::costs;
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

    /// The form's sections and rules.
    pub fn form(self) -> &'static kinds::Form {
        match self {
            FormKind::TilgangDel1 => &kinds::tilgang::DEL1,
            FormKind::TilgangDel2 => &kinds::tilgang::DEL2,
            FormKind::HbExceptionSingle => &kinds::hb::EXCEPTION_SINGLE,
            FormKind::HbExceptionGroup => &kinds::hb::EXCEPTION_GROUP,
            FormKind::HbOfflabelSingle => &kinds::hb::OFFLABEL_SINGLE,
            FormKind::HbOfflabelGroup => &kinds::hb::OFFLABEL_GROUP,
        }
    }

    /// The form's top-level fields.
    pub fn fields(self) -> &'static [schema::Field] {
        self.form().fields
    }

    /// The form's name in Norwegian.
    pub fn title(self) -> &'static Texts {
        self.form().title
    }
}

impl fmt::Display for FormKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const SRC_KIND: Source = Document::Skjemavakt.at("Forms: the \"form\" member");

texts!(pub L_FORM, "Skjematype", "Skjematype", "Form kind");
const SRC: Source =
    Document::Tilgangsordningen.at("Utfylling og godkjenning av søknadsskjema i helseforetaket");
const SRC_LIMITS: Source = Document::Skjemavakt.at("Limits");
const SRC_FIELDS: Source =
    Document::Tilgangsordningen.at("Utfylling av søknadsskjema (del 1 og del 2)");

rule! {
    /// A required field is missing or empty.
    pub static REQUIRED: "form.required", Error, SRC;
    nb: "«{field}» må fylles ut før {stage}.",
    nn: "«{field}» må fyllast ut før {stage}.",
    en: "“{field}” must be filled in before {stage}.",
    hint_nb: "Mangelfulle søknader returneres til helseforetaket. Fyll ut feltet.",
    hint_nn: "Mangelfulle søknader blir returnerte til helseføretaket. Fyll ut feltet.",
    hint_en: "Incomplete applications are returned to the health trust. Fill in the field.",
}

rule! {
    /// A member that is not part of the form.
    pub static UNKNOWN_FIELD: "form.unknown_field", Error, SRC_FIELDS;
    nb: "Feltet hører ikke til dette skjemaet.",
    nn: "Feltet høyrer ikkje til dette skjemaet.",
    en: "The field is not part of this form.",
    hint_nb: "Fjern feltet eller rett navnet. Pasientens navn og fødselsnummer hører hjemme i del 1, som blir i journalen.",
    hint_nn: "Fjern feltet eller rett namnet. Namnet og fødselsnummeret til pasienten høyrer heime i del 1, som blir i journalen.",
    hint_en: "Remove the field or correct its name. The patient's name and national identity number belong in part 1, which stays in the record.",
}

rule! {
    /// A value has the wrong type.
    pub static WRONG_TYPE: "form.type", Error, SRC;
    nb: "«{field}» har feil type: forventet {expected}.",
    nn: "«{field}» har feil type: venta {expected}.",
    en: "“{field}” has the wrong type: expected {expected}.",
}

rule! {
    /// A value outside the allowed set.
    pub static NOT_ALLOWED: "form.value", Error, SRC;
    nb: "«{field}» har en verdi som ikke er tillatt.",
    nn: "«{field}» har ein verdi som ikkje er tillaten.",
    en: "“{field}” has a value that is not allowed.",
    hint_nb: "Gyldige verdier: {allowed}.",
    hint_nn: "Gyldige verdiar: {allowed}.",
    hint_en: "Valid values: {allowed}.",
}

rule! {
    /// A text or list longer than the limit.
    pub static TOO_LONG: "form.too_long", Error, SRC_LIMITS;
    nb: "«{field}» er for langt: høyst {max} tegn eller elementer.",
    nn: "«{field}» er for langt: høgst {max} teikn eller element.",
    en: "“{field}” is too long: at most {max} characters or entries.",
    hint_nb: "Kort ned teksten; legg lange utredninger ved som vedlegg.",
    hint_nn: "Kort ned teksten; legg lange utgreiingar ved som vedlegg.",
    hint_en: "Shorten the text; attach long reports separately.",
}

rule! {
    /// A document larger than [`schema::MAX_DOCUMENT_BYTES`].
    pub static TOO_LARGE: "form.too_large", Error, SRC_LIMITS;
    nb: "Dokumentet er for stort: høyst {max} byte.",
    nn: "Dokumentet er for stort: høgst {max} byte.",
    en: "The document is too large: at most {max} bytes.",
    hint_nb: "Et søknadsskjema er noen få kilobyte. Kontroller at riktig fil er valgt, og legg vedlegg ved separat.",
    hint_nn: "Eit søknadsskjema er nokre få kilobyte. Kontroller at rett fil er vald, og legg vedlegg ved separat.",
    hint_en: "An application form is a few kilobytes. Check that the right file was chosen, and attach documents separately.",
}

rule! {
    /// The document does not say which form it is.
    pub static KIND_MISSING: "form.kind", Error, SRC_KIND;
    nb: "Dokumentet sier ikke hvilket skjema det er (feltet «form» mangler eller er ukjent).",
    nn: "Dokumentet seier ikkje kva skjema det er (feltet «form» manglar eller er ukjent).",
    en: "The document does not say which form it is (the “form” member is missing or unknown).",
    hint_nb: "Sett «form» til tilgang-del1, tilgang-del2, hb-exception-single, hb-exception-group, hb-offlabel-single eller hb-offlabel-group.",
    hint_nn: "Set «form» til tilgang-del1, tilgang-del2, hb-exception-single, hb-exception-group, hb-offlabel-single eller hb-offlabel-group.",
    hint_en: "Set “form” to tilgang-del1, tilgang-del2, hb-exception-single, hb-exception-group, hb-offlabel-single or hb-offlabel-group.",
}

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
        diagnostics.push(Diagnostic::new(&TOO_LARGE, Pointer::root()).arg(
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
    let w = schema::Walk::new(stage, ctx);
    let form = kind.form();
    schema::walk_object(
        doc,
        form.fields,
        &Pointer::root(),
        form.title,
        &w,
        &mut diagnostics,
    );
    let mut costs = None;
    if doc.is_object() {
        for cross in form.rules {
            if stage >= cross.from {
                (cross.run)(doc, &w, &mut diagnostics);
            }
        }
        if form.costs {
            costs = costs::summarise(doc, w.amounts.get(), &mut diagnostics);
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

/// Every rule a form kind's field checks and rules across fields may report, each with the
/// path it reports at (`{i}` stands for a list index), in the form's order — for the rule
/// catalogue. The walker's own rules (`form.*`) apply to any field and are not listed. Empty
/// in the wasm package, which leaves these declarations out ([`crate::diagnostic::DocData`]).
pub fn reports(kind: FormKind) -> Vec<(&'static Rule, String)> {
    fn fields(list: &'static [schema::Field], path: &str, out: &mut Vec<(&'static Rule, String)>) {
        for f in list {
            let p = format!("{path}/{}", f.key);
            if let Some(check) = f.check {
                out.extend(check.rules.get().iter().map(|r| (*r, p.clone())));
            }
            match f.ty {
                schema::Ty::Object(sub) => fields(sub, &p, out),
                schema::Ty::List { item, .. } => fields(item, &format!("{p}/{{i}}"), out),
                _ => {}
            }
        }
    }
    let form = kind.form();
    let mut out = Vec::new();
    fields(form.fields, "", &mut out);
    for cross in form.rules {
        out.extend(
            cross
                .reports
                .get()
                .iter()
                .map(|(r, p)| (*r, (*p).to_string())),
        );
    }
    if form.costs {
        out.extend(
            costs::SUMMARY_REPORTS
                .iter()
                .map(|(r, p)| (*r, (*p).to_string())),
        );
    }
    out
}

/// True when `path` is an instance of `pattern` from [`reports`] (`{i}` matches a list index).
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let mut a = pattern.split('/');
    let mut b = path.split('/');
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some("{i}"), Some(x)) if !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit()) => {}
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}
