//! IPv4 addresses: four octets joined by dots, nothing glued to either end.

use super::{Basis, FindingKind, Hit};
use crate::privacy::tokens::{TokenClass, Tokens};

pub(super) fn ip_addresses(cx: &Tokens, cands: &[usize], next: &mut usize, hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    for &i in cands {
        if i < *next || i + 6 > n || !cx.is_digits(i) {
            continue;
        }
        let octet = |k: usize| {
            cx.is_digits(k) && cx.len(k) <= 3 && cx.s(k).parse::<u16>().is_ok_and(|v| v <= 255)
        };
        let is_ip = octet(i)
            && (0..3).all(|k| cx.is(i + 1 + 2 * k, TokenClass::Punct('.')) && octet(i + 2 + 2 * k))
            && !i.checked_sub(1).is_some_and(|p| {
                matches!(
                    cx.t(p),
                    Some(TokenClass::Punct('.' | '-' | '/'))
                        | Some(TokenClass::Digits)
                        | Some(TokenClass::Word)
                )
            })
            && !matches!(
                cx.t(i + 7),
                Some(TokenClass::Punct('-' | '/'))
                    | Some(TokenClass::Digits)
                    | Some(TokenClass::Word)
            )
            && !(cx.is(i + 7, TokenClass::Punct('.')) && cx.is_digits(i + 8));
        if is_ip {
            hits.push(Hit {
                start: cx.start(i),
                end: cx.end(i + 6),
                kind: FindingKind::IpAddress,
                confidence: 0.8,
                basis: Basis::Pattern,
            });
            *next = i + 7;
        }
    }
}
