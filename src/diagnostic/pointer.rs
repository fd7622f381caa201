//! [`Pointer`]: a JSON Pointer (RFC 6901) to the field a diagnostic is about. Member names
//! taken from the input are always masked (`*`, or `*1`, `*2`, … for the members of an object
//! that are not part of the form): a path never holds a value from the input.

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

    /// Appends a member name taken from the input, masked: it is written as `*`, never as
    /// itself, so the input never reaches a path (a member name can be a patient's name or
    /// number: `/patient/Kari_Nordmann`, `fnr_1403`).
    pub fn key_masked(&self, _key: &str) -> Pointer {
        let mut s = self.0.clone();
        s.push_str("/*");
        Pointer(s)
    }

    /// Appends the `n`-th (from 1) member of an object that is not part of the form, in the
    /// order the document gives them: `*1`, `*2`, … Its name is never written (it comes from
    /// the input); the number tells several apart, so a page can point at each (the n-th
    /// member of that object whose name is not a field of the form, [`crate::api::fields`]).
    pub fn unknown_member(&self, n: usize) -> Pointer {
        Pointer(format!("{}/*{n}", self.0))
    }

    /// This pointer below `prefix` (`/part1` + `/patient/name` = `/part1/patient/name`).
    pub fn below(&self, prefix: &Pointer) -> Pointer {
        let mut s = prefix.0.clone();
        s.push_str(&self.0);
        Pointer(s)
    }

    /// True for the whole document (`""`).
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
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
        // Member names from the input are never written, however harmless they look.
        for name in [
            "patient_name",
            "26111593816",
            "Kari Nordmann",
            "Storgata12",
            "fnr_1403",
        ] {
            assert_eq!(Pointer::root().key_masked(name).as_str(), "/*");
        }
        let p = Pointer::root().key("patient");
        assert_eq!(p.unknown_member(2).as_str(), "/patient/*2");
        assert_eq!(
            Pointer::from_static("/patient/name")
                .below(&Pointer::root().key("part1"))
                .as_str(),
            "/part1/patient/name"
        );
        assert!(Pointer::root().is_root() && !p.is_root());
    }
}
