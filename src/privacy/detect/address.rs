//! Addresses: street and house number (with postcode and place), PO boxes, a postcode after
//! its label or before a capitalised place, a qualified street («Nedre Ullevål 9»), and a
//! place after a residence cue («bor i Fana»).

use super::{in_placeholder, money_context, Basis, FindingKind, Hit};
use crate::lexicon::detector_words::{
    F_POSTBOX, F_POSTCODE_LABEL, F_QUALIFIER, F_RESIDENCE, F_STREET_PREFIX, F_STREET_WORD, F_UNIT,
};
use crate::privacy::tokens::{TokenClass, Tokens, F_STREETY};

fn street_word(cx: &Tokens, i: usize) -> bool {
    cx.has(i, F_STREETY)
}

fn house_number(cx: &Tokens, i: usize) -> Option<usize> {
    // «12», «12B», «12 B», «12-14»
    if !cx.is_digits(i) || cx.len(i) > 4 {
        return None;
    }
    let mut last = i;
    if cx.is_word(i + 1) && cx.len(i + 1) == 1 {
        last = i + 1;
    } else if (cx.is(i + 1, TokenClass::Space)
        && cx.is_word(i + 2)
        && cx.len(i + 2) == 1
        && cx.all_caps(i + 2))
        || (cx.is(i + 1, TokenClass::Punct('-')) && cx.is_digits(i + 2) && cx.len(i + 2) <= 4)
    {
        last = i + 2;
    }
    Some(last)
}

