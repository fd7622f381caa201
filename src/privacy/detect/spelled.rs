//! Numbers written in words, digit by digit and in order: «ni en to tre fire fem seks sju»
//! (a phone number), «en fire null tre …» (a national identity number). Digit words in
//! bokmål, nynorsk and English ([`crate::lexicon::detector_words::DIGIT_WORDS`]), joined by
//! spaces, commas or hyphens, digits among them too. Numbers in words in a made-up order
//! («førtien» for 14, tens and hundreds) are an encoding, out of scope (SECURITY.md).

use super::near_miss::{self, Digits};
use super::{Basis, FindingKind, Hit, PatientFacts};
use crate::ident;
use crate::lexicon::detector_words::{digit_word, F_DIGIT_WORD};
use crate::privacy::tokens::{TokenClass, Tokens};

/// At least this many digits in words: fewer are ordinary prose («to-tre ganger»).
const MIN_WORDS: usize = 6;

/// The separator after token `k` before the next digit (word): spaces, one comma, hyphen or
/// dot. The token after it.
fn separator_end(cx: &Tokens, k: usize) -> Option<usize> {
    let mut j = k;
    let mut signs = 0;
    while let Some(t) = cx.t(j) {
        match t {
            TokenClass::Space if cx.len(j) <= 2 => {}
            TokenClass::Punct(',' | '-' | '.' | '/') if signs == 0 => signs += 1,
            _ => break,
        }
        j += 1;
    }
    (j > k).then_some(j)
}

/// The first digit word (or number) of the run that token `i` (a digit word) is in: back
/// over digit words, numbers and separators, at most 40 tokens.
fn run_start(cx: &Tokens, i: usize) -> usize {
    let mut start = i;
    let mut k = i;
    while i - k < 40 {
        let Some(p) = k.checked_sub(1) else { break };
        let item = |j: usize| cx.has(j, F_DIGIT_WORD) || cx.is_digits(j);
        if item(p) {
            start = p;
            k = p;
            continue;
        }
        // A separator, then an item.
        let mut q = p;
        while q > 0
            && matches!(
                cx.t(q),
                Some(TokenClass::Space | TokenClass::Punct(',' | '-' | '.' | '/'))
            )
            && p - q < 3
        {
            q -= 1;
        }
        if q < p && item(q) && separator_end(cx, q + 1) == Some(k) {
            start = q;
            k = q;
        } else {
            break;
        }
    }
    start
}

/// Numbers in words starting at the candidate tokens `cands` (digit words); `next`: tokens
/// before it were part of a number seen.
pub(super) fn numbers_in_words(
    cx: &Tokens,
    cands: &[usize],
    next: &mut usize,
    patient: &PatientFacts,
    hits: &mut Vec<Hit>,
) {
    for &i in cands {
        // The candidate is the second digit word of a run: the run starts before it.
        if i < *next || !cx.has(i, F_DIGIT_WORD) {
            continue;
        }
        let i = run_start(cx, i);
        if i < *next {
            continue;
        }
        let mut d = Digits::default();
        let (mut k, mut words, mut last) = (i, 0, i);
        loop {
            if let Some(v) = cx.is_word(k).then(|| digit_word(cx.low(k))).flatten() {
                d.push(v, cx.start(k), cx.end(k), false);
                words += 1;
            } else if cx.is_digits(k) {
                for (off, b) in cx.s(k).bytes().enumerate() {
                    let at = cx.start(k) + off;
                    d.push(b.wrapping_sub(b'0'), at, at + 1, false);
                }
            } else {
                break;
            }
            last = k;
            match separator_end(cx, k + 1) {
                Some(j) => k = j,
                None => break,
            }
        }
        *next = last + 1;
        if words < MIN_WORDS {
            continue;
        }
        numbers_in(&d, hits);
        if let Some(id) = patient.national_id.as_ref() {
            near_miss::near_misses(&d, id.digits(), hits);
        }
    }
}

/// The numbers in a run of digits read from words: a phone number (8 digits, or 10 and 12
/// after 47 or 0047), a valid national identity number in any window of 11.
fn numbers_in(d: &Digits, hits: &mut Vec<Hit>) {
    let all = d.digits();
    let phone = match all.len() {
        8 => Some(all),
        10 if all.starts_with(&[4, 7]) => all.get(2..),
        12 if all.starts_with(&[0, 0, 4, 7]) => all.get(4..),
        _ => None,
    };
    if let Some(p) = phone {
        let text: String = p.iter().map(|&v| char::from(b'0' + v)).collect();
        if let (true, Some((s, e))) = (ident::phone::is_valid(&text), d.bytes(0, all.len())) {
            hits.push(Hit {
                start: s,
                end: e,
                kind: FindingKind::Phone,
                confidence: 0.8,
                basis: Basis::Pattern,
            });
        }
    }
    for k in 0..=all.len().saturating_sub(11) {
        let Some(w) = all.get(k..k + 11) else { break };
        let Ok(arr) = <[u8; 11]>::try_from(w) else {
            continue;
        };
        if let (Ok(_), Some((s, e))) = (ident::fnr::validate_digits(&arr), d.bytes(k, 11)) {
            hits.push(Hit {
                start: s,
                end: e,
                kind: FindingKind::NationalId,
                confidence: 0.9,
                basis: Basis::Checksum,
            });
        }
    }
}
