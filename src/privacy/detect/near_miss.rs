//! Part 1's own national identity number, mistyped or disguised, and numbers written with
//! letters that look like digits.
//!
//! **Near misses.** A window of a digit chain within two edits of part 1's number — a digit
//! changed, two digits swapped, or one digit left out or typed in (with at most one more
//! change) — is the patient's number, however it is grouped and whatever stands around it:
//! the excuses that keep a possible number from being reported elsewhere (an amount's
//! grouping, a money word, a letter glued on, a failed date) do not apply. The chance that
//! a window of other digits comes that close to one given number is about 5 in 10⁸.
//!
//! **Look-alike letters.** `14O3741OO21`, `l4037410021`: letters that look like digits
//! (O, o and their Cyrillic and Greek twins → 0; l, I, | and their twins → 1), glued to
//! digits, are read as digits. Such a window is reported only when it is a valid number
//! (check digits hold) or near part 1's.

use super::{Basis, FindingKind, Hit};
use crate::ident;
use crate::privacy::tokens::{TokenClass, Tokens};

/// The digits of a chain with the byte range each came from, and whether it was a
/// look-alike letter.
#[derive(Default)]
pub(super) struct Digits {
    d: Vec<u8>,
    span: Vec<(usize, usize)>,
    lookalike: Vec<bool>,
}

impl Digits {
    /// The digits of the digit runs `runs` (token indices).
    pub(super) fn of_runs(cx: &Tokens, runs: &[usize]) -> Digits {
        let mut out = Digits::default();
        let total: usize = runs.iter().map(|&r| cx.len(r)).sum();
        if total < 10 {
            return out;
        }
        for &r in runs {
            out.push_run(cx, r);
        }
        out
    }

    /// Appends the digit `v` read from bytes `start..end` (`lookalike`: from a letter).
    pub(super) fn push(&mut self, v: u8, start: usize, end: usize, lookalike: bool) {
        self.d.push(v);
        self.span.push((start, end));
        self.lookalike.push(lookalike);
    }

    /// The digits.
    pub(super) fn digits(&self) -> &[u8] {
        &self.d
    }

    fn push_run(&mut self, cx: &Tokens, r: usize) {
        let start = cx.start(r);
        for (k, b) in cx.s(r).bytes().enumerate() {
            self.d.push(b.wrapping_sub(b'0'));
            self.span.push((start + k, start + k + 1));
            self.lookalike.push(false);
        }
    }

    /// Bytes of the window of `len` digits from digit `k`.
    pub(super) fn bytes(&self, k: usize, len: usize) -> Option<(usize, usize)> {
        let (s, _) = *self.span.get(k)?;
        let (_, e) = *self.span.get((k + len).checked_sub(1)?)?;
        Some((s, e))
    }
}

/// The digit a letter that looks like one stands for: O, o and their Cyrillic and Greek
/// twins → 0; l, I, | and their twins (Cyrillic і І, Greek Ι, the click letter ǀ) → 1.
pub(crate) fn lookalike_digit(c: char) -> Option<u8> {
    match c {
        'O' | 'o' | 'О' | 'о' | 'Ο' | 'ο' => Some(0),
        'l' | 'I' | '|' | 'І' | 'і' | 'Ι' | 'ǀ' => Some(1),
        _ => None,
    }
}

/// Token `k` is a word of at most three look-alike letters, or '|'.
fn lookalike_token(cx: &Tokens, k: usize) -> bool {
    match cx.t(k) {
        Some(TokenClass::Punct('|')) => true,
        Some(TokenClass::Word) => {
            // At most three letters of at most two bytes, the first one of them: most
            // words are ruled out by their length or first byte.
            let s = cx.s(k);
            s.len() <= 6
                && matches!(
                    s.as_bytes().first(),
                    Some(b'O' | b'o' | b'l' | b'I' | 0xC7 | 0xCE | 0xD0 | 0xD1)
                )
                && s.chars().count() <= 3
                && s.chars().all(|c| lookalike_digit(c).is_some())
        }
        _ => false,
    }
}

/// A look-alike letter is glued to the digit run `i`.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn lookalike_glued(cx: &Tokens, i: usize) -> bool {
    // Most digit runs have a space or a sign on both sides.
    let maybe = |k: usize| cx.is_word(k) || cx.is(k, TokenClass::Punct('|'));
    (i.checked_sub(1).is_some_and(maybe)
        && i.checked_sub(1).is_some_and(|p| lookalike_token(cx, p)))
        || (maybe(i + 1) && lookalike_token(cx, i + 1))
}

