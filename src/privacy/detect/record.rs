//! Record, journal, case and other personal numbers after a cue word («journalnr»,
//! «pasient-id», «D-nummer»).

use super::{in_placeholder, Basis, FindingKind, Hit};
use crate::lexicon::detector_words::{scan_lexicon, F_RECORD};
use crate::privacy::tokens::{TokenClass, Tokens};

fn record_cue(w: &str) -> bool {
    scan_lexicon().get(w) & F_RECORD != 0
}

pub(super) fn record_numbers(cx: &Tokens, cands: &[usize], hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    let mut joined = String::new();
    for &i in cands {
        let mut cue = cx.has(i, F_RECORD) && !in_placeholder(cx, i);
        if !cue && !cx.is(i + 1, TokenClass::Punct('-')) {
            continue;
        }
        let mut k = i + 1;
        // «pasient-id», «journal-nr», «d-nummer», «EPJ-nummer»: the joined form first.
        if cx.is(i + 1, TokenClass::Punct('-')) && cx.is_word(i + 2) {
            joined.clear();
            joined.push_str(cx.low(i));
            joined.push_str(cx.low(i + 2));
            if record_cue(&joined)
                || matches!(joined.as_str(), "pasientid" | "journalnr" | "dnummer")
                || (cue && matches!(cx.low(i + 2), "nr" | "nummer" | "id" | "no"))
            {
                cue = true;
                k = i + 3;
            }
        }
        if !cue {
            continue;
        }
        // Skip «nr», «.», «:», spaces, «er».
        let mut steps = 0;
        while k < n && steps < 6 {
            let skip = matches!(
                cx.t(k),
                Some(TokenClass::Space | TokenClass::Punct('.' | ':' | '#'))
            ) || matches!(cx.low(k), "nr" | "er" | "no" | "number" | "nummer");
            if !skip {
                break;
            }
            k += 1;
            steps += 1;
        }
        let first = k;
        let mut digits = 0;
        while k < n
            && (cx.is_word(k)
                || cx.is_digits(k)
                || cx.is(k, TokenClass::Punct('-'))
                || cx.is(k, TokenClass::Punct('/')))
            && cx.end(k) - cx.start(first) <= 40
        {
            if cx.is_digits(k) {
                digits += cx.len(k);
            }
            k += 1;
            // A space inside a grouped number («12345 678»).
            if cx.is(k, TokenClass::Space) && cx.is_digits(k + 1) && cx.is_digits(k - 1) {
                k += 1;
            }
        }
        if k > first && digits >= 3 {
            hits.push(Hit {
                start: cx.start(first),
                end: cx.end(k - 1),
                kind: FindingKind::RecordNumber,
                confidence: 0.85,
                basis: Basis::Cue,
            });
        }
    }
}
