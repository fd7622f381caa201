//! The command line's outputs for other tools and for people (issue 20): `schema` (the JSON
//! Schema of a kind at a stage), `render` (the printable application of a sealed package,
//! refused when its seal does not hold) and `check --report return` (the coordinator's return
//! notice, which never holds a value from the application).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TODAY: &str = "2025-06-01";

fn data(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skjemavakt"))
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_outputs");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = run(&["schema", "tilgang-del2", "--stage", "approval"]);
    assert!(o.status.success(), "{}", text(&o));
    let printed: Value = serde_json::from_slice(&o.stdout).unwrap();
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/tilgang-del2.approval.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(printed, committed);
    let en = run(&["--lang", "en", "schema", "hb-offlabel-group"]);
    let s: Value = serde_json::from_slice(&en.stdout).unwrap();
    assert_eq!(
        s["properties"]["treatment"]["properties"]["goal"]["oneOf"][0]["title"],
        "Curative"
    );
    let bad = run(&["schema", "tilgang-del3"]);
    assert_eq!(bad.status.code(), Some(2));
}

fn seal(file: &Path, out: &Path, json: bool) {
    let f = file.to_string_lossy();
    let o = if json {
        let o = run(&["--format", "json", "seal", &f]);
        std::fs::write(out, &o.stdout).unwrap();
        o
    } else {
        run(&["seal", &f, "-o", &out.to_string_lossy()])
    };
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn render_prints_a_sealed_application_and_refuses_a_broken_seal() {
    // As `seal -o` writes it, and as `seal --format json` prints it.
    for (i, json) in [(0, false), (1, true)] {
        let sealed = tmp(&format!("sealed-{i}.json"));
        seal(&data("hb-exception-single-valid.json"), &sealed, json);
        let html = tmp(&format!("app-{i}.html"));
        let o = run(&[
            "render",
            &sealed.to_string_lossy(),
            "-o",
            &html.to_string_lossy(),
        ]);
        assert!(o.status.success(), "{}", text(&o));
        let h = std::fs::read_to_string(&html).unwrap();
        let p: Value = serde_json::from_str(&std::fs::read_to_string(&sealed).unwrap()).unwrap();
        let sha = p["sha256"]
            .as_str()
            .or(p["sealed"]["sha256"].as_str())
            .unwrap();
        assert!(h.starts_with("<!DOCTYPE html>") && h.contains(sha));
        for want in [
            "Etablert behandling",
            "Faglig støtte",
            "Egenbetaling",
            "Kostnadsoppsummering",
        ] {
            assert!(h.contains(want), "{want}");
        }
        assert!(!h.contains("<script") && !h.contains("src=") && !h.contains("href="));
    }
    // A changed application: the digest no longer holds.
    let sealed = tmp("sealed-0.json");
    let mut p: Value = serde_json::from_str(&std::fs::read_to_string(&sealed).unwrap()).unwrap();
    let c = p["canonical"]
        .as_str()
        .unwrap()
        .replacen("ECOG", "ECOG 4", 1);
    p["canonical"] = json!(c);
    let changed = tmp("changed.json");
    std::fs::write(&changed, p.to_string()).unwrap();
    let o = run(&["render", &changed.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "nothing printed");
    assert!(text(&o).contains("verify.digest"));
    let j = run(&["--format", "json", "render", &changed.to_string_lossy()]);
    let r: Value = serde_json::from_slice(&j.stdout).unwrap();
    assert_eq!(r["ok"], false);
    assert_eq!(r["html"], Value::Null);
}

#[test]
fn the_return_notice_lists_what_is_missing_and_never_a_value() {
    let mut d: Value =
        serde_json::from_str(&std::fs::read_to_string(data("tilgang-del2-valid.json")).unwrap())
            .unwrap();
    // An application full of identifiers, and with holes.
    d["patient"]["medical_history"] =
        json!("Kari Nordmann (14037410021), Storgata 12, 5003 Bergen, tlf 912 34 567, kari.nordmann@example.no.");
    d["patient"]["npr_id"] = json!("14037410021");
    d["treatment"]["dosage"] = json!("Ola Hansen født 14.03.1974 ringer 22 33 44 55");
    d["patient"]["Kari Nordmann"] = json!("14037410021");
    d["literature"][0]["url"] = json!("Kari Nordmann");
    d["approvals"]["line_manager"]
        .as_object_mut()
        .unwrap()
        .remove("approved");
    let f = tmp("leaky.json");
    std::fs::write(&f, d.to_string()).unwrap();
    let complete = data("tilgang-del2-valid.json");
    let o = run(&[
        "check",
        "--report",
        "return",
        &f.to_string_lossy(),
        &complete.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let all = text(&o);
    for secret in [
        "Kari",
        "Nordmann",
        "14037410021",
        "Storgata",
        "5003",
        "912 34 567",
        "22 33 44 55",
        "kari.nordmann",
        "Ola",
        "Hansen",
        "14.03.1974",
    ] {
        assert!(!all.contains(secret), "{secret} in the notice");
    }
    for want in [
        "Retur for supplerende opplysninger",
        "Kontroller søknad – Koordinator",
        "Om pasienten",
        "Oppsummering av sykehistorikk",
        "ukjent felt",
        "Relevant litteratur",
        "nr. 1 › Lenke",
        "Linjeleder › Godkjent",
        "Kilde: nye-metoder-tilgangsordningen.txt",
        "Ingen retur.",
    ] {
        assert!(all.contains(want), "{want} missing:\n{all}");
    }
    // In the form's order: the patient before the literature before the approvals.
    let pos = |s: &str| all.find(s).unwrap();
    assert!(pos("Om pasienten") < pos("Relevant litteratur"));
    assert!(pos("Relevant litteratur") < pos("Linjeleder › Godkjent"));
    // For machines: one object per application, with the notice.
    let j = run(&[
        "--format",
        "json",
        "check",
        "--report",
        "return",
        &f.to_string_lossy(),
    ]);
    let r: Value =
        serde_json::from_str(String::from_utf8_lossy(&j.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(r["notice"]["return"], true);
    assert!(r["notice"]["missing"].as_array().unwrap().len() >= 3);
}
