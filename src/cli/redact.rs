//! `skjemavakt redact`: replaces the direct identifiers with placeholders (`[NAVN]`,
//! `[FØDSELSNUMMER]`, …); the redacted document or text goes to standard output (or
//! `--output`), and what was replaced, by placeholder, to standard error.
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

use super::document_or_text::{load, InputArgs};
use super::text::{self, tr};
use super::{Settings, Streams, EXIT_ERROR, EXIT_OK};
use crate::api;
use clap::Args;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;

/// Arguments of `redact`.
#[derive(Debug, Args)]
pub struct RedactArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the redacted document or text to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Serialize)]
struct RedactOut<'a> {
    file: &'a str,
    mode: &'static str,
    #[serde(flatten)]
    result: &'a api::RedactResult,
}

/// Runs `redact`.
pub fn run(a: &RedactArgs, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = settings.lang;
    let l = match load(&a.input, lang, io) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let mut opts = settings.opts.clone();
    if let Err(code) = super::read_keep(a.input.keep.as_ref(), &mut opts, lang, io) {
        return Ok(code);
    }
    let r = api::redact(&l.value, &l.part1, &opts, Vec::new());
    if r.diagnostics.iter().any(super::input_broken) {
        for d in &r.diagnostics {
            writeln!(io.err, "{}:", a.input.input)?;
            text::write_diagnostic(io.err, lang, d)?;
        }
        return Ok(EXIT_ERROR);
    }
    let body = if settings.json {
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
    if !settings.json {
        // The keeps' warnings and refusals (the refused findings were redacted).
        for d in &r.diagnostics {
            writeln!(io.err, "{}:", a.input.input)?;
            text::write_diagnostic(io.err, lang, d)?;
        }
        if !r.kept.is_empty() {
            writeln!(
                io.err,
                "{}: {} {}",
                a.input.input,
                r.kept.len(),
                tr(lang, "beholdt", "halde på", "kept")
            )?;
        }
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
