//! Invariants checked by the fuzz targets (`fuzz/`) and by the smoke run in the default test
//! run (`tests/fuzz_smoke.rs`). Each function takes arbitrary bytes, runs one entry point, and
//! panics if an invariant breaks — which is what a fuzzer reports.
//!
//! Invariants: no panic anywhere; spans lie inside the input on character boundaries;
//! redaction removes every finding and redacting twice changes nothing more; what parses
//! formats back to itself; a sealed package is canonical and its digest is reproducible; **no
//! part-1 identifier is in a sealed package** (part 1's national identity number in the digits
//! of what is sealed, part 1's name parts as words); no output contains a national identity
//! number taken from the input.
#![doc(hidden)]

use crate::api;
use crate::diagnostic::Lang;
use crate::forms::{self, Stage};
use crate::privacy::{self, Identity};
use crate::registry::Registry;
use crate::submission::{gate, seal, Part1};
use crate::{money, reference, Context};
use chrono::NaiveDate;
use serde_json::Value;

fn ctx_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Digits of every 11-digit run in `s` that is a valid national identity number.
fn national_ids_in(s: &str) -> Vec<String> {
    let digits: Vec<(usize, u8)> = s
        .char_indices()
        .filter_map(|(i, c)| {
            c.to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .map(|d| (i, d))
        })
        .collect();
    let mut out = Vec::new();
    for w in digits.windows(11) {
        let arr: Vec<u8> = w.iter().map(|x| x.1).collect();
        if let Ok(a) = <[u8; 11]>::try_from(arr.as_slice()) {
            if crate::ident::fnr::validate_digits(&a).is_ok() {
                out.push(a.iter().map(|d| char::from(b'0' + d)).collect());
            }
        }
    }
    out
}

/// Fails when `output` holds a valid national identity number found in the digits of `input`.
pub fn assert_no_echo(output: &str, input: &str) {
    for id in national_ids_in(input) {
        assert!(
            !output.contains(&id),
            "output echoes a national identity number from the input"
        );
    }
}

/// Identifier modules: never panic; what validates formats and re-validates.
pub fn identifiers(data: &[u8]) {
    let s = text(data);
    if let Ok(id) = crate::ident::fnr::validate(&s) {
        let again = crate::ident::fnr::validate(&id.formatted());
        assert!(again.is_ok(), "formatted national ID does not re-validate");
        let dbg = format!("{id:?} {id}");
        assert!(
            !dbg.contains(&id.compact_string()),
            "Debug/Display shows the whole number"
        );
    }
    let _ = crate::ident::fnr::compact(&s);
    let _ = crate::ident::phone::validate(&s);
    let _ = crate::ident::email::validate(&s);
    let _ = crate::ident::account::validate(&s);
    let _ = crate::ident::iban::validate(&s);
    let _ = crate::ident::orgnr::validate(&s);
    let _ = crate::ident::npr::validate(&s);
    let _ = crate::ident::postcode::validate(&s);
    let _ = crate::ident::nye_metoder_id::validate(&s, 2025);
    let _ = crate::ident::atc::validate(&s);
    let _ = crate::ident::icd10::validate(&s);
}

/// Amounts and durations: never panic; a parsed amount's Display parses to the same amount.
pub fn amounts(data: &[u8]) {
    let s = text(data);
    if let Ok(a) = money::Amount::parse(&s) {
        let back = money::Amount::parse(&a.to_string());
        assert_eq!(
            back,
            Ok(a),
            "amount does not round-trip through its Display"
        );
    }
    if let Ok(d) = money::Duration::parse(&s) {
        let _ = d.total(money::Amount::from_ore(100_000));
    }
}

/// Reference numbers: never panic; a valid reference re-checks to itself.
pub fn references(data: &[u8]) {
    let s = text(data);
    let reg = Registry::builtin();
    let ctx = Context::new(ctx_date(), &reg);
    let c = reference::check(&s, &ctx);
    if let Some(r) = c.reference {
        let again = reference::check(&r.to_string(), &ctx).reference;
        assert_eq!(
            again.as_ref(),
            Some(&r),
            "reference does not re-check to itself"
        );
    }
    for d in &c.diagnostics {
        assert_no_echo(&d.message(Lang::Nb), &s);
    }
}

