//! `skjemavakt reference`, `seal`, `registry` and `rules`.
//!
//! ```
//! use skjemavakt::cli::{run_args, Streams};
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let mut stdin: &[u8] = b"";
//! let code = run_args(
//!     ["skjemavakt", "reference", "parse", "--today", "2025-06-01", "[2025-05-12]-[Helse Bergen]-[onk]"],
//!     &mut Streams { out: &mut out, err: &mut err, stdin: &mut stdin, progress: false },
//! );
//! assert_eq!(code, 0);
//! assert!(String::from_utf8(out).unwrap().starts_with("2025-05-12-HBE-ONK\n"));
//! ```

use super::input;
use super::text::{self, tr};
use super::{read_json_file, Ctx, Streams, EXIT_ERROR, EXIT_FOUND, EXIT_OK};
use crate::api::{self, ReferenceResult};
use crate::diagnostic::Lang;
use clap::{Args, Subcommand};
use serde_json::{json, Value};
use std::io;
use std::path::PathBuf;

/// `reference build` / `reference parse`.
#[derive(Debug, Subcommand)]
pub enum ReferenceCommand {
    /// Build a reference number from its parts; prints the canonical writing.
    Build {
        /// The date part 1 was filled in (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// The health trust: code, name or alias (HBE, "Helse Bergen", Haukeland).
        #[arg(long, value_name = "HF")]
        hf: String,
        /// The department code (ONK).
        #[arg(long, value_name = "DEPT")]
        dept: String,
    },
    /// Check a written reference number; prints the canonical writing and its parts.
    Parse {
        /// The reference, e.g. 2025-05-12-HBE-ONK or [2025-05-12]-[Helse Bergen]-[onk].
        #[arg(value_name = "REF")]
        reference: String,
    },
}

/// Arguments of `seal`.
#[derive(Debug, Args)]
pub struct SealArgs {
    /// Part 2 (JSON), or - for standard input.
    #[arg(value_name = "PART2|-")]
    pub part2: String,
    /// Part 1 (JSON): cross-checks and the patient's own identifiers.
    #[arg(long, value_name = "FILE")]
    pub part1: Option<PathBuf>,
    /// The hospital's pseudonym key (at least 32 bytes): a file of raw bytes, or of hex
    /// text (a file holding only hex digits is read as hex). The key is never printed.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Write the sealed package (JSON: form, canonical, sha256, pseudonym) to FILE.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn print_reference(r: &ReferenceResult, ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = ctx.lang;
    if ctx.json {
        serde_json::to_writer(&mut *io.out, r)?;
        writeln!(io.out)?;
    } else {
        if let (Some(s), Some(p)) = (&r.reference, &r.parts) {
            writeln!(io.out, "{s}")?;
            let trust = ctx
                .opts
                .registry
                .lookup(&p.hf)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            writeln!(
                io.out,
                "  {:<14} {}\n  {:<14} {} ({trust})\n  {:<14} {}",
                tr(lang, "dato", "dato", "date"),
                p.date.format("%Y-%m-%d"),
                tr(lang, "helseforetak", "helseføretak", "health trust"),
                p.hf,
                tr(lang, "avdeling", "avdeling", "department"),
                p.dept
            )?;
        }
        for d in &r.diagnostics {
            text::write_diagnostic(io.err, lang, d)?;
        }
    }
    Ok(if r.ok { EXIT_OK } else { EXIT_FOUND })
}

/// Runs `reference build|parse`.
pub fn reference(c: &ReferenceCommand, ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    let r = match c {
        ReferenceCommand::Build { date, hf, dept } => {
            let date = date
                .clone()
                .unwrap_or_else(|| ctx.opts.today.format("%Y-%m-%d").to_string());
            api::build_reference(
                &json!({ "date": date, "hf": hf, "dept": dept }),
                &ctx.opts,
                Vec::new(),
            )
        }
        ReferenceCommand::Parse { reference } => {
            api::check_reference(&Value::String(reference.clone()), &ctx.opts, Vec::new())
        }
    };
    print_reference(&r, ctx, io)
}

/// Reads a key file: hex text when it holds only hex digits (and white space), else raw
/// bytes.
pub fn read_key(bytes: &[u8]) -> Vec<u8> {
    let hex = std::str::from_utf8(bytes)
        .ok()
        .map(|s| s.split_whitespace().collect::<String>())
        .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .and_then(|s| api::parse_hex(&s));
    hex.unwrap_or_else(|| bytes.to_vec())
}

