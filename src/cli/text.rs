//! The command line's own words (bokmål, nynorsk, English) and how diagnostics are printed.
//!
//! Rule messages come from the library ([`crate::diagnostic`]); this module only holds what
//! the shell itself says (file errors, the summary table) and the layout of a diagnostic on
//! a terminal. Nothing printed here contains input text.
//!
//! ```
//! use skjemavakt::cli::text::tr;
//! use skjemavakt::Lang;
//! assert_eq!(tr(Lang::Nn, "ugyldig", "ugyldig", "invalid"), "ugyldig");
//! assert_eq!(tr(Lang::En, "gyldig", "gyldig", "valid"), "valid");
//! ```

use super::input::InputError;
use crate::diagnostic::{Lang, Rendered, Severity};
use std::io::{self, Write};

/// Picks the text for `lang`.
pub fn tr(lang: Lang, nb: &'static str, nn: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    }
}

/// The severity's name in `lang`.
pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => tr(lang, "feil", "feil", "error"),
        Severity::Warning => tr(lang, "advarsel", "åtvaring", "warning"),
        Severity::Info => tr(lang, "info", "info", "info"),
    }
}

/// A sentence saying why an input could not be read (no input text in it).
pub fn input_error(lang: Lang, e: &InputError) -> String {
    match e {
        InputError::Io { kind, os } => {
            let what = match kind {
                io::ErrorKind::NotFound => tr(lang, "finnes ikke", "finst ikkje", "does not exist"),
                io::ErrorKind::PermissionDenied => tr(
                    lang,
                    "mangler lesetilgang",
                    "manglar lesetilgang",
                    "permission denied",
                ),
                io::ErrorKind::IsADirectory => tr(
                    lang,
                    "er en mappe, ikke en fil",
                    "er ei mappe, ikkje ei fil",
                    "is a folder, not a file",
                ),
                _ => "",
            };
            if what.is_empty() {
                format!(
                    "{} ({os}).",
                    tr(lang, "Kan ikke lese", "Kan ikkje lese", "Cannot read")
                )
            } else {
                format!("{} {what}.", tr(lang, "Filen", "Fila", "The file"))
            }
        }
        InputError::TooLarge { size, limit } => {
            let size = size.map(|s| format!(" ({s} byte)")).unwrap_or_default();
            format!(
                "{}{size}; {} {limit} byte.",
                tr(
                    lang,
                    "Filen er for stor",
                    "Fila er for stor",
                    "The file is too large"
                ),
                tr(
                    lang,
                    "grensen per dokument er",
                    "grensa per dokument er",
                    "the limit per document is"
                ),
            )
        }
        InputError::NotUtf8 { byte, line, column } => format!(
            "{} (byte {byte}, {} {line}, {} {column}).",
            tr(
                lang,
                "Filen er ikke gyldig UTF-8",
                "Fila er ikkje gyldig UTF-8",
                "The file is not valid UTF-8"
            ),
            tr(lang, "linje", "linje", "line"),
            tr(lang, "kolonne", "kolonne", "column"),
        ),
        InputError::Empty => {
            tr(lang, "Filen er tom.", "Fila er tom.", "The file is empty.").to_string()
        }
    }
}

/// Prints one diagnostic: `  feil  /path  code: message` and its hint on the next line.
pub fn write_diagnostic(out: &mut dyn Write, lang: Lang, d: &Rendered) -> io::Result<()> {
    let path = if d.path.as_str().is_empty() {
        tr(lang, "(dokumentet)", "(dokumentet)", "(document)")
    } else {
        d.path.as_str()
    };
    writeln!(
        out,
        "  {:<9} {path}  [{}] {}",
        severity(lang, d.severity),
        d.code,
        d.message
    )?;
    if let Some(h) = &d.hint {
        writeln!(out, "            ↳ {h}")?;
    }
    Ok(())
}

/// Counts errors and warnings as `2 feil, 1 advarsel`.
pub fn counts(lang: Lang, diags: &[Rendered]) -> String {
    let e = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let w = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let warn = match (lang, w) {
        (Lang::En, 1) => "warning",
        (Lang::En, _) => "warnings",
        (Lang::Nn, 1) => "åtvaring",
        (Lang::Nn, _) => "åtvaringar",
        (_, 1) => "advarsel",
        (_, _) => "advarsler",
    };
    let err = match (lang, e) {
        (Lang::En, 1) => "error",
        (Lang::En, _) => "errors",
        _ => "feil",
    };
    format!("{e} {err}, {w} {warn}")
}
