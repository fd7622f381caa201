// Benchmarks for `ident::fnr`: `validate_digits`, `validate` (compact + validate) on
// 1 000 000 generated numbers (all kinds, mixed separator styles, ~10 % invalid).
//
// Run: `cargo bench --bench ident`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use skjemavakt::ident::fnr;

const N: usize = 1_000_000;

/// A small deterministic generator (xorshift), so that the benchmark needs no extra crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Appends check digits (classic rule); `None` when one would be 10.
fn complete(nine: [u8; 9]) -> Option<[u8; 11]> {
    let s1: u32 = nine
        .iter()
        .zip([3u32, 7, 6, 1, 8, 9, 4, 5, 2])
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let k1 = (11 - s1 % 11) % 11;
    if k1 > 9 {
        return None;
    }
    let s2: u32 = nine
        .iter()
        .chain(std::iter::once(&(k1 as u8)))
        .zip([5u32, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let k2 = (11 - s2 % 11) % 11;
    if k2 > 9 {
        return None;
    }
    let mut out = [0u8; 11];
    out[..9].copy_from_slice(&nine);
    out[9] = k1 as u8;
    out[10] = k2 as u8;
    Some(out)
}

fn numbers() -> Vec<[u8; 11]> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::with_capacity(N);
    while out.len() < N {
        let day = 1 + rng.below(28) as u8 + [0, 40][rng.below(2) as usize];
        let month = 1 + rng.below(12) as u8 + [0, 40, 80][rng.below(3) as usize];
        let yy = rng.below(100) as u8;
        let ind = rng.below(500) as u16; // 1900s: always a determinable century
        let nine = [
            day / 10,
            day % 10,
            month / 10,
            month % 10,
            yy / 10,
            yy % 10,
            (ind / 100) as u8,
            (ind / 10 % 10) as u8,
            (ind % 10) as u8,
        ];
        if let Some(mut d) = complete(nine) {
            if rng.below(10) == 0 {
                d[10] = (d[10] + 1) % 10; // ~10 % invalid (K2)
            }
            out.push(d);
        }
    }
    out
}

fn styled(d: &[u8; 11], style: usize) -> String {
    let s: String = d.iter().map(|v| char::from(b'0' + v)).collect();
    match style % 3 {
        0 => s,
        1 => format!("{} {}", &s[..6], &s[6..]),
        _ => format!(
            "{}.{}.{}-{} {}",
            &s[..2],
            &s[2..4],
            &s[4..6],
            &s[6..9],
            &s[9..]
        ),
    }
}

fn bench(c: &mut Criterion) {
    let digits = numbers();
    let strings: Vec<String> = digits
        .iter()
        .enumerate()
        .map(|(i, d)| styled(d, i))
        .collect();
    let mut g = c.benchmark_group("fnr_1M");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("validate_digits", |b| {
        b.iter(|| {
            digits
                .iter()
                .filter(|d| fnr::validate_digits(black_box(d)).is_ok())
                .count()
        })
    });
    g.bench_function("compact+validate", |b| {
        b.iter(|| {
            strings
                .iter()
                .filter(|s| fnr::validate(black_box(s)).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
