//! `skjemavakt check`: validate many documents, in parallel, with a summary.
//!
//! Sources are files, folders (every `*.json` below them, or `*.ndjson`/`*.jsonl` with
//! `--ndjson`; hidden entries skipped) and `-` (standard input). Each document is read,
//! decoded and validated by [`crate::api::check_text`] on the rayon thread pool; a file that
//! cannot be read is reported with its reason and the batch goes on.
//!
//! ```
//! use skjemavakt::cli::{run_args, Streams};
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let mut stdin: &[u8] = b"{\"form\": \"tilgang-del2\"}\n{\"form\": \"nope\"\n";
//! let code = run_args(
//!     ["skjemavakt", "check", "--ndjson", "--format", "json", "-"],
//!     &mut Streams { out: &mut out, err: &mut err, stdin: &mut stdin, progress: false },
//! );
//! assert_eq!(code, 1);
//! let lines: Vec<serde_json::Value> = String::from_utf8(out).unwrap()
//!     .lines().map(|l| serde_json::from_str(l).unwrap()).collect();
//! assert_eq!(lines.len(), 2);
//! assert_eq!(lines[0]["form"], "tilgang-del2");
//! assert_eq!(lines[1]["diagnostics"][0]["code"], "input.json");
//! ```

use super::input::{self, InputError};
use super::text::{self, tr};
use super::{Settings, StageArg, Streams, EXIT_ERROR, EXIT_FOUND, EXIT_OK};
use crate::api;
use crate::diagnostic::{Lang, Rendered, Severity};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, folders (searched recursively for *.json) or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub paths: Vec<String>,
    /// The stage to check at.
    #[arg(long, value_enum, default_value_t = StageArg::Submission)]
    pub stage: StageArg,
    /// Inputs are NDJSON: one document per line (folders: *.ndjson and *.jsonl).
    #[arg(long)]
    pub ndjson: bool,
    /// Print only documents with errors or that could not be read, and the summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Also look for direct patient identifiers (as `scan` does) in every document; a
    /// finding makes the document invalid.
    #[arg(long)]
    pub scan: bool,
    /// With --scan: findings kept as false alarms (JSON, as `scan --keep`), applied to each
    /// document (meant for one application: a keep that names nothing is reported stale).
    #[arg(long, value_name = "FILE", requires = "scan")]
    pub keep: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Never show the progress bar (it is shown only on a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,
    /// Write a report per application instead of the diagnostics: `return`, the coordinator's
    /// notice «retur for supplerende opplysninger» (what is missing or insufficient, in the
    /// form's words and order, with each rule's source; never a value from the application).
    /// Identifiers are looked for too. Sealed packages are checked against their seal first.
    #[arg(long, value_enum, value_name = "KIND")]
    pub report: Option<ReportKind>,
}

/// The reports `check --report` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportKind {
    /// The return notice for the coordinator («retur for supplerende opplysninger»).
    Return,
}

/// Where a document came from.
#[derive(Clone, Debug)]
enum Origin {
    Stdin,
    File(PathBuf),
}

impl Origin {
    fn name(&self) -> String {
        match self {
            Origin::Stdin => "-".to_string(),
            Origin::File(p) => p.display().to_string(),
        }
    }
}

/// The result for one document.
#[derive(Debug, Serialize)]
pub struct DocReport {
    /// The file (`-` for standard input).
    pub file: String,
    /// The line, for NDJSON input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub form: Option<&'static str>,
    pub stage: &'static str,
    pub valid: bool,
    pub diagnostics: Vec<Rendered>,
    /// Why the document could not be read, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ReadError>,
    /// The return notice (`--report return`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<api::ReturnNotice>,
}

/// An input that could not be read: code and message (never input text).
#[derive(Debug, Serialize)]
pub struct ReadError {
    pub code: &'static str,
    pub message: String,
}

impl DocReport {
    fn unreadable(&self) -> bool {
        self.error.is_some()
    }
}

fn report(
    origin: &Origin,
    line: Option<usize>,
    doc: Result<String, InputError>,
    settings: &Settings,
    scan: bool,
) -> DocReport {
    let file = origin.name();
    match doc {
        Ok(text) if settings.return_notice => {
            let n = api::return_notice_text(&text, &settings.opts);
            DocReport {
                file,
                line,
                form: n.form,
                stage: n.stage.as_str(),
                valid: !n.must_return,
                diagnostics: Vec::new(),
                error: None,
                notice: Some(n),
            }
        }
        Ok(text) => {
            let v = api::check_text(&text, &settings.opts, scan);
            DocReport {
                file,
                line,
                form: v.form,
                stage: v.stage.as_str(),
                valid: v.valid,
                diagnostics: v.diagnostics,
                error: None,
                notice: None,
            }
        }
        Err(e) => DocReport {
            file,
            line,
            form: None,
            stage: settings.opts.stage.as_str(),
            valid: false,
            diagnostics: Vec::new(),
            error: Some(ReadError {
                code: e.code(),
                message: text::input_error(settings.lang, &e),
            }),
            notice: None,
        },
    }
}

