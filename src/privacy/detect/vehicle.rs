//! Norwegian vehicle registrations (number plates): two capital letters and a number of four
//! digits (1000–9999: motorcycles, trailers) or five (10000–99999: cars, vans, lorries),
//! written «AB 12345», «AB12345», «AB-12345» (Statens vegvesen, «Kjennemerke for
//! motorkjøretøy»). Codes that look the same are left: a standard («EN 60601», «NS 3701»), a
//! year
//! («EU 2017/745», «UK 2024»), a batch or lot number after its label, a unit or an amount
//! after the number.

use super::{money_context, Basis, FindingKind, Hit};
use crate::lexicon::detector_words::F_UNIT;
use crate::privacy::tokens::{TokenClass, Tokens};

/// Words before a plate that say it is one: a higher confidence.
fn plate_cue(low: &str) -> bool {
    matches!(
        low,
        "regnr"
            | "reg"
            | "registreringsnummer"
            | "registreringsnummeret"
            | "kjennemerke"
            | "kjennemerket"
            | "bilskilt"
            | "skilt"
            | "skiltet"
            | "nummerskilt"
            | "bil"
            | "bilen"
            | "bilnummer"
            | "kjøretøy"
            | "kjøretøyet"
            | "plate"
    )
}

/// Words before a code that say it is something else: a batch, lot or article number.
fn other_code_cue(low: &str) -> bool {
    matches!(
        low,
        "lot"
            | "batch"
            | "parti"
            | "partinummer"
            | "serie"
            | "serienummer"
            | "ref"
            | "art"
            | "artikkel"
            | "varenr"
            | "varenummer"
            | "katalognummer"
            | "cat"
            | "kat"
            | "modell"
            | "type"
            | "iso"
            | "ns"
            | "en"
            | "iec"
            | "lnr"
            | "sn"
    )
}

/// Plates starting at the candidate tokens `cands` (words of two capitals).
pub(super) fn plates(cx: &Tokens, cands: &[usize], hits: &mut Vec<Hit>) {
    for &i in cands {
        if !cx.is_word(i) || cx.len(i) != 2 {
            continue;
        }
        let letters = cx.s(i);
        // Standards and other codes of two capitals and a number: «EN 60601», «NS 3701»,
        // «BS 5839», «CE 1639» (a notified body), «UN 1230» (dangerous goods).
        if matches!(letters, "EN" | "NS" | "BS" | "CE" | "UN") {
            continue;
        }
        if letters.len() != 2
            || !letters.bytes().all(|b| b.is_ascii_uppercase())
            // Glued to a word or number before: part of a longer code.
            || i
                .checked_sub(1)
                .is_some_and(|p| cx.is_word(p) || cx.is_digits(p) || glued_sign(cx, p))
        {
            continue;
        }
        // «AB 12345», «AB12345», «AB-12345».
        let d = match cx.t(i + 1) {
            Some(TokenClass::Digits) => i + 1,
            Some(TokenClass::Space) if cx.len(i + 1) == 1 => i + 2,
            Some(TokenClass::Punct('-')) => i + 2,
            _ => continue,
        };
        let number = cx.s(d);
        if !cx.is_digits(d) || !(4..=5).contains(&number.len()) || number.starts_with('0') {
            continue;
        }
        let value: u32 = number.parse().unwrap_or(0);
        // What follows may not continue the code or make it something else.
        let after_glued = matches!(
            cx.t(d + 1),
            Some(
                TokenClass::Word
                    | TokenClass::Digits
                    | TokenClass::Punct('-' | '/' | '_' | '.' | ':')
            )
        ) && !(cx.is(d + 1, TokenClass::Punct('.'))
            && matches!(
                cx.t(d + 2),
                Some(TokenClass::Space | TokenClass::Newline) | None
            ));
        let unit_after = cx.has(cx.skip_space(d + 1), F_UNIT);
        let before = cx.prev_non_space(i).map(|p| cx.low(p)).unwrap_or("");
        let before = if before == "." || before == ":" {
            cx.prev_non_space(i)
                .and_then(|p| cx.prev_non_space(p))
                .map(|p| cx.low(p))
                .unwrap_or("")
        } else {
            before
        };
        let cue = plate_cue(before);
        let year = number.len() == 4 && (1900..=2099).contains(&value);
        if after_glued
            || unit_after
            || other_code_cue(before)
            || (year && !cue)
            || money_context(cx, d, d)
        {
            continue;
        }
        hits.push(Hit {
            start: cx.start(i),
            end: cx.end(d),
            kind: FindingKind::VehicleRegistration,
            confidence: if cue { 0.9 } else { 0.7 },
            basis: if cue { Basis::Cue } else { Basis::Pattern },
        });
    }
}

/// Token `p` is a sign that glues what is before it to a code («NS-EN», «HLA-B»).
fn glued_sign(cx: &Tokens, p: usize) -> bool {
    matches!(
        cx.t(p),
        Some(TokenClass::Punct('-' | '/' | '_' | '.' | '*' | ':'))
    ) && p
        .checked_sub(1)
        .is_some_and(|q| cx.is_word(q) || cx.is_digits(q))
}
