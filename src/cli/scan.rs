//! `skjemavakt scan`: the direct identifiers in a form document or a plain text (FILE or
//! `-`), each with its place, code, confidence and placeholder — never the text.
//!
//! ```
//! use skjemavakt::cli::{run_args, Streams};
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let mut stdin: &[u8] = b"Ring henne p\xC3\xA5 912 34 567.";
//! let code = run_args(
//!     ["skjemavakt", "scan", "-"],
//!     &mut Streams { out: &mut out, err: &mut err, stdin: &mut stdin, progress: false },
//! );
//! assert_eq!(code, 1); // something found
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.contains("privacy.phone") && !text.contains("912 34 567"));
//! ```

use super::document_or_text::{load, InputArgs, Loaded};
use super::input::line_column;
use super::text::{self, tr};
use super::{Settings, Streams, EXIT_ERROR, EXIT_FOUND, EXIT_OK};
use crate::api::{self, FindingOut, Kept};
use crate::diagnostic::{Lang, Rendered};
use clap::Args;
use serde::Serialize;
use serde_json::Value;
use std::io;

/// Arguments of `scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Serialize)]
struct ScanOut<'a> {
    file: &'a str,
    mode: &'static str,
    findings: &'a [FindingOut],
    kept: &'a [Kept],
    diagnostics: &'a [Rendered],
}

/// Where a finding is, for people: `linje 3, kolonne 7` in a text, or the field path and the
/// character position in the field for a document; with its span in bytes (`[10–22]`, as a
/// keep names it, `--keep`).
fn place(
    lang: Lang,
    l: &Loaded,
    path: &crate::diagnostic::Pointer,
    span: &crate::diagnostic::Span,
) -> String {
    let field_text = if l.mode == "text" {
        Some(l.text.as_str())
    } else {
        l.value.pointer(path.as_str()).and_then(Value::as_str)
    };
    let (line, col) = field_text
        .map(|t| line_column(t, span.start))
        .unwrap_or((1, span.start + 1));
    let lc = format!(
        "{} {line}, {} {col}",
        tr(lang, "linje", "linje", "line"),
        tr(lang, "kolonne", "kolonne", "column")
    );
    let bytes = format!("[{}–{}]", span.start, span.end);
    if l.mode == "text" {
        format!("{lc} {bytes}")
    } else {
        format!("{} ({lc}) {bytes}", path.as_str())
    }
}

/// Runs `scan`.
pub fn run(a: &ScanArgs, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = settings.lang;
    let l = match load(&a.input, lang, io) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let mut opts = settings.opts.clone();
    if let Err(code) = super::read_keep(a.input.keep.as_ref(), &mut opts, lang, io) {
        return Ok(code);
    }
    let r = api::scan(&l.value, &l.part1, &opts, Vec::new());
    let input_broken = r.diagnostics.iter().any(super::input_broken);
    if settings.json {
        serde_json::to_writer(
            &mut *io.out,
            &ScanOut {
                file: &a.input.input,
                mode: l.mode,
                findings: &r.findings,
                kept: &r.kept,
                diagnostics: &r.diagnostics,
            },
        )?;
        writeln!(io.out)?;
    } else {
        for d in &r.diagnostics {
            writeln!(io.err, "{}:", a.input.input)?;
            text::write_diagnostic(io.err, lang, d)?;
        }
        if input_broken {
            // Not scanned (part 1, too large, an invalid --patient-id): no count of findings.
            return Ok(EXIT_ERROR);
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
                place(lang, &l, &f.path, &f.span),
                f.code,
                (f.confidence * 100.0).round() as i64,
                f.message,
                f.placeholder
            )?;
        }
        if !r.kept.is_empty() {
            writeln!(
                io.out,
                "{} {}",
                tr(
                    lang,
                    "Beholdt (ikke personopplysninger):",
                    "Halde på (ikkje personopplysningar):",
                    "Kept (no personal data):"
                ),
                r.kept.len()
            )?;
            for k in &r.kept {
                writeln!(
                    io.out,
                    "  {:<28} {:<26} {}",
                    place(lang, &l, &k.path, &k.span),
                    k.kind.rule().code,
                    k.reason.as_str()
                )?;
            }
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
