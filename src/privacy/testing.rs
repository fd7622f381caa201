//! Helpers for the privacy module's tests.

/// A small deterministic source of random numbers (xorshift64): `rnd(n)` is in `0..n`.
pub(crate) fn rng(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    }
}

/// The sentences of the evaluation corpus (`tests/corpus/`: planted identifiers and
/// look-alikes), as written there.
pub(crate) fn corpus_lines() -> Vec<&'static str> {
    [
        include_str!("../../tests/corpus/planted.txt"),
        include_str!("../../tests/corpus/lookalikes.txt"),
    ]
    .iter()
    .flat_map(|c| c.lines())
    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    .collect()
}