/// Form documents: never panic at any stage; every diagnostic renders without echoing a
/// national identity number; paths are JSON Pointers.
pub fn forms(data: &[u8]) {
    let s = text(data);
    let Ok(doc) = serde_json::from_str::<Value>(&s) else {
        return;
    };
    let reg = Registry::builtin();
    let ctx = Context::new(ctx_date(), &reg);
    for stage in [Stage::Draft, Stage::Approval, Stage::Submission] {
        let v = forms::validate(&doc, stage, &ctx);
        for d in &v.diagnostics {
            let p = d.path.as_str();
            assert!(
                p.is_empty() || p.starts_with('/'),
                "path is not a JSON Pointer"
            );
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                let r = d.render(lang);
                let json = serde_json::to_string(&r).unwrap_or_default();
                assert_no_echo(&json, &s);
            }
        }
    }
}

/// Scanning and redaction of text: spans inside the input on char boundaries and not
/// overlapping; redaction replaces every finding (and what its placeholders would uncover);
/// the redacted text has no finding left (so no finding's text survives), and redacting
/// twice changes nothing more.
pub fn scan(data: &[u8]) {
    let s = text(data);
    let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    let found = privacy::scan_text(&s, &id);
    let mut last_end = 0;
    for f in &found {
        assert!(
            f.span.start <= f.span.end && f.span.end <= s.len(),
            "span outside the input"
        );
        assert!(
            s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end),
            "span not on char boundaries"
        );
        assert!(f.span.start >= last_end, "findings overlap");
        last_end = f.span.end;
    }
    let (once, replaced) = privacy::redact_plain(&s, &id);
    assert!(
        found.iter().all(|f| replaced
            .iter()
            .any(|r| r.span.start <= f.span.start && f.span.end <= r.span.end)),
        "not every finding was replaced"
    );
    let (twice, more) = privacy::redact_plain(&once, &id);
    assert_eq!(once, twice, "redacting twice changed the text");
    assert!(more.is_empty(), "redacted text still has findings");
}

/// Part 1 of every gate and seal run (this project's example patient).
pub const PART1: &str = r#"{"form": "tilgang-del1", "reference": "2025-05-12-HBE-ONK",
  "patient": {"name": "Kari Nordmann", "national_id": "140374 10021"},
  "physician_name": "Ingrid Solberg", "place": "Bergen", "date": "2025-05-12",
  "patient_signed": true}"#;

/// The patient's national identity number in [`PART1`].
const PART1_DIGITS: &str = "14037410021";

