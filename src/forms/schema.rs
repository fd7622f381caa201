//! A small declarative schema for the forms, and the walker that checks a JSON document
//! against it: types, required fields per stage, allowed values, lengths, unknown members.
//!
//! The walker reports every problem at once, each at its JSON Pointer, with the rules of
//! [`crate::forms`] (`form.*`). A field's own format check (birth year, Nye metoder ID,
//! amount …) is a [`Check`] carried by the field's declaration in its section
//! ([`super::sections`]) and given the [`Field`]; rules across fields are [`CrossCheck`]s that
//! each form kind ([`super::kinds`]) lists with the stage they run from.

use super::{Stage, NOT_ALLOWED, REQUIRED, TOO_LONG, UNKNOWN_FIELD, WRONG_TYPE};
use crate::diagnostic::{texts, Arg, Diagnostic, DocData, Pointer, Rule, Source, Texts};
use crate::money::CostAmounts;
use crate::Context;
use serde_json::Value;
use std::cell::Cell;

/// How the privacy scanner treats a field. Every string and number that leaves is scanned
/// with at least the national-ID, contact and part-1 identity checks
/// ([`crate::privacy::scan_document`] walks the outgoing document itself, not this list);
/// the class says what else is allowed in the field. A value in no field of the form is
/// scanned as [`Privacy::FreeText`], the strictest class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Privacy {
    /// Free text written by the physician: scanned for every kind of identifier.
    FreeText,
    /// A short structured value (a drug, a department, a year, an amount): scanned for every
    /// kind of identifier too.
    Structured,
    /// The name of a clinician in their own field (applicant, approvers): every identifier is
    /// found, and every name but the first one a name list or a title knows — the patient's
    /// own name (from part 1), a name after a cue word such as «datter» or «mor», a second
    /// person — is reported.
    AllowedName,
    /// Literature titles: author names allowed; scanned for numbers, e-mail addresses and
    /// the patient's own name.
    Literature,
    /// A literature link (URL, DOI, PMID): numbers and e-mail addresses as in
    /// [`Privacy::Literature`] and every kind of name (a link holds none; an author's name
    /// belongs in the title), after percent-escapes (and `+` in a query) are decoded.
    Link,
    /// A value of a fixed form (a code, an enumeration, a health trust, the NPR-ID, a
    /// reference number, the form's kind): its format is checked where it is declared, and it
    /// is scanned for every number and contact detail and the patient's own name.
    Code,
}

/// A field's format check: runs on a value of the field's type (after the walker's own
/// checks passed) with the field it belongs to, and pushes its diagnostics at the field's
/// path. `rules` lists every rule `run` may report (for the catalogue and the rules page).
#[derive(Clone, Copy, Debug)]
pub struct Check {
    pub run: fn(&Field, &Value, &Pointer, &Walk<'_>, &mut Vec<Diagnostic>),
    pub rules: DocData<&'static [&'static Rule]>,
}

/// A rule across fields: run on the whole document from stage `from` on (by the form kinds
/// that list it). `reports` lists every rule `run` may report with the path it reports at
/// (`{i}` for a list index), for the catalogue and the rules page.
#[derive(Clone, Copy, Debug)]
pub struct CrossCheck {
    pub from: Stage,
    pub run: fn(&Value, &Walk<'_>, &mut Vec<Diagnostic>),
    pub reports: DocData<&'static [(&'static Rule, &'static str)]>,
}

/// The type of a field.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// A text of at most `max` characters.
    Text { max: usize },
    /// true / false.
    Bool,
    /// One of a fixed set of strings; `labels` gives each value's words in the form (in the
    /// same order: the printable application, the JSON Schemas' titles), `shown` lists them
    /// for the message.
    Enum {
        values: &'static [&'static str],
        labels: &'static [&'static Texts],
        shown: &'static str,
    },
    /// An amount: a JSON number or a Norwegian-formatted string (checked by a `Check`).
    Amount,
    /// A whole number (or a string of digits, e.g. a birth year typed into a text input).
    Integer,
    /// An object with the given fields; other members are errors.
    Object(&'static [Field]),
    /// A list of objects with the given fields, at most `max` entries.
    List { item: &'static [Field], max: usize },
}

/// From which stage a field is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Req {
    /// Never required by the walker (a cross-field rule may require it).
    Optional,
    /// Required from `approval` (everything the physician fills in).
    Approval,
    /// Required at `submission` only (approvals).
    Submission,
}