/// Runs `seal`.
pub fn seal(a: &SealArgs, ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = ctx.lang;
    let part2 = match read_json_file(&a.part2, lang, io) {
        Ok(v) => v,
        Err(code) => return Ok(code),
    };
    let part1 = match &a.part1 {
        Some(p) => match read_json_file(p.to_string_lossy().as_ref(), lang, io) {
            Ok(v) => v,
            Err(code) => return Ok(code),
        },
        None => Value::Null,
    };
    let mut opts = ctx.opts.clone();
    if let Some(kf) = &a.key_file {
        match input::read_file(kf, 1024 * 1024) {
            Ok(bytes) => opts.key = Some(read_key(&bytes)),
            Err(e) => {
                writeln!(io.err, "{}: {}", kf.display(), text::input_error(lang, &e))?;
                return Ok(EXIT_ERROR);
            }
        }
    }
    let r = api::prepare_submission(&part2, &part1, &opts, Vec::new());
    if let (Some(path), Some(sealed)) = (&a.output, &r.sealed) {
        let body = serde_json::to_string_pretty(sealed)?;
        if let Err(e) = std::fs::write(path, body + "\n") {
            writeln!(io.err, "{}: {e}", path.display())?;
            return Ok(EXIT_ERROR);
        }
    }
    if ctx.json {
        serde_json::to_writer(&mut *io.out, &r)?;
        writeln!(io.out)?;
    } else {
        for d in &r.diagnostics {
            text::write_diagnostic(io.out, lang, d)?;
        }
        match &r.sealed {
            Some(s) => {
                writeln!(
                    io.out,
                    "{} {} ({})",
                    tr(lang, "Forseglet:", "Forsegla:", "Sealed:"),
                    a.part2,
                    s.form
                )?;
                writeln!(io.out, "  sha256     {}", s.sha256)?;
                if let Some(p) = &s.pseudonym {
                    writeln!(io.out, "  pseudonym  {p}")?;
                }
                if let Some(path) = &a.output {
                    writeln!(
                        io.out,
                        "  {} {}",
                        tr(
                            lang,
                            "pakke skrevet til",
                            "pakke skriven til",
                            "package written to"
                        ),
                        path.display()
                    )?;
                }
            }
            None => writeln!(
                io.out,
                "{} {}: {}",
                tr(lang, "Ikke forseglet:", "Ikkje forsegla:", "Not sealed:"),
                a.part2,
                text::counts(lang, &r.diagnostics)
            )?,
        }
    }
    Ok(if r.ok { EXIT_OK } else { EXIT_FOUND })
}

/// Runs `registry`.
pub fn registry(ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    let trusts = api::registry(&ctx.opts);
    if ctx.json {
        serde_json::to_writer(&mut *io.out, &trusts)?;
        writeln!(io.out)?;
        return Ok(EXIT_OK);
    }
    let lang = ctx.lang;
    writeln!(
        io.out,
        "{:<6} {:<36} {:<18} {}",
        tr(lang, "Kode", "Kode", "Code"),
        tr(lang, "Navn", "Namn", "Name"),
        tr(lang, "Region", "Region", "Region"),
        tr(lang, "Også skrevet", "Også skrive", "Also written")
    )?;
    for t in &trusts {
        writeln!(
            io.out,
            "{:<6} {:<36} {:<18} {}",
            t.code,
            t.name,
            t.region.map(|r| r.name()).unwrap_or("-"),
            t.aliases.join(", ")
        )?;
    }
    Ok(EXIT_OK)
}

/// Runs `rules`: the rule catalogue.
pub fn rules(ctx: &Ctx, io: &mut Streams<'_>) -> io::Result<i32> {
    if ctx.json {
        serde_json::to_writer(&mut *io.out, &api::catalogue_info())?;
        writeln!(io.out)?;
        return Ok(EXIT_OK);
    }
    let lang: Lang = ctx.lang;
    for r in api::catalogue() {
        writeln!(
            io.out,
            "{:<40} {:<9} {}",
            r.code,
            text::severity(lang, r.severity),
            r.message.get(lang)
        )?;
        writeln!(io.out, "{:<40} ↳ {}", "", r.source)?;
    }
    Ok(EXIT_OK)
}
