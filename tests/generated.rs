//! The committed files generated from the form schema and the rule catalogue are what the
//! library generates now (as docs/rules.md is held by the catalogue's test): the JSON Schemas
//! in `schemas/` and the TypeScript declarations in `types/forms.d.ts`, both shipped in the
//! npm package. Regenerate with `cargo run --example generated`.
#![cfg(not(target_arch = "wasm32"))]

use skjemavakt::api::{schema, typescript};
use skjemavakt::forms::FormKind;
use skjemavakt::Lang;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_json_schemas_are_up_to_date() {
    let mut expected = Vec::new();
    for kind in FormKind::ALL {
        for stage in schema::STAGES {
            let name = schema::file_name(kind, stage, Lang::Nb);
            let want = serde_json::to_string_pretty(&schema::json_schema(kind, stage, Lang::Nb))
                .unwrap()
                + "\n";
            let have =
                std::fs::read_to_string(root().join("schemas").join(&name)).unwrap_or_default();
            assert!(
                have == want,
                "schemas/{name} is out of date; regenerate with `{}`",
                typescript::REGENERATE
            );
            expected.push(name);
        }
    }
    // No schema of a kind or stage that is gone.
    let mut present: Vec<String> = std::fs::read_dir(root().join("schemas"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    expected.sort();
    assert_eq!(present, expected);
}

#[test]
fn the_typescript_declarations_are_up_to_date() {
    let have = std::fs::read_to_string(root().join("types/forms.d.ts")).unwrap_or_default();
    assert!(
        have == typescript::declarations(),
        "types/forms.d.ts is out of date; regenerate with `{}`",
        typescript::REGENERATE
    );
}
