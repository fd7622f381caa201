//! E-mail addresses: ordinary, with a spelled-out at sign («kari(at)example.no»), written
//! with spaces around the dots and the at sign to get past filters, and with both spelled
//! out in words («kari at gmail dot com», «kari [at] gmail [dot] com», «kari krøllalfa
//! gmail punktum com»).

use super::{Basis, FindingKind, Hit};
use crate::ident;
use crate::lexicon::detector_words::{DOT_WORDS, F_AT_WORD, F_DOT_WORD};
use crate::privacy::tokens::{TokenClass, Tokens};

/// The last token of an at sign starting at token `i`: `@`, or the written-out «(at)»,
/// «[at]», «(a)» that people use to hide an address from robots.
fn at_sign(cx: &Tokens, i: usize) -> Option<usize> {
    if cx.is(i, TokenClass::Punct('@')) {
        return Some(i);
    }
    let spelled = (cx.is(i, TokenClass::Punct('(')) && cx.is(i + 2, TokenClass::Punct(')')))
        || (cx.is(i, TokenClass::Punct('[')) && cx.is(i + 2, TokenClass::Punct(']')));
    (spelled && matches!(cx.low(i + 1), "at" | "a" | "alfa" | "krøllalfa")).then_some(i + 2)
}

/// A token that can be part of an e-mail's local part (besides its dots).
fn glued_to_email(cx: &Tokens, k: usize) -> bool {
    cx.is_word(k)
        || cx.is_digits(k)
        || matches!(
            cx.t(k),
            Some(TokenClass::Punct('_' | '-' | '+' | '%' | '\''))
        )
}

pub(super) fn emails(cx: &Tokens, cands: &[usize], hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    for &i in cands {
        // «gmail dot com»: the at sign in words is a few words before the dot.
        if cx.has(i, F_DOT_WORD) {
            let from = i.saturating_sub(10);
            if let Some(at) = (from..i).rev().find(|&k| spelled_at(cx, k).is_some()) {
                if let Some(at_end) = spelled_at(cx, at) {
                    spelled_email(cx, at, at_end, hits);
                }
            }
            continue;
        }
        let before = hits.len();
        if let Some(at_end) = spelled_at(cx, i) {
            spelled_email(cx, i, at_end, hits);
            if hits.len() > before || cx.has(i, F_AT_WORD) {
                continue;
            }
        }
        let Some(at_end) = at_sign(cx, i) else {
            continue;
        };
        let local_ok = |k: usize| glued_to_email(cx, k) || cx.is(k, TokenClass::Punct('.'));
        let mut a = i;
        while a > 0 && local_ok(a - 1) {
            a -= 1;
        }
        // A dot before the address is punctuation («se .kari@…»), not the local part's.
        while a < i && cx.is(a, TokenClass::Punct('.')) {
            a += 1;
        }
        let mut b = at_end + 1;
        while b < n
            && (cx.is_word(b)
                || cx.is_digits(b)
                || cx.is(b, TokenClass::Punct('.'))
                || cx.is(b, TokenClass::Punct('-')))
        {
            b += 1;
        }
        if a == i || b == at_end + 1 {
            spaced_email(cx, i, at_end, hits);
            continue;
        }
        let spelled = at_end != i;
        longest_email(cx, a, i, at_end, b, spelled, hits);
    }
}

/// The token ends a piece of an e-mail address: a dot, hyphen or other separator.
fn email_separator(cx: &Tokens, k: usize) -> bool {
    matches!(
        cx.t(k),
        Some(TokenClass::Punct('.' | '-' | '_' | '+' | '\'' | '%'))
    )
}

/// The longest valid address in tokens `a..b` around the at sign `at..=at_end`, cut at
/// separators: the local part may start after one, the domain end before one. What is glued
/// to an address on either side («kari@f.no.20000000», «…@f.no-Nordmann»,
/// «Nordmann-kari@…») may make the whole invalid; once it was redacted, the rest would be
/// found. At most 4 starts and 16 ends are tried (a local part has at most 64 bytes and a
/// domain 253, RFC 5321 §4.5.3.1), so that glued runs cannot make this slow.
#[allow(clippy::too_many_arguments)]
fn longest_email(
    cx: &Tokens,
    a: usize,
    at: usize,
    at_end: usize,
    b: usize,
    spelled: bool,
    hits: &mut Vec<Hit>,
) {
    let (local_end, domain_start) = (cx.start(at), cx.end(at_end));
    let mut starts = 0;
    for s_tok in a..at {
        let start_ok = (s_tok == a || email_separator(cx, s_tok - 1))
            && !email_separator(cx, s_tok)
            && local_end - cx.start(s_tok) <= 64;
        if !start_ok {
            continue;
        }
        starts += 1;
        if starts > 4 {
            return;
        }
        // Ends (exclusive) from the whole run back to each separator, trailing separators
        // trimmed (a sentence's full stop).
        let (mut e_tok, mut ends) = (b, 0);
        loop {
            while e_tok > at_end + 1 && email_separator(cx, e_tok - 1) {
                e_tok -= 1;
            }
            if e_tok <= at_end + 1 || ends >= 16 {
                break;
            }
            let (s, e) = (cx.start(s_tok), cx.end(e_tok - 1));
            if e - domain_start <= 253 {
                ends += 1;
                let local = cx.text.get(s..local_end).unwrap_or("");
                let domain = cx.text.get(domain_start..e).unwrap_or("");
                let mut cand = String::with_capacity(local.len() + domain.len() + 1);
                cand.push_str(local);
                cand.push('@');
                cand.push_str(domain);
                // A spelled-out at sign needs a dotted domain («kari(at)gmail.com»).
                if ident::email::is_valid(&cand) && (!spelled || domain.contains('.')) {
                    hits.push(Hit {
                        start: s,
                        end: e,
                        kind: FindingKind::Email,
                        confidence: if spelled { 0.85 } else { 0.95 },
                        basis: Basis::Pattern,
                    });
                    return;
                }
            }
            // Back to the separator before.
            e_tok -= 1;
            while e_tok > at_end + 1 && !email_separator(cx, e_tok) {
                e_tok -= 1;
            }
        }
    }
}