/// The ASCII digits of every string and number of `v`, in the order the canonical JSON
/// writes them (members by the UTF-16 code units of their names), and the words (lower-case
/// runs of letters) of its strings and member names.
fn digits_and_words(v: &Value, digits: &mut String, words: &mut Vec<String>) {
    let text = |s: &str, digits: &mut String, words: &mut Vec<String>| {
        digits.extend(s.chars().filter(char::is_ascii_digit));
        words.extend(
            s.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(crate::letter_case::lower),
        );
    };
    match v {
        Value::String(s) => text(s, digits, words),
        Value::Number(n) => text(&crate::input::es_number(n), digits, words),
        Value::Array(a) => a.iter().for_each(|x| digits_and_words(x, digits, words)),
        Value::Object(o) => {
            let mut m: Vec<(&String, &Value)> = o.iter().collect();
            crate::sort::sort_by(&mut m, |a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            for (k, x) in m {
                text(k, digits, words);
                digits_and_words(x, digits, words);
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// No identifier of [`PART1`] in a sealed package's canonical JSON: not its number (in the
/// digits of the strings and numbers, read in order, whatever stands between them), not its
/// name parts (as words, in any case, with a genitive `s`).
pub fn assert_no_part1(canonical: &str) {
    assert!(
        !canonical.contains(PART1_DIGITS),
        "a sealed package holds part 1's national identity number"
    );
    let v: Value = serde_json::from_str(canonical).unwrap_or(Value::Null);
    let (mut digits, mut words) = (String::new(), Vec::new());
    digits_and_words(&v, &mut digits, &mut words);
    assert!(
        !digits.contains(PART1_DIGITS),
        "a sealed package holds part 1's national identity number across its digits"
    );
    for w in &words {
        assert!(
            !matches!(w.as_str(), "kari" | "karis" | "nordmann" | "nordmanns"),
            "a sealed package holds part 1's name"
        );
    }
}

/// The gate, with part 1 ([`PART1`]): never panics; a sealed package is canonical (it parses
/// to a document whose canonical JSON is itself) and holds no identifier of part 1, and its
/// digest is reproducible; no message holds a national identity number of the input.
pub fn gate(data: &[u8]) {
    let s = text(data);
    let Ok(doc) = serde_json::from_str::<Value>(&s) else {
        return;
    };
    let reg = Registry::builtin();
    let ctx = Context::new(ctx_date(), &reg);
    let part1: Value = serde_json::from_str(PART1).unwrap_or(Value::Null);
    let p1 = Part1::from_json(&part1, &ctx);
    let r = gate::prepare_submission(&doc, Some(&p1), Some(&[7u8; 32]), &ctx);
    if let Some(sealed) = &r.sealed {
        let back: Value = serde_json::from_str(&sealed.canonical).unwrap_or(Value::Null);
        assert_eq!(
            seal::canonical_json(&back),
            sealed.canonical,
            "canonical JSON is not stable"
        );
        assert_eq!(
            seal::sha256_hex(sealed.canonical.as_bytes()),
            sealed.sha256,
            "digest mismatch"
        );
        assert_no_part1(&sealed.canonical);
        // What was sealed seals again to itself (the receiving end checks it so).
        let again = gate::prepare_submission(&back, Some(&p1), Some(&[7u8; 32]), &ctx);
        assert_eq!(
            again.sealed.map(|x| x.canonical).as_deref(),
            Some(sealed.canonical.as_str()),
            "a sealed package does not seal again to itself"
        );
    }
    for d in &r.diagnostics {
        assert_no_echo(&d.message(Lang::Nb), &s);
        assert_no_echo(d.path.as_str(), &s);
    }
}

/// The gate as `skjemavakt seal` runs it ([`api::prepare_submission`], the function the
/// command line calls, with a pseudonym key): the input is part 2, or `[part2, part1]`
/// (part 1 of [`PART1`] otherwise). Never panics; nothing in the answer (diagnostics, the
/// cost summary, the sealed package) holds a national identity number of the input; a sealed
/// package holds no identifier of [`PART1`] when that is the part 1 given.
pub fn seal(data: &[u8]) {
    let s = text(data);
    let Ok(input) = serde_json::from_str::<Value>(&s) else {
        return;
    };
    let fixed: Value = serde_json::from_str(PART1).unwrap_or(Value::Null);
    let (part2, part1, own_part1) = match &input {
        Value::Array(a) if a.len() == 2 => (
            a.first().cloned().unwrap_or(Value::Null),
            a.get(1).cloned().unwrap_or(Value::Null),
            false,
        ),
        _ => (input.clone(), fixed, true),
    };
    let (opts, pre) = api::Options::from_json(
        &serde_json::json!({"today": "2025-06-01", "pseudonymKey": "07".repeat(32)}),
        ctx_date(),
    );
    let r = api::prepare_submission(&part2, &part1, &opts, pre);
    let out = serde_json::to_string(&r).unwrap_or_default();
    assert_no_echo(&out, &s);
    if let Some(sealed) = &r.sealed {
        let back: Value = serde_json::from_str(&sealed.canonical).unwrap_or(Value::Null);
        assert_eq!(
            seal::canonical_json(&back),
            sealed.canonical,
            "canonical JSON is not stable"
        );
        if own_part1 {
            assert_no_part1(&sealed.canonical);
        }
    }
    // Paths never hold a member name of the input that is not a field of a form.
    let mut names = Vec::new();
    member_names(&input, &mut names);
    for d in &r.diagnostics {
        for t in d.path.as_str().split('/').skip(1) {
            assert!(
                !names.contains(&t) || is_field_name(t),
                "a path holds a member name of the input"
            );
        }
    }
}

fn member_names<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                out.push(k);
                member_names(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| member_names(x, out)),
        _ => {}
    }
}

/// True for a member name some form has (or `form`, `part1`, `options`).
fn is_field_name(t: &str) -> bool {
    fn within(fields: &[forms::schema::Field], t: &str) -> bool {
        fields.iter().any(|f| {
            f.key == t
                || match f.ty {
                    forms::schema::Ty::Object(sub) => within(sub, t),
                    forms::schema::Ty::List { item, .. } => within(item, t),
                    _ => false,
                }
        })
    }
    matches!(t, "form" | "part1" | "options")
        || forms::FormKind::ALL.iter().any(|k| within(k.fields(), t))
}
