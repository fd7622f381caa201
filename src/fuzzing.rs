//! Invariants checked by the fuzz targets (`fuzz/`) and by the smoke run in the default test
//! run (`tests/fuzz_smoke.rs`). Each function takes arbitrary bytes, runs one entry point, and
//! panics if an invariant breaks — which is what a fuzzer reports.
//!
//! Invariants: no panic anywhere; spans lie inside the input on character boundaries;
//! redaction removes every finding and redacting twice changes nothing more; what parses
//! formats back to itself; a sealed package is canonical and its digest is reproducible; no
//! rendered diagnostic contains a national identity number taken from the input.
#![doc(hidden)]

use crate::diagnostic::Lang;
use crate::forms::{self, Stage};
use crate::privacy::{self, Identity};
use crate::registry::Registry;
use crate::submission::{gate, seal};
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

fn assert_no_echo(output: &str, input: &str) {
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

/// The gate: never panics; a sealed package is the canonical JSON of the input, with a
/// reproducible digest.
pub fn gate(data: &[u8]) {
    let s = text(data);
    let Ok(doc) = serde_json::from_str::<Value>(&s) else {
        return;
    };
    let reg = Registry::builtin();
    let ctx = Context::new(ctx_date(), &reg);
    let r = gate::prepare_submission(&doc, None, Some(&[7u8; 32]), &ctx);
    if let Some(sealed) = &r.sealed {
        let back: Value = serde_json::from_str(&sealed.canonical).unwrap_or(Value::Null);
        assert_eq!(back, doc, "canonical JSON does not parse back to the input");
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
    }
    for d in &r.diagnostics {
        assert_no_echo(&d.message(Lang::Nb), &s);
    }
}
