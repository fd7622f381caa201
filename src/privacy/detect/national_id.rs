//! Chains of digit runs, and the numbers in them: every window of 11 digits is a national
//! identity number (check digits hold), a bank account number ([`super::account`]) or —
//! with a plausible birth date whose check digits fail — a possible national identity
//! number; every window of 8 digits may be a phone number ([`super::phone`]).
//!
//! A chain is any number of digit runs joined by separators ([`separator_end`]): a few
//! characters that are neither letters nor digits (spaces, one line break, up to two signs
//! of any kind — `. - / , _ : · | * + # '`, an emoji — and up to two markup tags, `<b>`,
//! `</span>`). Normalising ([`crate::privacy::normalize`]) has already removed what shows
//! nothing (zero-width and control characters, fillers, marks on digits) and folded every
//! digit form. A chain has no length limit; each window is looked at once, so the time is
//! linear in the chain.
//!
//! What each window may be depends on how it is written:
//! - a valid national identity number in any grouping with any separators — but when a
//!   separator is not one people group numbers with (space, '.', '-', '/', a line break),
//!   only in the groupings people write an identifier in (at most three groups, digit by
//!   digit, or a date's two-digit groups first): a list of short numbers joined by commas
//!   has many 11-digit windows, about one in 115 of which has valid check digits;
//! - inside a run of 12 or 13 digits, a valid number at any place (a digit or two typed on);
//! - a bank account number or a possible national identity number only with the usual
//!   separators;
//! - with part 1's number known ([`super::PatientFacts`]), any window within two edits of it
//!   ([`super::near_miss`]), with no excuse (amount grouping, money words).
//!
//! Letters that look like digits (`14O3741OO21`, `l4037410021`: O, o → 0; l, I, | → 1)
//! are read as digits where they are glued to digits; such a window counts only as a valid
//! number or as part 1's.

use super::near_miss::{self, Digits};
use super::{account, money_context, phone, Basis, Detectors, FindingKind, Hit, PatientFacts};
use crate::ident;
use crate::privacy::tokens::{tag_end, TokenClass, Tokens};

/// How a separator between two digit groups is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// Spaces, '.', '-', '/' and at most one line break: how people group numbers.
    Usual,
    /// Anything else: another sign, a markup tag.
    Other,
}

/// A separator between digit groups, from token `i` to the next digit run: spaces (at
/// most four bytes), one line break, up to two signs and up to two markup tags. The index
/// of the digit run after it and how it is written.
fn separator_end(cx: &Tokens, i: usize) -> Option<(usize, Sep)> {
    let bytes = cx.text.as_bytes();
    let (mut j, mut spaces, mut newlines, mut signs, mut tags) = (i, 0, 0, 0, 0);
    let mut sep = Sep::Usual;
    loop {
        match cx.t(j)? {
            TokenClass::Digits => break,
            TokenClass::Space => spaces += cx.len(j),
            TokenClass::Newline => newlines += 1,
            TokenClass::Punct('<') if tag_end(bytes, cx.start(j)).is_some() => {
                let end = tag_end(bytes, cx.start(j)).unwrap_or(0);
                tags += 1;
                sep = Sep::Other;
                while cx.start(j + 1) < end {
                    j += 1;
                }
            }
            TokenClass::Punct(c) => {
                signs += 1;
                if !matches!(c, '.' | '-' | '/') {
                    sep = Sep::Other;
                }
            }
            TokenClass::Word => return None,
        }
        if spaces > 4 || newlines > 1 || signs > 2 || tags > 2 {
            return None;
        }
        j += 1;
    }
    // The old limit for the usual separators: three bytes («261115 / 93816»), spaces
    // counted as at most two.
    if sep == Sep::Usual && signs + spaces.min(2) > 3 {
        sep = Sep::Other;
    }
    (j > i).then_some((j, sep))
}

/// The digits of the runs, as numbers 0–9.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn digits_of(cx: &Tokens, runs: &[usize]) -> Vec<u8> {
    runs.iter()
        .flat_map(|&r| cx.s(r).bytes().map(|b| b.wrapping_sub(b'0')))
        .collect()
}

