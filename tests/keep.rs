//! Keeping a false alarm (issue 19, point 3): through the API (`scan`, `scanField`, `redact`,
//! the gate, the sealed package and its check) and the command line (`--keep` on `scan`,
//! `redact`, `seal`, `check --scan`).
//!
//! The fixture `tests/data/keep/del2-false-alarms.json` holds five false alarms the scanner
//! reports (a staging system named after a place, a clinician's name, a case number that
//! looks like a national identity number, an earlier application's case number, a place
//! after «bor i»); `keeps.json` keeps each of them. Identifier values are public test vectors
//! (26111593816: python-stdnum's `stdnum/no/fodselsnummer.py`) and this project's own
//! examples (14037410021, Kari Nordmann, kari.nordmann@example.no: tests/data/*.json).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::{json, Value};
use skjemavakt::api::{self, Options};
use skjemavakt::submission::seal::{canonical_json, package_digest, sha256_hex};
use std::path::Path;
use std::process::Command;

fn data(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
        .to_string_lossy()
        .into_owned()
}

fn load(p: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(data(p)).unwrap()).unwrap()
}

fn opts(keep: Value) -> Options {
    Options::from_json(
        &json!({ "keep": keep }),
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
    )
    .0
}

fn codes(d: &[skjemavakt::diagnostic::Rendered]) -> Vec<&'static str> {
    d.iter().map(|d| d.code).collect()
}

/// Values that must never be printed or sealed in the kept list.
const SECRETS: &[&str] = &[
    "Ann Arbor",
    "Per Hansen",
    "26111593817",
    "2023/1234",
    "Voss",
    "26111593816",
    "14037410021",
    "Kari",
    "Nordmann",
    "kari.nordmann@example.no",
];

fn no_echo(what: &str, kept_texts_allowed: bool) {
    for s in SECRETS {
        assert!(!what.contains(s), "{s} in {what}");
    }
    if !kept_texts_allowed {
        assert!(!what.contains("Saksnummeret"), "{what}");
    }
}

#[test]
fn a_scan_keeps_what_the_physician_kept_and_reports_nothing_of_it() {
    let doc = load("keep/del2-false-alarms.json");
    let keeps = load("keep/keeps.json");
    let none = api::scan(&doc, &Value::Null, &opts(Value::Null), vec![]);
    assert_eq!(none.findings.len(), 5);
    assert!(none.kept.is_empty());
    let r = api::scan(&doc, &Value::Null, &opts(keeps.clone()), vec![]);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert!(r.diagnostics.is_empty(), "{:?}", codes(&r.diagnostics));
    let reasons: Vec<&str> = r.kept.iter().map(|k| k.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "eponym",
            "clinician_or_author",
            "code_or_value",
            "other",
            "place_or_institution"
        ]
    );
    // Each kept finding is where the scan found it, of its kind.
    for (k, f) in r.kept.iter().zip(&none.findings) {
        assert_eq!(
            (k.path.as_str(), k.kind, k.span),
            (f.path.as_str(), f.kind, f.span)
        );
    }
    // The same, by UTF-16 offsets (as the page gets them): «på» before the third makes
    // bytes and UTF-16 units differ there.
    let utf16: Vec<Value> = keeps
        .as_array()
        .unwrap()
        .iter()
        .zip(&none.findings)
        .map(|(k, f)| {
            let mut k = k.clone();
            k["span"] = json!({"utf16Start": f.span.utf16_start, "utf16End": f.span.utf16_end});
            k
        })
        .collect();
    assert_ne!(
        none.findings[2].span.start,
        none.findings[2].span.utf16_start
    );
    let r16 = api::scan(&doc, &Value::Null, &opts(Value::Array(utf16)), vec![]);
    assert!(r16.findings.is_empty() && r16.kept == r.kept);
    // Per field (the drop-in's scan): the keeps of that field only; the others are not stale.
    let f = api::scan_field(
        &doc,
        &json!("/costs"),
        &Value::Null,
        &opts(keeps.clone()),
        vec![],
    );
    assert!(f.findings.is_empty() && f.diagnostics.is_empty());
    assert_eq!(f.kept.len(), 1);
    no_echo(&serde_json::to_string(&none).unwrap(), false);
}

