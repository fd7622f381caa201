//! `skjemavakt registry`: the health trusts the program knows (built in plus `--config`).

use super::text::tr;
use super::{Settings, Streams, EXIT_OK};
use crate::api;
use std::io;

/// Runs `registry`.
pub fn run(settings: &Settings, io: &mut Streams<'_>) -> io::Result<i32> {
    let trusts = api::registry(&settings.opts);
    if settings.json {
        serde_json::to_writer(&mut *io.out, &trusts)?;
        writeln!(io.out)?;
        return Ok(EXIT_OK);
    }
    let lang = settings.lang;
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