pub(super) fn addresses(cx: &Tokens, cands: &[usize], hits: &mut Vec<Hit>) {
    let opens =
        F_STREETY | F_STREET_WORD | F_POSTCODE_LABEL | F_QUALIFIER | F_POSTBOX | F_RESIDENCE;
    for &i in cands {
        if cx.flags(i) & opens == 0 && !cx.is_digits(i) {
            continue;
        }
        // «Storgata 12», «Kongens gate 5B», «Ole Bulls plass 3».
        let mut start_tok = None;
        if street_word(cx, i) {
            start_tok = Some(i);
        } else if cx.has(i, F_STREET_WORD)
            && i >= 2
            && cx.is(i - 1, TokenClass::Space)
            && cx.capitalised(i - 2)
        {
            let mut s = i - 2;
            // Include one more capitalised word («Ole Bulls plass»).
            if s >= 2 && cx.is(s - 1, TokenClass::Space) && cx.capitalised(s - 2) {
                s -= 2;
            }
            start_tok = Some(s);
        }
        if let Some(mut s) = start_tok {
            // «Gamle Drammensvei», «Vestre Torggaten», «Dr. Holms vei»: a leading
            // qualifier or title is part of the street name.
            if let Some(p) = cx.prev_non_space(s) {
                let p = if cx.is(p, TokenClass::Punct('.')) {
                    p.saturating_sub(1)
                } else {
                    p
                };
                if cx.capitalised(p) && cx.has(p, F_STREET_PREFIX) {
                    s = p;
                }
            }
            let k = cx.skip_space(i + 1 + usize::from(cx.is(i + 1, TokenClass::Punct('.'))));
            if let Some(last) = house_number(cx, k) {
                let mut end = cx.end(last);
                // «, 5021 Bergen»
                let mut p = last + 1;
                if cx.is(p, TokenClass::Punct(',')) {
                    p += 1;
                }
                p = cx.skip_space(p);
                if cx.is_digits(p)
                    && cx.len(p) == 4
                    && cx.is(p + 1, TokenClass::Space)
                    && cx.capitalised(p + 2)
                {
                    end = cx.end(p + 2);
                }
                hits.push(Hit {
                    start: cx.start(s),
                    end,
                    kind: FindingKind::Address,
                    confidence: 0.85,
                    basis: Basis::Pattern,
                });
            }
        }
        // «Postnummer 5007», «postnr. 5007»: a postcode after its label, place or not.
        if cx.has(i, F_POSTCODE_LABEL) {
            let k = cx.skip_space(i + 1 + usize::from(cx.is(i + 1, TokenClass::Punct('.'))));
            let k = if cx.is(k, TokenClass::Punct(':')) {
                cx.skip_space(k + 1)
            } else {
                k
            };
            if cx.is_digits(k) && cx.len(k) == 4 {
                hits.push(Hit {
                    start: cx.start(k),
                    end: cx.end(k),
                    kind: FindingKind::Address,
                    confidence: 0.8,
                    basis: Basis::Cue,
                });
            }
        }
        // «Nedre Ullevål 9»: a street qualifier, a capitalised name and a house number.
        if cx.capitalised(i)
            && cx.has(i, F_QUALIFIER)
            && !cx
                .s(i + 4)
                .parse::<u32>()
                .is_ok_and(|v| (1900..=2099).contains(&v))
            && cx.is(i + 1, TokenClass::Space)
            && cx.capitalised(i + 2)
            && cx.is(i + 3, TokenClass::Space)
        {
            if let Some(last) = house_number(cx, i + 4) {
                hits.push(Hit {
                    start: cx.start(i),
                    end: cx.end(last),
                    kind: FindingKind::Address,
                    confidence: 0.7,
                    basis: Basis::Pattern,
                });
            }
        }
        // «Postboks 123»
        if cx.has(i, F_POSTBOX) {
            let k = cx.skip_space(i + 1 + usize::from(cx.is(i + 1, TokenClass::Punct('.'))));
            if cx.is_digits(k) {
                hits.push(Hit {
                    start: cx.start(i),
                    end: cx.end(k),
                    kind: FindingKind::Address,
                    confidence: 0.85,
                    basis: Basis::Pattern,
                });
            }
        }
        // «5021 Bergen», «0150 OSLO»: four digits and a capitalised place.
        if cx.is_digits(i)
            && cx.len(i) == 4
            && cx.is(i + 1, TokenClass::Space)
            && cx.capitalised(i + 2)
            && cx.len(i + 2) >= 2
            && !cx.has(i + 2, F_UNIT)
        {
            let value = cx.s(i).parse::<u32>().unwrap_or(0);
            let yearish = (1900..=2099).contains(&value);
            let prev = i.checked_sub(1).map(|p| cx.t(p));
            let glued = matches!(
                prev,
                Some(Some(
                    TokenClass::Word
                        | TokenClass::Digits
                        | TokenClass::Punct('.' | '-' | '/' | ':')
                ))
            );
            let address_cue = address_context(cx, i);
            if !glued
                && !money_context(cx, i, i)
                && (!yearish || cx.all_caps(i + 2) || address_cue)
                && value >= 1
            {
                hits.push(Hit {
                    start: cx.start(i),
                    end: cx.end(i + 2),
                    kind: FindingKind::Address,
                    confidence: if address_cue { 0.85 } else { 0.7 },
                    // A yearish postcode with a place in small letters only after a cue.
                    basis: if yearish && !cx.all_caps(i + 2) {
                        Basis::Cue
                    } else {
                        Basis::Pattern
                    },
                });
            }
        }
        // «bor i Fana», «bosatt på Nesttun», «adresse: Fjellveien»: a place named after a
        // residence cue (geographic units smaller than a region, BRIEF.md).
        // «bor på gården Nordre Haug i Vestre Toten»: a farm or holding word before the
        // name, and a place it lies in after it.
        if cx.has(i, F_RESIDENCE) {
            let mut k = cx.skip_space(i + 1);
            while let Some((p, e)) = residence_place(cx, k) {
                hits.push(Hit {
                    start: cx.start(p),
                    end: cx.end(e),
                    kind: FindingKind::Address,
                    confidence: 0.6,
                    basis: Basis::Cue,
                });
                k = cx.skip_space(e + 1);
            }
        }
    }
}

/// A place after «i»/«på» at token `k` (optionally behind a farm word such as «gården»):
/// the first and last token of its one or two capitalised words.
fn residence_place(cx: &Tokens, k: usize) -> Option<(usize, usize)> {
    if !matches!(cx.low(k), "i" | "på" | "paa") {
        return None;
    }
    let mut p = cx.skip_space(k + 1);
    if matches!(
        cx.low(p),
        "gården"
            | "garden"
            | "gardsbruket"
            | "gårdsbruket"
            | "bruket"
            | "småbruket"
            | "plassen"
            | "øya"
            | "øyen"
            | "holmen"
            | "bygda"
            | "grenda"
            | "tunet"
    ) {
        p = cx.skip_space(p + 1);
    }
    if !cx.capitalised(p) || matches!(cx.low(p), "norge" | "norway") {
        return None;
    }
    let e = if cx.is(p + 1, TokenClass::Space) && cx.capitalised(p + 2) {
        p + 2
    } else {
        p
    };
    Some((p, e))
}

fn address_context(cx: &Tokens, i: usize) -> bool {
    let from = i.saturating_sub(12);
    (from..i).any(|k| {
        matches!(
            cx.low(k),
            "adresse"
                | "adressen"
                | "bor"
                | "bosatt"
                | "postnummer"
                | "postnr"
                | "poststed"
                | "bustad"
        ) && !in_placeholder(cx, k)
            || street_word(cx, k)
    })
}