#[test]
fn a_keep_applies_only_where_the_same_kind_is_found_at_the_same_place() {
    let doc = load("keep/del2-false-alarms.json");
    let one = |kind: &str, start: usize, end: usize| {
        json!([{"path": "/patient/medical_history", "kind": kind,
            "span": {"start": start, "end": end}, "reason": "clinician_or_author"}])
    };
    // Another kind, another place, another field: stale (a warning at the keep), and the
    // finding stays.
    for keep in [
        one("address", 78, 88),
        one("name", 79, 88),
        json!([{"path": "/patient/diagnosis", "kind": "name", "span": {"start": 78, "end": 88},
            "reason": "clinician_or_author"}]),
    ] {
        let r = api::scan(&doc, &Value::Null, &opts(keep), vec![]);
        assert_eq!(r.findings.len(), 5);
        assert!(r.kept.is_empty());
        assert_eq!(codes(&r.diagnostics), ["privacy.keep.stale"]);
        assert_eq!(r.diagnostics[0].path.as_str(), "/options/keep/0");
        assert_eq!(r.diagnostics[0].severity.as_str(), "warning");
    }
    // The text changed before the finding: the keep no longer names it.
    let mut moved = doc.clone();
    moved["patient"]["medical_history"] = json!(format!(
        "NB: {}",
        doc["patient"]["medical_history"].as_str().unwrap()
    ));
    let r = api::scan(&moved, &Value::Null, &opts(one("name", 78, 88)), vec![]);
    assert_eq!(codes(&r.diagnostics), ["privacy.keep.stale"]);
    assert_eq!(r.findings.len(), 5);
}

#[test]
fn valid_national_ids_the_patients_own_e_mail_and_accounts_are_never_kept() {
    let mut doc = load("keep/del2-false-alarms.json");
    let text = "Kari har fnr 26111593816, e-post kari.nordmann@example.no, konto 1234.56.78903.";
    doc["patient"]["medical_history"] = json!(text);
    let part1 = load("tilgang-del1-valid.json");
    let found = api::scan(&doc, &part1, &opts(Value::Null), vec![]);
    let kinds: Vec<(&str, &str)> = found
        .findings
        .iter()
        .filter(|f| f.path.as_str() == "/patient/medical_history")
        .map(|f| (f.kind.as_str(), f.basis.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("name", "patient"),
            ("national_id", "checksum"),
            ("email", "pattern"),
            ("account", "checksum")
        ]
    );
    // Keep every one of them, with every reason: each is refused with its own code, at the
    // finding, and still blocks.
    for reason in ["eponym", "code_or_value", "other"] {
        let keeps: Vec<Value> = found
            .findings
            .iter()
            .filter(|f| f.path.as_str() == "/patient/medical_history")
            .map(|f| {
                let mut k = json!({"path": f.path.as_str(), "kind": f.kind.as_str(),
                    "span": {"start": f.span.start, "end": f.span.end}, "reason": reason});
                if reason == "other" {
                    k["text"] = json!("Ikke en personopplysning.");
                }
                k
            })
            .collect();
        let r = api::scan(&doc, &part1, &opts(Value::Array(keeps.clone())), vec![]);
        assert!(r.kept.is_empty(), "{reason}");
        assert_eq!(r.findings.len(), found.findings.len());
        assert_eq!(
            codes(&r.diagnostics),
            [
                "privacy.keep.patient",
                "privacy.keep.national_id",
                "privacy.keep.email",
                "privacy.keep.account"
            ]
        );
        for (d, f) in r.diagnostics.iter().zip(&found.findings) {
            assert_eq!((d.path.as_str(), d.span), (f.path.as_str(), Some(f.span)));
            assert_eq!(d.severity.as_str(), "error");
        }
        // The gate refuses as well.
        let g = api::prepare_submission(&doc, &part1, &opts(Value::Array(keeps)), vec![]);
        assert!(!g.ok && g.sealed.is_none());
        no_echo(&serde_json::to_string(&r).unwrap(), false);
    }
    // Without part 1 the same name is found by the name lists, and may be kept.
    let bare = api::scan(&doc, &Value::Null, &opts(Value::Null), vec![]);
    let name = bare.findings.iter().find(|f| f.kind.as_str() == "name");
    if let Some(f) = name {
        let keep = json!([{"path": f.path.as_str(), "kind": "name",
            "span": {"start": f.span.start, "end": f.span.end}, "reason": "eponym"}]);
        let r = api::scan(&doc, &Value::Null, &opts(keep), vec![]);
        assert_eq!(r.kept.len(), 1);
    }
    // The messages say why, in each language.
    for lang in ["nb", "nn", "en"] {
        let o = Options::from_json(
            &json!({"lang": lang, "keep": [{"path": "/patient/medical_history", "kind": "email",
                "span": {"start": 33, "end": 57}, "reason": "other", "text": "Avdelingens adresse."}]}),
            NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        )
        .0;
        let r = api::scan(&doc, &part1, &o, vec![]);
        assert_eq!(codes(&r.diagnostics), ["privacy.keep.email"], "{lang}");
        assert!(r.diagnostics[0].hint.is_some());
        assert!(!r.diagnostics[0].source.to_string().is_empty());
    }
}