/// One field of a form.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static Texts,
    pub ty: Ty,
    pub req: Req,
    pub privacy: Privacy,
    /// The field's format check, if it has one.
    pub check: Option<&'static Check>,
    /// What the gate seals instead of the value given, when the field has a normalised form
    /// (a health trust's code for any of its names and aliases, a reference number in its canonical
    /// writing, a whole number typed as text): [`normalised`]. Run on a valid document only.
    pub normalise: Option<Normalise>,
    /// Where the field is defined (document + section).
    pub source: Source,
}

impl Field {
    /// A field with no format check, not required, scanned as a [`Privacy::Code`]; adjust
    /// with the setters.
    pub const fn new(key: &'static str, label: &'static Texts, ty: Ty, source: Source) -> Field {
        Field {
            key,
            label,
            ty,
            req: Req::Optional,
            privacy: Privacy::Code,
            check: None,
            normalise: None,
            source,
        }
    }
    /// A short text (names, codes, places: at most [`SHORT_TEXT`] characters), scanned as a
    /// [`Privacy::Code`] unless set otherwise.
    pub const fn text(key: &'static str, label: &'static Texts, source: Source) -> Field {
        Field::new(key, label, Ty::Text { max: SHORT_TEXT }, source)
    }
    /// A free text written by the physician (at most [`LONG_TEXT`] characters), scanned as
    /// [`Privacy::FreeText`].
    pub const fn free_text(key: &'static str, label: &'static Texts, source: Source) -> Field {
        Field::new(key, label, Ty::Text { max: LONG_TEXT }, source).privacy(Privacy::FreeText)
    }
    /// Required from `req`.
    pub const fn req(mut self, req: Req) -> Field {
        self.req = req;
        self
    }
    /// Privacy treatment.
    pub const fn privacy(mut self, p: Privacy) -> Field {
        self.privacy = p;
        self
    }
    /// Adds a format check.
    pub const fn check(mut self, c: &'static Check) -> Field {
        self.check = Some(c);
        self
    }
    /// What is sealed instead of the value given ([`Field::normalise`]).
    pub const fn normalise(mut self, n: Normalise) -> Field {
        self.normalise = Some(n);
        self
    }
    /// The most characters a value of the field may have: a text's limit, [`SHORT_TEXT`]
    /// for any other value. The scanner stops at it: a longer value is refused as too long
    /// and not scanned ([`crate::privacy::scan_document`]).
    pub const fn max_chars(&self) -> usize {
        match self.ty {
            Ty::Text { max } => max,
            _ => SHORT_TEXT,
        }
    }
}

/// A field's normalised form: the value to seal for a valid value (`None`: as given).
pub type Normalise = fn(&Value, &Context) -> Option<Value>;

/// Longest short text field (names, codes, places).
pub const SHORT_TEXT: usize = 300;
/// Longest free-text field.
pub const LONG_TEXT: usize = 20_000;
/// Most literature entries.
pub const MAX_LIST: usize = 100;

/// Largest document checked (the sum of its texts, member names and values).
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// Approximate size of a JSON value in bytes, stopping early once over `limit`.
pub fn approx_size(v: &Value, limit: usize) -> usize {
    let mut total = 0usize;
    let mut stack = vec![v];
    while let Some(x) = stack.pop() {
        let own = match x {
            Value::String(s) => s.len() + 2,
            Value::Array(a) => {
                stack.extend(a.iter());
                2 + a.len()
            }
            Value::Object(o) => {
                for (k, val) in o {
                    total = total.saturating_add(k.len() + 4);
                    stack.push(val);
                }
                2
            }
            _ => 8,
        };
        total = total.saturating_add(own);
        if total > limit {
            break;
        }
    }
    total
}

