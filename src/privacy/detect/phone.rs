//! Norwegian phone numbers: eight digits in a phone grouping, with a country prefix, or
//! after a cue word («tlf», «mobil», «ring»).

use super::national_id::{digits_of, grouping, seps_are};
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
    let lens = grouping(cx, sub);
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
    // Phone groupings in Norway: 8, 3-2-3, 2-2-2-2, 4-4, 2-3-3, 3-5. With a cue word or a
    // country prefix any grouping by spaces or dashes counts (text pasted from other
    // systems splits numbers oddly).
    let shaped = matches!(
        lens.as_slice(),
        [8] | [3, 2, 3] | [2, 2, 2, 2] | [4, 4] | [2, 3, 3] | [3, 5]
    );
    // A line break inside the number only with a cue or a prefix («Ring 912⏎34 567»).
    let dotted_shape = matches!(lens.as_slice(), [3, 2, 3] | [2, 2, 2, 2] | [4, 4] | [3, 5]);
    let seps_ok = seps_are(cx, sub, &[' ', '-'])
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
    // A bare 8-digit number that could be a date (ddmmyyyy) is a phone number only with a cue.
    if !prefixed && !cue && lens.as_slice() == [8] && looks_like_ddmmyyyy(&text) {
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

/// Eight digits that read as a date, ddmmyyyy.
fn looks_like_ddmmyyyy(t: &str) -> bool {
    let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((n(0..2), n(2..4), n(4..8)), (Some(d), Some(m), Some(y)) if (1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2100).contains(&y))
}
