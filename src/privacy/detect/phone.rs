//! Norwegian phone numbers: eight digits in a phone grouping, with a country prefix, or
//! after a cue word («tlf», «mobil», «ring»).

use super::national_id::{digits_of, seps_are};
use super::{in_placeholder, money_context, Basis, FindingKind, Hit};
use crate::ident;
use crate::privacy::tokens::{TokenClass, Tokens};

/// A phone cue word («tlf», «mobil», «ring» …) among the six tokens before `first`.
fn phone_context(cx: &Tokens, first: usize) -> bool {
    // A cue word among the three tokens before.
    let mut j = first;
    for _ in 0..6 {
        let Some(p) = j.checked_sub(1) else { break };
        j = p;
        if !cx.is_word(j) {
            continue;
        }
        if matches!(
            cx.low(j),
            "tlf"
                | "tel"
                | "telefon"
                | "telefonnummer"
                | "telefonnr"
                | "mobil"
                | "mob"
                | "mobilnummer"
                | "mobilnr"
                | "ring"
                | "ringes"
                | "nås"
                | "phone"
                | "sms"
                | "kontakt"
                | "kontaktes"
                | "pårørende"
                | "nummer"
        ) && !in_placeholder(cx, j)
        {
            return true;
        }
    }
    false
}

/// «+4791234567», «004791234567»: a phone number glued to its country prefix (one run).
// One caller: inlined there natively, as when it was a private function of its caller's
// module (the wasm package is one codegen unit, where LLVM decides alone).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(super) fn phone_with_country_prefix(cx: &Tokens, run: usize, hits: &mut Vec<Hit>) {
    let s = cx.s(run);
    let plus = run
        .checked_sub(1)
        .is_some_and(|p| cx.is(p, TokenClass::Punct('+')));
    let number = match (s.len(), plus) {
        (10, true) => s.strip_prefix("47"),
        (12, false) => s.strip_prefix("0047"),
        _ => None,
    };
    let letter_around = run
        .checked_sub(1 + usize::from(plus))
        .is_some_and(|p| cx.is_word(p))
        || cx.is_word(run + 1);
    if number.is_some_and(ident::phone::is_valid) && !letter_around {
        hits.push(Hit {
            start: cx.start(run).saturating_sub(usize::from(plus)),
            end: cx.end(run),
            kind: FindingKind::Phone,
            confidence: 0.95,
            basis: Basis::Pattern,
        });
    }
}

