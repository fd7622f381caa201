//! The back-office command line `skjemavakt` (native only).
//!
//! A thin shell over [`crate::api`]: it reads files, folders or standard input, calls the
//! same functions the web page calls, and prints the result for people (bokmål by default,
//! `--lang nn|en`) or for machines (`--format json`). The binary `src/bin/skjemavakt.rs` only
//! calls [`main`]. Subcommands: `check`, `scan`, `redact`, `reference build|parse`, `seal`,
//! `registry`, `rules`, `schema`, `render` — see `skjemavakt --help` and README.md, "Back office: the command
//! line".
//!
//! Exit codes: 0 all valid / nothing found; 1 some document invalid, identifiers found, or a
//! seal refused; 2 usage error or an input that could not be read.
//!
//! ```
//! use skjemavakt::cli::{run_args, Streams};
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let mut stdin: &[u8] = b"Ring henne p\xC3\xA5 912 34 567.";
//! let code = run_args(
//!     ["skjemavakt", "scan", "--format", "json", "-"],
//!     &mut Streams { out: &mut out, err: &mut err, stdin: &mut stdin, progress: false },
//! );
//! assert_eq!(code, 1); // something found
//! let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(json["findings"][0]["kind"], "phone");
//! assert!(!String::from_utf8(out).unwrap().contains("912 34 567")); // never echoed
//! ```
// The command line is never in the wasm package: the size rules of `clippy.toml` do not
// apply here (chrono's date formats, std's sorts, serde_json's pointers).
#![allow(clippy::disallowed_methods)]

pub mod check;
pub mod document_or_text;
pub mod input;
pub mod redact;
pub mod reference;
pub mod registry;
pub mod render;
pub mod rules;
pub mod scan;
pub mod schema;
pub mod seal;
pub mod text;

use crate::api::Options;
use crate::diagnostic::Lang;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{Map, Value};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use text::tr;

/// Exit code: everything valid, nothing found.
pub const EXIT_OK: i32 = 0;
/// Exit code: some document invalid, identifiers found, or the seal refused.
pub const EXIT_FOUND: i32 = 1;
/// Exit code: usage error, or an input could not be read.
pub const EXIT_ERROR: i32 = 2;

const AFTER_HELP: &str = "\
Exit codes: 0 = all valid / nothing found; 1 = some document invalid, identifiers found, or \
the seal refused; 2 = usage error or an input that could not be read (I/O error, not UTF-8, \
empty, larger than 10 MiB).

Nothing printed ever contains a value from the input: findings and errors give a kind, a \
field path and a position (line/column or offsets), never the text.";

/// skjemavakt — checks applications for treatment with non-introduced methods: completeness,
/// costs and direct patient identifiers. Same rules as the web page, run on files and folders.
#[derive(Debug, Parser)]
#[command(name = "skjemavakt", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Language of messages: nb (bokmål), nn (nynorsk) or en.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Nb)]
    pub lang: LangArg,
    /// Output for people (human) or for machines (json).
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Today's date (YYYY-MM-DD) for date rules; default: the local date.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// The hospital's configuration (JSON: extra trusts, department codes).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Message language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nb,
    Nn,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nb => Lang::Nb,
            LangArg::Nn => Lang::Nn,
            LangArg::En => Lang::En,
        }
    }
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people.
    Human,
    /// JSON for machines (`check`: one JSON object per document per line).
    Json,
}

/// Form stage for `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    /// Formats only.
    Draft,
    /// Everything the physician fills in.
    Approval,
    /// Ready to send: also both approvals and "form complete".
    Submission,
}

