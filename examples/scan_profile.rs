//! Scans long text many times, for profiling (`perf record`, `valgrind --tool=callgrind`:
//! instruction counts are repeatable where timings on a shared machine are not):
//!
//! - `cargo run --release --example scan_profile -- [prose|corpus] [MB|KBk] [rounds]`: MB/s of
//!   `scan_text` on clinical prose (one planted identifier in 30 sentences) or on the whole
//!   corpus (an identifier or a look-alike in every sentence); with `STAGES=1` in the
//!   environment, the time of each stage instead. Prints the best and the median round: on a
//!   shared machine the best is the least disturbed.
//! - `… -- write [MB]`: prints the prose text itself (to count its words, for instance).
//! - `… -- dump`: every finding of 150 texts of mutated corpus sentences, one a line. Two
//!   builds that print the same lines scan the same (a change meant only for speed).
use skjemavakt::privacy::{scan_text, Identity};
use std::time::Instant;

// The same texts as the privacy benchmark.
include!("../benches/native/corpus_text.rs");

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map_or("prose", String::as_str);
    // The size in MB, or in KB with a `k` after the number («256k»).
    let size: usize = args.get(2).map_or(4 << 20, |s| match s.strip_suffix('k') {
        Some(kb) => kb.parse::<usize>().unwrap_or(256) << 10,
        None => s.parse::<usize>().unwrap_or(4) << 20,
    });
    let rounds: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    if which == "write" {
        print!("{}", prose_of(size));
        return;
    }
    if which == "dump" {
        // `-- dump text`: each finding's text too, with 20 characters either side.
        dump(&sentences(), args.get(2).is_some_and(|a| a == "text"));
        return;
    }
    let text = if which == "prose" {
        prose_of(size)
    } else {
        text_of(size)
    };
    if std::env::var("STAGES").is_ok() {
        for _ in 0..rounds {
            stages(&text);
        }
        return;
    }
    let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    let mut n = 0;
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t0 = Instant::now();
        n = scan_text(std::hint::black_box(&text), &id).len();
        times.push(t0.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let mbs = |t: f64| text.len() as f64 / t / 1e6;
    println!(
        "{which}: best {:.1} MB/s, median {:.1} MB/s ({rounds} rounds of {:.1} MB), {n} findings",
        mbs(times[0]),
        mbs(times[times.len() / 2]),
        text.len() as f64 / 1e6
    );
}

fn stages(text: &str) {
    use skjemavakt::privacy::{detect, names, normalize};
    let t = Instant::now();
    let n = normalize::normalize(text);
    let a = t.elapsed();
    let facts = detect::PatientFacts::default();
    let all = detect::Detectors {
        all: true,
        literature_only: false,
    };
    let t = Instant::now();
    let h = detect::detect(&n.text, all, &facts).len();
    let b = t.elapsed();
    let p = names::PatientName::new("Kari Nordmann");
    let t = Instant::now();
    let h2 = names::find_names(&n.text, Some(&p)).len();
    let c = t.elapsed();
    let mb = text.len() as f64 / 1e6;
    println!(
        "normalize {:.1} ms/MB, detect {:.1} ms/MB ({h}), names {:.1} ms/MB ({h2})",
        a.as_secs_f64() * 1e3 / mb,
        b.as_secs_f64() * 1e3 / mb,
        c.as_secs_f64() * 1e3 / mb
    );
}

/// Prints every finding of many texts (the corpus, and mutated corpus sentences): compare
/// the output of two builds to see that a change to the scanner keeps its results.
fn dump(sentences: &[String], show: bool) {
    use std::fmt::Write;
    let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    let none = Identity::none();
    let alphabet: Vec<char> = "0123456789 -./:@()[],\n\tKkNnAaÆæØøÅåéStgvaeFf+"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rnd = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut out = String::new();
    for round in 0..150 {
        let mut text = String::new();
        for _ in 0..200 {
            let s = &sentences[rnd(sentences.len())];
            let mut chars: Vec<char> = s.chars().collect();
            if round > 0 {
                for _ in 0..rnd(6) {
                    let at = rnd(chars.len() + 1);
                    match rnd(3) {
                        0 => chars.insert(at, alphabet[rnd(alphabet.len())]),
                        1 if at < chars.len() => {
                            chars.remove(at);
                        }
                        _ if at < chars.len() => chars[at] = alphabet[rnd(alphabet.len())],
                        _ => {}
                    }
                }
            }
            text.extend(chars);
            text.push(if rnd(5) == 0 { '\n' } else { ' ' });
        }
        for (who, ident) in [("id", &id), ("none", &none)] {
            for f in scan_text(&text, ident) {
                let _ = writeln!(
                    out,
                    "{round} {who} {:?} {}..{} {:.2}",
                    f.kind, f.span.start, f.span.end, f.confidence
                );
                if show {
                    let at = |i: usize| {
                        let mut i = i.min(text.len());
                        while !text.is_char_boundary(i) {
                            i -= 1;
                        }
                        i
                    };
                    let (a, b) = (at(f.span.start), at(f.span.end));
                    let (pa, pb) = (at(a.saturating_sub(20)), at(b + 20));
                    let _ = writeln!(
                        out,
                        "    {:?} [{:?}] {:?}",
                        &text[pa..a],
                        &text[a..b],
                        &text[b..pb]
                    );
                }
            }
        }
    }
    print!("{out}");
}
