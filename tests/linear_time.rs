//! Linear time on any input (issue 17, point 7), shown by counting work, not by a clock: each
//! worst-case input (`benches/native/worst_case.rs`: the glued numbers that made the scan
//! quadratic, digit chains, markup, look-alike letters, names, at signs, dots, colons, digit
//! words, plates, cue words, invisible characters) is scanned at two sizes, 4× apart, and the
//! instructions executed are counted by Valgrind (`cachegrind`, without its cache simulation:
//! an exact count, the same on every run). Linear work grows 4×, a quadratic scan up to 16×;
//! the test allows 5× (the n log n of the sorted overlap checks fits under it; a search over
//! every finding per window, put back on purpose, gave 5.5× on digits joined by spaces).
//!
//! The test runs itself again under Valgrind: [`scan_one_worst_case`] (ignored in an ordinary
//! run) scans the input its environment names. Without Valgrind installed the test says so
//! and counts nothing (`apt-get install valgrind`; `scripts/ensure-tools.sh` installs it).
#![cfg(not(target_arch = "wasm32"))]

use skjemavakt::privacy::{scan_text, Identity};
use std::process::Command;

include!("../benches/native/worst_case.rs");

/// The sizes compared: small enough that Valgrind (about 20× slower) on a debug build takes
/// seconds, large enough that the constant part (the test harness, the word lists) is small.
const SMALL: usize = 4 * 1024;
const RATIO: usize = 4;

/// The environment variable that makes [`scan_one_worst_case`] scan: `shape index:size`.
const CHILD: &str = "SKJEMAVAKT_WORST_CASE";

/// Scans one worst-case input, named by [`CHILD`] (`-` for none: the base line of the
/// harness and the word lists), with part 1's name and number. Run by
/// [`scanning_work_grows_linearly`] under Valgrind.
#[test]
#[ignore = "run under Valgrind by scanning_work_grows_linearly"]
fn scan_one_worst_case() {
    let Ok(what) = std::env::var(CHILD) else {
        return;
    };
    let identity = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    let text = match what.split_once(':') {
        Some((i, size)) => {
            let i: usize = i.parse().unwrap();
            let size: usize = size.parse().unwrap();
            let mut shapes = worst_case_texts(size);
            // One past the shapes: all of them one after the other (the benchmark's text).
            if i == shapes.len() {
                worst_case_mix(size)
            } else {
                shapes.swap_remove(i).1
            }
        }
        // The same work but the scan: the inputs are built (of size 0), the lists loaded.
        None => {
            let _ = worst_case_texts(0);
            String::new()
        }
    };
    let found = scan_text(&text, &identity);
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

/// The instructions a run of [`scan_one_worst_case`] executes, by Valgrind; `None` without
/// Valgrind.
fn instructions(what: &str) -> Option<u64> {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("valgrind")
        .args([
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
        ])
        .arg(&exe)
        .args([
            "scan_one_worst_case",
            "--exact",
            "--ignored",
            "--test-threads=1",
        ])
        .env(CHILD, what)
        // One thread: the scan of a long text in windows on two threads is the same work.
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what}: {err}");
    let line = err.lines().find(|l| l.contains("I   refs:"))?;
    line.rsplit(' ').next()?.replace(',', "").parse().ok()
}

#[test]
fn scanning_work_grows_linearly() {
    let Some(base) = instructions("-") else {
        println!("Valgrind not found: the scan's work was not counted");
        return;
    };
    let mut names: Vec<&str> = worst_case_texts(0).into_iter().map(|(n, _)| n).collect();
    names.push("all shapes, one after the other");
    // Two Valgrind runs per input, as many at once as there are cores.
    let jobs: Vec<String> = (0..names.len())
        .flat_map(|i| [format!("{i}:{SMALL}"), format!("{i}:{}", SMALL * RATIO)])
        .collect();
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut counts = vec![0u64; jobs.len()];
    for (chunk, out) in jobs.chunks(cores).zip(counts.chunks_mut(cores)) {
        std::thread::scope(|s| {
            let runs: Vec<_> = chunk
                .iter()
                .map(|j| s.spawn(move || instructions(j).unwrap_or(0)))
                .collect();
            for (o, r) in out.iter_mut().zip(runs) {
                *o = r.join().unwrap();
            }
        });
    }
    let mut bad = Vec::new();
    println!(
        "{:<36} {:>14} {:>14} {:>7}",
        "worst case",
        format!("{} KB", SMALL / 1024),
        format!("{} KB", SMALL * RATIO / 1024),
        "ratio"
    );
    for (name, pair) in names.iter().zip(counts.chunks(2)) {
        // The scan's own work: what the run executes beyond the base line.
        let s = pair.first().copied().unwrap_or(0).saturating_sub(base);
        let l = pair.get(1).copied().unwrap_or(0).saturating_sub(base);
        let ratio = l as f64 / s.max(1) as f64;
        println!("{name:<36} {s:>14} {l:>14} {ratio:>7.2}");
        if !(ratio <= 5.0 && s > 0) {
            bad.push(format!(
                "{name}: {ratio:.2}× the work for {RATIO}× the text"
            ));
        }
    }
    assert!(bad.is_empty(), "not linear:\n{}", bad.join("\n"));
}