/// A window of 8 digits (runs `sub`, tokens `first` to `last`, bytes `start..end`): a
/// phone number in a Norwegian grouping, or any grouping after a country prefix or a cue
/// word. `in_eleven`: it lies inside a window of 11 digits found already.
// One caller: inlined there natively, as when it was a private function of its caller's
// module (the wasm package is one codegen unit, where LLVM decides alone).
#[allow(clippy::too_many_arguments)]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(super) fn phone_number(
    cx: &Tokens,
    sub: &[usize],
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    in_eleven: bool,
    hits: &mut Vec<Hit>,
) {
    // The runs' lengths (at most 8 runs of 8 digits), without allocating: a long chain has a
    // window at almost every run.
    let mut lens_buf = [0usize; 8];
    for (slot, &r) in lens_buf.iter_mut().zip(sub) {
        *slot = cx.len(r);
    }
    let lens = lens_buf.get(..sub.len().min(8)).unwrap_or_default();
    // +47 / 0047 / (+47) prefix directly before?
    let mut s = start;
    let mut prefixed = false;
    // «+47-912-34-567»: look past one dash.
    let before = cx.prev_non_space(first).map(|p| {
        if cx.is(p, TokenClass::Punct('-')) {
            cx.prev_non_space(p).unwrap_or(p)
        } else {
            p
        }
    });
    if let Some(p) = before {
        let ps = cx.s(p);
        if (ps == "47"
            && p.checked_sub(1)
                .is_some_and(|q| cx.is(q, TokenClass::Punct('+'))))
            || ps == "0047"
        {
            prefixed = true;
            s = if ps == "47" {
                cx.start(p - 1)
            } else {
                cx.start(p)
            };
        } else if cx.is(p, TokenClass::Punct(')'))
            && p >= 3
            && cx.s(p - 1) == "47"
            && cx.is(p - 2, TokenClass::Punct('+'))
            && cx.is(p - 3, TokenClass::Punct('('))
        {
            // (+47) 912 34 567
            prefixed = true;
            s = cx.start(p - 3);
        }
    }
    let cue = phone_context(cx, first);
    // Phone groupings in Norway: 8, 3-2-3, 2-2-2-2, 4-4, 2-3-3, 3-5, 4-2-2. With a cue word
    // or a country prefix any grouping by spaces or dashes counts (text pasted from other
    // systems splits numbers oddly).
    let shaped = matches!(
        lens,
        [8] | [3, 2, 3] | [2, 2, 2, 2] | [4, 4] | [2, 3, 3] | [3, 5] | [4, 2, 2]
    );
    // A line break inside the number only with a cue or a prefix («Ring 912⏎34 567»).
    let dotted_shape = matches!(lens, [3, 2, 3] | [2, 2, 2, 2] | [4, 4] | [3, 5]);
    // «912/34/567», «912_34_567», «2212·34·56»: three or four groups joined by one sign, the
    // same each time (dots not in four pairs: that is an IP address, «92.34.56.78»).
    let one_sign = match (lens, same_sign_between(cx, sub)) {
        ([2, 2, 2, 2], Some('.')) => false,
        // «49.596.000», «30,000,000»: thousands.
        ([2, 3, 3], Some('.' | ',' | '\'')) => false,
        ([3, 2, 3] | [2, 2, 2, 2] | [2, 3, 3] | [4, 2, 2], Some(_)) => true,
        _ => false,
    };
    let seps_ok = seps_are(cx, sub, &[' ', '-'])
        || one_sign
        || ((prefixed || cue) && seps_are(cx, sub, &[' ', '-', '\n']))
        // «Tlf. 912.34.567»: dots only with a cue and in a phone grouping (never a date).
        || ((prefixed || cue) && dotted_shape && seps_are(cx, sub, &[' ', '-', '.']));
    if !(shaped || prefixed || cue) || !seps_ok || (in_eleven && !prefixed && !cue) {
        return;
    }
    let text: String = digits_of(cx, sub)
        .iter()
        .map(|d| char::from(b'0' + d))
        .collect();
    if !ident::phone::is_valid(&text) {
        return;
    }
    let letter_before = first.checked_sub(1).is_some_and(|p| cx.is_word(p));
    if letter_before || cx.is_word(last + 1) {
        return;
    }
    if !prefixed && !cue && money_context(cx, first, last) {
        return;
    }
    // A bare 8-digit number that could be a date (ddmmyyyy, yyyymmdd) is a phone number only
    // with a cue;
    // so is a 4-2-2 grouping that reads as a date (yyyy-mm-dd, «2025-05-12»).
    if !prefixed
        && !cue
        && lens == [8]
        && (looks_like_ddmmyyyy(&text) || looks_like_yyyymmdd(&text))
    {
        return;
    }
    if !prefixed && !cue && lens == [4, 2, 2] && looks_like_yyyymmdd(&text) {
        return;
    }
    // Two years («2007 - 2008», «i åra 2001–2005») are a period.
    let year = |r: std::ops::Range<usize>| {
        text.get(r)
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| (1900..=2100).contains(&y))
    };
    if !prefixed && !cue && lens == [4, 4] && year(0..4) && year(4..8) {
        return;
    }
    let confidence = if prefixed || cue { 0.95 } else { 0.8 };
    hits.push(Hit {
        start: s,
        end,
        kind: FindingKind::Phone,
        confidence,
        // A country prefix is the number's own form; else a cue word, if one is there.
        basis: if cue && !prefixed {
            Basis::Cue
        } else {
            Basis::Pattern
        },
    });
}

/// The one sign between every two runs of `sub`, when it is the same each time (no spaces).
fn same_sign_between(cx: &Tokens, sub: &[usize]) -> Option<char> {
    let mut sign = None;
    for w in sub.windows(2) {
        let [a, b] = *w else { return None };
        let Some(TokenClass::Punct(c)) = cx.t(a + 1).filter(|_| b == a + 2) else {
            return None;
        };
        if sign.is_some_and(|s| s != c) {
            return None;
        }
        sign = Some(c);
    }
    sign
}

/// The country calling codes of two digits (ITU-T E.164, «List of ITU-T Recommendation
/// E.164 assigned country codes»); 1 and 7 are the codes of one digit, every other code
/// has three.
const TWO_DIGIT_CODES: &[u8] = &[
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
    57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];

/// The length of the country calling code at the start of `digits` (E.164: 1, 2 or 3
/// digits), or `None` when it starts with 0.
fn country_code_len(digits: &[u8]) -> Option<usize> {
    match digits {
        [0, ..] | [] => None,
        [1 | 7, ..] => Some(1),
        [a, b, ..] if TWO_DIGIT_CODES.contains(&(a * 10 + b)) => Some(2),
        [_, _, _, ..] => Some(3),
        _ => None,
    }
}

