//! A small declarative schema for the forms, and the walker that checks a JSON document
//! against it: types, required fields per stage, allowed values, lengths, unknown members.
//!
//! The walker reports every problem at once, each at its JSON Pointer. Field-specific format
//! checks (birth year, Nye metoder ID, amounts …) are plain functions attached to a field.

use super::Stage;
use crate::diagnostic::{Arg, Diagnostic, Document, Pointer, Rule, Severity, Source, Texts};
use crate::Context;
use serde_json::Value;

/// How the privacy scanner treats a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Privacy {
    /// Free text written by the physician: scanned for every kind of identifier.
    FreeText,
    /// A short structured value (a code, a year, an amount): scanned for identifiers too, but
    /// with the field's own format allowed.
    Structured,
    /// The name of a clinician in their own field (applicant, approvers): allowed.
    AllowedName,
    /// Literature titles and links: author names and DOIs allowed; scanned for numbers,
    /// phone numbers and e-mail addresses only.
    Literature,
    /// Not scanned: part 1 fields, booleans, enumerations, the NPR-ID.
    NotScanned,
}

/// A format check on a field's value; pushes its diagnostics.
pub type Check = fn(&Value, &Pointer, &Walk<'_>, &mut Vec<Diagnostic>);

/// The type of a field.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// A text of at most `max` characters.
    Text { max: usize },
    /// true / false.
    Bool,
    /// One of a fixed set of strings; `shown` lists them for the message.
    Enum {
        values: &'static [&'static str],
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
    pub check: Option<Check>,
    /// Where the field is defined (document + section).
    pub source: Source,
}

