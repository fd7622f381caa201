//! Chains of digit runs (separated by spaces, dots, dashes, slashes or one line break), and
//! the numbers in them: every window of 11 digits is a national identity number (check
//! digits hold), a bank account number ([`super::account`]) or — with a plausible birth
//! date whose check digits fail — a possible national identity number; every window of 8
//! digits may be a phone number ([`super::phone`]).

use super::{account, money_context, phone, Basis, Detectors, FindingKind, Hit};
use crate::ident;
use crate::privacy::tokens::{TokenClass, Tokens};

/// A separator between digit groups: one to three tokens of space, '.', '-', '/', or one
/// line break, at most three bytes (not counting a line break's spaces).
fn separator_end(cx: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    let mut bytes = 0;
    let mut newlines = 0;
    while j < i + 4 {
        match cx.t(j) {
            Some(TokenClass::Space) => bytes += cx.len(j).min(2),
            Some(TokenClass::Newline) => newlines += 1,
            Some(TokenClass::Punct('.' | '-' | '/')) => bytes += 1,
            _ => break,
        }
        j += 1;
    }
    (j > i && bytes <= 3 && newlines <= 1 && cx.is_digits(j)).then_some(j)
}

/// The digits of the runs, as numbers 0–9.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn digits_of(cx: &Tokens, runs: &[usize]) -> Vec<u8> {
    runs.iter()
        .flat_map(|&r| cx.s(r).bytes().map(|b| b.wrapping_sub(b'0')))
        .collect()
}

/// Chains of digit runs that start at the candidate tokens `cands`, and the numbers in
/// them ([`numbers_in_chain`]); `next`: tokens before it belong to a chain already seen.
pub(super) fn digit_chains(
    cx: &Tokens,
    cands: &[usize],
    next: &mut usize,
    which: Detectors,
    hits: &mut Vec<Hit>,
) {
    for &i in cands {
        if i < *next || !cx.is_digits(i) {
            continue;
        }
        // Collect the chain of digit runs starting here (at most 13: no allocation).
        let mut runs = [i; 13];
        let mut len = 1;
        let mut j = i;
        while let Some(next) = separator_end(cx, j + 1) {
            if let Some(r) = runs.get_mut(len) {
                *r = next;
            }
            len += 1;
            j = next;
            if len > 12 {
                break;
            }
        }
        numbers_in_chain(cx, runs.get(..len).unwrap_or_default(), which, hits);
        *next = j + 1;
    }
}

/// The lengths of the runs («912 34 567»: 3, 2, 3).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn grouping(cx: &Tokens, runs: &[usize]) -> Vec<usize> {
    runs.iter().map(|&r| cx.len(r)).collect()
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

/// The numbers in one chain of digit runs: every window of runs with 11 digits, then every
/// window with 8, and a phone number glued to its country prefix.
fn numbers_in_chain(cx: &Tokens, runs: &[usize], which: Detectors, hits: &mut Vec<Hit>) {
    let before = hits.len();
    // Windows of runs with 11 digits first, then 8: an 8-digit window that overlaps an
    // 11-digit national identity number (or a possible one) is a part of it, not a phone
    // number — unless a country prefix or a cue word says so. A window beside it in the same
    // chain («20000000-01010000000») is a number of its own.
    let mut elevens = before..before;
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
                let (Some(sub), Some(&first), Some(&last)) =
                    (runs.get(a..=b), runs.get(a), runs.get(b))
                else {
                    continue;
                };
                let (start, end) = (cx.start(first), cx.end(last));
                if total == 11 && wanted == 11 {
                    national_id_or_account(cx, sub, first, last, start, end, which, hits);
                }
                if total == 8 && wanted == 8 && which.all && !which.literature_only {
                    let in_eleven = hits
                        .get(elevens.clone())
                        .unwrap_or_default()
                        .iter()
                        .any(|h| h.start < end && start < h.end);
                    phone::phone_number(cx, sub, first, last, start, end, in_eleven, hits);
                }
            }
        }
    }
    // «+4791234567», «004791234567»: a phone number glued to its country prefix.
    if let ([run], true) = (runs, which.all && !which.literature_only) {
        phone::phone_with_country_prefix(cx, *run, hits);
    }
}

/// A window of 11 digits (runs `sub`, tokens `first` to `last`, bytes `start..end`): a
/// national identity number whose check digits hold, else a bank account number, else
/// (with every detector, a plausible birth date and no amount around it) a possible
/// national identity number.
#[allow(clippy::too_many_arguments)]
fn national_id_or_account(
    cx: &Tokens,
    sub: &[usize],
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    which: Detectors,
    hits: &mut Vec<Hit>,
) {
    let d = digits_of(cx, sub);
    let Ok(arr) = <[u8; 11]>::try_from(d.as_slice()) else {
        return;
    };
    if ident::fnr::validate_digits(&arr).is_ok() {
        hits.push(Hit {
            start,
            end,
            kind: FindingKind::NationalId,
            confidence: 0.99,
            basis: Basis::Checksum,
        });
        return;
    }
    if account::account_number(&arr, start, end, hits) {
        return;
    }
    if !which.all || which.literature_only {
        return;
    }
    let lens = grouping(cx, sub);
    // Amount-like groupings (2-3-3-3) and lists of short numbers are not national IDs.
    let amount_like = lens.len() >= 3 && lens.iter().skip(1).all(|&l| l == 3);
    let prefix: Option<[u8; 6]> = arr.get(..6).and_then(|p| p.try_into().ok());
    let letter_before = first.checked_sub(1).is_some_and(|p| cx.is_word(p));
    let letter_after = cx.is_word(last + 1);
    // A plausible birth date (FH-numbers, first digit 8/9, carry none and do not count).
    if prefix.is_some_and(|p| p[0] < 8 && ident::fnr::plausible_birth_prefix(&p))
        && !amount_like
        && !letter_before
        && !letter_after
        && !money_context(cx, first, last)
        && (seps_are(cx, sub, &[' ', '.', '-', '\n'])
            // «261115/93816»: a slash only between the date and the personal number.
            || (lens.as_slice() == [6, 5] && seps_are(cx, sub, &[' ', '/'])))
    {
        hits.push(Hit {
            start,
            end,
            kind: FindingKind::PossibleNationalId,
            confidence: 0.6,
            basis: Basis::Pattern,
        });
    }
}
