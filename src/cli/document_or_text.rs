//! What `scan` and `redact` read: a form document or a plain text, and the patient's
//! identity to look for.
//!
//! The input is a form document when it parses as a JSON object (or with `--json`), plain
//! text otherwise (or with `--text`). The patient's identity comes from `--part1 FILE` and/or
//! `--patient-name` / `--patient-id`; it is used to find the patient's own name and birth
//! date and is never printed.

use super::input;
use super::text;
use super::{read_json_file, Streams, EXIT_ERROR};
use crate::api;
use crate::diagnostic::{Lang, Pointer};
use clap::Args;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// What `scan` and `redact` share.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// A form document (JSON) or a plain text file, or - for standard input.
    #[arg(value_name = "FILE|-")]
    pub input: String,
    /// Treat the input as plain text even if it is JSON.
    #[arg(long, conflicts_with = "json")]
    pub text: bool,
    /// Treat the input as a form document; malformed JSON is an error.
    #[arg(long)]
    pub json: bool,
    /// Part 1 (JSON) of the same application: the patient's name and national identity
    /// number are looked for.
    #[arg(long, value_name = "FILE")]
    pub part1: Option<PathBuf>,
    /// The patient's full name, as in part 1 (prefer --part1: command lines can be seen by
    /// other users of the machine).
    #[arg(long, value_name = "NAME")]
    pub patient_name: Option<String>,
    /// The patient's national identity number, as in part 1 (prefer --part1).
    #[arg(long, value_name = "FNR")]
    pub patient_id: Option<String>,
    /// Findings kept as false alarms (JSON: [{"path", "kind", "span": {"start", "end"},
    /// "reason", "text"?}], the places as `scan` prints them); never a valid national
    /// identity number, the patient's own, an e-mail address or a valid account number.
    #[arg(long, value_name = "FILE")]
    pub keep: Option<PathBuf>,
}

/// The input as the library takes it, and what it was read as.
pub(super) struct Loaded {
    pub(super) value: Value,
    /// The original text (for line/column of plain-text findings).
    pub(super) text: String,
    pub(super) mode: &'static str,
    pub(super) part1: Value,
}

/// Reads the input and the identity. Problems are printed and give `Err(EXIT_ERROR)`.
pub(super) fn load(a: &InputArgs, lang: Lang, io: &mut Streams<'_>) -> Result<Loaded, i32> {
    let text = input::read_path_or_stdin(&a.input, io.stdin, input::MAX_DOCUMENT_BYTES)
        .and_then(input::decode);
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(io.err, "{}: {}", a.input, text::input_error(lang, &e));
            return Err(EXIT_ERROR);
        }
    };
    let (value, mode) = if a.text {
        (Value::String(text.clone()), "text")
    } else {
        match api::parse_json(&text) {
            Ok(v @ Value::Object(_)) => (v, "document"),
            Ok(_) if a.json => {
                let d = api::type_error(Pointer::root(), "form document (object)");
                let _ = writeln!(io.err, "{}: {}", a.input, d.message(lang));
                return Err(EXIT_ERROR);
            }
            Err(d) if a.json => {
                let _ = writeln!(io.err, "{}: {}", a.input, d.message(lang));
                return Err(EXIT_ERROR);
            }
            _ => (Value::String(text.clone()), "text"),
        }
    };
    let mut part1 = match &a.part1 {
        Some(p) => read_json_file(p.to_string_lossy().as_ref(), lang, io)?,
        None => Value::Null,
    };
    if a.patient_name.is_some() || a.patient_id.is_some() {
        let mut doc = match part1 {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let patient = doc
            .entry("patient")
            .or_insert_with(|| Value::Object(Map::new()));
        if !patient.is_object() {
            *patient = Value::Object(Map::new());
        }
        if let Value::Object(patient) = patient {
            if let Some(n) = &a.patient_name {
                patient.insert("name".into(), Value::String(n.clone()));
            }
            if let Some(id) = &a.patient_id {
                patient.insert("national_id".into(), Value::String(id.clone()));
            }
        }
        part1 = Value::Object(doc);
    }
    Ok(Loaded {
        value,
        text,
        mode,
        part1,
    })
}
