//! The `skjemavakt` binary on real files, including broken ones (tests/data/cli/).
//!
//! Identifier values in the fixtures are public test vectors: 26111593816 (python-stdnum,
//! `stdnum/no/fodselsnummer.py` doctest) and 14037410021 / the other examples of
//! tests/data/*.json, written by this project. Every test also checks that no identifier
//! value from the input appears in what the program printed.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const TODAY: &str = "2025-06-01";

/// Values that occur in the fixtures and must never be printed.
const SECRETS: &[&str] = &[
    "26111593816",
    "261115 93816",
    "140374 10021",
    "14037410021",
    "Kari",
    "Nordmann",
    "912 34 567",
    "kari.nordmann@example.no",
    "14.03.1974",
    "000102030405060708090a0b0c0d0e0f",
];

fn data(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
        .to_string_lossy()
        .into_owned()
}

fn run_with(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut all = vec!["--today", TODAY];
    all.extend_from_slice(args);
    run_bare(&all, stdin)
}

/// Runs the binary with exactly these arguments; nothing printed may hold a secret.
fn run_bare(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_skjemavakt"));
    cmd.args(args);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or(b"")).unwrap();
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for s in SECRETS {
        assert!(!all.contains(s), "printed an identifier ({s}) for {args:?}");
    }
    out
}

