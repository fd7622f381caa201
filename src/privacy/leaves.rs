//! What leaves the hospital, leaf by leaf: every string and every number of a document
//! (and the name of every member that is no field of the form), each with its path and the
//! privacy class it is scanned with.
//!
//! The walk follows the **document**, not the form's list of fields, so nothing in it can
//! leave unscanned: a value in a field of the form gets that field's class
//! ([`Privacy`](crate::forms::schema::Privacy)); anything else — a member the form does not
//! have, `form` anywhere but at the root, an object or a list where a text was expected, and
//! everything below them — gets the strictest class, [`Privacy::FreeText`], and a member
//! name that is no field is scanned as text too. Its path masks the name
//! ([`Pointer::unknown_member`]). A number is scanned as its digits: an integer exactly, any
//! other number as RFC 8785 writes it ([`crate::input::es_number`], `1.4037410021e10` →
//! `14037410021`).
//!
//! The walk keeps its own stack (no recursion, whatever the depth), and it can go in the
//! document's member order or in the canonical order of the sealed JSON (RFC 8785: by the
//! UTF-16 code units of the names), so that the gate can read the digits of what it seals
//! in the order they are written.

use crate::diagnostic::Pointer;
use crate::forms::schema::{Field, Privacy, Ty, LONG_TEXT};
use crate::forms::FormKind;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// What a leaf is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeafKind {
    /// A string value.
    Text,
    /// A number, as its digits.
    Number,
    /// The name of a member that is no field of the form.
    MemberName,
}

/// One step from a value to one inside it: a member (by its real name) or a list index.
#[derive(Clone, Copy)]
pub(crate) enum Step<'v> {
    Member(&'v str),
    Index(usize),
}

/// One leaf of an outgoing document. No `Debug`: its text and route are the input's.
pub struct Leaf<'v> {
    /// Where it is, for a diagnostic: member names of the input masked.
    pub path: Pointer,
    /// How it is scanned.
    pub class: Privacy,
    /// What is scanned: the string, a number's digits, a member's name.
    pub text: Cow<'v, str>,
    /// The most characters scanned: a longer value is refused as too long by validation
    /// and not scanned ([`Leaf::too_long`]).
    pub max_chars: usize,
    pub kind: LeafKind,
    /// The real way to the value (member names unmasked), to change it in place.
    pub(crate) route: Vec<Step<'v>>,
}

impl Leaf<'_> {
    /// True when the text is longer than the field allows: it is refused as too long and
    /// not scanned (scanning stops where the refusal is certain).
    pub fn too_long(&self) -> bool {
        self.text.len() > self.max_chars && self.text.chars().count() > self.max_chars
    }
}

/// The order of the members of an object in the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// As the document gives them.
    Document,
    /// As the canonical JSON writes them (RFC 8785 §3.2.3).
    Canonical,
}

/// Where in the form a value is.
#[derive(Clone, Copy)]
enum At<'v> {
    /// An object with these fields.
    Fields(&'static [Field]),
    /// The value of this field.
    Field(&'static Field),
    /// Outside the form: the strictest class.
    Unknown,
    /// The name of a member outside the form (the node's value is the member's).
    Name(&'v str),
}

struct Node<'v> {
    value: &'v Value,
    path: Pointer,
    route: Vec<Step<'v>>,
    at: At<'v>,
}

/// The leaves of `doc` as a document of `kind` that leaves the hospital (none for part 1,
/// which never leaves). Member names that are fields of the form are not leaves (they are
/// the program's own); every other string, number and member name is.
pub fn outgoing(doc: &Value, kind: FormKind, order: Order) -> Vec<Leaf<'_>> {
    let mut out = Vec::new();
    if !kind.leaves_hospital() {
        return out;
    }
    let mut stack = vec![Node {
        value: doc,
        path: Pointer::root(),
        route: Vec::new(),
        at: At::Fields(kind.fields()),
    }];
    while let Some(node) = stack.pop() {
        let mut children = Vec::new();
        visit(node, order, &mut out, &mut children);
        // Children in order: the stack takes them last first.
        stack.extend(children.into_iter().rev());
    }
    out
}

