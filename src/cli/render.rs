//! `skjemavakt render SEALED.json [-o FILE.html]`: the printable application of a sealed
//! package (as `seal -o` or `seal --format json` writes it), after checking its seal.

use super::text;
use super::{read_json_file, Settings, Streams, EXIT_ERROR, EXIT_FOUND, EXIT_OK};
use crate::api;
use clap::Args;
use std::io;
use std::path::PathBuf;

/// Arguments of `render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The sealed package (JSON: `{ form, canonical, sha256, … }`, or `{ sealed: { … } }`), or
    /// - for standard input.
    #[arg(value_name = "SEALED.json|-")]
    pub sealed: String,
    /// Write the HTML to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE.html")]
    pub output: Option<PathBuf>,
}

/// Runs `render`: the HTML to standard output or `--output`; problems to standard error
/// (`--format json`: the result `{ ok, form, sha256, html, diagnostics }` to standard output).
pub fn run(a: &RenderArgs, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let lang = settings.lang;
    let sealed = match read_json_file(&a.sealed, lang, io) {
        Ok(v) => v,
        Err(code) => return Ok(code),
    };
    let r = api::render(&sealed, &settings.opts, Vec::new());
    if settings.json && a.output.is_none() {
        serde_json::to_writer(&mut *io.out, &r)?;
        writeln!(io.out)?;
        return Ok(if r.ok { EXIT_OK } else { EXIT_FOUND });
    }
    for d in &r.diagnostics {
        text::write_diagnostic(io.err, lang, d)?;
    }
    let Some(html) = &r.html else {
        writeln!(
            io.err,
            "{} {}",
            a.sealed,
            text::tr(
                lang,
                "ble ikke skrevet ut: forseglingen holder ikke.",
                "vart ikkje skriven ut: forseglinga held ikkje.",
                "was not rendered: the seal does not hold."
            )
        )?;
        return Ok(EXIT_FOUND);
    };
    match &a.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, html) {
                writeln!(io.err, "{}: {e}", path.display())?;
                return Ok(EXIT_ERROR);
            }
        }
        None => io.out.write_all(html.as_bytes())?,
    }
    Ok(EXIT_OK)
}
