//! `skjemavakt rules`: every rule — code, severity, source and message (the rule catalogue).

use super::text;
use super::{Settings, Streams, EXIT_OK};
use crate::api;
use crate::diagnostic::Lang;
use std::io;

/// Runs `rules`: the rule catalogue.
pub fn run(settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    if settings.json {
        serde_json::to_writer(&mut *io.out, &api::catalogue_info())?;
        writeln!(io.out)?;
        return Ok(EXIT_OK);
    }
    let lang: Lang = settings.lang;
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
