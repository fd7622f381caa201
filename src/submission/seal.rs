//! Canonical JSON, its SHA-256 digest, and the keyed patient pseudonym.
//!
//! **Canonical JSON** follows RFC 8785 (JSON Canonicalization Scheme) for everything a form
//! holds: object members sorted by the UTF-16 code units of their names, no insignificant
//! whitespace, strings with only the escapes JSON requires (`"`, `\`, control characters),
//! numbers in ECMAScript's form (§3.2.2.3; [`crate::input::es_number`]: `14037410021`, not
//! `14037410021.0`; `1e+21`). The same document therefore always gives the same bytes and the
//! same digest, whatever order its members came in and however its numbers were written —
//! so what the medical director approved is provably what was sent.
//!
//! **The pseudonym** is HMAC-SHA256 (RFC 2104, the `hmac` crate) under a secret key the
//! hospital supplies, over the 11 digits of the patient's national identity number. The same
//! patient gives the same pseudonym under the same key, so repeated applications can be
//! recognised; without the key the pseudonym reveals nothing. No key is built in; see
//! SECURITY.md for key handling.
//!
//! ```
//! use skjemavakt::submission::seal::{canonical_json, sha256_hex};
//! let a = serde_json::json!({"b": 1, "a": [true, null, "x"]});
//! assert_eq!(canonical_json(&a), r#"{"a":[true,null,"x"],"b":1}"#);
//! assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
//! ```

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Shortest accepted pseudonym key, in bytes (the SHA-256 block security level).
pub const MIN_KEY_LEN: usize = 32;

/// The canonical JSON text of a value.
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, &mut out);
    out
}

fn write_value(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&crate::input::es_number(n)),
        Value::String(s) => write_string(s, out),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(x, out);
            }
            out.push(']');
        }
        Value::Object(o) => {
            let mut members: Vec<(&String, &Value)> = o.iter().collect();
            crate::sort::sort_by(&mut members, |a, b| {
                a.0.encode_utf16().cmp(b.0.encode_utf16())
            });
            out.push('{');
            for (i, (k, x)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_value(x, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let digit = |nibble: u8| char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'));
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        // Both nibbles are below 16: the lookups never miss (and are not checked at run time).
        s.push(digit(b >> 4));
        s.push(digit(b & 0xf));
    }
    s
}

/// The digest of a sealed package: SHA-256 of the canonical JSON's UTF-8 bytes when nothing
/// was kept; with findings kept (`kept`, a non-empty JSON array, [`crate::privacy::Kept`]),
/// SHA-256 of the canonical JSON, a line feed, and the canonical JSON of the kept list. The
/// kept list is part of what the committee sees, so it is sealed with the application: it
/// cannot be dropped or changed without the digest failing, and a checker that knows nothing
/// of keeps refuses such a package rather than show it without its list. (Canonical JSON
/// never holds a raw line feed, so the two parts cannot be confused.)
///
/// ```
/// use skjemavakt::submission::seal::{package_digest, sha256_hex};
/// let kept = serde_json::json!([{"path": "/a", "kind": "name", "reason": "eponym",
///     "span": {"start": 0, "end": 3, "utf16Start": 0, "utf16End": 3}}]);
/// assert_eq!(package_digest("{}", &serde_json::json!([])), sha256_hex(b"{}"));
/// assert_eq!(
///     package_digest("{}", &kept),
///     sha256_hex(br#"{}
/// [{"kind":"name","path":"/a","reason":"eponym","span":{"end":3,"start":0,"utf16End":3,"utf16Start":0}}]"#)
/// );
/// ```
pub fn package_digest(canonical: &str, kept: &Value) -> String {
    match kept {
        Value::Array(a) if !a.is_empty() => {
            let list = canonical_json(kept);
            let mut bytes = Vec::with_capacity(canonical.len() + 1 + list.len());
            bytes.extend_from_slice(canonical.as_bytes());
            bytes.push(b'\n');
            bytes.extend_from_slice(list.as_bytes());
            sha256_hex(&bytes)
        }
        _ => sha256_hex(canonical.as_bytes()),
    }
}

/// SHA-256 of bytes, as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Why a pseudonym key was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Shorter than [`MIN_KEY_LEN`] bytes.
    #[error("the pseudonym key must be at least {MIN_KEY_LEN} bytes")]
    TooShort,
}

/// HMAC-SHA256 under `key` over the 11 digits of a national identity number, as hex.
pub fn pseudonym(key: &[u8], digits: &[u8; 11]) -> Result<String, KeyError> {
    if key.len() < MIN_KEY_LEN {
        return Err(KeyError::TooShort);
    }
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).map_err(|_| KeyError::TooShort)?;
    let ascii: Vec<u8> = digits.iter().map(|d| b'0' + (d % 10)).collect();
    mac.update(b"skjemavakt-pseudonym-v1:");
    mac.update(&ascii);
    Ok(hex(&mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_form_is_independent_of_member_order_and_whitespace() {
        let a: Value =
            serde_json::from_str(r#"{ "z": {"b": 2, "a": 1}, "a": "æ\n\"x\"" }"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"a":"æ\n\"x\"","z":{"a":1,"b":2}}"#).unwrap();
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(canonical_json(&a), r#"{"a":"æ\n\"x\"","z":{"a":1,"b":2}}"#);
    }

    #[test]
    fn rfc8785_member_order_by_utf16_code_units() {
        // RFC 8785 §3.2.3: members sort by UTF-16 code units. U+FB33 sorts after 😀
        // (surrogates D83D DE00) although its UTF-8 bytes (EF …) sort before 😀's (F0 …).
        let v = json!({"\u{fb33}": 1, "😀": 2, "€": 3, "1": 4, "\r": 5});
        assert_eq!(
            canonical_json(&v),
            "{\"\\r\":5,\"1\":4,\"€\":3,\"😀\":2,\"\u{fb33}\":1}"
        );
    }

    #[test]
    fn numbers_in_ecmascript_form() {
        // Equal values, written differently, give the same bytes (issue 17: `14037410021.0`).
        for text in [
            "14037410021",
            "14037410021.0",
            "1.4037410021e10",
            "140374100210e-1",
        ] {
            let v: Value = serde_json::from_str(&format!("{{\"n\": {text}}}")).unwrap();
            assert_eq!(canonical_json(&v), r#"{"n":14037410021}"#, "{text}");
        }
        // RFC 8785 §3.2.2.3's example: numbers in a document.
        let v: Value = serde_json::from_str(
            r#"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001]}"#,
        )
        .unwrap();
        assert_eq!(
            canonical_json(&v),
            r#"{"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}"#
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(canonical_json(&json!("a\u{1}b\tc")), r#""a\u0001b\tc""#);
    }

    #[test]
    fn sha256_known_answers() {
        // FIPS 180-2 example vectors.
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn pseudonym_is_keyed_and_deterministic() {
        let d = [2, 6, 1, 1, 1, 5, 9, 3, 8, 1, 6];
        let k1 = [7u8; 32];
        let k2 = [8u8; 32];
        let a = pseudonym(&k1, &d).unwrap();
        assert_eq!(a, pseudonym(&k1, &d).unwrap());
        assert_ne!(a, pseudonym(&k2, &d).unwrap());
        assert_eq!(a.len(), 64);
        assert!(!a.contains("26111593816"));
        assert_eq!(pseudonym(&[1u8; 31], &d), Err(KeyError::TooShort));
    }

    #[test]
    fn hmac_matches_rfc4231_test_case_2() {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