/// A chain of digit runs: the runs (token indices), and whether the separator before each
/// run (the first's: none) is a usual one.
#[derive(Default)]
pub(super) struct Chain {
    runs: Vec<usize>,
    usual: Vec<bool>,
}

/// The chain of digit runs that starts at the digit run `i` (into `chain`); returns its
/// last run and whether a look-alike letter is glued to one of its runs.
fn collect_chain(cx: &Tokens, i: usize, chain: &mut Chain) -> (usize, bool) {
    chain.runs.clear();
    chain.usual.clear();
    chain.runs.push(i);
    chain.usual.push(true);
    let mut j = i;
    let mut lookalike = near_miss::lookalike_glued(cx, i);
    while let Some((n, sep)) = separator_end(cx, j + 1) {
        chain.runs.push(n);
        chain.usual.push(sep == Sep::Usual);
        lookalike |= near_miss::lookalike_glued(cx, n);
        j = n;
    }
    (j, lookalike)
}

/// Chains of digit runs that start at the candidate tokens `cands`, and the numbers in
/// them ([`numbers_in_chain`]), also read with look-alike letters as digits
/// ([`near_miss::lookalike_chain`]). `next`, `next_lookalike`: tokens before them belong
/// to a chain already seen; `chain`: a buffer kept from one block of candidates to the
/// next.
/// The chains that part 1's number may be near ([`part1_numbers`]): (first run, whether a
/// look-alike letter is glued to one), those with at least ten digits or a look-alike.
pub(super) type LongChains = Vec<(usize, bool)>;

pub(super) fn digit_chains(
    cx: &Tokens,
    cands: &[usize],
    next: &mut [usize; 2],
    which: Detectors,
    chain: &mut Chain,
    long: &mut LongChains,
    hits: &mut Vec<Hit>,
) {
    for &i in cands {
        if i < next[0] || !cx.is_digits(i) {
            continue;
        }
        let (last, lookalike) = collect_chain(cx, i, chain);
        numbers_in_chain(cx, chain, which, hits);
        if lookalike && i >= next[1] {
            next[1] = near_miss::lookalike_chain(cx, i, None, hits);
        }
        if lookalike || chain.runs.iter().map(|&r| cx.len(r)).sum::<usize>() >= 10 {
            long.push((i, lookalike));
        }
        next[0] = last + 1;
    }
}

/// Part 1's number `target` near a window of the chains `long` that [`digit_chains`] found
/// (see [`LongChains`]).
pub(super) fn part1_in_long_chains(
    cx: &Tokens,
    long: &[(usize, bool)],
    target: &PatientFacts,
    hits: &mut Vec<Hit>,
) {
    let Some(id) = target.national_id.as_ref() else {
        return;
    };
    let mut chain = Chain::default();
    let mut next_lookalike = 0;
    for &(i, lookalike) in long {
        collect_chain(cx, i, &mut chain);
        near_miss::near_misses(&Digits::of_runs(cx, &chain.runs), id.digits(), hits);
        if lookalike && i >= next_lookalike {
            next_lookalike = near_miss::lookalike_chain(cx, i, Some(id.digits()), hits);
        }
    }
}

/// Part 1's number `target` near a window of the chains that start at the candidate tokens
/// `cands`, also read with look-alike letters as digits ([`near_miss`]). `next`, `chain`:
/// as for [`digit_chains`].
pub(super) fn part1_numbers(
    cx: &Tokens,
    cands: &[usize],
    next: &mut [usize; 2],
    target: &PatientFacts,
    chain: &mut Chain,
    hits: &mut Vec<Hit>,
) {
    let Some(id) = target.national_id.as_ref() else {
        return;
    };
    for &i in cands {
        if i < next[0] || !cx.is_digits(i) {
            continue;
        }
        let (last, lookalike) = collect_chain(cx, i, chain);
        near_miss::near_misses(&Digits::of_runs(cx, &chain.runs), id.digits(), hits);
        if lookalike && i >= next[1] {
            next[1] = near_miss::lookalike_chain(cx, i, Some(id.digits()), hits);
        }
        next[0] = last + 1;
    }
}