impl StageArg {
    fn as_str(self) -> &'static str {
        match self {
            StageArg::Draft => "draft",
            StageArg::Approval => "approval",
            StageArg::Submission => "submission",
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| "expected YYYY-MM-DD".to_string())
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate documents (form kind from the "form" field): files, folders (*.json,
    /// recursively) or - for standard input. Exit 0 all valid, 1 some invalid, 2 some
    /// input unreadable.
    Check(check::CheckArgs),
    /// Find direct identifiers in a form document or a plain text (FILE or -). Exit 0 none
    /// found, 1 found, 2 input error.
    Scan(scan::ScanArgs),
    /// Replace direct identifiers with placeholders ([NAVN], [FØDSELSNUMMER], …); the
    /// redacted document or text goes to standard output (or --output).
    Redact(redact::RedactArgs),
    /// Build or parse a reference number [YYYY-MM-DD]-[HF]-[Dept].
    #[command(subcommand)]
    Reference(reference::ReferenceCommand),
    /// The gate: validate part 2 at submission, scan it, cross-check with part 1, and seal
    /// it (canonical JSON, SHA-256, optional HMAC pseudonym). Exit 0 sealed, 1 refused.
    Seal(seal::SealArgs),
    /// The health trusts the program knows (built in plus --config).
    Registry,
    /// Every rule: code, severity, source (document and section) and message.
    Rules,
    /// The JSON Schema (2020-12) of a form kind at a stage (titles in --lang).
    Schema(schema::SchemaArgs),
    /// The printable application: one self-contained HTML document (A4, no scripts) of a
    /// sealed package, after checking its seal. Exit 0 written, 1 the seal does not hold.
    Render(render::RenderArgs),
}

/// Where a run reads and writes. `progress` allows a progress bar on the real terminal.
pub struct Streams<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub stdin: &'a mut dyn Read,
    pub progress: bool,
}

/// What every subcommand needs: options for the library and how to print.
pub struct Settings {
    pub opts: Options,
    pub lang: Lang,
    pub json: bool,
    /// `check --report return`: the coordinator's return notice per application.
    pub return_notice: bool,
}

/// Entry point of the binary: parses `std::env::args`, runs, returns the exit code.
pub fn main() -> i32 {
    use std::io::IsTerminal;
    let stdout = io::stdout();
    let stderr = io::stderr();
    let progress = stderr.is_terminal();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let mut stdin = io::stdin().lock();
    let code = run_args(
        std::env::args_os(),
        &mut Streams {
            out: &mut out,
            err: &mut err,
            stdin: &mut stdin,
            progress,
        },
    );
    match out.flush() {
        Ok(()) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(_) => EXIT_ERROR,
    }
}

/// Parses arguments and runs. Usage errors give 2 with a message of the program's own that
/// never repeats a value from the command line ([`usage_error`]); `--help` and `--version`
/// give 0.
pub fn run_args<I, T>(args: I, io: &mut Streams<'_>) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => run(cli, io),
        Err(e) => {
            use clap::error::ErrorKind as K;
            let shown = matches!(
                e.kind(),
                K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if shown {
                // Help and version: the program's own text only.
                let w: &mut dyn Write = if e.use_stderr() {
                    &mut *io.err
                } else {
                    &mut *io.out
                };
                let _ = w.write_all(e.render().to_string().as_bytes());
                return if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            }
            let _ = writeln!(io.err, "{}", usage_error(&e, lang_of(&args)));
            EXIT_ERROR
        }
    }
}

/// The `--lang` of a command line that could not be parsed (bokmål when there is none).
fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    let mut lang = Lang::Nb;
    while let Some(a) = it.next() {
        let v = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().map(|v| v.to_string()),
            None => None,
        };
        match v.as_deref() {
            Some("nn") => lang = Lang::Nn,
            Some("en") => lang = Lang::En,
            Some("nb") => lang = Lang::Nb,
            _ => {}
        }
    }
    lang
}