/// Reads and checks one source (a file or standard input); NDJSON gives one report per line.
fn check_source(
    origin: &Origin,
    bytes: Result<Vec<u8>, InputError>,
    ndjson: bool,
    scan: bool,
    settings: &Settings,
    pb: &ProgressBar,
) -> Vec<DocReport> {
    if !ndjson {
        let r = report(
            origin,
            None,
            bytes.and_then(input::decode_document),
            settings,
            scan,
        );
        pb.inc(1);
        return vec![r];
    }
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            pb.inc(1);
            return vec![report(origin, None, Err(e), settings, scan)];
        }
    };
    let lines = input::ndjson_lines(&bytes);
    pb.inc_length(lines.len() as u64);
    let out = lines
        .into_par_iter()
        .map(|(n, line)| {
            let r = report(
                origin,
                Some(n),
                line.and_then(input::decode),
                settings,
                scan,
            );
            pb.inc(1);
            r
        })
        .collect();
    pb.inc(1);
    out
}

/// Runs `check`.
pub fn run(args: &CheckArgs, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = settings.lang;
    let mut opts = settings.opts.clone();
    if let Err(code) = super::read_keep(args.keep.as_ref(), &mut opts, lang, io) {
        return Ok(code);
    }
    let settings = &Settings {
        opts,
        lang,
        json: settings.json,
        return_notice: settings.return_notice,
    };
    let exts: &[&str] = if args.ndjson {
        &["ndjson", "jsonl"]
    } else {
        &["json"]
    };
    // Collect the sources in the order given; folders in sorted order.
    let mut origins: Vec<Origin> = Vec::new();
    let mut skipped = 0usize;
    let mut early: Vec<DocReport> = Vec::new();
    let mut stdin_bytes = None;
    for p in &args.paths {
        if p == "-" {
            if stdin_bytes.is_none() {
                let limit = if args.ndjson {
                    input::MAX_NDJSON_BYTES
                } else {
                    input::MAX_DOCUMENT_BYTES
                };
                stdin_bytes = Some(input::read_limited(&mut *io.stdin, limit));
                origins.push(Origin::Stdin);
            }
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let listing = input::list_dir(path, exts);
            skipped += listing.skipped;
            for (dir, e) in listing.errors {
                early.push(report(&Origin::File(dir), None, Err(e), settings, false));
            }
            origins.extend(listing.files.into_iter().map(Origin::File));
        } else {
            origins.push(Origin::File(path.to_path_buf()));
        }
    }

    let pb = if io.progress && !args.no_progress && !settings.json && origins.len() > 1 {
        let pb = ProgressBar::new(origins.len() as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40.cyan/blue} {pos}/{len} {per_sec} ({eta}) {wide_msg}",
        ) {
            pb.set_style(style);
        }
        pb
    } else {
        ProgressBar::hidden()
    };

    let limit = if args.ndjson {
        input::MAX_NDJSON_BYTES
    } else {
        input::MAX_DOCUMENT_BYTES
    };
    let work = || -> Vec<DocReport> {
        origins
            .par_iter()
            .flat_map_iter(|o| {
                let bytes = match o {
                    Origin::Stdin => stdin_bytes.clone().unwrap_or(Ok(Vec::new())),
                    Origin::File(p) => input::read_file(p, limit),
                };
                check_source(o, bytes, args.ndjson, args.scan, settings, &pb)
            })
            .collect()
    };
    let pool = args
        .jobs
        .filter(|&n| n > 0)
        .and_then(|n| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok());
    let mut reports = early;
    reports.extend(match pool {
        Some(pool) => pool.install(work),
        None => work(),
    });
    pb.finish_and_clear();

    if reports.is_empty() {
        writeln!(
            io.err,
            "skjemavakt: {}",
            tr(
                lang,
                "fant ingen dokumenter å kontrollere.",
                "fann ingen dokument å kontrollere.",
                "found no documents to check."
            )
        )?;
        return Ok(EXIT_ERROR);
    }

    if settings.json {
        for r in &reports {
            serde_json::to_writer(&mut *io.out, r)?;
            writeln!(io.out)?;
        }
    } else if settings.return_notice {
        for (i, r) in reports.iter().enumerate() {
            if args.quiet && r.valid {
                continue;
            }
            if i > 0 {
                writeln!(io.out, "{}\n", "─".repeat(72))?;
            }
            let place = match r.line {
                Some(n) => format!("{}:{n}", r.file),
                None => r.file.clone(),
            };
            writeln!(io.out, "{place}\n")?;
            match (&r.notice, &r.error) {
                (Some(n), _) => io.out.write_all(n.text.as_bytes())?,
                (None, Some(e)) => writeln!(
                    io.out,
                    "{} — {}\n",
                    tr(lang, "kan ikke leses", "kan ikkje lesast", "cannot be read"),
                    e.message
                )?,
                (None, None) => {}
            }
        }
    } else {
        for r in &reports {
            write_human(io.out, lang, r, args.quiet)?;
        }
        if reports.len() > 1 || skipped > 0 {
            write_summary(io.out, lang, &reports, skipped)?;
        }
    }
    let code = if reports.iter().any(DocReport::unreadable) {
        EXIT_ERROR
    } else if reports.iter().any(|r| !r.valid) {
        EXIT_FOUND
    } else {
        EXIT_OK
    };
    Ok(code)
}