/// A token of a look-alike group: digits or look-alike letters.
fn in_group(cx: &Tokens, k: usize) -> bool {
    cx.is_digits(k) || lookalike_token(cx, k)
}

/// The chain read with look-alike letters as digits, from the group around the digit run
/// `i`: groups of glued digits and look-alike letters joined by spaces, '.', '-' or '/'.
/// Reports the valid numbers with a look-alike letter in them (without `target`) or the
/// windows near part 1's number `target` (with it). Returns the token after the chain.
pub(super) fn lookalike_chain(
    cx: &Tokens,
    i: usize,
    target: Option<&[u8; 11]>,
    hits: &mut Vec<Hit>,
) -> usize {
    let mut k = i;
    while k.checked_sub(1).is_some_and(|p| in_group(cx, p)) {
        k -= 1;
    }
    let mut d = Digits::default();
    loop {
        // One group.
        while in_group(cx, k) {
            if cx.is_digits(k) {
                d.push_run(cx, k);
            } else {
                let start = cx.start(k);
                for (off, c) in cx.s(k).char_indices() {
                    d.d.push(lookalike_digit(c).unwrap_or(0));
                    let s = start + off;
                    d.span.push((s, s + c.len_utf8()));
                    d.lookalike.push(true);
                }
            }
            k += 1;
        }
        // A usual separator and another group.
        let mut j = k;
        let mut seps = 0;
        while matches!(
            cx.t(j),
            Some(TokenClass::Space | TokenClass::Punct('.' | '-' | '/'))
        ) && seps < 3
        {
            j += 1;
            seps += 1;
        }
        if seps == 0 || !in_group(cx, j) {
            break;
        }
        k = j;
    }
    if let Some(t) = target {
        near_misses(&d, t, hits);
        return k;
    }
    let n = d.d.len();
    for s in 0..=n.saturating_sub(11) {
        let (Some(w), Some(look)) = (d.d.get(s..s + 11), d.lookalike.get(s..s + 11)) else {
            break;
        };
        if !look.contains(&true) {
            continue;
        }
        let Ok(arr) = <[u8; 11]>::try_from(w) else {
            continue;
        };
        if let (Ok(_), Some((a, b))) = (ident::fnr::validate_digits(&arr), d.bytes(s, 11)) {
            hits.push(Hit {
                start: a,
                end: b,
                kind: FindingKind::NationalId,
                confidence: 0.9,
                basis: Basis::Checksum,
            });
        }
    }
    k
}

/// Substitutions and swaps of two neighbours that turn `a` into `b` (equal lengths), or
/// `limit + 1` when more than `limit` are needed.
fn swaps_and_changes(a: &[u8], b: &[u8], limit: u32) -> u32 {
    // cost[i]: edits for the first i digits (optimal string alignment without gaps).
    let mut prev2 = 0u32;
    let mut prev = 0u32;
    for i in 0..a.len().min(b.len()) {
        let (x, y) = (a.get(i), b.get(i));
        let mut c = prev + u32::from(x != y);
        if i >= 1 && x != y && a.get(i - 1) == y && b.get(i - 1) == x {
            c = c.min(prev2 + 1);
        }
        if c > limit {
            return limit + 1;
        }
        (prev2, prev) = (prev, c);
    }
    prev
}