/// An e-mail address written with spaces around its dots and at sign, to get past filters:
/// «kari . nordmann @ gmail . com». Words joined by ` . `, ` @ ` (or a spelled at sign), and
/// a domain of at least two words joined by dots; the joined form must be a valid address.
fn spaced_email(cx: &Tokens, at: usize, at_end: usize, hits: &mut Vec<Hit>) {
    // Token `k` when it is a word or number, skipping one space token before it
    // (direction -1) or after it (+1).
    let part = |k: Option<usize>| k.filter(|&k| cx.is_word(k) || cx.is_digits(k));
    let step = |k: usize, back: bool| -> Option<usize> {
        let k = if back { k.checked_sub(1)? } else { k + 1 };
        if cx.is(k, TokenClass::Space) && cx.len(k) <= 2 {
            if back {
                k.checked_sub(1)
            } else {
                Some(k + 1)
            }
        } else {
            Some(k)
        }
    };
    let dot = |k: Option<usize>| k.filter(|&k| cx.is(k, TokenClass::Punct('.')));
    // Words joined by dots from the token next to `k`, walking back or forth (at most six).
    let chain = |k: usize, back: bool| -> Option<Vec<usize>> {
        let mut cur = part(step(k, back))?;
        let mut out = vec![cur];
        while out.len() < 6 {
            let Some(w) = dot(step(cur, back)).and_then(|d| part(step(d, back))) else {
                break;
            };
            out.push(w);
            cur = w;
        }
        Some(out)
    };
    // Local part: word (. word)* before the at sign; domain: word (. word)+ after it.
    let (Some(mut local), Some(domain)) = (chain(at, true), chain(at_end, false)) else {
        return;
    };
    let Some(&first) = local.last() else {
        return;
    };
    let before = at.checked_sub(1);
    let spaced = !before.is_some_and(|k| cx.is(k, TokenClass::Punct('.')))
        && (before.is_some_and(|k| cx.is(k, TokenClass::Space))
            || cx.is(at_end + 1, TokenClass::Space));
    if domain.len() < 2 || !spaced {
        return;
    }
    // Whatever is glued to either end belongs to the address, as in the ordinary form
    // («01010000000tlf @ …»): redaction must not leave a piece that is found anew.
    let glued = |k: usize| glued_to_email(cx, k);
    let mut from = first;
    while from > 0 && glued(from - 1) {
        from -= 1;
    }
    local.reverse();
    let piece = |a: usize, b: usize| cx.text.get(cx.start(a)..cx.end(b)).unwrap_or("");
    let mut local_part = String::new();
    for (n, &k) in local.iter().enumerate() {
        if n > 0 {
            local_part.push('.');
        }
        local_part.push_str(if k == first {
            piece(from, first)
        } else {
            cx.s(k)
        });
    }
    // The longest valid address, as for the ordinary form: the domain is cut back word by
    // word (at least two) until the joined form is an address.
    let mut domain = domain.as_slice();
    while domain.len() >= 2 {
        let Some(&last) = domain.last() else { break };
        let mut to = last;
        while cx.is_word(to + 1) || cx.is_digits(to + 1) || cx.is(to + 1, TokenClass::Punct('-')) {
            to += 1;
        }
        let mut cand = local_part.clone();
        cand.push('@');
        for (n, &k) in domain.iter().enumerate() {
            if n > 0 {
                cand.push('.');
            }
            cand.push_str(if k == last { piece(last, to) } else { cx.s(k) });
        }
        if ident::email::is_valid(&cand) {
            hits.push(Hit {
                start: cx.start(from),
                end: cx.end(to),
                kind: FindingKind::Email,
                confidence: 0.8,
                basis: Basis::Pattern,
            });
            return;
        }
        domain = domain.get(..domain.len() - 1).unwrap_or_default();
    }
}