fn write_human(out: &mut dyn Write, lang: Lang, r: &DocReport, quiet: bool) -> io::Result<()> {
    let has_errors = r.diagnostics.iter().any(|d| d.severity == Severity::Error);
    if quiet && r.valid {
        return Ok(());
    }
    let place = match r.line {
        Some(n) => format!("{}:{n}", r.file),
        None => r.file.clone(),
    };
    if let Some(e) = &r.error {
        writeln!(
            out,
            "✗ {place}: {} — {}",
            tr(lang, "kan ikke leses", "kan ikkje lesast", "cannot be read"),
            e.message
        )?;
        return Ok(());
    }
    let form = r.form.unwrap_or("?");
    let verdict = if r.valid {
        tr(lang, "gyldig", "gyldig", "valid")
    } else {
        tr(lang, "ugyldig", "ugyldig", "invalid")
    };
    let mark = if has_errors { '✗' } else { '✓' };
    if r.diagnostics.is_empty() {
        writeln!(out, "{mark} {place}: {form} — {verdict}")?;
    } else {
        writeln!(
            out,
            "{mark} {place}: {form} — {verdict} ({})",
            text::counts(lang, &r.diagnostics)
        )?;
    }
    for d in &r.diagnostics {
        if quiet && d.severity != Severity::Error {
            continue;
        }
        text::write_diagnostic(out, lang, d)?;
    }
    Ok(())
}

/// The summary: documents valid / invalid / unreadable, then one row per code.
fn write_summary(
    out: &mut dyn Write,
    lang: Lang,
    reports: &[DocReport],
    skipped: usize,
) -> io::Result<()> {
    let unreadable = reports.iter().filter(|r| r.unreadable()).count();
    let valid = reports.iter().filter(|r| r.valid).count();
    let invalid = reports.len() - valid - unreadable;
    // code → (severity, diagnostics, documents)
    let mut by_code: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    for r in reports {
        if let Some(e) = &r.error {
            let row =
                by_code
                    .entry(e.code)
                    .or_insert((text::severity(lang, Severity::Error), 0, 0));
            row.1 += 1;
            row.2 += 1;
        }
        let mut seen: Vec<&str> = Vec::new();
        for d in &r.diagnostics {
            let row = by_code
                .entry(d.code)
                .or_insert((text::severity(lang, d.severity), 0, 0));
            row.1 += 1;
            if !seen.contains(&d.code) {
                seen.push(d.code);
                row.2 += 1;
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}: {} {}",
        tr(lang, "Sammendrag", "Samandrag", "Summary"),
        reports.len(),
        tr(lang, "dokumenter", "dokument", "documents")
    )?;
    let rows = [
        (tr(lang, "gyldige", "gyldige", "valid"), valid),
        (tr(lang, "ugyldige", "ugyldige", "invalid"), invalid),
        (
            tr(lang, "kunne ikke leses", "kunne ikkje lesast", "unreadable"),
            unreadable,
        ),
    ];
    for (label, n) in rows {
        writeln!(out, "  {label:<26} {n:>8}")?;
    }
    if skipped > 0 {
        writeln!(
            out,
            "  {:<26} {skipped:>8}",
            tr(
                lang,
                "andre filer, hoppet over",
                "andre filer, hoppa over",
                "other files, skipped"
            )
        )?;
    }
    if by_code.is_empty() {
        return Ok(());
    }
    let mut rows: Vec<_> = by_code.into_iter().collect();
    rows.sort_by(|a, b| b.1 .2.cmp(&a.1 .2).then(a.0.cmp(b.0)));
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(4).max(4);
    writeln!(out)?;
    writeln!(
        out,
        "  {:<width$}  {:<9} {:>8} {:>10}",
        tr(lang, "Kode", "Kode", "Code"),
        tr(lang, "Alvor", "Alvor", "Severity"),
        tr(lang, "Antall", "Tal", "Count"),
        tr(lang, "Dokumenter", "Dokument", "Documents"),
    )?;
    for (code, (sev, n, docs)) in rows {
        writeln!(out, "  {code:<width$}  {sev:<9} {n:>8} {docs:>10}")?;
    }
    Ok(())
}