fn members(obj: &Map<String, Value>, order: Order) -> Vec<(&String, &Value)> {
    let mut m: Vec<(&String, &Value)> = obj.iter().collect();
    if order == Order::Canonical {
        crate::sort::sort_by(&mut m, |a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    }
    m
}

fn with<'v>(route: &[Step<'v>], step: Step<'v>) -> Vec<Step<'v>> {
    let mut r = Vec::with_capacity(route.len() + 1);
    r.extend_from_slice(route);
    r.push(step);
    r
}

fn visit<'v>(node: Node<'v>, order: Order, out: &mut Vec<Leaf<'v>>, next: &mut Vec<Node<'v>>) {
    let Node {
        value,
        path,
        route,
        at,
    } = node;
    match (at, value) {
        (At::Fields(fields), Value::Object(obj)) => {
            let mut unknown = 0;
            for (k, v) in members(obj, order) {
                let field = fields.iter().find(|f| f.key == k.as_str());
                let here = with(&route, Step::Member(k));
                match field {
                    Some(f) => next.push(Node {
                        value: v,
                        path: path.key(f.key),
                        route: here,
                        at: At::Field(f),
                    }),
                    // `form`, at the root only: the form's kind (a code).
                    None if k == "form" && path.is_root() => next.push(Node {
                        value: v,
                        path: path.key("form"),
                        route: here,
                        at: At::Field(&FORM),
                    }),
                    None => {
                        unknown += 1;
                        outside(path.unknown_member(unknown), k, v, &route, here, next);
                    }
                }
            }
        }
        (At::Field(f), _) => match (f.ty, value) {
            (Ty::Object(sub), _) => next.push(Node {
                value,
                path,
                route,
                at: At::Fields(sub),
            }),
            (Ty::List { item, .. }, Value::Array(items)) => {
                for (i, it) in items.iter().enumerate() {
                    next.push(Node {
                        value: it,
                        path: path.index(i),
                        route: with(&route, Step::Index(i)),
                        at: At::Fields(item),
                    });
                }
            }
            (_, Value::String(s)) => {
                out.push(leaf(path, f.privacy, Cow::Borrowed(s), f.max_chars()).route(route))
            }
            (_, Value::Number(n)) => out.push(
                leaf(path, f.privacy, Cow::Owned(number_text(n)), f.max_chars())
                    .kind(LeafKind::Number, route),
            ),
            (_, Value::Null | Value::Bool(_)) => {}
            // An object or a list where the field takes a value: outside the form.
            (_, _) => next.push(Node {
                value,
                path,
                route,
                at: At::Unknown,
            }),
        },
        (At::Name(k), _) => out.push(
            leaf(path, Privacy::FreeText, Cow::Borrowed(k), LONG_TEXT)
                .kind(LeafKind::MemberName, route),
        ),
        (At::Unknown, Value::Object(obj)) => {
            for (n, (k, v)) in members(obj, order).into_iter().enumerate() {
                let here = with(&route, Step::Member(k));
                outside(path.unknown_member(n + 1), k, v, &route, here, next);
            }
        }
        (At::Fields(_) | At::Unknown, Value::Array(items)) => {
            for (i, it) in items.iter().enumerate() {
                next.push(Node {
                    value: it,
                    path: path.index(i),
                    route: with(&route, Step::Index(i)),
                    at: At::Unknown,
                });
            }
        }
        (At::Fields(_) | At::Unknown, Value::String(s)) => {
            out.push(leaf(path, Privacy::FreeText, Cow::Borrowed(s), LONG_TEXT).route(route))
        }
        (At::Fields(_) | At::Unknown, Value::Number(n)) => out.push(
            leaf(
                path,
                Privacy::FreeText,
                Cow::Owned(number_text(n)),
                LONG_TEXT,
            )
            .kind(LeafKind::Number, route),
        ),
        (At::Fields(_) | At::Unknown, Value::Null | Value::Bool(_)) => {}
    }
}