#[test]
fn the_words_of_an_other_reason_are_scanned_and_refused_when_they_hold_an_identifier() {
    let doc = load("keep/del2-false-alarms.json");
    let part1 = load("tilgang-del1-valid.json");
    let mut keeps = load("keep/keeps.json");
    for words in [
        "Saksnummer fra Kari Nordmann sin forrige søknad.",
        "Ring 912 34 567 for å bekrefte.",
        "Samme som 26111593816.",
    ] {
        keeps[3]["text"] = json!(words);
        let r = api::scan(&doc, &part1, &opts(keeps.clone()), vec![]);
        assert_eq!(codes(&r.diagnostics), ["privacy.keep.text"], "{words}");
        assert_eq!(r.kept.len(), 4);
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].kind.as_str(), "record_number");
        let g = api::prepare_submission(&doc, &part1, &opts(keeps.clone()), vec![]);
        assert!(!g.ok && g.sealed.is_none());
        let all = serde_json::to_string(&(&r, &g)).unwrap();
        assert!(!all.contains(words) && !all.contains("912 34 567"));
        no_echo(&all, false);
    }
}

#[test]
fn malformed_keeps_are_errors_that_echo_nothing() {
    let doc = load("keep/del2-false-alarms.json");
    let good = load("keep/keeps.json")[0].clone();
    let with = |k: &str, v: Value| {
        let mut g = good.clone();
        g[k] = v;
        g
    };
    let mut unknown = good.clone();
    unknown["Kari Nordmann 14037410021"] = json!(1);
    let cases: Vec<(Value, &str)> = vec![
        (json!("Kari Nordmann"), "/options/keep"),
        (json!([["Kari Nordmann"]]), "/options/keep/0"),
        (json!([unknown]), "/options/keep/0/*"),
        (
            json!([with("path", json!("Kari Nordmann"))]),
            "/options/keep/0/path",
        ),
        (json!([with("kind", json!("Kari"))]), "/options/keep/0/kind"),
        (
            json!([with("kind", json!(14037410021u64))]),
            "/options/keep/0/kind",
        ),
        (
            json!([with("span", json!({"start": 45, "end": 36}))]),
            "/options/keep/0/span",
        ),
        (
            json!([with("span", json!({"start": 36}))]),
            "/options/keep/0/span",
        ),
        (
            json!([with("span", json!({"start": -1, "end": 45}))]),
            "/options/keep/0/span",
        ),
        (
            json!([with("span", json!({"start": 36, "end": 45, "Kari": 1}))]),
            "/options/keep/0/span",
        ),
        (
            json!([with("reason", json!("because"))]),
            "/options/keep/0/reason",
        ),
        (
            json!([with("reason", json!("other"))]),
            "/options/keep/0/text",
        ),
        (
            json!([with("text", json!("Kari Nordmann"))]),
            "/options/keep/0/text",
        ),
        (
            json!([with("reason", json!("other")),])
                .as_array()
                .unwrap()
                .iter()
                .map(|k| {
                    let mut k = k.clone();
                    k["text"] = json!("x".repeat(301));
                    k
                })
                .collect::<Value>(),
            "/options/keep/0/text",
        ),
        (json!([good.clone(), good.clone()]), "/options/keep/1"),
    ];
    for (keep, path) in cases {
        let r = api::scan(&doc, &Value::Null, &opts(keep.clone()), vec![]);
        let invalid: Vec<&str> = r
            .diagnostics
            .iter()
            .filter(|d| d.code == "privacy.keep.invalid")
            .map(|d| d.path.as_str())
            .collect();
        assert_eq!(invalid, [path], "{keep}");
        assert_eq!(r.diagnostics[0].severity.as_str(), "error");
        // A malformed keep never seals.
        let g = api::prepare_submission(&doc, &Value::Null, &opts(keep.clone()), vec![]);
        assert!(!g.ok && g.sealed.is_none(), "{keep}");
        no_echo(&serde_json::to_string(&(&r, &g)).unwrap(), false);
    }
}