texts!(T_TEXT, "tekst", "tekst", "text");
texts!(
    T_BOOL,
    "ja/nei (true/false)",
    "ja/nei (true/false)",
    "yes/no (true/false)"
);
texts!(
    T_AMOUNT,
    "et beløp (tall eller tekst som «125 000»)",
    "eit beløp (tal eller tekst som «125 000»)",
    "an amount (a number or text such as “125 000”)"
);
texts!(T_INT, "et heltall", "eit heiltal", "a whole number");
texts!(
    T_OBJECT,
    "en gruppe felt (objekt)",
    "ei gruppe felt (objekt)",
    "a group of fields (object)"
);
texts!(T_LIST, "en liste", "ei liste", "a list");

texts!(pub STAGE_APPROVAL, "godkjenning", "godkjenning", "approval");
texts!(pub STAGE_SUBMISSION, "innsending", "innsending", "submission");

/// The walker's state: the stage, the context, and what the walk read that a later step
/// uses (the amounts the cost fields' checks read, for the cost summary).
pub struct Walk<'a> {
    pub stage: Stage,
    pub ctx: &'a Context<'a>,
    pub amounts: Cell<CostAmounts>,
}

impl<'a> Walk<'a> {
    /// A walk at `stage` that has read nothing yet.
    pub fn new(stage: Stage, ctx: &'a Context<'a>) -> Walk<'a> {
        Walk {
            stage,
            ctx,
            amounts: Cell::new(CostAmounts::default()),
        }
    }
}

/// A value is "given" when it is not missing, not null and not an empty/blank string.
pub fn is_given(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    }
}

/// Checks `value` (an object) against `fields`, reporting at `path`.
pub fn walk_object(
    value: &Value,
    fields: &'static [Field],
    path: &Pointer,
    label: &'static Texts,
    w: &Walk<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let Value::Object(obj) = value else {
        diags.push(type_error(path, label, &T_OBJECT));
        return;
    };
    let mut unknown = 0;
    for (k, _) in obj.iter() {
        // `form` names the form kind, at the root only; anywhere else it is no field.
        let field = fields.iter().any(|f| f.key == k.as_str());
        if !(field || k == "form" && path.is_root()) {
            // Member names come from the input: never written, only counted.
            unknown += 1;
            diags.push(Diagnostic::new(
                &UNKNOWN_FIELD,
                path.unknown_member(unknown),
            ));
        }
    }
    for f in fields {
        let p = path.key(f.key);
        let v = obj.get(f.key);
        if !is_given(v) {
            let needed = match f.req {
                Req::Optional => None,
                Req::Approval => (w.stage >= Stage::Approval).then_some(&STAGE_APPROVAL),
                Req::Submission => (w.stage >= Stage::Submission).then_some(&STAGE_SUBMISSION),
            };
            if let Some(stage) = needed {
                match f.ty {
                    // A missing group: report each required field in it, so the physician
                    // sees every field to fill in at once.
                    Ty::Object(sub) => {
                        let empty = Value::Object(serde_json::Map::new());
                        walk_object(&empty, sub, &p, f.label, w, diags);
                    }
                    _ => diags.push(required(&p, f.label, stage)),
                }
            }
            // A blank string is still checked for type below only if it is not a string.
            match v {
                Some(Value::String(_)) | Some(Value::Null) | None => continue,
                Some(_) => {}
            }
        }
        if let Some(v) = v {
            walk_value(v, f, &p, w, diags);
        }
    }
}

/// A `form.required` diagnostic.
pub fn required(path: &Pointer, field: &'static Texts, stage: &'static Texts) -> Diagnostic {
    Diagnostic::new(&REQUIRED, path.clone())
        .arg("field", Arg::Text(field))
        .arg("stage", Arg::Text(stage))
}

fn type_error(path: &Pointer, field: &'static Texts, expected: &'static Texts) -> Diagnostic {
    Diagnostic::new(&WRONG_TYPE, path.clone())
        .arg("field", Arg::Text(field))
        .arg("expected", Arg::Text(expected))
}

