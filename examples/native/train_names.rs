// Trains the learned name finder (`skjemavakt::privacy::names::model`) on NorNE and writes its
// weights and their description: `src/privacy/names/model.bin` and `model.md`.
//
// ```text
// cargo run --release --example train_names -- ../shared/data/norne            # rebuild
// cargo run --release --example train_names -- ../shared/data/norne --check    # compare
// cargo run --release --example train_names -- ../shared/data/norne --compare  # variants
// cargo run --release --example train_names -- ../shared/data/norne --grid     # thresholds
// cargo run --release --example train_names -- ../shared/data/norne --cv=15,17,10,15
// cargo run --release --example train_names -- ../shared/data/norne --errors=nno
// ```
//
// `--grid` lists every threshold pair within the false-alarm budget with its dev scores
// and how many look-alike lines (tests/corpus/lookalikes.txt) the model alone flags;
// `--cv=SET,BITS,EPOCHS,TOP[,VOCAB_BITS,VOCAB_MIN[,PRUNE]]` cross-validates a variant on
// train; `--try=…` (the same) trains a variant and, with `--out=PATH`, writes its weights;
// `--errors=LANG` prints dev's missed names and false alarms to the terminal (NorNE's
// sentences are never written to a file).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use skjemavakt::privacy::names::model::norne::{Scores, Sentence, Tag, DOCUMENT_SENTENCES};
use skjemavakt::privacy::names::model::train::{
    self, build, evaluate, examples, naive, quantise, vocabulary, words_of, Config, Data, Split,
    CHOSEN, RICHER, SIMPLER,
};
use skjemavakt::privacy::names::model::{rules_only, Model, Scratch};
use skjemavakt::privacy::{scan_text, FindingKind, Identity};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .map_or("../shared/data/norne", String::as_str),
    );
    let flag = |f: &str| args.iter().any(|a| a == f);
    let rules = |text: &str| {
        rules_only(|| {
            scan_text(text, &Identity::none())
                .iter()
                .map(|f| (f.span.start..f.span.end, f.kind == FindingKind::Name))
                .collect()
        })
    };
    let data = match Data::load(&dir, &rules) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e} (give the NorNE folder as the argument)");
            return ExitCode::FAILURE;
        }
    };
    if let Some(spec) = args.iter().find_map(|a| a.strip_prefix("--cv=")) {
        let nob_documents = data.train_sentences.0.div_ceil(DOCUMENT_SENTENCES);
        cross_validate(config(spec), &data.train, nob_documents);
        return ExitCode::SUCCESS;
    }
    println!(
        "train: {} sentences ({} nob, {} nno) in {} documents; dev documents: {}",
        data.train_sentences.0 + data.train_sentences.1,
        data.train_sentences.0,
        data.train_sentences.1,
        data.train.len(),
        data.dev
            .iter()
            .map(|d| format!("{} {}", d.sentences.len(), d.lang))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("touched | fully covered | FA per 1000 O tokens | FA per 1000 other-entity tokens");
    let row = |name: &str, scores: &[Scores]| {
        for (d, s) in data.dev.iter().zip(scores) {
            println!("{name:50} {} {s}", d.lang);
        }
    };
    row(
        "rules (today's scanner)",
        &data
            .dev
            .iter()
            .map(|d| evaluate(d, None, false))
            .collect::<Vec<_>>(),
    );
    let lines = lookalike_lines();
    if flag("--compare") {
        row(
            "rules + naive capitalisation rule",
            &data.dev.iter().map(naive).collect::<Vec<_>>(),
        );
        for cfg in [SIMPLER, CHOSEN, RICHER] {
            let t = match build(cfg, &data.train, &data.dev) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            let bytes = t.bytes();
            let m = Model::parse(&bytes).ok();
            row(&format!("rules + {} {:?}", cfg.name, t.thresholds), &t.dev);
            row("  + consistency", &t.dev_consistent);
            println!(
                "  {} bytes, {} weights not zero; look-alike lines the model alone flags: {} of {}",
                bytes.len(),
                t.weights.iter().filter(|&&w| w != 0).count(),
                m.map_or(0, |m| lookalikes_flagged(&lines, &m)),
                lines.len()
            );
        }
        return ExitCode::SUCCESS;
    }
    let cfg = args
        .iter()
        .find_map(|a| a.strip_prefix("--try="))
        .map_or(CHOSEN, config);
    let t = match build(cfg, &data.train, &data.dev) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = t.bytes();
    let Ok(model) = Model::parse(&bytes) else {
        eprintln!("the weights just written do not read back");
        return ExitCode::FAILURE;
    };
    if flag("--grid") {
        for line in t.grid.lines() {
            let (mid, start) = line
                .split_whitespace()
                .take(2)
                .map(|x| x.parse::<i32>().unwrap_or(0))
                .fold((0, 0), |(a, _), b| (b, a));
            let (mid, start) = (start, mid);
            let m = model.with_thresholds(mid, start);
            println!("{line} | look-alikes {}", lookalikes_flagged(&lines, &m));
        }
    }
    if let Some(lang) = args.iter().find_map(|a| a.strip_prefix("--errors=")) {
        match data.dev.iter().find(|d| d.lang == lang) {
            Some(split) => errors(split, &model),
            None => eprintln!("--errors=nob or --errors=nno"),
        }
        return ExitCode::SUCCESS;
    }
    row(&format!("rules + model {:?}", t.thresholds), &t.dev);
    row("rules + model + consistency", &t.dev_consistent);
    println!(
        "look-alike lines the model alone flags: {} of {}",
        lookalikes_flagged(&lines, &model),
        lines.len()
    );
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/privacy/names");
    let (bin, md) = (here.join("model.bin"), here.join("model.md"));
    let report = t.report(&data);
    if flag("--check") {
        let same = std::fs::read(&bin).ok().as_deref() == Some(&bytes[..])
            && std::fs::read_to_string(&md).ok().as_deref() == Some(report.as_str());
        println!(
            "{}",
            if same {
                "model.bin and model.md are what training gives"
            } else {
                "model.bin or model.md differ from what training gives"
            }
        );
        return if same {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if cfg.name == "try" {
        if let Some(p) = args.iter().find_map(|a| a.strip_prefix("--out=")) {
            if let Err(e) = std::fs::write(p, &bytes) {
                eprintln!("{p}: {e}");
                return ExitCode::FAILURE;
            }
        }
        return ExitCode::SUCCESS;
    }
    if let Err(e) = std::fs::write(&bin, &bytes).and_then(|()| std::fs::write(&md, report)) {
        eprintln!("{}: {e}", here.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} bytes) and model.md",
        bin.display(),
        bytes.len()
    );
    ExitCode::SUCCESS
}

/// `SET,BITS,EPOCHS,TOP[,VOCAB_BITS,VOCAB_MIN[,PRUNE]]`.
fn config(spec: &str) -> Config {
    let v: Vec<u64> = spec.split(',').filter_map(|x| x.parse().ok()).collect();
    let at = |i: usize| v.get(i).copied().unwrap_or(0);
    Config {
        name: "try",
        set: at(0) as u16,
        bits: at(1) as u8,
        epochs: at(2) as usize,
        top: at(3) as i8,
        vocab_bits: at(4) as u8,
        vocab_min: at(5) as usize,
        prune: at(6) as i8,
    }
}

/// The look-alike corpus's sentences (categories and comments stripped).
fn lookalike_lines() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/lookalikes.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('@'))
        .map(|l| l.split_once("] ").map_or(l, |(_, b)| b).to_string())
        .collect()
}

