//! Writes the files generated from the form schema and the rule catalogue that are committed
//! and shipped in the npm package: `schemas/KIND.STAGE.json` (the JSON Schemas, titles in
//! bokmål) and `types/forms.d.ts` (the document types and code unions of `skjemavakt.d.ts`).
//! `cargo run --example generated`; `tests/generated.rs` fails when they are out of date.

use skjemavakt::api::{schema, typescript};
use skjemavakt::forms::FormKind;
use skjemavakt::Lang;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("schemas"))?;
    for kind in FormKind::ALL {
        for stage in schema::STAGES {
            let s = schema::json_schema(kind, stage, Lang::Nb);
            let path = root
                .join("schemas")
                .join(schema::file_name(kind, stage, Lang::Nb));
            std::fs::write(&path, serde_json::to_string_pretty(&s)? + "\n")?;
        }
    }
    std::fs::create_dir_all(root.join("types"))?;
    std::fs::write(root.join("types/forms.d.ts"), typescript::declarations())?;
    Ok(())
}
