//! Benchmarks of the back office (native only; `cargo bench --bench cli`):
//! validate one part 2, scan one part 2, redact 1 MB of text, and `skjemavakt check` on a
//! folder of 10 000 documents end to end (the release binary, parallel over the cores).
//! Numbers are in README.md, "Back office: the command line".

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::NaiveDate;
    use criterion::{black_box, criterion_group, BenchmarkId, Criterion, Throughput};
    use serde_json::Value;
    use skjemavakt::api::{self, Options};
    use skjemavakt::privacy::{redact_plain, Identity};
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::time::Duration;

    fn data(name: &str) -> Value {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name);
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    }

    fn options() -> Options {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        Options::from_json(&Value::Null, today).0
    }

    /// About 1 MB of clinical-looking Norwegian text with identifiers every few lines
    /// (a valid national identity number — python-stdnum's test vector 26111593816 — phone,
    /// e-mail, birth date). Deterministic.
    pub fn text_1mb() -> String {
        let paras = [
            "Pasienten har ikke-småcellet lungekreft med ROS1-fusjon, behandlet med crizotinib i 14 måneder. ",
            "Kontroll med CT thorax/abdomen etter 8 og 16 uker; vurdering etter RECIST 1.1. ",
            "Fnr 261115 93816 er registrert i journalen. ",
            "Pasienten kan nås på 912 34 567 eller pasient@example.no. ",
            "Født 14.03.1974, bor i Bergen. ECOG 1, i 50 % arbeid. ",
        ];
        let mut s = String::with_capacity(1 << 20);
        let mut i = 0usize;
        while s.len() < 1_000_000 {
            s.push_str(paras[i % paras.len()]);
            if i % 7 == 6 {
                s.push('\n');
            }
            i += 1;
        }
        s
    }

    /// Writes 10 000 documents: the six examples in turn; every 10th has a required field
    /// removed, every 25th an identifier in a free-text field.
    fn corpus(dir: &Path, n: usize) {
        if dir.join(format!("{:05}.json", n - 1)).exists() {
            return;
        }
        std::fs::create_dir_all(dir).unwrap();
        let examples: Vec<Value> = [
            "tilgang-del2-valid.json",
            "tilgang-del1-valid.json",
            "hb-exception-single-valid.json",
            "hb-exception-group-valid.json",
            "hb-offlabel-single-valid.json",
            "hb-offlabel-group-valid.json",
        ]
        .iter()
        .map(|f| data(f))
        .collect();
        for i in 0..n {
            let mut d = examples[i % examples.len()].clone();
            if i % 10 == 9 {
                if let Some(o) = d.as_object_mut() {
                    o.remove("reference");
                }
            }
            if i % 25 == 24 {
                if let Some(p) = d.get_mut("patient").and_then(Value::as_object_mut) {
                    p.insert(
                        "medical_history".into(),
                        Value::String("Fnr 26111593816, diagnostisert 2023.".into()),
                    );
                }
            }
            std::fs::write(
                dir.join(format!("{i:05}.json")),
                serde_json::to_string_pretty(&d).unwrap(),
            )
            .unwrap();
        }
    }

    fn library(c: &mut Criterion) {
        let opts = options();
        let part2 = data("tilgang-del2-valid.json");
        c.bench_function("validate_one_part2", |b| {
            b.iter(|| api::validate(black_box(&part2), &opts, Vec::new()))
        });
        c.bench_function("scan_one_part2", |b| {
            b.iter(|| api::scan(black_box(&part2), &Value::Null, &opts, Vec::new()))
        });
        // Keeping false alarms: the gate on the application with five kept findings, and the
        // same with thousands of keeps more that name nothing (each one stale): the keep list
        // is indexed once, so the time grows with the list's length, never list × findings.
        let doc = data("keep/del2-false-alarms.json");
        let keeps = data("keep/keeps.json");
        let mut g = c.benchmark_group("gate_with_keeps");
        g.sample_size(10);
        for extra in [0usize, 1_000, 10_000, 100_000] {
            let mut list: Vec<Value> = (0..extra)
                .map(|i| {
                    serde_json::json!({"path": "/patient/medical_history", "kind": "name",
                        "span": {"start": 1000 + i, "end": 1001 + i}, "reason": "eponym"})
                })
                .collect();
            list.extend(keeps.as_array().unwrap().iter().cloned());
            let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
            let o = Options::from_json(&serde_json::json!({ "keep": list }), today).0;
            g.throughput(Throughput::Elements(extra as u64 + 5));
            g.bench_with_input(BenchmarkId::from_parameter(extra + 5), &o, |b, o| {
                b.iter(|| api::prepare_submission(black_box(&doc), &Value::Null, o, Vec::new()))
            });
        }
        g.finish();
        let text = text_1mb();
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let mut g = c.benchmark_group("redact");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.bench_function("redact_1mb_text", |b| {
            b.iter(|| redact_plain(black_box(&text), &id))
        });
        g.finish();
    }

    fn end_to_end(c: &mut Criterion) {
        let n = 10_000;
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-check-10000");
        corpus(&dir, n);
        let mut g = c.benchmark_group("check_end_to_end");
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(20));
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("check_folder", n), &dir, |b, dir| {
            b.iter(|| {
                let out = Command::new(env!("CARGO_BIN_EXE_skjemavakt"))
                    .args(["--today", "2025-06-01", "check", "--format", "json"])
                    .arg(dir)
                    .output()
                    .unwrap();
                // Every 10th document lacks its reference: exit 1, 10 000 lines.
                assert_eq!(out.status.code(), Some(1));
                assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), n);
            })
        });
        g.finish();
    }

    criterion_group!(benches, library, end_to_end);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
