//! Where findings overlap: the best one wins (priority of its kind, then confidence, then
//! length), widened over a number that sticks out of it; and every finding widened to whole
//! words.

use super::Hit;

/// Widens each finding to whole words: letters or digits glued to either end are taken in
/// («Solberg374 …» where only «Solberg» is a name). Redaction then never leaves half a word
/// whose neighbour changed — a digit run glued to a name is not a phone number, but the
/// same run after «\[NAVN\]» would be. Overlaps that widening creates are resolved again.
///
/// One pass over the text at most, however many findings share one long glued run of
/// letters and digits: the findings' ends are taken in increasing order and their starts in
/// decreasing order, and a walk stops where the walk before it ended (everything between
/// is known to be glued). Walking from each finding to the ends of its run was quadratic on
/// a run with a finding every few bytes (375 KB took 37 s).
pub fn widen_to_words(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    let mut hits = hits;
    let widened = widen_ends(text, &mut hits) | widen_starts(text, &mut hits);
    if widened {
        resolve_overlaps(hits)
    } else {
        hits
    }
}

/// A letter or digit of any script: glued to a finding.
fn glued(c: char) -> bool {
    c.is_alphanumeric()
}

/// Indices of `hits` in increasing order of `key` (the identity when already in order:
/// findings come sorted by start and, not overlapping, by end too).
fn order_by(hits: &[Hit], key: impl Fn(&Hit) -> usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..hits.len()).collect();
    if !hits.windows(2).all(|w| match w {
        [a, b] => key(a) <= key(b),
        _ => true,
    }) {
        crate::sort::sort_by(&mut order, |&a, &b| {
            let ka = hits.get(a).map_or(0, &key);
            let kb = hits.get(b).map_or(0, &key);
            ka.cmp(&kb)
        });
    }
    order
}

/// Moves each finding's end forward over the letters and digits glued to it; `true` if
/// any moved.
fn widen_ends(text: &str, hits: &mut [Hit]) -> bool {
    let order = order_by(hits, |h| h.end);
    // The last walk went from `from` to `to`, where the glued run ends: every end in
    // [from, to] ends there too.
    let (mut from, mut to) = (usize::MAX, 0);
    let mut widened = false;
    for k in order {
        let Some(h) = hits.get_mut(k) else { continue };
        let e = h.end;
        let stop = if from <= e && e <= to {
            to
        } else {
            let mut p = e;
            while let Some(c) = text.get(p..).and_then(|r| r.chars().next()) {
                if !glued(c) {
                    break;
                }
                p += c.len_utf8();
            }
            (from, to) = (e, p);
            p
        };
        widened |= stop != e;
        h.end = stop;
    }
    widened
}

/// Moves each finding's start back over the letters and digits glued to it; `true` if any
/// moved.
fn widen_starts(text: &str, hits: &mut [Hit]) -> bool {
    let order = order_by(hits, |h| h.start);
    // The last walk went back from `from` to `to`, where the glued run starts: every start
    // in [to, from] starts there too.
    let (mut from, mut to) = (0, usize::MAX);
    let mut widened = false;
    for k in order.into_iter().rev() {
        let Some(h) = hits.get_mut(k) else { continue };
        let s = h.start;
        let stop = if to <= s && s <= from {
            to
        } else {
            let mut p = s;
            while let Some(c) = text.get(..p).and_then(|r| r.chars().next_back()) {
                if !glued(c) {
                    break;
                }
                p -= c.len_utf8();
            }
            (from, to) = (s, p);
            p
        };
        widened |= stop != s;
        h.start = stop;
    }
    widened
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

    /// [`widen_to_words`] as it was: each finding walked to the ends of its run.
    fn widen_each(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
        let out: Vec<Hit> = hits
            .into_iter()
            .map(|mut h| {
                while let Some(c) = text[..h.start].chars().next_back() {
                    if !c.is_alphanumeric() {
                        break;
                    }
                    h.start -= c.len_utf8();
                }
                while let Some(c) = text[h.end..].chars().next() {
                    if !c.is_alphanumeric() {
                        break;
                    }
                    h.end += c.len_utf8();
                }
                h
            })
            .collect();
        resolve_overlaps(out)
    }

    #[test]
    fn widening_in_one_pass_is_widening_each() {
        let mut rnd = crate::privacy::testing::rng(0x5151_7E11_0BAD_CAFE);
        let pieces = ["ab", "12", " ", "-", "ø", "Å1", "𝟐", ".", "x"];
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..rnd(30) {
                text.push_str(pieces[rnd(pieces.len())]);
            }
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut hits = Vec::new();
            for _ in 0..rnd(6) {
                let a = bounds[rnd(bounds.len())];
                let b = bounds[rnd(bounds.len())];
                hits.push(Hit {
                    start: a.min(b),
                    end: a.max(b),
                    kind: FindingKind::Phone,
                    confidence: 0.9,
                    basis: Basis::Pattern,
                });
            }
            let hits = resolve_overlaps(hits);
            let mut mixed = hits.clone();
            mixed.reverse();
            let want = widen_each(&text, hits.clone());
            assert_eq!(widen_to_words(&text, hits), want, "{text:?}");
            // Out of order: the same findings (put in order when nothing was widened).
            let got = resolve_overlaps(widen_to_words(&text, mixed));
            assert_eq!(got, want, "{text:?} (out of order)");
        }
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