#[test]
fn the_sealed_package_lists_every_kept_finding_inside_its_digest() {
    let doc = load("keep/del2-false-alarms.json");
    let part1 = load("tilgang-del1-valid.json");
    let keeps = load("keep/keeps.json");
    let refused = api::prepare_submission(&doc, &part1, &opts(Value::Null), vec![]);
    assert!(!refused.ok);
    let r = api::prepare_submission(&doc, &part1, &opts(keeps.clone()), vec![]);
    assert!(r.ok, "{:?}", codes(&r.diagnostics));
    let sealed = r.sealed.unwrap();
    let package = serde_json::to_value(&sealed).unwrap();
    let kept = package["kept"].as_array().unwrap();
    assert_eq!(kept.len(), 5);
    for (k, given) in kept.iter().zip(keeps.as_array().unwrap()) {
        // Path, kind, span and reason; the words for `other` only; never the value.
        assert_eq!(k["path"], given["path"]);
        assert_eq!(k["kind"], given["kind"]);
        assert_eq!(k["span"]["start"], given["span"]["start"]);
        assert_eq!(k["reason"], given["reason"]);
        let mut members: Vec<&str> = k.as_object().unwrap().keys().map(|s| s.as_str()).collect();
        members.sort_unstable();
        let want: &[&str] = if given["reason"] == "other" {
            &["kind", "path", "reason", "span", "text"]
        } else {
            &["kind", "path", "reason", "span"]
        };
        assert_eq!(members, want);
    }
    assert_eq!(
        kept[3]["text"],
        "Saksnummeret til en tidligere søknad i helseforetaket, ikke pasientens."
    );
    no_echo(&serde_json::to_string(&package["kept"]).unwrap(), true);
    // The digest covers the document and the list.
    assert_ne!(sealed.sha256, sha256_hex(sealed.canonical.as_bytes()));
    let joined = format!("{}\n{}", sealed.canonical, canonical_json(&package["kept"]));
    assert_eq!(sealed.sha256, sha256_hex(joined.as_bytes()));
    assert_eq!(
        sealed.sha256,
        package_digest(&sealed.canonical, &package["kept"])
    );
    // Checked before printing: the list as sealed holds; dropped, changed or added to, the
    // digest fails.
    let o = opts(Value::Null);
    let printed = api::render(&package, &o, vec![]);
    assert!(printed.ok, "{:?}", codes(&printed.diagnostics));
    let html = printed.html.unwrap();
    assert!(html.contains("Beholdt etter vurdering") && html.contains("Sted eller institusjon"));
    let mut dropped = package.clone();
    dropped.as_object_mut().unwrap().remove("kept");
    let mut changed = package.clone();
    changed["kept"][0]["reason"] = json!("code_or_value");
    let mut fewer = package.clone();
    fewer["kept"].as_array_mut().unwrap().pop();
    for p in [dropped, changed, fewer] {
        let r = api::render(&p, &o, vec![]);
        assert!(!r.ok);
        assert_eq!(codes(&r.diagnostics), ["verify.digest"]);
    }
    let mut odd = package.clone();
    odd["kept"][0]["value"] = json!("Ann Arbor");
    assert_eq!(
        codes(&api::render(&odd, &o, vec![]).diagnostics),
        ["verify.package"]
    );
    // Nothing kept: the digest is the canonical JSON's, and there is no list.
    let clean = api::prepare_submission(
        &load("tilgang-del2-valid.json"),
        &part1,
        &opts(Value::Null),
        vec![],
    )
    .sealed
    .unwrap();
    assert_eq!(clean.sha256, sha256_hex(clean.canonical.as_bytes()));
    assert!(serde_json::to_value(&clean).unwrap().get("kept").is_none());
    // check_submission (the drop-in's submit) tells the kept findings apart.
    let c = api::check_submission(&doc, &part1, &opts(keeps), vec![]);
    assert!(c.ok && c.findings.is_empty() && c.kept.len() == 5);
}