impl Field {
    /// A field with no format check, not required, not scanned; adjust with the setters.
    pub const fn new(key: &'static str, label: &'static Texts, ty: Ty, source: Source) -> Field {
        Field {
            key,
            label,
            ty,
            req: Req::Optional,
            privacy: Privacy::NotScanned,
            check: None,
            source,
        }
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
    pub const fn check(mut self, c: Check) -> Field {
        self.check = Some(c);
        self
    }
}

/// Longest short text field (names, codes, places).
pub const SHORT_TEXT: usize = 300;
/// Longest free-text field.
pub const LONG_TEXT: usize = 20_000;
/// Most literature entries.
pub const MAX_LIST: usize = 100;

const SRC: Source = Source {
    document: Document::Tilgangsordningen,
    section: "Utfylling og godkjenning av søknadsskjema i helseforetaket",
};
const SRC_LIMITS: Source = Source {
    document: Document::Skjemavakt,
    section: "Limits",
};

/// A required field is missing or empty.
pub static REQUIRED: Rule = Rule {
    code: "form.required",
    severity: Severity::Error,
    source: SRC,
    message: Texts {
        nb: "«{field}» må fylles ut før {stage}.",
        nn: "«{field}» må fyllast ut før {stage}.",
        en: "“{field}” must be filled in before {stage}.",
    },
    hint: Some(Texts {
        nb: "Mangelfulle søknader returneres til helseforetaket. Fyll ut feltet.",
        nn: "Mangelfulle søknader blir returnerte til helseføretaket. Fyll ut feltet.",
        en: "Incomplete applications are returned to the health trust. Fill in the field.",
    }),
};

/// A member that is not part of the form.
pub static UNKNOWN_FIELD: Rule = Rule {
    code: "form.unknown_field",
    severity: Severity::Error,
    source: Source {
        document: Document::Tilgangsordningen,
        section: "Utfylling av søknadsskjema (del 1 og del 2)",
    },
    message: Texts {
        nb: "Feltet hører ikke til dette skjemaet.",
        nn: "Feltet høyrer ikkje til dette skjemaet.",
        en: "The field is not part of this form.",
    },
    hint: Some(Texts {
        nb: "Fjern feltet eller rett navnet. Pasientens navn og fødselsnummer hører hjemme i del 1, som blir i journalen.",
        nn: "Fjern feltet eller rett namnet. Namnet og fødselsnummeret til pasienten høyrer heime i del 1, som blir i journalen.",
        en: "Remove the field or correct its name. The patient's name and national identity number belong in part 1, which stays in the record.",
    }),
};

/// A value has the wrong type.
pub static WRONG_TYPE: Rule = Rule {
    code: "form.type",
    severity: Severity::Error,
    source: SRC,
    message: Texts {
        nb: "«{field}» har feil type: forventet {expected}.",
        nn: "«{field}» har feil type: venta {expected}.",
        en: "“{field}” has the wrong type: expected {expected}.",
    },
    hint: None,
};

/// A value outside the allowed set.
pub static NOT_ALLOWED: Rule = Rule {
    code: "form.value",
    severity: Severity::Error,
    source: SRC,
    message: Texts {
        nb: "«{field}» har en verdi som ikke er tillatt.",
        nn: "«{field}» har ein verdi som ikkje er tillaten.",
        en: "“{field}” has a value that is not allowed.",
    },
    hint: Some(Texts {
        nb: "Gyldige verdier: {allowed}.",
        nn: "Gyldige verdiar: {allowed}.",
        en: "Valid values: {allowed}.",
    }),
};

/// A text or list longer than the limit.
pub static TOO_LONG: Rule = Rule {
    code: "form.too_long",
    severity: Severity::Error,
    source: SRC_LIMITS,
    message: Texts {
        nb: "«{field}» er for langt: høyst {max} tegn eller elementer.",
        nn: "«{field}» er for langt: høgst {max} teikn eller element.",
        en: "“{field}” is too long: at most {max} characters or entries.",
    },
    hint: Some(Texts {
        nb: "Kort ned teksten; legg lange utredninger ved som vedlegg.",
        nn: "Kort ned teksten; legg lange utgreiingar ved som vedlegg.",
        en: "Shorten the text; attach long reports separately.",
    }),
};

/// A document larger than [`MAX_DOCUMENT_BYTES`].
pub static TOO_LARGE: Rule = Rule {
    code: "form.too_large",
    severity: Severity::Error,
    source: SRC_LIMITS,
    message: Texts {
        nb: "Dokumentet er for stort: høyst {max} byte.",
        nn: "Dokumentet er for stort: høgst {max} byte.",
        en: "The document is too large: at most {max} bytes.",
    },
    hint: Some(Texts {
        nb: "Et søknadsskjema er noen få kilobyte. Kontroller at riktig fil er valgt, og legg vedlegg ved separat.",
        nn: "Eit søknadsskjema er nokre få kilobyte. Kontroller at rett fil er vald, og legg vedlegg ved separat.",
        en: "An application form is a few kilobytes. Check that the right file was chosen, and attach documents separately.",
    }),
};

/// Rules of this module.
pub static RULES: &[&Rule] = &[
    &REQUIRED,
    &UNKNOWN_FIELD,
    &WRONG_TYPE,
    &NOT_ALLOWED,
    &TOO_LONG,
    &TOO_LARGE,
];

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

static T_TEXT: Texts = Texts {
    nb: "tekst",
    nn: "tekst",
    en: "text",
};
static T_BOOL: Texts = Texts {
    nb: "ja/nei (true/false)",
    nn: "ja/nei (true/false)",
    en: "yes/no (true/false)",
};
static T_AMOUNT: Texts = Texts {
    nb: "et beløp (tall eller tekst som «125 000»)",
    nn: "eit beløp (tal eller tekst som «125 000»)",
    en: "an amount (a number or text such as “125 000”)",
};
static T_INT: Texts = Texts {
    nb: "et heltall",
    nn: "eit heiltal",
    en: "a whole number",
};
static T_OBJECT: Texts = Texts {
    nb: "en gruppe felt (objekt)",
    nn: "ei gruppe felt (objekt)",
    en: "a group of fields (object)",
};
static T_LIST: Texts = Texts {
    nb: "en liste",
    nn: "ei liste",
    en: "a list",
};

/// Stage names for messages ("før godkjenning").
pub static STAGE_APPROVAL: Texts = Texts {
    nb: "godkjenning",
    nn: "godkjenning",
    en: "approval",
};
/// Stage name for messages.
pub static STAGE_SUBMISSION: Texts = Texts {
    nb: "innsending",
    nn: "innsending",
    en: "submission",
};

/// The walker's state: the stage, the context, the document root (for cross-field checks).
pub struct Walk<'a> {
    pub stage: Stage,
    pub ctx: &'a Context<'a>,
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
    for (k, _) in obj.iter() {
        if !fields.iter().any(|f| f.key == k.as_str()) && k != "form" {
            // Member names come from the input: a name that reads like a person's name is
            // masked too, not only one that holds digits or spaces.
            let personal = crate::lexicon::is_first_name(k) || crate::lexicon::is_surname(k);
            diags.push(Diagnostic::new(
                &UNKNOWN_FIELD,
                path.key_masked_if(k, personal),
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
        Ty::Enum { values, shown } => match v {
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
            check(v, p, w, diags);
        }
    }
}

/// Visits every field of a document with its schema entry, for the privacy scanner.
pub fn visit_fields<'v>(
    value: &'v Value,
    fields: &'static [Field],
    path: &Pointer,
    out: &mut Vec<(Pointer, &'static Field, &'v str)>,
) {
    let Value::Object(obj) = value else { return };
    for f in fields {
        let Some(v) = obj.get(f.key) else { continue };
        let p = path.key(f.key);
        match (f.ty, v) {
            (Ty::Object(sub), _) => visit_fields(v, sub, &p, out),
            (Ty::List { item, .. }, Value::Array(items)) => {
                for (i, it) in items.iter().enumerate() {
                    visit_fields(it, item, &p.index(i), out);
                }
            }
            (_, Value::String(s)) => out.push((p, f, s.as_str())),
            _ => {}
        }
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