fn walk_value(v: &Value, f: &Field, p: &Pointer, w: &Walk<'_>, diags: &mut Vec<Diagnostic>) {
    let before = diags.len();
    match f.ty {
        Ty::Text { max } => match v {
            Value::String(s) => {
                if s.chars().count() > max {
                    diags.push(
                        Diagnostic::new(&TOO_LONG, p.clone())
                            .arg("field", Arg::Text(f.label))
                            .arg("max", Arg::Int(max as i64)),
                    );
                }
            }
            _ => diags.push(type_error(p, f.label, &T_TEXT)),
        },
        Ty::Bool => {
            if !v.is_boolean() {
                diags.push(type_error(p, f.label, &T_BOOL));
            }
        }
        Ty::Enum { values, shown, .. } => match v {
            Value::String(s) if values.contains(&s.as_str()) => {}
            _ => diags.push(
                Diagnostic::new(&NOT_ALLOWED, p.clone())
                    .arg("field", Arg::Text(f.label))
                    .arg("allowed", Arg::Static(shown)),
            ),
        },
        Ty::Amount => {
            if !(v.is_number() || v.is_string()) {
                diags.push(type_error(p, f.label, &T_AMOUNT));
            }
        }
        Ty::Integer => match v {
            Value::Number(n) if n.is_i64() || n.is_u64() => {}
            Value::String(s)
                if !s.trim().is_empty() && s.trim().bytes().all(|b| b.is_ascii_digit()) => {}
            _ => diags.push(type_error(p, f.label, &T_INT)),
        },
        Ty::Object(fields) => walk_object(v, fields, p, f.label, w, diags),
        Ty::List { item, max } => match v {
            Value::Array(items) => {
                if items.len() > max {
                    diags.push(
                        Diagnostic::new(&TOO_LONG, p.clone())
                            .arg("field", Arg::Text(f.label))
                            .arg("max", Arg::Int(max as i64)),
                    );
                }
                for (i, it) in items.iter().enumerate().take(max) {
                    walk_object(it, item, &p.index(i), f.label, w, diags);
                }
            }
            _ => diags.push(type_error(p, f.label, &T_LIST)),
        },
    }
    // Format checks run only on values of the right type.
    if diags.len() == before {
        if let Some(check) = f.check {
            (check.run)(f, v, p, w, diags);
        }
    }
}

/// The document as the gate seals it: each field that has a normalised form
/// ([`Field::normalise`]) replaced by it, everything else as given. For a valid document.
pub fn normalised(doc: &Value, fields: &'static [Field], ctx: &Context) -> Value {
    let mut out = doc.clone();
    normalise_in(&mut out, fields, ctx);
    out
}

fn normalise_in(value: &mut Value, fields: &'static [Field], ctx: &Context) {
    let Value::Object(obj) = value else { return };
    for f in fields {
        let Some(v) = obj.get_mut(f.key) else {
            continue;
        };
        match (f.ty, &mut *v) {
            (Ty::Object(sub), _) => normalise_in(v, sub, ctx),
            (Ty::List { item, .. }, Value::Array(items)) => {
                for it in items {
                    normalise_in(it, item, ctx);
                }
            }
            _ => {
                if let Some(n) = f.normalise.and_then(|n| n(v, ctx)) {
                    *v = n;
                }
            }
        }
    }
}

/// A whole number typed as text (`"1974"`) as a JSON number; a number as it is.
pub fn whole_number(v: &Value, _ctx: &Context) -> Option<Value> {
    match v {
        Value::String(s) => s.trim().parse::<i64>().ok().map(Value::from),
        _ => None,
    }
}

/// Reads a string at a path of member names.
pub fn get_str<'v>(v: &'v Value, keys: &[&str]) -> Option<&'v str> {
    get(v, keys).and_then(Value::as_str)
}

/// Reads a boolean at a path of member names.
pub fn get_bool(v: &Value, keys: &[&str]) -> Option<bool> {
    get(v, keys).and_then(Value::as_bool)
}

/// Reads any value at a path of member names.
pub fn get<'v>(v: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    keys.iter().try_fold(v, |cur, k| cur.get(*k))
}

/// A pointer from member names known to the program.
pub fn ptr(keys: &[&'static str]) -> Pointer {
    keys.iter().fold(Pointer::root(), |p, k| p.key(k))
}