/// An at sign in words from token `i`: «at» or «krøllalfa» between spaces, or «(at)»,
/// «[at]», «{at}», «<at>». Its last token.
fn spelled_at(cx: &Tokens, i: usize) -> Option<usize> {
    if cx.has(i, F_AT_WORD) {
        let spaced = i
            .checked_sub(1)
            .is_some_and(|p| cx.is(p, TokenClass::Space))
            && cx.is(i + 1, TokenClass::Space);
        return spaced.then_some(i);
    }
    let open = matches!(cx.t(i), Some(TokenClass::Punct('(' | '[' | '{' | '<')));
    let close = matches!(cx.t(i + 2), Some(TokenClass::Punct(')' | ']' | '}' | '>')));
    (open && close && cx.has(i + 1, F_AT_WORD)).then_some(i + 2)
}

/// A word of an address: a word or a number, with what is glued to it by hyphens
/// («helse-bergen»). Its last token.
fn label_end(cx: &Tokens, k: usize) -> Option<usize> {
    if !(cx.is_word(k) || cx.is_digits(k)) || dot_word(cx, k) {
        return None;
    }
    let mut e = k;
    while cx.is(e + 1, TokenClass::Punct('-')) && (cx.is_word(e + 2) || cx.is_digits(e + 2)) {
        e += 2;
    }
    Some(e)
}

/// Token `k` is a dot in words («dot», «punktum»).
fn dot_word(cx: &Tokens, k: usize) -> bool {
    cx.is_word(k) && DOT_WORDS.contains(&cx.low(k))
}

/// The dot after the label ending at token `e`: '.', « dot », «(dot)», «[dot]». The token
/// where the next label starts.
fn dot_after(cx: &Tokens, e: usize) -> Option<usize> {
    if cx.is(e + 1, TokenClass::Punct('.')) && label_end(cx, e + 2).is_some() {
        return Some(e + 2);
    }
    let mut k = e + 1;
    let spaced = cx.is(k, TokenClass::Space);
    if spaced {
        k += 1;
    }
    let k = if dot_word(cx, k) && spaced && cx.is(k + 1, TokenClass::Space) {
        k + 2
    } else if matches!(cx.t(k), Some(TokenClass::Punct('(' | '[' | '{')))
        && dot_word(cx, k + 1)
        && matches!(cx.t(k + 2), Some(TokenClass::Punct(')' | ']' | '}')))
    {
        k + 3 + usize::from(cx.is(k + 3, TokenClass::Space))
    } else {
        return None;
    };
    label_end(cx, k).map(|_| k)
}

/// An address with the at sign (tokens `at..=at_end`) and the dots in words: the local
/// part is the word (with what is glued to it by '.', '_', '-', '+') before, the domain two
/// or more labels after, joined by dots in any writing. The joined form must be a valid
/// address whose last label is letters.
fn spelled_email(cx: &Tokens, at: usize, at_end: usize, hits: &mut Vec<Hit>) {
    // The local part, back from the at sign.
    let mut a = at.saturating_sub(1);
    if cx.is(a, TokenClass::Space) {
        let Some(p) = a.checked_sub(1) else { return };
        a = p;
    }
    if !(cx.is_word(a) || cx.is_digits(a)) || a >= at {
        return;
    }
    let local_end = cx.end(a);
    while a >= 2
        && matches!(cx.t(a - 1), Some(TokenClass::Punct('.' | '_' | '-' | '+')))
        && (cx.is_word(a - 2) || cx.is_digits(a - 2))
    {
        a -= 2;
    }
    // The domain: labels joined by dots.
    let mut k = at_end + 1;
    if cx.is(k, TokenClass::Space) {
        k += 1;
    }
    let mut labels: Vec<(usize, usize)> = Vec::new();
    let mut spelled_dot = false;
    while let Some(e) = label_end(cx, k) {
        labels.push((k, e));
        if labels.len() >= 6 {
            break;
        }
        match dot_after(cx, e) {
            Some(next) => {
                spelled_dot |= !(next == e + 2 && cx.is(e + 1, TokenClass::Punct('.')));
                k = next;
            }
            None => break,
        }
    }
    let (Some(&(_, last)), true) = (labels.last(), labels.len() >= 2) else {
        return;
    };
    let tld = cx.s(last);
    if tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return;
    }
    // «at» alone is also a word («etter at bt.no tok kontakt»): only with a dot in words
    // too («kari at gmail dot com»). «krøllalfa» and the bracketed at signs are never words.
    if at == at_end && cx.low(at) == "at" && !spelled_dot {
        return;
    }
    let mut cand = String::new();
    cand.push_str(cx.text.get(cx.start(a)..local_end).unwrap_or(""));
    cand.push('@');
    for (n, &(s, e)) in labels.iter().enumerate() {
        if n > 0 {
            cand.push('.');
        }
        cand.push_str(cx.text.get(cx.start(s)..cx.end(e)).unwrap_or(""));
    }
    if ident::email::is_valid(&cand) {
        hits.push(Hit {
            start: cx.start(a),
            end: cx.end(last),
            kind: FindingKind::Email,
            confidence: 0.8,
            basis: Basis::Pattern,
        });
    }
}