#[test]
fn redaction_leaves_the_kept_and_gives_their_new_places_for_the_gate() {
    let doc = load("keep/del2-false-alarms.json");
    let mut keeps = load("keep/keeps.json");
    // Keep two; the other three are redacted.
    let kept_two = json!([keeps[1].clone(), keeps[4].clone()]);
    let r = api::redact(&doc, &Value::Null, &opts(kept_two), vec![]);
    assert!(r.diagnostics.is_empty(), "{:?}", codes(&r.diagnostics));
    assert_eq!(r.replacements.len(), 3);
    let history = r.redacted["patient"]["medical_history"].as_str().unwrap();
    assert!(
        history.contains("Per Hansen") && !history.contains("Ann Arbor"),
        "{history}"
    );
    assert!(r.redacted["costs"]["extra_resources"]["description"]
        .as_str()
        .unwrap()
        .contains("Voss"));
    // The kept list points into the redacted document: given to the gate, it seals.
    let k = &r.kept[0];
    assert_eq!(&history[k.span.start..k.span.end], "Per Hansen");
    let again: Value = serde_json::to_value(&r.kept).unwrap();
    let s = api::scan(&r.redacted, &Value::Null, &opts(again.clone()), vec![]);
    assert!(s.findings.is_empty() && s.diagnostics.is_empty() && s.kept.len() == 2);
    let g = api::prepare_submission(&r.redacted, &Value::Null, &opts(again), vec![]);
    assert!(g.ok, "{:?}", codes(&g.diagnostics));
    // A plain text, keeps at path "".
    let text = "Kontroll hos dr. Per Hansen, fnr 26111593816.";
    keeps = json!([{"path": "", "kind": "name", "span": {"start": 17, "end": 27},
        "reason": "clinician_or_author"}]);
    let r = api::redact(&json!(text), &Value::Null, &opts(keeps), vec![]);
    assert_eq!(
        r.redacted,
        json!("Kontroll hos dr. Per Hansen, fnr [FØDSELSNUMMER].")
    );
    assert_eq!(r.kept.len(), 1);
}

#[test]
fn a_long_keep_list_is_indexed() {
    // 20 000 keeps that name nothing, and the five that do: each is looked up once (the
    // time is measured in the benchmarks, never asserted here).
    let doc = load("keep/del2-false-alarms.json");
    let mut keeps: Vec<Value> = (0..20_000)
        .map(|i| {
            json!({"path": "/patient/medical_history", "kind": "name",
                "span": {"start": 1000 + i, "end": 1001 + i}, "reason": "eponym"})
        })
        .collect();
    keeps.extend(load("keep/keeps.json").as_array().unwrap().iter().cloned());
    let r = api::scan(&doc, &Value::Null, &opts(Value::Array(keeps)), vec![]);
    assert_eq!(r.kept.len(), 5);
    assert!(r.findings.is_empty());
    assert_eq!(r.diagnostics.len(), 20_000);
    assert!(r.diagnostics.iter().all(|d| d.code == "privacy.keep.stale"));
}

// ---------------------------------------------------------------------------------------
// The command line.

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_skjemavakt"))
        .args(["--today", "2025-06-01"])
        .args(args)
        .output()
        .unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    (out.status.code().unwrap(), o, e)
}