/// `w` (10 or 12 digits) is `t` (11) with one digit left out or typed in, and at most one
/// more substitution or swap.
fn one_gap_away(w: &[u8], t: &[u8; 11]) -> bool {
    let (short, long): (&[u8], &[u8]) = if w.len() < t.len() { (w, t) } else { (t, w) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let mut without = [0u8; 12];
    (0..long.len()).any(|p| {
        let mut n = 0;
        for (q, &v) in long.iter().enumerate() {
            if q != p {
                if let Some(slot) = without.get_mut(n) {
                    *slot = v;
                }
                n += 1;
            }
        }
        swaps_and_changes(without.get(..n).unwrap_or_default(), short, 1) <= 1
    })
}

/// How many digits of each value a window holds, against part 1's number, as one slides
/// over a chain: the sum of the differences (`off`) moves by one per digit in or out, so the
/// windows that cannot be within two edits (a change moves it by 2, a swap by 0, a digit
/// left out or typed in by 1: at most 4) are passed over at the cost of a few instructions.
struct Counts {
    want: [i8; 10],
    have: [i8; 10],
    off: u32,
}

impl Counts {
    fn new(target: &[u8; 11]) -> Counts {
        let mut want = [0i8; 10];
        for &t in target {
            if let Some(w) = want.get_mut(usize::from(t)) {
                *w += 1;
            }
        }
        Counts {
            want,
            have: [0; 10],
            off: 11,
        }
    }

    fn add(&mut self, d: u8, by: i8) {
        let i = usize::from(d);
        let (Some(h), Some(&w)) = (self.have.get_mut(i), self.want.get(i)) else {
            return;
        };
        let before = (*h - w).unsigned_abs();
        *h += by;
        let after = (*h - w).unsigned_abs();
        self.off = (self.off + u32::from(after)).saturating_sub(u32::from(before));
    }
}

/// Windows of `d` within two edits of part 1's number `target` (see the module
/// documentation): 11-digit windows first; 10- and 12-digit ones only where no 11-digit
/// window was found.
pub(super) fn near_misses(d: &Digits, target: &[u8; 11], hits: &mut Vec<Hit>) {
    let n = d.d.len();
    if n < 10 {
        return;
    }
    let from = hits.len();
    let push = |hits: &mut Vec<Hit>, k: usize, len: usize, exact: bool| {
        let Some((start, end)) = d.bytes(k, len) else {
            return;
        };
        let valid = exact
            || d.d
                .get(k..k + len)
                .and_then(|w| <[u8; 11]>::try_from(w).ok())
                .is_some_and(|a| ident::fnr::validate_digits(&a).is_ok());
        hits.push(Hit {
            start,
            end,
            kind: if valid {
                FindingKind::NationalId
            } else {
                FindingKind::PossibleNationalId
            },
            confidence: if exact { 0.99 } else { 0.9 },
            basis: Basis::Patient,
        });
    };
    for len in [11, 10, 12] {
        // The 11-digit windows found, in order: a cursor walks them as the windows slide
        // (a search through all of them per window was quadratic on a long run of digits).
        let elevens: Vec<(usize, usize)> = if len == 11 {
            Vec::new()
        } else {
            hits.get(from..)
                .unwrap_or_default()
                .iter()
                .filter(|h| h.basis == Basis::Patient)
                .map(|h| (h.start, h.end))
                .collect()
        };
        let mut cursor = 0;
        let mut counts = Counts::new(target);
        for (k, &v) in d.d.iter().enumerate() {
            counts.add(v, 1);
            if let Some(&out) = k.checked_sub(len).and_then(|o| d.d.get(o)) {
                counts.add(out, -1);
            }
            let Some(first) = (k + 1).checked_sub(len) else {
                continue;
            };
            if counts.off > 4 {
                continue;
            }
            let Some(w) = d.d.get(first..=k) else {
                continue;
            };
            if len == 11 {
                let e = swaps_and_changes(w, target, 2);
                if e <= 2 {
                    push(hits, first, 11, e == 0);
                }
                continue;
            }
            let Some((s, e)) = d.bytes(first, len) else {
                continue;
            };
            // Windows start further on each time: the 11-digit ones that end before this
            // one starts never overlap a later one either.
            while elevens.get(cursor).is_some_and(|&(_, b)| b <= s) {
                cursor += 1;
            }
            let overlaps = elevens.get(cursor).is_some_and(|&(a, _)| a < e);
            if !overlaps && one_gap_away(w, target) {
                push(hits, first, len, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    #[test]
    fn edits_are_counted_as_people_mistype() {
        let t: [u8; 11] = digits("14037410021").try_into().unwrap();
        for (w, within) in [
            ("14037410021", true),
            ("14037410022", true),  // one changed
            ("14037410012", true),  // two swapped
            ("41037410012", true),  // two swaps
            ("15037410022", true),  // two changed
            ("15037410122", false), // three changed
            ("1403741002", true),   // one left out
            ("1403741021", true),   // one left out in the middle
            ("1403741012", true),   // one left out, two swapped
            ("1503741012", false),  // one left out, one changed, two swapped
            ("140374100211", true), // one typed in
            ("140374910021", true), // one typed in the middle
            ("940374910021", true), // one typed in, one changed
            ("940374910022", false),
            ("99999999999", false),
        ] {
            let w = digits(w);
            let got = if w.len() == 11 {
                swaps_and_changes(&w, &t, 2) <= 2
            } else {
                one_gap_away(&w, &t)
            };
            assert_eq!(got, within, "{w:?}");
        }
    }

    #[test]
    fn lookalike_letters() {
        for (c, d) in [
            ('O', 0),
            ('o', 0),
            ('О', 0),
            ('l', 1),
            ('I', 1),
            ('|', 1),
            ('і', 1),
        ] {
            assert_eq!(lookalike_digit(c), Some(d), "{c}");
        }
        for c in ['a', 'B', 'S', '0', ' '] {
            assert_eq!(lookalike_digit(c), None, "{c}");
        }
    }
}