/// How many of `lines` the model alone flags.
fn lookalikes_flagged(lines: &[String], m: &Model<'_>) -> usize {
    let mut s = Scratch::default();
    lines
        .iter()
        .filter(|l| {
            let words = words_of(l);
            let mut h = Vec::new();
            m.find_in(l, &words, &mut s, &mut h);
            !h.is_empty()
        })
        .count()
}

/// Per name: the highest and lowest score of its candidate words (i32::MIN when a word of it
/// is no candidate); per other token: the highest score of the words it overlaps.
#[derive(Default)]
struct Ranked {
    names: Vec<(i32, i32)>,
    o: Vec<i32>,
    other: Vec<i32>,
}

fn ranked(sentences: &[Sentence], m: &Model<'_>, r: &mut Ranked) {
    let mut s = Scratch::default();
    let mut scores = Vec::new();
    for sent in sentences {
        let words = words_of(&sent.text);
        scores.clear();
        m.scores_in(&sent.text, &words, &mut s, &mut scores);
        let score_of = |i: usize| {
            scores
                .iter()
                .find(|x| x.word == i)
                .map_or(i32::MIN, |x| x.score)
        };
        let over = |a: usize, b: usize| {
            words
                .iter()
                .enumerate()
                .filter(move |(_, w)| w.start < b && a < w.end)
                .map(|(i, _)| i)
        };
        for n in sent.person_names() {
            let sc: Vec<i32> = over(n.start, n.end).map(score_of).collect();
            r.names.push((
                sc.iter().copied().max().unwrap_or(i32::MIN),
                sc.iter().copied().min().unwrap_or(i32::MIN),
            ));
        }
        for t in &sent.tokens {
            let max = over(t.start, t.end).map(score_of).max().unwrap_or(i32::MIN);
            match t.tag {
                Tag::O => r.o.push(max),
                Tag::Other => r.other.push(max),
                Tag::Per { .. } => {}
            }
        }
    }
}

