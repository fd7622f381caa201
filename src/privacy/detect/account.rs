//! Bank account numbers: IBANs of any country (ISO 7064 MOD 97-10), and the Norwegian
//! 11-digit account number (its check digit), which the digit chains
//! ([`super::national_id`]) hand over.

use super::{Basis, FindingKind, Hit};
use crate::ident;
use crate::privacy::tokens::{TokenClass, Tokens};

/// IBANs of any country: two capital letters, two check digits and 11–30 letters or digits,
/// written compact or in groups separated by single spaces; the ISO 7064 MOD 97-10 check
/// must hold (ISO 13616-1; SWIFT «IBAN Registry»: Norway has 15 characters, e.g.
/// `NO93 8601 1117 947`). The Norwegian account inside is also found on its own by the
/// digit chains; the IBAN finding covers the whole.
pub(super) fn ibans(cx: &Tokens, cands: &[usize], hits: &mut Vec<Hit>) {
    let bytes = cx.text.as_bytes();
    for &i in cands {
        let Some(tok) = cx.tok(i) else { continue };
        let country = cx.s(i);
        let starts = tok.t() == TokenClass::Word
            && country.len() == 2
            && country.bytes().all(|b| b.is_ascii_uppercase())
            && cx.is_digits(i + 1)
            && !i
                .checked_sub(1)
                .is_some_and(|p| cx.is_word(p) || cx.is_digits(p));
        if !starts {
            continue;
        }
        // Walk the characters: alphanumerics, single spaces between groups.
        let mut chars: Vec<u8> = Vec::with_capacity(34);
        let mut best = None;
        let mut p = tok.start;
        while let Some(&b) = bytes.get(p) {
            if b.is_ascii_digit() || b.is_ascii_uppercase() {
                chars.push(b);
                p += 1;
                if chars.len() > 34 {
                    break;
                }
                let boundary = !bytes.get(p).is_some_and(|n| n.is_ascii_alphanumeric());
                if boundary && chars.len() >= 15 && mod97_ok(&chars) {
                    best = Some(p);
                }
            } else if b == b' '
                && bytes.get(p + 1).is_some_and(|n| n.is_ascii_alphanumeric())
                && chars.len() >= 4
            {
                p += 1;
            } else {
                break;
            }
        }
        // Check digits must be digits.
        let digits_ok = chars
            .get(2..4)
            .is_some_and(|c| c.iter().all(u8::is_ascii_digit));
        if let (Some(end), true) = (best, digits_ok) {
            hits.push(Hit {
                start: tok.start,
                end,
                kind: FindingKind::Account,
                confidence: 0.95,
                basis: Basis::Checksum,
            });
        }
    }
}

/// ISO 7064 MOD 97-10 on an IBAN (the first four characters moved to the end, letters as
/// 10–35, remainder 1). `chars` are ASCII digits and capitals.
fn mod97_ok(chars: &[u8]) -> bool {
    let (head, tail) = (chars.get(..4), chars.get(4..));
    let (Some(head), Some(tail)) = (head, tail) else {
        return false;
    };
    let mut r: u32 = 0;
    for &c in tail.iter().chain(head) {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r == 1
}

/// A Norwegian bank account number in a window of 11 digits (bytes `start..end`): its
/// check digit holds (MOD 11). Pushes the finding and says whether it did.
// One caller: inlined there natively, as when it was a private function of its caller's
// module (the wasm package is one codegen unit, where LLVM decides alone).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(super) fn account_number(
    digits: &[u8; 11],
    start: usize,
    end: usize,
    hits: &mut Vec<Hit>,
) -> bool {
    if ident::account::validate_digits(digits).is_err() {
        return false;
    }
    hits.push(Hit {
        start,
        end,
        kind: FindingKind::Account,
        confidence: 0.9,
        basis: Basis::Checksum,
    });
    true
}