/// The message for a command line clap refused. clap's own messages repeat what was typed
/// (`invalid value '14037410021' for '--today'`, an unquoted `--patient-name Kari Nordmann` →
/// `unexpected argument 'Nordmann'`), and a command line can hold a patient's name or number:
/// this one names only the program's own arguments and suggestions, never a value.
pub fn usage_error(e: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind as K};
    // Names the program defines (an argument's name, a suggestion), never the input's.
    let own = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            _ => String::new(),
        }
    };
    let arg = own(ContextKind::InvalidArg);
    let what = match e.kind() {
        K::UnknownArgument => tr(
            lang,
            "uventet argument (det vises ikke: det kan inneholde en verdi). Sett en verdi med mellomrom i anførselstegn: --patient-name \"Fornavn Etternavn\"",
            "uventa argument (det blir ikkje vist: det kan innehalde ein verdi). Set ein verdi med mellomrom i hermeteikn: --patient-name \"Fornamn Etternamn\"",
            "unexpected argument (not shown: it may hold a value). Quote a value with spaces: --patient-name \"First Last\"",
        )
        .to_string(),
        K::InvalidValue | K::ValueValidation => {
            let valid = own(ContextKind::ValidValue);
            let mut m = format!(
                "{} {arg} {}",
                tr(lang, "ugyldig verdi for", "ugyldig verdi for", "invalid value for"),
                tr(
                    lang,
                    "(verdien vises ikke)",
                    "(verdien blir ikkje vist)",
                    "(the value is not shown)"
                )
            );
            if !valid.is_empty() {
                m.push_str(&format!(
                    "; {} {valid}",
                    tr(lang, "gyldige verdier:", "gyldige verdiar:", "valid values:")
                ));
            }
            m
        }
        K::InvalidSubcommand => tr(
            lang,
            "ukjent underkommando (den vises ikke)",
            "ukjend underkommando (han blir ikkje vist)",
            "unknown subcommand (not shown)",
        )
        .to_string(),
        K::MissingRequiredArgument => format!(
            "{} {arg}",
            tr(
                lang,
                "et påkrevd argument mangler:",
                "eit påkravd argument manglar:",
                "a required argument is missing:"
            )
        ),
        K::MissingSubcommand => tr(
            lang,
            "underkommandoen mangler",
            "underkommandoen manglar",
            "the subcommand is missing",
        )
        .to_string(),
        K::ArgumentConflict => format!(
            "{arg} {} {}",
            tr(
                lang,
                "kan ikke brukes sammen med",
                "kan ikkje brukast saman med",
                "cannot be used with"
            ),
            own(ContextKind::PriorArg)
        ),
        K::TooManyValues | K::WrongNumberOfValues | K::TooFewValues => {
            format!(
                "{} {arg}",
                tr(
                    lang,
                    "feil antall verdier for",
                    "feil tal på verdiar for",
                    "wrong number of values for"
                )
            )
        }
        _ => tr(
            lang,
            "ugyldige argumenter",
            "ugyldige argument",
            "invalid arguments",
        )
        .to_string(),
    };
    let mut out = format!("skjemavakt: {what}");
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(own)
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        out.push_str(&format!(
            "\n  {} {s}",
            tr(lang, "mente du:", "meinte du:", "did you mean:")
        ));
    }
    out.push_str(&format!(
        "\n{}",
        tr(
            lang,
            "Se «skjemavakt --help».",
            "Sjå «skjemavakt --help».",
            "See “skjemavakt --help”."
        )
    ));
    out
}

