//! Social media handles and profile addresses: «@kari_nordmann», «instagram.com/kari»,
//! «tiktok.com/@kari», «linkedin.com/in/kari-nordmann». An address that points at a person
//! is a direct identifier (BRIEF.md, "Direct identifiers": URLs that point at the person),
//! also inside a link, which otherwise is allowed.

use super::{Basis, FindingKind, Hit};
use crate::lexicon::detector_words::F_SOCIAL;
use crate::privacy::tokens::{TokenClass, Tokens};

/// A character of a handle's name: a letter or digit of any script, or '_'.
fn handle_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The end (exclusive, bytes) of a handle's characters from byte `from` ([`handle_char`],
/// and '.' and '-' inside, not at the end), at most 40 bytes; with at least one letter and
/// two characters. Only what [`handles`] counts as glued before an at sign: a handle that
/// ends at an '@' makes that '@' glued, so whether a handle is found never depends on
/// whether the next one was (a redaction finds the same handles again, in one round).
fn handle_end(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut e = from;
    let mut letters = 0;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if handle_char(c) {
            letters += usize::from(c.is_alphabetic());
        } else if !(matches!(c, '.' | '-')
            && chars
                .peek()
                .is_some_and(|&n| n.is_ascii_alphanumeric() || n == '_'))
        {
            break;
        }
        e += c.len_utf8();
        if e - from > 40 {
            return None;
        }
    }
    (e >= from + 2 && letters > 0).then_some(e)
}

/// Top-level domains: a word after '@' that ends in one is a domain («@helse-bergen.no»),
/// not a handle.
fn ends_in_domain(s: &[u8]) -> bool {
    let Some(dot) = s.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let tld = s.get(dot + 1..).unwrap_or_default();
    matches!(
        tld,
        b"no"
            | b"com"
            | b"net"
            | b"org"
            | b"se"
            | b"dk"
            | b"fi"
            | b"is"
            | b"uk"
            | b"de"
            | b"nu"
            | b"io"
            | b"eu"
            | b"info"
            | b"edu"
            | b"gov"
    )
}

/// Handles and profile addresses at the candidate tokens `cands` ('@' and social sites).
pub(super) fn handles(cx: &Tokens, cands: &[usize], hits: &mut Vec<Hit>) {
    let bytes = cx.text.as_bytes();
    for &i in cands {
        if cx.is(i, TokenClass::Punct('@')) {
            // Not an e-mail address's at sign: nothing glued before it («kari@…»), a word
            // glued after it.
            // (Every character a handle may end with is one of these: see `handle_end`.)
            let glued_before = cx
                .text
                .get(..cx.start(i))
                .and_then(|t| t.chars().next_back())
                .is_some_and(|c| handle_char(c) || matches!(c, '.' | '-' | '+' | '@'));
            let from = cx.end(i);
            let Some(end) = handle_end(cx.text, from).filter(|_| !glued_before) else {
                continue;
            };
            let name = bytes.get(from..end).unwrap_or_default();
            // An e-mail address's domain or a spaced address («kari @ gmail . com»).
            if ends_in_domain(name) || bytes.get(end) == Some(&b'@') {
                continue;
            }
            hits.push(Hit {
                start: cx.start(i),
                end,
                kind: FindingKind::SocialHandle,
                confidence: 0.8,
                basis: Basis::Pattern,
            });
            continue;
        }
        if !cx.has(i, F_SOCIAL) {
            continue;
        }
        // «instagram.com/kari», «www.facebook.com/kari.nordmann», «t.me/kari»,
        // «linkedin.com/in/kari», «tiktok.com/@kari».
        if !(cx.is(i + 1, TokenClass::Punct('.'))
            && cx.is_word(i + 2)
            && cx.is(i + 3, TokenClass::Punct('/')))
        {
            continue;
        }
        let mut from = cx.end(i + 3);
        // A path word before the name: «in/», «add/», «u/», «user/», «@».
        for prefix in [
            &b"in/"[..],
            b"add/",
            b"u/",
            b"user/",
            b"people/",
            b"profile/",
            b"@",
        ] {
            if bytes.get(from..).is_some_and(|r| r.starts_with(prefix)) {
                from += prefix.len();
                break;
            }
        }
        let Some(end) = handle_end(cx.text, from) else {
            continue;
        };
        // The start of the address: «https://www.» before the site, if there.
        let mut start = cx.start(i);
        let mut k = i;
        while let Some(p) = k.checked_sub(1) {
            if matches!(
                cx.t(p),
                Some(TokenClass::Space | TokenClass::Newline) | None
            ) {
                break;
            }
            start = cx.start(p);
            k = p;
            if cx.start(i) - start > 16 {
                break;
            }
        }
        hits.push(Hit {
            start,
            end,
            kind: FindingKind::SocialHandle,
            confidence: 0.85,
            basis: Basis::Pattern,
        });
    }
}
