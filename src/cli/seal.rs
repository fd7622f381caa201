//! `skjemavakt seal`: the gate on the command line — validates part 2 at submission, scans
//! it, checks it against part 1, and seals it (canonical JSON, SHA-256, optional HMAC
//! pseudonym with `--key-file`). The receiving end of the demo (`scripts/serve.mjs`,
//! `/mottak`) checks each sealed package with it.

use super::input;
use super::text::{self, tr};
use super::{read_json_file, Settings, Streams, EXIT_ERROR, EXIT_FOUND, EXIT_OK};
use crate::api;
use clap::Args;
use serde_json::Value;
use std::io;
use std::path::PathBuf;

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
    /// Write the sealed package (JSON: form, canonical, sha256, pseudonym, kept) to FILE.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Findings kept as false alarms (JSON, as `scan --keep`); the sealed package lists
    /// each with its reason.
    #[arg(long, value_name = "FILE")]
    pub keep: Option<PathBuf>,
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
pub fn run(a: &SealArgs, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = settings.lang;
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
    let mut opts = settings.opts.clone();
    if let Err(code) = super::read_keep(a.keep.as_ref(), &mut opts, lang, io) {
        return Ok(code);
    }
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
    if settings.json {
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
                if !s.kept.is_empty() {
                    writeln!(
                        io.out,
                        "  {} {}",
                        tr(lang, "beholdt", "halde på", "kept"),
                        s.kept.len()
                    )?;
                    for k in &s.kept {
                        writeln!(
                            io.out,
                            "    {} {}–{} {} ({})",
                            k.path.as_str(),
                            k.span.start,
                            k.span.end,
                            k.kind.as_str(),
                            k.reason.as_str()
                        )?;
                    }
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
