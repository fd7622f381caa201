// Parsing speed of amounts and durations (native only).
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use skjemavakt::money::{Amount, Duration};

fn bench(c: &mut Criterion) {
    let amounts = [
        "125 000",
        "kr 125 000,50",
        "125.000,-",
        "ca. 1,2 mill. kr per måned",
        "1.234",
        "EUR 100",
    ];
    c.bench_function("amount_parse_6_writings", |b| {
        b.iter(|| {
            for a in amounts {
                let _ = black_box(Amount::parse(black_box(a)));
            }
        })
    });
    let durations = [
        "6 måneder",
        "3–6 mnd",
        "ett og et halvt år",
        "til progresjon",
    ];
    c.bench_function("duration_parse_4_writings", |b| {
        b.iter(|| {
            for d in durations {
                let _ = black_box(Duration::parse(black_box(d)));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