/// Every separator between the runs is made of `allowed` characters only.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn seps_are(cx: &Tokens, runs: &[usize], allowed: &[char]) -> bool {
    runs.windows(2).all(|w| {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => return true,
        };
        (a + 1..b).all(|k| match cx.t(k) {
            Some(TokenClass::Space) => allowed.contains(&' '),
            Some(TokenClass::Newline) => allowed.contains(&'\n'),
            Some(TokenClass::Punct(c)) => allowed.contains(&c),
            _ => false,
        })
    })
}

/// How an identifier is grouped when written with other separators than the usual ones:
/// at most three groups, digit by digit, or a date's two-digit groups first («14,03,74,
/// 100,21»).
fn id_grouping(lens: &[usize]) -> bool {
    lens.len() <= 3
        || lens.iter().all(|&l| l == 1)
        || (lens.len() <= 5 && lens.get(..3) == Some(&[2, 2, 2]))
}

/// The numbers in one chain of digit runs: every window of runs with 11 digits, then every
/// window with 8, a valid number inside a run of 12 or 13 digits, and a phone number glued
/// to its country prefix.
fn numbers_in_chain(cx: &Tokens, chain: &Chain, which: Detectors, hits: &mut Vec<Hit>) {
    let runs = chain.runs.as_slice();
    let before = hits.len();
    // Windows of runs with 11 digits first, then 8: an 8-digit window that overlaps an
    // 11-digit national identity number (or a possible one) is a part of it, not a phone
    // number — unless a country prefix or a cue word says so. A window beside it in the same
    // chain («20000000-01010000000») is a number of its own. Each start has at most one
    // window of a given length: the time is linear in the chain.
    let mut elevens = before..before;
    // The 11-digit findings come in order: a cursor walks them as the 8-digit windows
    // slide (a search through all of them per window was quadratic on a long chain).
    let mut cursor = before;
    for wanted in [11, 8] {
        if wanted == 8 {
            elevens = before..hits.len();
        }
        for a in 0..runs.len() {
            let mut total = 0;
            for b in a..runs.len() {
                total += runs.get(b).map_or(0, |&r| cx.len(r));
                if total > wanted {
                    break;
                }
                if total < wanted {
                    continue;
                }
                let (Some(sub), Some(&first), Some(&last)) =
                    (runs.get(a..=b), runs.get(a), runs.get(b))
                else {
                    break;
                };
                let usual = chain
                    .usual
                    .get(a + 1..=b)
                    .is_some_and(|u| !u.contains(&false));
                let (start, end) = (cx.start(first), cx.end(last));
                if wanted == 11 {
                    let w = Window {
                        sub,
                        first,
                        last,
                        start,
                        end,
                        usual,
                    };
                    national_id_or_account(cx, &w, which, hits);
                } else if which.all && !which.literature_only {
                    while cursor < elevens.end && hits.get(cursor).is_some_and(|h| h.end <= start) {
                        cursor += 1;
                    }
                    let in_eleven = cursor < elevens.end
                        && hits
                            .get(cursor)
                            .is_some_and(|h| h.start < end && start < h.end);
                    phone::phone_number(cx, sub, first, last, start, end, in_eleven, hits);
                }
                break;
            }
        }
    }
    // «1403741002199»: a valid number with a digit or two typed on, inside one run.
    for &r in runs {
        if (12..=13).contains(&cx.len(r)) {
            valid_inside_run(cx, r, hits);
        }
    }
    if which.all && !which.literature_only {
        // «+4791234567», «004791234567»: a phone number glued to its country prefix.
        if let [run] = runs {
            phone::phone_with_country_prefix(cx, *run, hits);
        }
        // «+46 70 123 45 67», «0044 20 7946 0958»: another country's.
        phone::international(cx, runs, hits);
    }
}

