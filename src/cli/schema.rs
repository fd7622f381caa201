//! `skjemavakt schema KIND [--stage S] [-o FILE]`: the JSON Schema (2020-12) of a form kind at
//! a stage, titles in `--lang` (generated from the form schema by [`crate::api::schema`]).

use super::{Settings, StageArg, Streams, EXIT_ERROR, EXIT_OK};
use crate::api;
use clap::builder::PossibleValuesParser;
use clap::Args;
use serde_json::Value;
use std::io;
use std::path::PathBuf;

/// The form kinds, for `--help` and the argument check.
const KINDS: [&str; 6] = [
    "tilgang-del1",
    "tilgang-del2",
    "hb-exception-single",
    "hb-exception-group",
    "hb-offlabel-single",
    "hb-offlabel-group",
];

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The form kind.
    #[arg(value_name = "KIND", value_parser = PossibleValuesParser::new(KINDS))]
    pub kind: String,
    /// The stage whose required fields the schema requires.
    #[arg(long, value_enum, default_value_t = StageArg::Submission)]
    pub stage: StageArg,
    /// Write the schema to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `schema`: prints the schema as pretty JSON (it is JSON whatever `--format` says).
pub fn run(a: &SchemaArgs, settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let r = api::schema(&Value::String(a.kind.clone()), &settings.opts, Vec::new());
    let Some(schema) = r.schema else {
        for d in &r.diagnostics {
            writeln!(io.err, "skjemavakt: {}", d.message)?;
        }
        return Ok(EXIT_ERROR);
    };
    let body = serde_json::to_string_pretty(&schema)? + "\n";
    match &a.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, body) {
                writeln!(io.err, "{}: {e}", path.display())?;
                return Ok(EXIT_ERROR);
            }
        }
        None => io.out.write_all(body.as_bytes())?,
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_kinds_are_the_forms_kinds() {
        let all: Vec<&str> = crate::forms::FormKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        assert_eq!(super::KINDS.to_vec(), all);
    }
}
