//! IP addresses: IPv4 (four octets joined by dots), IPv6 in every text form of RFC 4291
//! §2.2 (eight groups, `::` for zeros, an IPv4 address at the end, a zone after `%`);
//! nothing glued to either end.

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
        if !is_ip {
            continue;
        }
        // Section numbers («kap. 3.5.2.3», «11.5.3.5») are not addresses: without an IP cue
        // before it, an address has an octet of three digits or two of two.
        let long = (0..4)
            .map(|k| cx.len(i + 2 * k))
            .fold((0, 0), |(three, two), l| {
                (three + usize::from(l == 3), two + usize::from(l >= 2))
            });
        if long.0 >= 1 || long.1 >= 2 || ip_cue(cx, i) {
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

/// A word that says an IP address follows, among the four tokens before `i` («IP»,
/// «IP-adresse», «host», «fra»).
fn ip_cue(cx: &Tokens, i: usize) -> bool {
    (i.saturating_sub(4)..i).any(|k| {
        matches!(
            cx.low(k),
            "ip" | "ipv4" | "ip-adresse" | "adresse" | "adressen" | "host" | "server" | "address"
        )
    })
}

/// The longest IPv6 address text looked at (45 bytes: eight groups with an IPv4 end) plus
/// a zone.
const MAX_IPV6: usize = 64;

/// IPv6 addresses around the candidate colons among `cands`; `next`: bytes before it were
/// part of a run looked at already.
pub(super) fn ipv6_addresses(cx: &Tokens, cands: &[usize], next: &mut usize, hits: &mut Vec<Hit>) {
    let bytes = cx.text.as_bytes();
    let part = |b: u8| b.is_ascii_hexdigit() || b == b':' || b == b'.';
    for &i in cands {
        if !cx.is(i, TokenClass::Punct(':')) {
            continue;
        }
        let at = cx.start(i);
        if at < *next {
            continue;
        }
        // The run of hex digits, colons and dots around the colon (at most MAX_IPV6 bytes
        // each way: an address is shorter).
        let mut s = at;
        while s > 0 && at - s < MAX_IPV6 && bytes.get(s - 1).is_some_and(|&b| part(b)) {
            s -= 1;
        }
        let mut e = at;
        while e - at < MAX_IPV6 && bytes.get(e).is_some_and(|&b| part(b)) {
            e += 1;
        }
        *next = e;
        // A sentence's full stop is not part of it.
        while e > s && bytes.get(e - 1) == Some(&b'.') {
            e -= 1;
        }
        let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if glued(s.checked_sub(1).and_then(|p| bytes.get(p))) {
            continue;
        }
        // A zone: «fe80::1%eth0».
        let mut end = e;
        if bytes.get(e) == Some(&b'%') {
            let mut z = e + 1;
            while bytes.get(z).is_some_and(|b| b.is_ascii_alphanumeric()) && z - e < 16 {
                z += 1;
            }
            if z > e + 1 {
                end = z;
            }
        } else if glued(bytes.get(e)) {
            continue;
        }
        if bytes.get(s..e).is_some_and(is_ipv6) {
            hits.push(Hit {
                start: s,
                end,
                kind: FindingKind::IpAddress,
                confidence: 0.8,
                basis: Basis::Pattern,
            });
        }
    }
}

/// `t` is an IPv6 address in a text form of RFC 4291 §2.2: eight groups of 1–4 hex digits
/// joined by colons, or fewer with one `::` for the groups of zeros, the last two groups
/// possibly an IPv4 address. Times and ratios («10:30:45») are not: without `::` there must
/// be eight groups; with it, at least two, one of them of three or four digits
/// («fe80::1», «2001:db8::1»).
fn is_ipv6(t: &[u8]) -> bool {
    let (mut groups, mut compressed, mut long_group, mut ipv4_at_end) = (0, false, false, false);
    let mut i = 0;
    if t.starts_with(b"::") {
        compressed = true;
        i = 2;
    }
    while i < t.len() {
        let start = i;
        while t.get(i).is_some_and(|&b| b != b':') {
            i += 1;
        }
        let g = t.get(start..i).unwrap_or_default();
        if g.contains(&b'.') {
            // An IPv4 address ends the address.
            if i != t.len() || !is_ipv4(g) {
                return false;
            }
            ipv4_at_end = true;
            groups += 2;
            break;
        }
        if g.is_empty() || g.len() > 4 || !g.iter().all(u8::is_ascii_hexdigit) {
            return false;
        }
        long_group |= g.len() >= 3;
        groups += 1;
        if i == t.len() {
            break;
        }
        // At a colon: a second one is the one `::`.
        i += 1;
        if t.get(i) == Some(&b':') {
            if compressed {
                return false;
            }
            compressed = true;
            i += 1;
        } else if i == t.len() {
            return false;
        }
    }
    if compressed {
        (2..=7).contains(&groups) && (long_group || ipv4_at_end)
    } else {
        groups == 8
    }
}

/// Four decimal octets joined by dots.
fn is_ipv4(t: &[u8]) -> bool {
    let (mut parts, mut value, mut len) = (0, 0u32, 0);
    for &b in t.iter().chain(std::iter::once(&b'.')) {
        if b == b'.' {
            if len == 0 || len > 3 || value > 255 {
                return false;
            }
            parts += 1;
            (value, len) = (0, 0);
        } else if b.is_ascii_digit() {
            // More than three digits is no octet (and a long run would overflow).
            len += 1;
            if len > 3 {
                return false;
            }
            value = value * 10 + u32::from(b - b'0');
        } else {
            return false;
        }
    }
    parts == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_text_forms() {
        // RFC 4291 §2.2 examples and RFC 5952 §4.
        for t in [
            "2001:DB8:0:0:8:800:200C:417A",
            "2001:db8:85a3:0000:0000:8a2e:0370:7334",
            "2001:DB8::8:800:200C:417A",
            "FF01::101",
            "fe80::1",
            "::ffff:192.0.2.128",
            "::13.1.68.3",
            "0:0:0:0:0:FFFF:129.144.52.38",
            "2001:db8::",
        ] {
            assert!(is_ipv6(t.as_bytes()), "{t}");
        }
        for t in [
            "10:30:45",
            "12::34",
            "a::b",
            "1:2:3:4:5:6:7",
            "1::2::3",
            "2001:db8:::1",
            "12345::1",
            "::ffff:300.0.2.128",
            "1:2:3:4:5:6:7:8:9",
            "::",
        ] {
            assert!(!is_ipv6(t.as_bytes()), "{t}");
        }
    }
}