/// Five-fold cross-validation on train (folds of contiguous blocks of 20 documents), the
/// model's scores alone (no rules, no vetoes), at the threshold where it flags at most 0.8
/// ordinary tokens per 1 000: steadier than dev's 1 092 names for comparing features.
fn cross_validate(cfg: Config, train_set: &[Sentence], nob: usize) {
    let mut by_lang = [Ranked::default(), Ranked::default()];
    let mut nz = 0;
    for fold in 0..5 {
        let block = |i: usize| i / 20 % 5 == fold;
        let tr: Vec<Sentence> = train_set
            .iter()
            .enumerate()
            .filter(|(i, _)| !block(*i))
            .map(|(_, s)| s.clone())
            .collect();
        let vocab = vocabulary(&tr, cfg.vocab_bits, cfg.vocab_min);
        let weights = quantise(&train::train(&examples(&tr, cfg.set, &vocab), cfg), cfg);
        nz += weights.iter().filter(|&&w| w != 0).count();
        let bytes = Model::to_bytes(cfg.set, cfg.bits, (0, 0), &weights, &vocab);
        let Ok(m) = Model::parse(&bytes) else { return };
        for (l, r) in by_lang.iter_mut().enumerate() {
            let held: Vec<Sentence> = train_set
                .iter()
                .enumerate()
                .filter(|(i, _)| block(*i) && (*i < nob) == (l == 0))
                .map(|(_, s)| s.clone())
                .collect();
            ranked(&held, &m, r);
        }
    }
    println!("cv {cfg:?}: non-zero weights per fold {}", nz / 5);
    for (lang, r) in ["nob", "nno"].iter().zip(&by_lang) {
        let mut o = r.o.clone();
        o.sort_unstable_by(|a, b| b.cmp(a));
        let t = o
            .get(o.len() * 8 / 10000)
            .copied()
            .unwrap_or(i32::MIN)
            .saturating_add(1);
        let pct = |n: usize, d: usize| 100.0 * n as f64 / d as f64;
        println!(
            "{lang}: threshold {t}: touched {:.1} %, covered {:.1} %, other entities {:.1} per 1000 ({} names)",
            pct(r.names.iter().filter(|n| n.0 >= t).count(), r.names.len()),
            pct(r.names.iter().filter(|n| n.1 >= t).count(), r.names.len()),
            10.0 * pct(r.other.iter().filter(|&&x| x >= t).count(), r.other.len()),
            r.names.len()
        );
    }
}

/// Prints the names missed and the ordinary words flagged (on the terminal only).
fn errors(split: &Split, m: &Model<'_>) {
    let mut s = Scratch::default();
    for ((sent, rules), words) in split.sentences.iter().zip(&split.rules).zip(&split.words) {
        let text = &sent.text;
        let mut cands = Vec::new();
        m.scores_in(text, words, &mut s, &mut cands);
        let mut hits = Vec::new();
        m.decode(text, words, &cands, &mut s, &mut hits);
        let found: Vec<Range<usize>> = rules
            .iter()
            .map(|(r, _)| r.clone())
            .chain(hits.iter().map(|h| h.start..h.end))
            .collect();
        let touches = |r: &Range<usize>| found.iter().any(|f| f.start < r.end && r.start < f.end);
        let mut marked = String::new();
        let mut bad = false;
        for t in &sent.tokens {
            let w = &text[t.start..t.end];
            let sc = words
                .iter()
                .position(|w| w.start < t.end && t.start < w.end)
                .and_then(|i| cands.iter().find(|x| x.word == i))
                .map(|x| x.score);
            let tag = match (t.tag, touches(&(t.start..t.end))) {
                (Tag::Per { .. }, false) => {
                    bad = true;
                    format!("[MISS {w} {sc:?}]")
                }
                (Tag::Per { .. }, true) => format!("[{w}]"),
                (Tag::O, true) => {
                    bad = true;
                    format!("<FA {w} {sc:?}>")
                }
                (Tag::Other, true) => format!("<ent {w}>"),
                _ => w.to_string(),
            };
            marked.push_str(&tag);
            marked.push(' ');
        }
        if bad {
            println!("{marked}");
        }
    }
}
