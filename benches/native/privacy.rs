// Speed of the privacy scan (native only): a full part 2 document, long realistic text in
// MB/s, linearity in the input size, adversarial inputs, and 1 MB and 10 MB of worst-case text.
//
// Targets (privacy-gate issue, point 5): a full part 2 in well under a millisecond, over
// 100 MB/s on long text, linear in input size (no pathological patterns).
//
// The long texts are built from the evaluation corpus (tests/corpus/), markers stripped:
// `scan_text_long/1MB` and `/10MB` from every sentence (each holds an identifier or a
// look-alike: the worst density a real text could have), `prose_1MB` from the clinical
// look-alike categories with one planted identifier every 30 sentences.
//
// Texts from 64 KB on are scanned on two threads (src/privacy/windows.rs); run with
// RAYON_NUM_THREADS=1 for one.
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use skjemavakt::forms::FormKind;
use skjemavakt::privacy::{detect, names, normalize, scan_document, scan_text};
use skjemavakt::registry::Registry;
use skjemavakt::submission::Part1;
use skjemavakt::Context;

const DEL1: &str = include_str!("../../tests/data/tilgang-del1-valid.json");
const DEL2: &str = include_str!("../../tests/data/tilgang-del2-valid.json");
const MB: usize = 1 << 20;

// The corpus texts: shared with examples/scan_profile.rs.
include!("corpus_text.rs");
// The worst-case inputs: shared with tests/linear_time.rs.
include!("worst_case.rs");

fn bench(c: &mut Criterion) {
    let part1: serde_json::Value = serde_json::from_str(DEL1).unwrap();
    let part2: serde_json::Value = serde_json::from_str(DEL2).unwrap();
    let registry = Registry::builtin();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let identity = Part1::from_json(&part1, &Context::new(today, &registry)).identity();

    c.bench_function("scan_document_full_part2", |b| {
        b.iter(|| {
            black_box(scan_document(
                black_box(&part2),
                FormKind::TilgangDel2,
                &identity,
            ))
        })
    });

    let mut long = c.benchmark_group("scan_text_long");
    long.sample_size(10);
    for mb in [1usize, 10] {
        let text = text_of(mb * MB);
        long.throughput(Throughput::Bytes(text.len() as u64));
        long.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, t| b.iter(|| black_box(scan_text(black_box(t), &identity))),
        );
    }
    let prose = prose_of(MB);
    long.throughput(Throughput::Bytes(prose.len() as u64));
    long.bench_with_input(BenchmarkId::from_parameter("prose_1MB"), &prose, |b, t| {
        b.iter(|| black_box(scan_text(black_box(t), &identity)))
    });
    long.finish();

    // The stages of one scan on 1 MB, to see where the time goes (compare within one run).
    // `detect` and `names` each tokenise the text here; in a scan they share the tokens.
    let mut stages = c.benchmark_group("scan_stages_1MB");
    stages.sample_size(10);
    let text = text_of(MB);
    let norm = normalize::normalize(&text);
    let patient = names::PatientName::new("Kari Nordmann");
    let facts = detect::PatientFacts {
        birth_date: chrono::NaiveDate::from_ymd_opt(1974, 3, 14),
        ..Default::default()
    };
    let all = detect::Detectors {
        all: true,
        literature_only: false,
    };
    stages.throughput(Throughput::Bytes(text.len() as u64));
    stages.bench_function("normalize", |b| {
        b.iter(|| black_box(normalize::normalize(black_box(&text))))
    });
    stages.bench_function("detect", |b| {
        b.iter(|| black_box(detect::detect(black_box(&norm.text), all, &facts)))
    });
    stages.bench_function("names", |b| {
        b.iter(|| black_box(names::find_names(black_box(&norm.text), Some(&patient))))
    });
    stages.finish();

    let mut lin = c.benchmark_group("scan_text_linearity");
    lin.sample_size(10);
    for mb in [1usize, 4, 16] {
        let text = text_of(mb * MB);
        lin.throughput(Throughput::Bytes(text.len() as u64));
        lin.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, t| b.iter(|| black_box(scan_text(black_box(t), &identity))),
        );
    }
    lin.finish();

    // Inputs built to provoke backtracking or quadratic scans: one long digit chain, many
    // at signs, one endless e-mail-like word, capitalised name-like words, HTML
    // references, invisible characters, one endless line without spaces.
    let adversarial: [(&str, String); 8] = [
        ("digit_chain", "1 2 3 4 5 6 7 8 9 0 ".repeat(MB / 20)),
        ("at_signs", "a@b.".repeat(MB / 4)),
        (
            "email_word",
            format!("{}@{}", "a.".repeat(MB / 4), "b.".repeat(MB / 4)),
        ),
        ("names", "Kari Nordmann Hansen Ola ".repeat(MB / 25)),
        ("html_refs", "&amp;&#8203;&nbsp;".repeat(MB / 18)),
        ("invisible", "1\u{200B}".repeat(MB / 4)),
        ("no_spaces", "x".repeat(MB)),
        (
            "cue_words",
            "født f. pasient mor tlf journalnr ".repeat(MB / 35),
        ),
    ];
    // Issue 17, point 7: every worst-case shape one after the other (the glued numbers that
    // took 37 s on 375 KB, digit chains, markup, look-alikes, names, at signs, …), 1 MB and
    // 10 MB: linear time shows as the same throughput (tests/linear_time.rs counts the work).
    let mut worst = c.benchmark_group("scan_text_worst_case");
    worst.sample_size(10);
    for mb in [1usize, 10] {
        let text = worst_case_mix(mb * MB);
        worst.throughput(Throughput::Bytes(text.len() as u64));
        worst.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, t| b.iter(|| black_box(scan_text(black_box(t), &identity))),
        );
    }
    worst.finish();

    let mut adv = c.benchmark_group("scan_text_adversarial_1MB");
    adv.sample_size(10);
    for (name, text) in &adversarial {
        adv.throughput(Throughput::Bytes(text.len() as u64));
        adv.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| black_box(scan_text(black_box(t), &identity)))
        });
    }
    adv.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
