//! The whole command-line path of `skjemavakt seal`, for the `seal` fuzz target and the smoke
//! run in the default tests (`tests/fuzz_smoke.rs`): the input is part 2 on standard input,
//! part 1 the example patient's (a file), the pseudonym key a file, the output JSON or text.
//! Invariants: never a panic; exit 0, 1 or 2; nothing printed holds a national identity
//! number of the input or of part 1; a package sealed (exit 0) holds no identifier of part 1.

use skjemavakt::cli::{run_args, Streams};
use std::path::PathBuf;
use std::sync::OnceLock;

/// Part 1 and the key, written once to a folder of this process.
fn files() -> &'static (PathBuf, PathBuf) {
    static FILES: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("skjemavakt-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let part1 = dir.join("part1.json");
        std::fs::write(&part1, skjemavakt::fuzzing::PART1).expect("part 1 written");
        let key = dir.join("key.hex");
        std::fs::write(&key, "07".repeat(32)).expect("key written");
        (part1, key)
    })
}

/// Runs `skjemavakt seal - --part1 … --key-file …` on `data` and checks the invariants.
pub fn seal_cli(data: &[u8]) {
    let (part1, key) = files();
    let json = data.first().is_some_and(|b| b & 1 == 1);
    let args = [
        "skjemavakt",
        "--today",
        "2025-06-01",
        "--format",
        if json { "json" } else { "human" },
        "seal",
        "-",
        "--part1",
        part1.to_str().unwrap_or_default(),
        "--key-file",
        key.to_str().unwrap_or_default(),
    ];
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut stdin: &[u8] = data;
    let code = run_args(
        args,
        &mut Streams {
            out: &mut out,
            err: &mut err,
            stdin: &mut stdin,
            progress: false,
        },
    );
    assert!((0..=2).contains(&code), "exit code {code}");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    );
    let input = String::from_utf8_lossy(data);
    skjemavakt::fuzzing::assert_no_echo(&printed, &input);
    if code == 0 && json {
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_default();
        let canonical = v["sealed"]["canonical"].as_str().unwrap_or_default();
        skjemavakt::fuzzing::assert_no_part1(canonical);
    }
    assert!(
        !printed.contains("14037410021") && !printed.contains("Nordmann") || code == 0 && json,
        "the output holds part 1's identifiers"
    );
}
