// Long texts built from the evaluation corpus (tests/corpus/), markers stripped: included
// by the privacy benchmark (benches/native/privacy.rs) and by examples/scan_profile.rs, so
// that both measure the same text.

const PLANTED: &str = include_str!("../../tests/corpus/planted.txt");
const LOOKALIKES: &str = include_str!("../../tests/corpus/lookalikes.txt");

/// Corpus sentences without comments, directives, known-miss marks, categories and
/// markers.
fn sentences() -> Vec<String> {
    corpus_lines(PLANTED.lines().chain(LOOKALIKES.lines()))
}

/// Ordinary clinical prose: the look-alike categories a medical history is made of
/// (clinical sentences, ordinary words that are also names, lab values, doses, event dates,
/// clinicians' roles).
fn prose_sentences() -> Vec<String> {
    let kinds = [
        "[clinical]",
        "[ordinary_word]",
        "[lab]",
        "[dose]",
        "[event_date]",
        "[clinician_role]",
    ];
    corpus_lines(
        LOOKALIKES
            .lines()
            .filter(|l| kinds.iter().any(|k| l.starts_with(k))),
    )
}

fn corpus_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    lines
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with('@'))
        .map(|l| {
            let l = l.trim_start_matches('!');
            let l = match l.strip_prefix('[').and_then(|r| r.split_once("] ")) {
                Some((_, body)) => body,
                None => l,
            };
            let mut out = String::with_capacity(l.len());
            let mut rest = l;
            while let Some(open) = rest.find('⟦') {
                out.push_str(&rest[..open]);
                let after = &rest[open + '⟦'.len_utf8()..];
                let after = after.split_once(':').map_or(after, |(_, v)| v);
                rest = after;
            }
            out.push_str(rest);
            out.replace('⟧', "")
        })
        .collect()
}

/// About `size` bytes of text: corpus sentences in a fixed shuffled order, in paragraphs —
/// every sentence holds an identifier or a look-alike (the worst realistic density).
fn text_of(size: usize) -> String {
    mix(size, &sentences(), &[], 0)
}

/// About `size` bytes of clinical prose with one planted identifier every 30 sentences.
fn prose_of(size: usize) -> String {
    mix(size, &prose_sentences(), &sentences(), 30)
}

/// Sentences of `s` in a fixed shuffled order, one of `every`-th from `planted`.
fn mix(size: usize, s: &[String], planted: &[String], every: usize) -> String {
    let mut out = String::with_capacity(size + 256);
    let mut i = 0usize;
    while out.len() < size {
        let k = i.wrapping_mul(7919);
        let from = if every > 0 && i % every == every - 1 && !planted.is_empty() {
            &planted[k % planted.len()]
        } else {
            &s[k % s.len()]
        };
        out.push_str(from);
        out.push(if i % 6 == 5 { '\n' } else { ' ' });
        i += 1;
    }
    out
}