/// Runs a parsed command line.
pub fn run(cli: Cli, io: &mut Streams<'_>) -> i32 {
    let stage = match &cli.command {
        Command::Check(a) => Some(a.stage),
        Command::Schema(a) => Some(a.stage),
        _ => None,
    };
    let mut settings = match settings_of(&cli.global, stage, io) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Command::Check(a) = &cli.command {
        settings.return_notice = a.report == Some(check::ReportKind::Return);
    }
    let result = match cli.command {
        Command::Check(a) => check::run(&a, &settings, io),
        Command::Scan(a) => scan::run(&a, &settings, io),
        Command::Redact(a) => redact::run(&a, &settings, io),
        Command::Reference(r) => reference::run(&r, &settings, io),
        Command::Seal(a) => seal::run(&a, &settings, io),
        Command::Registry => registry::run(&settings, io),
        Command::Rules => rules::run(&settings, io),
        Command::Schema(a) => schema::run(&a, &settings, io),
        Command::Render(a) => render::run(&a, &settings, io),
    };
    match result {
        Ok(code) => code,
        // Standard output closed (e.g. piped into `head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(io.err, "skjemavakt: {e}");
            EXIT_ERROR
        }
    }
}

/// Builds the library's options from the global flags (through [`Options::from_json`], so the
/// CLI reads options exactly as the page does).
fn settings_of(g: &Global, stage: Option<StageArg>, io: &mut Streams<'_>) -> Result<Settings, i32> {
    let lang: Lang = g.lang.into();
    let today = g.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut o = Map::new();
    o.insert("lang".into(), lang.as_str().into());
    o.insert("today".into(), today.format("%Y-%m-%d").to_string().into());
    if let Some(s) = stage {
        o.insert("stage".into(), s.as_str().into());
    }
    if let Some(path) = &g.config {
        let v = read_json_file(path.to_string_lossy().as_ref(), lang, io)?;
        o.insert("config".into(), v);
    }
    let (mut opts, diags) = Options::from_json(&Value::Object(o), today);
    // The seal's time, by this machine's clock with its offset.
    opts.now = Some(chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false));
    if !diags.is_empty() {
        let _ = writeln!(
            io.err,
            "skjemavakt: {}: {}",
            g.config
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            text::tr(
                lang,
                "konfigurasjonen er ugyldig (ventet { \"trusts\": [...], \"departments\": [...] }).",
                "konfigurasjonen er ugyldig (venta { \"trusts\": [...], \"departments\": [...] }).",
                "the configuration is invalid (expected { \"trusts\": [...], \"departments\": [...] })."
            )
        );
        return Err(EXIT_ERROR);
    }
    Ok(Settings {
        opts,
        lang,
        json: g.format == Format::Json,
        return_notice: false,
    })
}

/// Reads a JSON file (or `-`) that the command cannot do without (`--config`, `--part1`,
/// `seal`'s part 2). Any problem is printed, naming the file and position, and gives
/// `Err(EXIT_ERROR)`.
/// Reads `--keep FILE` (a JSON array of keeps) into the options. Problems are printed and
/// give `Err(EXIT_ERROR)`; what is wrong inside the list is reported by the library.
pub fn read_keep(
    path: Option<&PathBuf>,
    opts: &mut Options,
    lang: Lang,
    io: &mut Streams<'_>,
) -> Result<(), i32> {
    if let Some(p) = path {
        opts.keep = read_json_file(p.to_string_lossy().as_ref(), lang, io)?;
    }
    Ok(())
}

/// True for an error that means the input could not be used: not a refused keep
/// (`privacy.keep.national_id` …: its finding is reported, or redacted, as any other).
pub fn input_broken(d: &crate::diagnostic::Rendered) -> bool {
    let refused = d.code.starts_with("privacy.keep.") && d.code != "privacy.keep.invalid";
    d.severity == crate::diagnostic::Severity::Error && !refused
}

pub fn read_json_file(path: &str, lang: Lang, io: &mut Streams<'_>) -> Result<Value, i32> {
    let text = input::read_path_or_stdin(path, io.stdin, input::MAX_DOCUMENT_BYTES)
        .and_then(input::decode_document);
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(io.err, "{path}: {}", text::input_error(lang, &e));
            return Err(EXIT_ERROR);
        }
    };
    crate::api::parse_json(&text).map_err(|d| {
        let _ = writeln!(io.err, "{path}: {}", d.message(lang));
        EXIT_ERROR
    })
}
