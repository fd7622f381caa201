//! [`Pointer`]: a JSON Pointer (RFC 6901) to the field a diagnostic is about. Member names
//! taken from the input are masked when they could carry an identifier.

use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// A JSON Pointer (RFC 6901) to the field a diagnostic is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Pointer(String);

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// Parses a pointer written by the program (e.g. `"/patient/birth_year"`).
    pub fn from_static(p: &'static str) -> Pointer {
        Pointer(p.to_string())
    }

    /// Appends a member name known to the program.
    pub fn key(&self, key: &'static str) -> Pointer {
        let mut s = self.0.clone();
        push_escaped(&mut s, key);
        Pointer(s)
    }

    /// Appends a member name taken from the input. A name that could carry an identifier
    /// (anything but a short `[A-Za-z0-9_]` name with at most 4 digits) is written as `*`,
    /// so the input never reaches a path.
    pub fn key_masked(&self, key: &str) -> Pointer {
        self.key_masked_if(key, false)
    }

    /// As [`Pointer::key_masked`], and also masked when `personal` (the caller knows the name
    /// looks like a person's name, e.g. from the name lists).
    pub fn key_masked_if(&self, key: &str, personal: bool) -> Pointer {
        let safe = !personal
            && !key.is_empty()
            && key.len() <= 40
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && key.bytes().filter(u8::is_ascii_digit).count() <= 4;
        let mut s = self.0.clone();
        if safe {
            push_escaped(&mut s, key);
        } else {
            s.push_str("/*");
        }
        Pointer(s)
    }

    /// Appends an array index.
    pub fn index(&self, i: usize) -> Pointer {
        Pointer(format!("{}/{}", self.0, i))
    }

    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The reference tokens, unescaped (RFC 6901 §4).
    pub fn tokens(&self) -> impl Iterator<Item = String> + '_ {
        self.0.split('/').skip(1).map(unescape_token)
    }

    /// The value this pointer names in `doc` (RFC 6901 §4), for changing it.
    pub fn resolve_mut<'v>(&self, doc: &'v mut Value) -> Option<&'v mut Value> {
        self.tokens().try_fold(doc, |v, t| match v {
            Value::Object(m) => m.get_mut(&t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        })
    }
}

/// A reference token unescaped: `~1` → `/`, then `~0` → `~` (RFC 6901 §4). A plain loop:
/// `str::replace` links core's two-way searcher into the wasm package (1.5 KB).
fn unescape_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.clone().next() {
            Some('1') => {
                out.push('/');
                chars.next();
            }
            Some('0') => {
                out.push('~');
                chars.next();
            }
            _ => out.push('~'),
        }
    }
    out
}

fn push_escaped(s: &mut String, key: &str) {
    s.push('/');
    for ch in key.chars() {
        match ch {
            '~' => s.push_str("~0"),
            '/' => s.push_str("~1"),
            c => s.push(c),
        }
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(dokumentet)")
        } else {
            f.write_str(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_and_masks() {
        let p = Pointer::root().key("a/b").key("c~d").index(3);
        assert_eq!(p.as_str(), "/a~1b/c~0d/3");
        // Tokens come back unescaped; "~01" is "~1" (RFC 6901 §4: ~1 first, then ~0).
        assert_eq!(p.tokens().collect::<Vec<_>>(), ["a/b", "c~d", "3"]);
        let odd = Pointer::root().key("~1").key("x~");
        assert_eq!(odd.as_str(), "/~01/x~0");
        assert_eq!(odd.tokens().collect::<Vec<_>>(), ["~1", "x~"]);
        let mut doc = serde_json::json!({"a/b": {"c~d": [0, 1, 2, "t"]}, "~1": {"x~": 5}});
        *p.resolve_mut(&mut doc).unwrap() = serde_json::json!("u");
        assert_eq!(doc["a/b"]["c~d"][3], "u");
        assert_eq!(odd.resolve_mut(&mut doc).map(|v| v.clone()), Some(5.into()));
        assert!(Pointer::root()
            .key("a/b")
            .index(9)
            .resolve_mut(&mut doc)
            .is_none());
        assert!(Pointer::root().key("nope").resolve_mut(&mut doc).is_none());
        assert_eq!(
            Pointer::root().key_masked("patient_name").as_str(),
            "/patient_name"
        );
        assert_eq!(Pointer::root().key_masked("26111593816").as_str(), "/*");
        assert_eq!(Pointer::root().key_masked("Kari Nordmann").as_str(), "/*");
    }
}
