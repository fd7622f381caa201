//! Where findings overlap: the best one wins (priority of its kind, then confidence, then
//! length), widened over a number that sticks out of it; and every finding widened to whole
//! words.

use super::Hit;

/// Widens each finding to whole words: letters or digits glued to either end are taken in
/// («Solberg374 …» where only «Solberg» is a name). Redaction then never leaves half a word
/// whose neighbour changed — a digit run glued to a name is not a phone number, but the
/// same run after «\[NAVN\]» would be. Overlaps that widening creates are resolved again.
pub fn widen_to_words(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    let alnum = |c: char| c.is_alphanumeric();
    let mut widened = false;
    let out: Vec<Hit> = hits
        .into_iter()
        .map(|mut h| {
            while let Some(c) = text.get(..h.start).and_then(|r| r.chars().next_back()) {
                if !alnum(c) {
                    break;
                }
                h.start -= c.len_utf8();
                widened = true;
            }
            while let Some(c) = text.get(h.end..).and_then(|r| r.chars().next()) {
                if !alnum(c) {
                    break;
                }
                h.end += c.len_utf8();
                widened = true;
            }
            h
        })
        .collect();
    if widened {
        resolve_overlaps(out)
    } else {
        out
    }
}

/// Keeps the best finding where findings overlap (priority, then confidence, then length).
/// When the loser is a number that sticks out of the winner, the winner is widened to cover
/// both. The result is sorted and never overlaps. O(n log n).
///
/// Findings that overlap no other (nearly all: a long text with thousands of findings has
/// a few overlapping groups) are kept as they are; each group of findings that overlap
/// one another, directly or through others, is resolved alone (`resolve_group`). No
/// finding of one group can touch another group's, widened or not: the same result as
/// resolving all at once, at a fraction of the cost.
pub fn resolve_overlaps(hits: Vec<Hit>) -> Vec<Hit> {
    // Each finding with its place in `hits`: ties keep that order, as a stable sort would.
    let mut hits: Vec<(Hit, usize)> = hits.into_iter().zip(0..).collect();
    sort_hits(&mut hits, true);
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut rest: &[(Hit, usize)] = &hits;
    while let Some(((first, _), _)) = rest.split_first() {
        let mut end = first.end;
        let mut last_start = first.start;
        // The group: every next finding that starts before the group's end (or where the
        // last one starts: two empty findings at one place are one group).
        let n = 1 + rest
            .iter()
            .skip(1)
            .take_while(|(h, _)| {
                let inside = h.start < end || h.start == last_start;
                end = end.max(h.end);
                last_start = h.start;
                inside
            })
            .count();
        let n = n.min(rest.len());
        let (group, tail) = rest.split_at(n);
        match group {
            [(h, _)] => out.push(*h),
            _ => resolve_group(group, &mut out),
        }
        rest = tail;
    }
    out
}

/// Sorts findings by start (`by_start`) or by how good they are (priority, then
/// confidence, then length); ties by their place, so any sort gives the same order. The
/// wasm package uses the crate's small sort ([`crate::sort`]: no copy of the standard
/// library's sort code for findings); natively the standard library's, which is quicker on
/// the thousands of findings of a long text.
// A `Vec` for the crate's sort in the wasm package; natively a slice would do.
#[cfg_attr(not(target_arch = "wasm32"), allow(clippy::ptr_arg))]
fn sort_hits(hits: &mut Vec<(Hit, usize)>, by_start: bool) {
    let cmp = |(a, i): &(Hit, usize), (b, j): &(Hit, usize)| {
        let order = if by_start {
            a.start.cmp(&b.start)
        } else {
            a.kind
                .priority()
                .cmp(&b.kind.priority())
                .then(b.confidence.total_cmp(&a.confidence))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        };
        order.then(i.cmp(j))
    };
    #[cfg(target_arch = "wasm32")]
    crate::sort::sort_by(hits, cmp);
    // Natively std's sort: quicker on the thousands of findings of a long text, and the
    // native build's size does not matter.
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::disallowed_methods)]
    hits.sort_by(cmp);
}

/// [`resolve_overlaps`] for one group of overlapping findings, appended to `out` by start.
fn resolve_group(group: &[(Hit, usize)], out: &mut Vec<Hit>) {
    let mut group = group.to_vec();
    sort_hits(&mut group, false);
    // Kept findings by start. Before widening they are disjoint, so the one that can
    // overlap [s, e) is the last starting before e — or, after a widening, the one before
    // it; the final pass merges whatever widening made overlap.
    let mut kept: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for &(h, _) in group.iter() {
        let hit_key = kept
            .range(..h.end)
            .rev()
            .take(2)
            .find(|(_, k)| h.start < k.end && k.start < h.end)
            .map(|(&key, _)| key);
        match hit_key {
            None => {
                // Two findings with the same start: the earlier (better) one stays.
                kept.entry(h.start).or_insert(h);
            }
            // A finding that sticks out of the one that wins would leave a piece behind,
            // to be found anew once the winner is redacted: digits («261115 93816@…» where
            // the e-mail starts at «93816»), or an e-mail's local part that runs back into
            // another address. The winner covers both.
            Some(key) => {
                if let Some(mut k) = kept.remove(&key) {
                    k.start = k.start.min(h.start);
                    k.end = k.end.max(h.end);
                    kept.insert(k.start, k);
                }
            }
        }
    }
    let from = out.len();
    for h in kept.into_values() {
        // Only this group's findings merge (earlier ones end before it starts); the merged
        // finding keeps the kind (and confidence and basis) that wins.
        let own = out.len() > from;
        match out.last_mut() {
            Some(last) if own && h.start < last.end => {
                last.end = last.end.max(h.end);
                if h.kind.priority() < last.kind.priority() {
                    last.kind = h.kind;
                    last.confidence = h.confidence;
                    last.basis = h.basis;
                }
            }
            _ => out.push(h),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::{Basis, FindingKind};

    /// [`resolve_overlaps`] as it was before groups: every finding at once, as one group.
    fn resolve_all_at_once(hits: Vec<Hit>) -> Vec<Hit> {
        let all: Vec<(Hit, usize)> = hits.into_iter().zip(0..).collect();
        let mut out = Vec::new();
        if !all.is_empty() {
            resolve_group(&all, &mut out);
        }
        out
    }

    #[test]
    fn groups_resolve_as_all_at_once() {
        let kinds = [
            FindingKind::NationalId,
            FindingKind::PossibleNationalId,
            FindingKind::Phone,
            FindingKind::Email,
            FindingKind::Address,
            FindingKind::Name,
            FindingKind::BirthDate,
        ];
        let mut rnd = crate::privacy::testing::rng(0x1234_5678_9ABC_DEF1);
        let mut overlapping = 0;
        for _ in 0..20_000 {
            // Few findings on a short stretch: many overlap, some are empty, some share a
            // start, ties in confidence and length are common.
            let n = rnd(9);
            let span = 1 + rnd(60);
            let hits: Vec<Hit> = (0..n)
                .map(|_| {
                    let start = rnd(span);
                    Hit {
                        start,
                        end: start + rnd(12),
                        kind: kinds[rnd(kinds.len())],
                        confidence: [0.6, 0.9, 1.0][rnd(3)],
                        basis: Basis::ALL[rnd(Basis::ALL.len())],
                    }
                })
                .collect();
            let once = resolve_all_at_once(hits.clone());
            overlapping += usize::from(once.len() < hits.len());
            assert_eq!(resolve_overlaps(hits.clone()), once, "{hits:?}");
        }
        assert!(overlapping > 5_000, "{overlapping}");
    }
}