/// A phone number of another country: «+46 70 123 45 67», «+44 20 7946 0958»,
/// «+1 212 555 0123», «0046 70 123 45 67», «+4670123456»: a '+' glued to the first run, or
/// a first run that starts with 00, then runs joined by spaces, '-', '.', '/' or brackets;
/// with the country code 9 to 15 digits (E.164). Norway's own (+47, 0047) are found as
/// Norwegian numbers.
///
/// Not only the chain's first run may start one: a run with a '+' glued before it (and
/// nothing glued before the '+') starts one inside a chain too («… 3333 +44 20 7946 0958
/// +44 20 …»), else each was found only once what stands before it was redacted (the
/// placeholder ending the chain), one more per round of redaction (found by the scan fuzz
/// target). After a number the search goes on after its last run; a number has at most 17
/// digits, so each run is looked at a bounded number of times: linear time.
pub(super) fn international(cx: &Tokens, runs: &[usize], hits: &mut Vec<Hit>) {
    let bytes = cx.text.as_bytes();
    let mut i = 0;
    while let Some(rest) = runs.get(i..).filter(|r| !r.is_empty()) {
        let glued_plus = i > 0
            && rest.first().is_some_and(|&r| {
                cx.start(r).checked_sub(1).and_then(|p| bytes.get(p)) == Some(&b'+')
            });
        let used = if i == 0 || glued_plus {
            international_from(cx, rest, i > 0, hits)
        } else {
            None
        };
        i += used.unwrap_or(1);
    }
}

/// [`international`] from the first of `runs` (`inner`: not the chain's first run, then
/// only after a '+'): how many runs the number found takes.
fn international_from(
    cx: &Tokens,
    runs: &[usize],
    inner: bool,
    hits: &mut Vec<Hit>,
) -> Option<usize> {
    let &first = runs.first()?;
    // Most chains start with neither: two byte checks.
    let bytes = cx.text.as_bytes();
    let at = cx.start(first);
    let maybe_plus = at.checked_sub(1).and_then(|p| bytes.get(p)) == Some(&b'+');
    let maybe_zeros = bytes.get(at..at + 2) == Some(b"00");
    if !maybe_plus && !maybe_zeros {
        return None;
    }
    let plus = first
        .checked_sub(1)
        .filter(|&p| cx.is(p, TokenClass::Punct('+')))
        .filter(|&p| {
            !p.checked_sub(1)
                .is_some_and(|q| cx.is_word(q) || cx.is_digits(q))
        });
    let zeros = !inner && plus.is_none() && cx.s(first).starts_with("00") && cx.len(first) >= 3;
    if plus.is_none() && !zeros
        || (plus.is_none() && first.checked_sub(1).is_some_and(|p| cx.is_word(p)))
    {
        return None;
    }
    let mut digits: Vec<u8> = Vec::with_capacity(17);
    let (mut last, mut used) = (first, 0);
    for (n, &r) in runs.iter().enumerate() {
        if n > 0 {
            let phone_like = (last + 1..r).all(|k| {
                matches!(
                    cx.t(k),
                    Some(TokenClass::Space | TokenClass::Punct('-' | '.' | '/' | '(' | ')'))
                )
            });
            if !phone_like {
                break;
            }
        }
        if digits.len() + cx.len(r) > 17 {
            break;
        }
        digits.extend(cx.s(r).bytes().map(|b| b.wrapping_sub(b'0')));
        (last, used) = (r, n + 1);
    }
    let number = if zeros {
        digits.get(2..).unwrap_or_default()
    } else {
        digits.as_slice()
    };
    let cc = country_code_len(number)?;
    let norwegian = number.starts_with(&[4, 7]);
    if norwegian || !(9..=15).contains(&number.len()) || number.len() < cc + 6 {
        return None;
    }
    if cx.is_word(last + 1) {
        return None;
    }
    hits.push(Hit {
        start: plus.map_or(cx.start(first), |p| cx.start(p)),
        end: cx.end(last),
        kind: FindingKind::Phone,
        confidence: 0.9,
        basis: Basis::Pattern,
    });
    Some(used.max(1))
}

/// Eight digits that read as a date, yyyymmdd.
fn looks_like_yyyymmdd(t: &str) -> bool {
    let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((n(0..4), n(4..6), n(6..8)), (Some(y), Some(m), Some(d)) if (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// Eight digits that read as a date, ddmmyyyy.
fn looks_like_ddmmyyyy(t: &str) -> bool {
    let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((n(0..2), n(2..4), n(4..8)), (Some(d), Some(m), Some(y)) if (1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2100).contains(&y))
}