fn run(args: &[&str]) -> Output {
    run_with(args, None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn codes(doc: &Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn help_documents_every_subcommand() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let h = stdout(&o);
    for sub in [
        "check",
        "scan",
        "redact",
        "reference",
        "seal",
        "registry",
        "rules",
    ] {
        assert!(h.contains(sub), "{sub} missing from --help");
        let o = run(&[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{sub} --help");
        assert!(stdout(&o).contains("Usage: skjemavakt"), "{sub} --help");
    }
    for sub in ["build", "parse"] {
        assert_eq!(run(&["reference", sub, "--help"]).status.code(), Some(0));
    }
    assert!(h.contains("Exit codes"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["--lang", "de", "registry"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--stage", "final", "x.json"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["scan", "--text", "--json", "-"]).status.code(),
        Some(2)
    );
}

#[test]
fn argument_errors_never_repeat_a_value() {
    // Issue 17: clap's messages repeated what was typed («invalid value '14037410021'»,
    // «unexpected argument 'Nordmann'»). run_bare fails on any secret in the output.
    for (args, says) in [
        (&["--today", "14037410021", "rules"][..], "--today"),
        (&["--today", "Kari Nordmann", "rules"], "--today"),
        (
            &["scan", "--patient-name", "Kari", "Nordmann", "-"],
            "--patient-name",
        ),
        (&["scan", "-", "14037410021"], "anførselstegn"),
        (&["Kari", "14037410021"], "underkommando"),
        (&["--format", "Nordmann", "rules"], "human, json"),
        (&["check", "--stage", "Kari", "x.json"], "--stage"),
        (
            &["--lang", "en", "scan", "--patient-nam", "Kari", "x"],
            "--patient-name",
        ),
        (&["seal", "-", "--key-file"], "--key-file"),
        (
            &["--lang", "nn", "redact", "--text", "--json", "Nordmann"],
            "--json",
        ),
    ] {
        let o = run_bare(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains(says), "{args:?}: {e}");
        assert!(e.contains("--help"), "{args:?}: {e}");
    }
    // Help and version are the program's own text.
    assert_eq!(run_bare(&["--version"], None).status.code(), Some(0));
}

#[test]
fn an_invalid_patient_id_is_an_error() {
    for id in ["14037410022", "1403741002", "Kari Nordmann"] {
        let o = run_with(
            &["scan", "--patient-id", id, "-"],
            Some(b"Pasienten ble henvist."),
        );
        assert_eq!(o.status.code(), Some(2), "{id}");
        assert!(
            stderr(&o).contains("tilgang.del1.national_id.invalid"),
            "{}",
            stderr(&o)
        );
        assert!(!stdout(&o).contains("funn"));
        let o = run_with(
            &["redact", "--patient-id", id, "-"],
            Some(b"Pasienten ble henvist."),
        );
        assert_eq!(o.status.code(), Some(2), "{id}");
    }
    let o = run_with(
        &["scan", "--patient-id", "140374 10021", "-"],
        Some(b"Ingen funn her."),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn scan_and_redact_refuse_part1() {
    // Part 1 holds the patient's identifiers on purpose: «0 funn» would be a lie.
    for cmd in ["scan", "redact"] {
        for format in ["human", "json"] {
            let o = run(&["--format", format, cmd, &data("tilgang-del1-valid.json")]);
            assert_eq!(o.status.code(), Some(2), "{cmd} {format}");
            let all = format!("{}{}", stdout(&o), stderr(&o));
            assert!(all.contains("privacy.part1"), "{cmd} {format}: {all}");
            assert!(!all.contains("0 funn") && !all.contains("Ingrid"), "{all}");
        }
    }
}

#[test]
fn check_valid_examples_exit_0_with_json_per_document() {
    let files: Vec<String> = [
        "tilgang-del1-valid.json",
        "tilgang-del2-valid.json",
        "hb-exception-single-valid.json",
        "hb-offlabel-group-valid.json",
    ]
    .iter()
    .map(|f| data(f))
    .collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = json_lines(&o);
    assert_eq!(docs.len(), 4);
    let forms: Vec<&str> = docs.iter().map(|d| d["form"].as_str().unwrap()).collect();
    assert_eq!(
        forms,
        [
            "tilgang-del1",
            "tilgang-del2",
            "hb-exception-single",
            "hb-offlabel-group"
        ]
    );
    for (d, f) in docs.iter().zip(&files) {
        assert_eq!(d["file"], f.as_str());
        assert_eq!(d["valid"], true);
        assert_eq!(d["stage"], "submission");
        assert!(d.get("error").is_none());
    }
}

#[test]
fn check_mixed_folder_reports_each_document_and_skips_others() {
    let o = run(&["check", "--format", "json", &data("cli/mixed")]);
    assert_eq!(o.status.code(), Some(1));
    let docs = json_lines(&o);
    let names: Vec<String> = docs
        .iter()
        .map(|d| {
            let f = d["file"].as_str().unwrap();
            Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    // notes.txt and .hidden.json are not read; sub/ is searched.
    assert_eq!(
        names,
        [
            "a-valid.json",
            "b-invalid.json",
            "d-malformed.json",
            "c-valid.json"
        ]
    );
    let valid: Vec<bool> = docs.iter().map(|d| d["valid"] == true).collect();
    assert_eq!(valid, [true, false, false, true]);
    assert!(codes(&docs[1]).iter().all(|c| c == "form.required"));
    // The syntax error is located, and reported through the library's input.json rule.
    let d = &docs[2]["diagnostics"][0];
    assert_eq!(d["code"], "input.json");
    assert!(d["message"]
        .as_str()
        .unwrap()
        .contains("linje 4, kolonne 3"));
    assert_eq!(d["source"]["document"], "skjemavakt README.md");

    // Human output: a summary table with counts and codes, and the skipped file.
    let o = run(&["check", &data("cli/mixed")]);
    assert_eq!(o.status.code(), Some(1));
    let h = stdout(&o);
    assert!(h.contains("Sammendrag: 4 dokumenter"), "{h}");
    assert!(h.contains("gyldige                          2"), "{h}");
    assert!(h.contains("hoppet over          1"), "{h}");
    let row = h.lines().find(|l| l.contains("form.required  ")).unwrap();
    let nums: Vec<&str> = row.split_whitespace().collect();
    // b-invalid.json lacks whole groups: each of their required fields is listed.
    assert_eq!(nums, ["form.required", "feil", "27", "1"]);
}

#[test]
fn broken_files_are_named_with_position_and_the_batch_goes_on() {
    let missing = data("cli/does-not-exist.json");
    let o = run(&[
        "check",
        "--format",
        "json",
        &data("cli/bad-utf8.json"),
        &data("cli/empty.json"),
        &missing,
        &data("tilgang-del2-valid.json"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let docs = json_lines(&o);
    assert_eq!(docs.len(), 4);
    let err = |i: usize| docs[i]["error"]["code"].as_str().unwrap_or("").to_string();
    assert_eq!(err(0), "cli.not_utf8");
    assert!(docs[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("byte 63, linje 3, kolonne 36"));
    assert_eq!(err(1), "cli.empty");
    assert_eq!(err(2), "cli.io");
    assert_eq!(docs[2]["file"], missing.as_str());
    assert_eq!(docs[3]["valid"], true);

    // Human output names the file and the reason.
    let o = run(&["check", "--lang", "en", &data("cli/bad-utf8.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains(
        "bad-utf8.json: cannot be read — The file is not valid UTF-8 (byte 63, line 3, column 36)."
    ));
}

#[test]
fn huge_files_are_refused() {
    let big = tmp("huge.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(10 * 1024 * 1024 + 1).unwrap();
    let o = run(&["check", "--format", "json", big.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let d = &json_lines(&o)[0];
    assert_eq!(d["error"]["code"], "cli.too_large");
    assert!(d["error"]["message"]
        .as_str()
        .unwrap()
        .contains("10485760 byte"));
    // Exactly at the limit is read (and then fails as JSON: NUL bytes).
    f.set_len(10 * 1024 * 1024).unwrap();
    let o = run(&["check", "--format", "json", big.to_str().unwrap()]);
    assert_eq!(json_lines(&o)[0]["diagnostics"][0]["code"], "input.json");
    std::fs::remove_file(big).unwrap();
}

#[test]
fn check_reads_stdin_and_ndjson() {
    let doc = std::fs::read(data("tilgang-del2-valid.json")).unwrap();
    let o = run_with(&["check", "--format", "json", "-"], Some(&doc));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json_lines(&o)[0]["file"], "-");

    let o = run(&[
        "check",
        "--ndjson",
        "--format",
        "json",
        &data("cli/batch.ndjson"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let docs = json_lines(&o);
    let lines: Vec<u64> = docs.iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 3, 4, 5]); // line 2 is blank
    let valid: Vec<bool> = docs.iter().map(|d| d["valid"] == true).collect();
    assert_eq!(valid, [true, false, false, true]);
    assert_eq!(codes(&docs[2]), ["input.json"]);

    // NDJSON on stdin, bad UTF-8 in one line only.
    let mut input = b"{\"form\": \"tilgang-del1\"}\n{\"form\": \"x\xff\"}\n".to_vec();
    input.extend_from_slice(
        &doc.iter()
            .filter(|&&b| b != b'\n')
            .copied()
            .collect::<Vec<u8>>(),
    );
    let o = run_with(
        &["check", "--ndjson", "--format", "json", "-"],
        Some(&input),
    );
    assert_eq!(o.status.code(), Some(2));
    let docs = json_lines(&o);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1]["error"]["code"], "cli.not_utf8");
    assert_eq!(docs[2]["valid"], true);
}

#[test]
fn stage_and_language_change_the_result() {
    let f = data("cli/invalid-del2.json");
    let count = |stage: &str| {
        let o = run(&["check", "--format", "json", "--stage", stage, &f]);
        codes(&json_lines(&o)[0]).len()
    };
    let (draft, approval, submission) = (count("draft"), count("approval"), count("submission"));
    assert!(
        draft < approval && approval < submission,
        "{draft} {approval} {submission}"
    );
    let o = run(&["check", "--lang", "en", &f]);
    assert!(stdout(&o).contains("invalid"));
    assert!(stdout(&o).contains("must be filled in"), "{}", stdout(&o));
}

#[test]
fn check_scan_adds_identifier_findings() {
    let f = data("cli/invalid-del2.json");
    let o = run(&[
        "check", "--scan", "--format", "json", "--stage", "draft", &f,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let d = &json_lines(&o)[0];
    let found: Vec<&Value> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["code"] == "privacy.national_id")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["path"], "/patient/medical_history");
    let o = run(&["check", "--format", "json", "--stage", "draft", &f]);
    assert!(!codes(&json_lines(&o)[0]).contains(&"privacy.national_id".to_string()));
}

#[test]
fn scan_plain_text_finds_identifiers_by_position() {
    let f = data("cli/letter.txt");
    let o = run(&["scan", "--format", "json", &f]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["mode"], "text");
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    for k in ["national_id", "phone", "email", "birth_date"] {
        assert!(kinds.contains(&k), "{k} not found: {kinds:?}");
    }
    // Spans point at the identifier in the original bytes.
    let text = std::fs::read_to_string(&f).unwrap();
    let nid = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "national_id")
        .unwrap();
    let (s, e) = (
        nid["span"]["start"].as_u64().unwrap() as usize,
        nid["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "261115 93816");
    assert_eq!(nid["basis"], "checksum");

    // Human output gives line and column.
    let o = run(&["scan", &f]);
    let h = stdout(&o);
    assert!(h.contains("linje 3, kolonne 72"), "{h}");
    assert!(h.contains("privacy.national_id"));
}

#[test]
fn scan_uses_part1_identity() {
    let f = data("cli/letter.txt");
    let names = |args: &[&str]| {
        let mut a = vec!["scan", "--format", "json", &f];
        a.extend_from_slice(args);
        let v: Value = serde_json::from_str(&stdout(&run(&a))).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["kind"] == "name")
            .count()
    };
    let with_part1 = names(&["--part1", &data("tilgang-del1-valid.json")]);
    let with_flags = names(&["--patient-name", "Kari Nordmann"]);
    assert!(with_part1 >= 1);
    assert_eq!(with_part1, with_flags);
}

#[test]
fn scan_clean_text_and_documents() {
    let o = run(&["scan", &data("cli/clean.txt")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(": 0 funn"));

    let o = run(&["scan", "--format", "json", &data("cli/invalid-del2.json")]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["mode"], "document");
    assert_eq!(v["findings"][0]["path"], "/patient/medical_history");
    assert_eq!(v["findings"][0]["code"], "privacy.national_id");

    // The same file as text: found too, at the whole text.
    let o = run(&[
        "scan",
        "--text",
        "--format",
        "json",
        &data("cli/invalid-del2.json"),
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["mode"], "text");
    assert_eq!(v["findings"][0]["path"], "");

    let o = run(&["scan", "--format", "json", &data("tilgang-del2-valid.json")]);
    assert_eq!(o.status.code(), Some(0));

    // --json on malformed JSON: an error with line and column; not JSON without it: text.
    let o = run(&["scan", "--json", &data("cli/malformed.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("linje 4, kolonne 3"));
    let o = run(&["scan", &data("cli/malformed.json")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("(tekst)"));

    // A JSON object that is no form: input error.
    let o = run_with(&["scan", "-"], Some(b"{\"a\": 1}"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("form.kind"), "{}", stderr(&o));

    let o = run(&["scan", &data("cli/bad-utf8.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("linje 3"));
}

#[test]
fn redact_text_and_document() {
    let o = run(&[
        "redact",
        "--part1",
        &data("tilgang-del1-valid.json"),
        &data("cli/letter.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let t = stdout(&o);
    for p in [
        "[NAVN]",
        "[FØDSELSNUMMER]",
        "[TELEFON]",
        "[E-POST]",
        "[FØDSELSDATO]",
    ] {
        assert!(t.contains(p), "{p} missing in {t}");
    }
    assert!(t.starts_with("Epikrise til vurderingskomiteen\n"));
    assert!(t.contains("ROS1-fusjon og hjernemetastaser."));
    assert!(stderr(&o).contains("erstatninger"));

    let out = tmp("redacted.json");
    let o = run(&[
        "redact",
        "-o",
        out.to_str().unwrap(),
        &data("cli/invalid-del2.json"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        v["patient"]["medical_history"],
        "Pasienten, fnr [FØDSELSNUMMER], ble diagnostisert i 2023."
    );
    assert_eq!(v["patient"]["birth_year"], 1974);

    let o = run(&["redact", "--format", "json", &data("cli/invalid-del2.json")]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["replacements"][0]["kind"], "national_id");
    assert_eq!(v["mode"], "document");

    let o = run_with(&["redact", "-"], Some(b"Ring 912 34 567"));
    assert_eq!(stdout(&o), "Ring [TELEFON]");
}

#[test]
fn reference_build_and_parse() {
    let o = run(&[
        "reference",
        "build",
        "--date",
        "2025-05-12",
        "--hf",
        "Haukeland",
        "--dept",
        "onk",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().next(), Some("2025-05-12-HBE-ONK"));

    let o = run(&["reference", "build", "--hf", "OUS", "--dept", "NEVRO"]);
    assert_eq!(stdout(&o).lines().next(), Some("2025-06-01-OUS-NEVRO"));

    let o = run(&[
        "--format",
        "json",
        "reference",
        "parse",
        "2025-13-40-XYZ-ONK",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], false);
    assert!(!v["diagnostics"].as_array().unwrap().is_empty());

    // A configured trust and department list.
    let cfg = data("cli/config.json");
    let o = run(&[
        "--config",
        &cfg,
        "reference",
        "parse",
        "2025-05-12-VOSS-ONK",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Voss sjukehus"));
    let o = run(&[
        "--config",
        &cfg,
        "reference",
        "parse",
        "2025-05-12-VOSS-KIR",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["--config", &data("cli/config-bad.json"), "registry"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("config-bad.json"));
}

#[test]
fn seal_valid_part2_with_pseudonym() {
    let out = tmp("sealed.json");
    let o = run(&[
        "seal",
        &data("tilgang-del2-valid.json"),
        "--part1",
        &data("tilgang-del1-valid.json"),
        "--key-file",
        &data("cli/test-key.hex"),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let sealed: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let canonical = sealed["canonical"].as_str().unwrap();
    assert_eq!(
        sealed["sha256"],
        skjemavakt::submission::seal::sha256_hex(canonical.as_bytes())
    );
    let pseudo = sealed["pseudonym"].as_str().unwrap();
    assert_eq!(pseudo.len(), 64);
    assert!(stdout(&o).contains(pseudo));

    // The same key as raw bytes gives the same pseudonym.
    let raw = tmp("key.bin");
    std::fs::write(&raw, (0u8..32).collect::<Vec<u8>>()).unwrap();
    let o = run(&[
        "--format",
        "json",
        "seal",
        &data("tilgang-del2-valid.json"),
        "--part1",
        &data("tilgang-del1-valid.json"),
        "--key-file",
        raw.to_str().unwrap(),
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["sealed"]["pseudonym"], pseudo);
}

#[test]
fn seal_refuses_what_must_not_leave() {
    let o = run(&["--format", "json", "seal", &data("cli/invalid-del2.json")]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], false);
    assert!(v["sealed"].is_null());
    assert!(codes(&v).contains(&"privacy.national_id".to_string()));

    let o = run(&["seal", &data("tilgang-del1-valid.json")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Ikke forseglet"));

    let o = run(&[
        "--format",
        "json",
        "seal",
        &data("tilgang-del2-valid.json"),
        "--part1",
        &data("tilgang-del1-valid.json"),
        "--key-file",
        &data("cli/short-key.bin"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        codes(&serde_json::from_str(&stdout(&o)).unwrap()).contains(&"gate.key.short".to_string())
    );

    let o = run(&["seal", &data("cli/malformed.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("malformed.json: Inndata er ikke gyldig JSON (linje 4, kolonne 3).")
    );
    let o = run(&["seal", &data("cli/empty.json")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn registry_and_rules() {
    let o = run(&["--format", "json", "registry"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"HBE") && codes.contains(&"OUS"));
    let o = run(&["--config", &data("cli/config.json"), "registry"]);
    assert!(stdout(&o).lines().any(|l| l.starts_with("VOSS ")));

    let o = run(&["--format", "json", "rules"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        v.as_array().unwrap().len(),
        skjemavakt::api::catalogue().len()
    );
    let o = run(&["--lang", "nn", "rules"]);
    assert!(stdout(&o).contains("Inndata er ikkje gyldig JSON"));
}