#[test]
fn the_command_line_keeps_with_keep_file() {
    let doc = data("keep/del2-false-alarms.json");
    let keeps = data("keep/keeps.json");
    let part1 = data("tilgang-del1-valid.json");
    // scan: without, 5 findings (exit 1); with, none and five kept (exit 0).
    let (code, out, _) = cli(&["scan", &doc]);
    assert_eq!(code, 1);
    assert!(
        out.contains("[122–133]"),
        "the span in bytes, as a keep names it: {out}"
    );
    let (code, out, err) = cli(&["scan", &doc, "--keep", &keeps]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 funn") && out.contains("Beholdt"), "{out}");
    no_echo(&(out + &err), true);
    let (code, out, _) = cli(&["--format", "json", "scan", &doc, "--keep", &keeps]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kept"].as_array().unwrap().len(), 5);
    // seal: refused without, sealed with; the package lists the kept findings.
    let dir = std::env::temp_dir().join(format!("skjemavakt-keep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pkg = dir.join("sealed.json");
    let pkg_s = pkg.to_string_lossy().into_owned();
    let (code, _, _) = cli(&["seal", &doc, "--part1", &part1]);
    assert_eq!(code, 1);
    let (code, out, err) = cli(&[
        "seal", &doc, "--part1", &part1, "--keep", &keeps, "-o", &pkg_s,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("beholdt 5"), "{out}");
    no_echo(&(out + &err), true);
    let sealed: Value = serde_json::from_str(&std::fs::read_to_string(&pkg).unwrap()).unwrap();
    assert_eq!(sealed["kept"].as_array().unwrap().len(), 5);
    let (code, _, _) = cli(&[
        "render",
        &pkg_s,
        "-o",
        &dir.join("a.html").to_string_lossy(),
    ]);
    assert_eq!(code, 0);
    // redact: the kept stay.
    let (code, out, err) = cli(&["redact", &doc, "--keep", &keeps]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Per Hansen") && err.contains("5 beholdt"),
        "{err}"
    );
    // check --scan: valid with the keeps, invalid without.
    let (code, _, _) = cli(&["check", "--scan", &doc]);
    assert_eq!(code, 1);
    let (code, out, err) = cli(&["check", "--scan", &doc, "--keep", &keeps]);
    assert_eq!(code, 0, "{out}{err}");
    // A refused keep is reported (not an unreadable input) and the finding stays; a
    // malformed list is an input error; nothing is echoed.
    let refused = dir.join("refused.json");
    std::fs::write(
        &refused,
        r#"[{"path": "", "kind": "national_id", "span": {"start": 4, "end": 15}, "reason": "code_or_value"}]"#,
    )
    .unwrap();
    let text = dir.join("t.txt");
    std::fs::write(&text, "fnr 26111593816").unwrap();
    let (code, out, err) = cli(&[
        "scan",
        &text.to_string_lossy(),
        "--keep",
        &refused.to_string_lossy(),
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("privacy.keep.national_id") || out.contains("privacy.keep.national_id"),
        "{out}{err}"
    );
    no_echo(&(out + &err), false);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"[{"path": "/x", "Kari Nordmann": 1}]"#).unwrap();
    let (code, out, err) = cli(&["scan", &doc, "--keep", &bad.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("privacy.keep.invalid") && err.contains("/options/keep/0/*"),
        "{err}"
    );
    no_echo(&(out + &err), false);
    let (code, _, err) = cli(&["check", &doc, "--keep", &keeps]);
    assert_eq!(code, 2, "--keep needs --scan: {err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn part_1s_number_spread_over_the_words_of_a_reason_is_found_as_it_leaves() {
    // The words of an `other` reason leave in the sealed package, after the document: the
    // search for part 1's number across everything that leaves reads them too. Spread over
    // words, the digits are no number for the text scan, only for that search.
    let doc = load("keep/del2-false-alarms.json");
    let part1 = load("tilgang-del1-valid.json");
    let mut keeps = load("keep/keeps.json");
    keeps[3]["text"] = json!("Sak 1403, rom 74, nr 10021 i arkivet.");
    let g = api::prepare_submission(&doc, &part1, &opts(keeps.clone()), vec![]);
    assert!(!g.ok && g.sealed.is_none(), "{:?}", codes(&g.diagnostics));
    assert!(g
        .diagnostics
        .iter()
        .any(|d| d.path.as_str() == "/options/keep" && d.code == "privacy.national_id"));
    no_echo(&serde_json::to_string(&g).unwrap(), false);
    // Other digits in the same words leave.
    keeps[3]["text"] = json!("Sak 1403, rom 74, nr 10022 i arkivet.");
    let g = api::prepare_submission(&doc, &part1, &opts(keeps), vec![]);
    assert!(g.ok, "{:?}", codes(&g.diagnostics));
}