/// A member outside the form: its name, then its value, both at `path` and strictest.
fn outside<'v>(
    path: Pointer,
    name: &'v str,
    value: &'v Value,
    route: &[Step<'v>],
    here: Vec<Step<'v>>,
    next: &mut Vec<Node<'v>>,
) {
    next.push(Node {
        value,
        path: path.clone(),
        route: route.to_vec(),
        at: At::Name(name),
    });
    next.push(Node {
        value,
        path,
        route: here,
        at: At::Unknown,
    });
}

/// The root's `form` member, as a field: the form's kind, a code.
static FORM: Field = Field::text(
    "form",
    &crate::forms::L_FORM,
    crate::diagnostic::Document::Skjemavakt.at("Forms: the \"form\" member"),
);

fn leaf(path: Pointer, class: Privacy, text: Cow<'_, str>, max_chars: usize) -> Leaf<'_> {
    Leaf {
        path,
        class,
        text,
        max_chars,
        kind: LeafKind::Text,
        route: Vec::new(),
    }
}

impl<'v> Leaf<'v> {
    fn route(mut self, route: Vec<Step<'v>>) -> Leaf<'v> {
        self.route = route;
        self
    }
    fn kind(mut self, kind: LeafKind, route: Vec<Step<'v>>) -> Leaf<'v> {
        self.kind = kind;
        self.route = route;
        self
    }
}

/// A number's digits as scanned: an integer exactly as it is, any other number as RFC 8785
/// writes it (what is sealed: the same digits for every integer up to 2^53).
pub fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    crate::input::es_number(n)
}

/// The value at `route` in `doc`, to change it (a leaf's route; a member name's route is its
/// object's).
pub(crate) fn resolve_mut<'d>(doc: &'d mut Value, route: &[Step<'_>]) -> Option<&'d mut Value> {
    route.iter().try_fold(doc, |v, step| match (step, v) {
        (Step::Member(k), Value::Object(m)) => m.get_mut(*k),
        (Step::Index(i), Value::Array(a)) => a.get_mut(*i),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(doc: &Value, order: Order) -> Vec<(String, Privacy, String)> {
        outgoing(doc, FormKind::HbExceptionGroup, order)
            .into_iter()
            .map(|l| (l.path.as_str().to_string(), l.class, l.text.into_owned()))
            .collect()
    }

    #[test]
    fn every_string_and_number_with_its_class() {
        let doc = json!({
            "form": "hb-exception-group",
            "application": {"applicant_name": "Ingrid Solberg", "health_trust": "HBE"},
            "group": {"estimated_size": 1.4037410021e10, "forward_to_rhf": true},
            "literature": [{"title": "T", "url": "https://x.no/?a=%31"}],
            "patient": {"form": "Kari Nordmann 14037410021", "deep": [{"x": ["y", 7]}]},
        });
        let got = paths(&doc, Order::Document);
        let want: Vec<(String, Privacy, String)> = [
            ("/form", Privacy::Code, "hb-exception-group"),
            (
                "/application/applicant_name",
                Privacy::AllowedName,
                "Ingrid Solberg",
            ),
            ("/application/health_trust", Privacy::Code, "HBE"),
            ("/group/estimated_size", Privacy::Structured, "14037410021"),
            ("/literature/0/title", Privacy::Literature, "T"),
            ("/literature/0/url", Privacy::Link, "https://x.no/?a=%31"),
            // Not a field of this kind: the member name and everything below, strictest.
            ("/*1", Privacy::FreeText, "patient"),
            ("/*1/*1", Privacy::FreeText, "form"),
            ("/*1/*1", Privacy::FreeText, "Kari Nordmann 14037410021"),
            ("/*1/*2", Privacy::FreeText, "deep"),
            ("/*1/*2/0/*1", Privacy::FreeText, "x"),
            ("/*1/*2/0/*1/0", Privacy::FreeText, "y"),
            ("/*1/*2/0/*1/1", Privacy::FreeText, "7"),
        ]
        .into_iter()
        .map(|(p, c, t)| (p.to_string(), c, t.to_string()))
        .collect();
        assert_eq!(got, want);
        // The canonical order sorts members by name.
        let canon = paths(&doc, Order::Canonical);
        let first: Vec<&str> = canon.iter().take(3).map(|x| x.0.as_str()).collect();
        assert_eq!(
            first,
            [
                "/application/applicant_name",
                "/application/health_trust",
                "/form"
            ]
        );
    }

    #[test]
    fn form_is_a_member_at_the_root_only_and_wrong_shapes_are_strictest() {
        let doc = json!({
            "form": "tilgang-del2",
            "patient": {"form": {"a": "b"}, "diagnosis": ["Kari", {"n": 1}]},
            "application": "x"
        });
        let leaves = outgoing(&doc, FormKind::TilgangDel2, Order::Document);
        let got: Vec<(&str, Privacy)> = leaves.iter().map(|l| (l.path.as_str(), l.class)).collect();
        assert_eq!(
            got,
            [
                ("/form", Privacy::Code),
                ("/patient/*1", Privacy::FreeText),
                ("/patient/*1/*1", Privacy::FreeText),
                ("/patient/*1/*1", Privacy::FreeText),
                ("/patient/diagnosis/0", Privacy::FreeText),
                ("/patient/diagnosis/1/*1", Privacy::FreeText),
                ("/patient/diagnosis/1/*1", Privacy::FreeText),
                ("/application", Privacy::FreeText),
            ]
        );
        // Part 1 never leaves.
        assert!(outgoing(&doc, FormKind::TilgangDel1, Order::Document).is_empty());
    }

    #[test]
    fn routes_lead_to_the_value_and_depth_is_no_limit() {
        let mut doc = json!({"form": "tilgang-del2", "patient": {"Kari": [1, {"b": "c"}]}});
        let routes: Vec<Vec<Step>> = outgoing(&doc, FormKind::TilgangDel2, Order::Document)
            .into_iter()
            .filter(|l| l.kind != LeafKind::MemberName)
            .map(|l| l.route)
            .collect();
        let owned: Vec<Vec<(Option<String>, Option<usize>)>> = routes
            .iter()
            .map(|r| {
                r.iter()
                    .map(|s| match s {
                        Step::Member(k) => (Some(k.to_string()), None),
                        Step::Index(i) => (None, Some(*i)),
                    })
                    .collect()
            })
            .collect();
        let last = owned.last().unwrap().clone();
        let steps: Vec<Step> = last
            .iter()
            .map(|(k, i)| match (k, i) {
                (Some(k), _) => Step::Member(k.as_str()),
                (None, Some(i)) => Step::Index(*i),
                _ => unreachable!(),
            })
            .collect();
        *resolve_mut(&mut doc, &steps).unwrap() = json!("z");
        assert_eq!(doc["patient"]["Kari"][1]["b"], "z");
        // A deep document (built, not parsed: no parser limit) is walked without recursion.
        let mut deep = json!("Kari 14037410021");
        for _ in 0..1_000 {
            deep = json!([deep]);
        }
        let doc = json!({"form": "tilgang-del2", "patient": deep});
        let leaves = outgoing(&doc, FormKind::TilgangDel2, Order::Document);
        assert_eq!(leaves.len(), 2, "the form's kind and the text");
        assert_eq!(leaves[1].route.len(), 1_001);
    }

    #[test]
    fn too_long_counts_characters() {
        let doc = json!({"form": "tilgang-del2", "reference": "ø".repeat(300)});
        let l = outgoing(&doc, FormKind::TilgangDel2, Order::Document);
        assert!(!l.iter().any(Leaf::too_long));
        let doc = json!({"form": "tilgang-del2", "reference": "ø".repeat(301)});
        let l = outgoing(&doc, FormKind::TilgangDel2, Order::Document);
        assert!(l.iter().any(Leaf::too_long));
    }
}