/// A window of runs with 11 digits: runs `sub`, tokens `first` to `last`, bytes
/// `start..end`; `usual`: every separator inside is a usual one.
struct Window<'r> {
    sub: &'r [usize],
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    usual: bool,
}

/// A window of 11 digits: a national identity number whose check digits hold (with other
/// separators than the usual ones only in an identifier's grouping), else (usual
/// separators) a bank account number, else (with every detector, a plausible birth date
/// and no amount around it) a possible national identity number.
fn national_id_or_account(cx: &Tokens, w: &Window, which: Detectors, hits: &mut Vec<Hit>) {
    // The 11 digits and the runs' lengths (at most 11 runs), without allocating: a long
    // chain has a window at almost every run.
    let mut arr = [0u8; 11];
    let mut lens_buf = [0usize; 11];
    let mut n = 0;
    for (slot, &r) in lens_buf.iter_mut().zip(w.sub) {
        *slot = cx.len(r);
        for b in cx.s(r).bytes() {
            if let Some(a) = arr.get_mut(n) {
                *a = b.wrapping_sub(b'0');
            }
            n += 1;
        }
    }
    if n != 11 {
        return;
    }
    let lens = lens_buf.get(..w.sub.len()).unwrap_or_default();
    if ident::fnr::validate_digits(&arr).is_ok() {
        if w.usual || id_grouping(lens) {
            hits.push(Hit {
                start: w.start,
                end: w.end,
                kind: FindingKind::NationalId,
                confidence: 0.99,
                basis: Basis::Checksum,
            });
        }
        return;
    }
    if !w.usual || account::account_number(&arr, w.start, w.end, hits) {
        return;
    }
    if !which.all || which.literature_only {
        return;
    }
    // Amount-like groupings (2-3-3-3) and lists of short numbers are not national IDs, nor
    // is an IPv4 address («244.175.14.121»).
    let amount_like = lens.len() >= 3 && lens.iter().skip(1).all(|&l| l == 3);
    let ipv4_like = lens.len() == 4
        && seps_are(cx, w.sub, &['.'])
        && w.sub
            .iter()
            .all(|&r| cx.len(r) <= 3 && cx.s(r).parse::<u16>().is_ok_and(|v| v <= 255));
    let prefix: Option<[u8; 6]> = arr.get(..6).and_then(|p| p.try_into().ok());
    let letter_before = w.first.checked_sub(1).is_some_and(|p| cx.is_word(p));
    let letter_after = cx.is_word(w.last + 1);
    // A plausible birth date (FH-numbers, first digit 8/9, carry none and do not count).
    if prefix.is_some_and(|p| p[0] < 8 && ident::fnr::plausible_birth_prefix(&p))
        && !amount_like
        && !ipv4_like
        && !letter_before
        && !letter_after
        && !money_context(cx, w.first, w.last)
        && (seps_are(cx, w.sub, &[' ', '.', '-', '\n'])
            // «261115/93816»: a slash only between the date and the personal number.
            || (lens == [6, 5] && seps_are(cx, w.sub, &[' ', '/'])))
    {
        hits.push(Hit {
            start: w.start,
            end: w.end,
            kind: FindingKind::PossibleNationalId,
            confidence: 0.6,
            basis: Basis::Pattern,
        });
    }
}

/// A valid national identity number at any place inside the run `r` of 12 or 13 digits.
fn valid_inside_run(cx: &Tokens, r: usize, hits: &mut Vec<Hit>) {
    let s = cx.s(r).as_bytes();
    let start = cx.start(r);
    for k in 0..=s.len().saturating_sub(11) {
        let Some(w) = s.get(k..k + 11) else { break };
        let mut arr = [0u8; 11];
        for (a, b) in arr.iter_mut().zip(w) {
            *a = b.wrapping_sub(b'0');
        }
        if ident::fnr::validate_digits(&arr).is_ok() {
            hits.push(Hit {
                start: start + k,
                end: start + k + 11,
                kind: FindingKind::NationalId,
                confidence: 0.9,
                basis: Basis::Checksum,
            });
        }
    }
}
