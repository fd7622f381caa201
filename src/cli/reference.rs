//! `skjemavakt reference build|parse`: builds a reference number from its parts, or checks a
//! written one; prints the canonical writing and its parts.
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

use super::text::{self, tr};
use super::{Settings, Streams, EXIT_FOUND, EXIT_OK};
use crate::api::{self, ReferenceResult};
use clap::Subcommand;
use serde_json::{json, Value};
use std::io;

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

fn print_reference(
    r: &ReferenceResult,
    settings: &Settings,
    io: &mut Streams<'_>,
) -> io::Result<i32> {
    let lang = settings.lang;
    if settings.json {
        serde_json::to_writer(&mut *io.out, r)?;
        writeln!(io.out)?;
    } else {
        if let (Some(s), Some(p)) = (&r.reference, &r.parts) {
            writeln!(io.out, "{s}")?;
            let trust = settings
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
pub fn run(c: &ReferenceCommand, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let r = match c {
        ReferenceCommand::Build { date, hf, dept } => {
            let date = date
                .clone()
                .unwrap_or_else(|| settings.opts.today.format("%Y-%m-%d").to_string());
            api::build_reference(
                &json!({ "date": date, "hf": hf, "dept": dept }),
                &settings.opts,
                Vec::new(),
            )
        }
        ReferenceCommand::Parse { reference } => api::check_reference(
            &Value::String(reference.clone()),
            &settings.opts,
            Vec::new(),
        ),
    };
    print_reference(&r, settings, io)
}
