//! `skjemavakt scan` and `skjemavakt redact`: identifiers in a form document or a plain text.
//!
//! The input is a form document when it parses as a JSON object (or with `--json`), plain
//! text otherwise (or with `--text`). The patient's identity for the cross-check comes from
//! `--part1 FILE` and/or `--patient-name` / `--patient-id`; it is used to find the patient's
//! own name and birth date and is never printed.
//!
//! ```
//! use skjemavakt::cli::{run_args, Streams};
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let mut stdin: &[u8] = b"Pasienten (fnr 26111593816) har ROS1-fusjon.";
//! let code = run_args(
//!     ["skjemavakt", "redact", "-"],
//!     &mut Streams { out: &mut out, err: &mut err, stdin: &mut stdin, progress: false },
//! );
//! assert_eq!(code, 0);
//! assert_eq!(String::from_utf8(out).unwrap(), "Pasienten (fnr [FØDSELSNUMMER]) har ROS1-fusjon.");
//! ```

use super::input::{self, line_column};
use super::text::{self, tr};
use super::{read_json_file, Ctx, Streams, EXIT_ERROR, EXIT_FOUND, EXIT_OK};
use crate::api::{self, FindingOut};
use crate::diagnostic::{Lang, Severity};
use clap::Args;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io;
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
}

/// Arguments of `scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

/// Arguments of `redact`.
#[derive(Debug, Args)]
pub struct RedactArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the redacted document or text to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The input as the library takes it, and what it was read as.
struct Loaded {
    value: Value,
    /// The original text (for line/column of plain-text findings).
    text: String,
    mode: &'static str,
    part1: Value,
}

/// Reads the input and the identity. Problems are printed and give `Err(EXIT_ERROR)`.
fn load(a: &InputArgs, lang: Lang, io: &mut Streams<'_>) -> Result<Loaded, i32> {
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
                let d = api::type_error(crate::Pointer::root(), "form document (object)");
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
        if !part1.is_object() {
            part1 = json!({});
        }
        if !part1.get("patient").is_some_and(Value::is_object) {
            part1["patient"] = json!({});
        }
        if let Some(n) = &a.patient_name {
            part1["patient"]["name"] = Value::String(n.clone());
        }
        if let Some(id) = &a.patient_id {
            part1["patient"]["national_id"] = Value::String(id.clone());
        }
    }
    Ok(Loaded {
        value,
        text,
        mode,
        part1,
    })
}

#[derive(Serialize)]
struct ScanOut<'a> {
    file: &'a str,
    mode: &'static str,
    findings: &'a [FindingOut],
    diagnostics: &'a [crate::Rendered],
}

/// Where a finding is, for people: `linje 3, kolonne 7` in a text, or the field path and the
/// character position in the field for a document.
fn place(lang: Lang, l: &Loaded, f: &FindingOut) -> String {
    let field_text = if l.mode == "text" {
        Some(l.text.as_str())
    } else {
        l.value.pointer(f.path.as_str()).and_then(Value::as_str)
    };
    let (line, col) = field_text
        .map(|t| line_column(t, f.span.start))
        .unwrap_or((1, f.span.start + 1));
    let lc = format!(
        "{} {line}, {} {col}",
        tr(lang, "linje", "linje", "line"),
        tr(lang, "kolonne", "kolonne", "column")
    );
    if l.mode == "text" {
        lc
    } else {
        format!("{} ({lc})", f.path.as_str())
    }
}

/// Runs `scan`.
pub fn scan(a: &ScanArgs, ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = ctx.lang;
    let l = match load(&a.input, lang, io) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let r = api::scan(&l.value, &l.part1, &ctx.opts, Vec::new());
    let input_broken = r.diagnostics.iter().any(|d| d.severity == Severity::Error);
    if ctx.json {
        serde_json::to_writer(
            &mut *io.out,
            &ScanOut {
                file: &a.input.input,
                mode: l.mode,
                findings: &r.findings,
                diagnostics: &r.diagnostics,
            },
        )?;
        writeln!(io.out)?;
    } else {
        for d in &r.diagnostics {
            writeln!(io.err, "{}:", a.input.input)?;
            text::write_diagnostic(io.err, lang, d)?;
        }
        let what = if l.mode == "text" {
            tr(lang, "tekst", "tekst", "text")
        } else {
            tr(lang, "skjema", "skjema", "form")
        };
        writeln!(
            io.out,
            "{} ({what}): {} {}",
            a.input.input,
            r.findings.len(),
            tr(lang, "funn", "funn", "findings")
        )?;
        for f in &r.findings {
            writeln!(
                io.out,
                "  {:<28} {:<26} {:>3} %  {}  → {}",
                place(lang, &l, f),
                f.code,
                (f.confidence * 100.0).round() as i64,
                f.message,
                f.placeholder
            )?;
        }
    }
    Ok(if input_broken {
        EXIT_ERROR
    } else if r.findings.is_empty() {
        EXIT_OK
    } else {
        EXIT_FOUND
    })
}

#[derive(Serialize)]
struct RedactOut<'a> {
    file: &'a str,
    mode: &'static str,
    #[serde(flatten)]
    result: &'a api::RedactResult,
}

/// Runs `redact`.
pub fn redact(a: &RedactArgs, ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = ctx.lang;
    let l = match load(&a.input, lang, io) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let r = api::redact(&l.value, &l.part1, &ctx.opts, Vec::new());
    if r.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        for d in &r.diagnostics {
            writeln!(io.err, "{}:", a.input.input)?;
            text::write_diagnostic(io.err, lang, d)?;
        }
        return Ok(EXIT_ERROR);
    }
    let body = if ctx.json {
        let mut s = serde_json::to_string(&RedactOut {
            file: &a.input.input,
            mode: l.mode,
            result: &r,
        })?;
        s.push('\n');
        s
    } else {
        match &r.redacted {
            Value::String(s) => s.clone(),
            v => {
                let mut s = serde_json::to_string_pretty(v)?;
                s.push('\n');
                s
            }
        }
    };
    match &a.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, body.as_bytes()) {
                writeln!(io.err, "{}: {e}", path.display())?;
                return Ok(EXIT_ERROR);
            }
        }
        None => io.out.write_all(body.as_bytes())?,
    }
    if !ctx.json {
        // What was replaced, by placeholder, on standard error (never the text).
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for rep in &r.replacements {
            *by.entry(rep.placeholder).or_default() += 1;
        }
        let list: Vec<String> = by.iter().map(|(p, n)| format!("{n} × {p}")).collect();
        writeln!(
            io.err,
            "{}: {} {}{}{}",
            a.input.input,
            r.replacements.len(),
            tr(lang, "erstatninger", "erstatningar", "replacements"),
            if list.is_empty() { "" } else { ": " },
            list.join(", ")
        )?;
    }
    Ok(EXIT_OK)
}
