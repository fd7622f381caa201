//! What the shells hand to [`crate::api`]: JSON text, options, plain text — and the
//! `input.*` rules for input of the wrong shape, so that nothing here throws and the page's
//! validator never dies on what a user or a page sends.

use crate::diagnostic::{rule, Arg, Diagnostic, Document, Pointer, Source};
use serde_json::Value;

const SRC: Source = Document::Skjemavakt.at("Input");

rule! {
    /// The input is not valid JSON.
    pub static JSON: "input.json", Error, SRC;
    nb: "Inndata er ikke gyldig JSON (linje {line}, kolonne {column}).",
    nn: "Inndata er ikkje gyldig JSON (linje {line}, kolonne {column}).",
    en: "The input is not valid JSON (line {line}, column {column}).",
    hint_nb: "Kontroller klammer, anførselstegn og komma rundt stedet som er angitt.",
    hint_nn: "Kontroller klammer, hermeteikn og komma kring staden som er oppgitt.",
    hint_en: "Check brackets, quotes and commas around the position given.",
}

rule! {
    /// A value has the wrong JSON type.
    pub static TYPE: "input.type", Error, SRC;
    nb: "Feltet har feil type: forventet {expected}.",
    nn: "Feltet har feil type: venta {expected}.",
    en: "The field has the wrong type: expected {expected}.",
}

rule! {
    /// An option has a value the program does not know.
    pub static OPTION: "input.option", Warning, SRC;
    nb: "Innstillingen er ukjent eller ugyldig og blir ignorert.",
    nn: "Innstillinga er ukjend eller ugyldig og blir ignorert.",
    en: "The option is unknown or invalid and is ignored.",
    hint_nb: "Gyldige innstillinger: lang (nb, nn, en), today (ÅÅÅÅ-MM-DD), stage (draft, approval, submission), config, pseudonymKey (heksadesimal).",
    hint_nn: "Gyldige innstillingar: lang (nb, nn, en), today (ÅÅÅÅ-MM-DD), stage (draft, approval, submission), config, pseudonymKey (heksadesimal).",
    hint_en: "Valid options: lang (nb, nn, en), today (YYYY-MM-DD), stage (draft, approval, submission), config, pseudonymKey (hex).",
}

rule! {
    /// A text larger than [`MAX_TEXT_BYTES`].
    pub static TOO_LARGE: "input.too_large", Error, SRC;
    nb: "Teksten er for stor til å kontrolleres: høyst {max} byte.",
    nn: "Teksten er for stor til å kontrollerast: høgst {max} byte.",
    en: "The text is too large to check: at most {max} bytes.",
    hint_nb: "Del teksten opp og kontroller delene hver for seg.",
    hint_nn: "Del teksten opp og kontroller delane kvar for seg.",
    hint_en: "Split the text and check the parts one by one.",
}

/// Largest plain text scanned or redacted in one call.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

pub(crate) fn too_large(text: &str) -> Option<Diagnostic> {
    (text.len() > MAX_TEXT_BYTES).then(|| {
        Diagnostic::new(&TOO_LARGE, Pointer::root()).arg("max", Arg::Int(MAX_TEXT_BYTES as i64))
    })
}

/// Parses JSON text; a syntax error becomes an `input.json` diagnostic with line and column
/// (never the offending text).
pub fn parse_json(text: &str) -> Result<Value, Diagnostic> {
    serde_json::from_str(text).map_err(|e| {
        Diagnostic::new(&JSON, Pointer::root())
            .arg("line", Arg::Int(e.line() as i64))
            .arg("column", Arg::Int(e.column() as i64))
    })
}

/// A JSON number as RFC 8785 (JSON Canonicalization Scheme, §3.2.2.3) writes it: the
/// ECMAScript `Number.prototype.toString` form of its IEEE-754 double (ECMA-262, 7.1.12.1):
/// `14037410021`, not `14037410021.0`; `1e+21`; `0.000001`; `-0` as `0`. The shortest digits
/// that read back to the same double come from serde_json's own float writer (ryu), laid out
/// by ECMAScript's rules here. Integers beyond ±2^53 are not exact doubles (not I-JSON, RFC
/// 7493 §2.2): they are written as the double they become, as the RFC says.
pub fn es_number(n: &serde_json::Number) -> String {
    const EXACT: u64 = 1 << 53;
    if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= EXACT) {
        return i.to_string();
    }
    if let Some(u) = n.as_u64().filter(|u| *u <= EXACT) {
        return u.to_string();
    }
    let x = n.as_f64().unwrap_or(0.0);
    // serde_json writes a finite double with the shortest round-trip digits (never NaN or
    // infinity: a `Number` cannot hold them).
    let shortest = serde_json::Number::from_f64(x).map_or_else(String::new, |m| m.to_string());
    let (digits, point) = decimal_digits(&shortest);
    let mut out = String::new();
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    if x < 0.0 {
        out.push('-');
    }
    let k = digits.len() as i64;
    let n = point;
    let zeros = |out: &mut String, count: i64| {
        for _ in 0..count {
            out.push('0');
        }
    };
    if k <= n && n <= 21 {
        out.push_str(&digits);
        zeros(&mut out, n - k);
    } else if 0 < n && n <= 21 {
        let at = n as usize;
        out.push_str(digits.get(..at).unwrap_or(""));
        out.push('.');
        out.push_str(digits.get(at..).unwrap_or(""));
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        zeros(&mut out, -n);
        out.push_str(&digits);
    } else {
        // The digits are ASCII: byte 1 is a character boundary.
        let (first, rest) = (digits.get(..1).unwrap_or(""), digits.get(1..).unwrap_or(""));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if n - 1 < 0 { '-' } else { '+' });
        out.push_str(&(n - 1).unsigned_abs().to_string());
    }
    out
}

/// The significant digits of a decimal number written `[-]d*[.d*][e[+-]d+]`, without leading
/// or trailing zeros, and `n`: the value is `0.DIGITS × 10^n` (ECMA-262's `n`).
fn decimal_digits(s: &str) -> (String, i64) {
    let (mantissa, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    };
    let mut digits = String::new();
    let mut point = None;
    let mut leading = 0i64; // zeros dropped before the first significant digit, after the point
    for c in mantissa.chars() {
        match c {
            '.' => point = Some(digits.len() as i64),
            '0' if digits.is_empty() && point.is_some() => leading += 1,
            '0' if digits.is_empty() => {}
            d if d.is_ascii_digit() => digits.push(d),
            _ => {}
        }
    }
    let int_len = point.unwrap_or(digits.len() as i64);
    while digits.ends_with('0') {
        digits.pop();
    }
    (digits, int_len - leading + exp)
}

/// A type-error diagnostic at `path`, naming the expected type in words.
pub fn type_error(path: Pointer, expected: &'static str) -> Diagnostic {
    Diagnostic::new(&TYPE, path).arg("expected", Arg::Static(expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn json_syntax_errors_are_located_without_echo() {
        let d = parse_json("{\"a\": 26111593816x}").unwrap_err();
        let m = d.message(Lang::Nb);
        assert!(m.contains("linje 1"), "{m}");
        assert!(!m.contains("26111593816"));
    }

    #[test]
    fn numbers_in_ecmascript_form() {
        // RFC 8785, Appendix B ("Number Serialization Samples"): IEEE-754 bit patterns and
        // the text the scheme writes for them.
        let samples: &[(u64, &str)] = &[
            (0x0000000000000000, "0"),
            (0x8000000000000000, "0"),
            (0x0000000000000001, "5e-324"),
            (0x8000000000000001, "-5e-324"),
            (0x7fefffffffffffff, "1.7976931348623157e+308"),
            (0xffefffffffffffff, "-1.7976931348623157e+308"),
            (0x4340000000000000, "9007199254740992"),
            (0xc340000000000000, "-9007199254740992"),
            (0x4430000000000000, "295147905179352830000"),
            (0x44b52d02c7e14af5, "9.999999999999997e+22"),
            (0x44b52d02c7e14af6, "1e+23"),
            (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
            (0x444b1ae4d6e2ef4e, "999999999999999700000"),
            (0x444b1ae4d6e2ef4f, "999999999999999900000"),
            (0x444b1ae4d6e2ef50, "1e+21"),
            (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
            (0x3eb0c6f7a0b5ed8d, "0.000001"),
            (0x41b3de4355555553, "333333333.3333332"),
            (0x41b3de4355555554, "333333333.33333325"),
            (0x41b3de4355555555, "333333333.3333333"),
            (0x41b3de4355555556, "333333333.3333334"),
            (0x41b3de4355555557, "333333333.33333343"),
            (0xbecbf647612f3696, "-0.0000033333333333333333"),
            (0x43143ff3c1cb0959, "1424953923781206.2"),
        ];
        for (bits, want) in samples {
            let n = serde_json::Number::from_f64(f64::from_bits(*bits)).unwrap();
            assert_eq!(es_number(&n), *want, "{bits:016x}");
        }
        // As parsed from JSON text: the same double, however it was written.
        for (text, want) in [
            ("14037410021", "14037410021"),
            ("14037410021.0", "14037410021"),
            ("1.4037410021e10", "14037410021"),
            ("140374.10021", "140374.10021"),
            ("-2500", "-2500"),
            ("-0.0", "0"),
            ("0.1", "0.1"),
            ("1E30", "1e+30"),
            ("4.50", "4.5"),
            ("2e-3", "0.002"),
            ("0.000000000000000000000000001", "1e-27"),
            ("18446744073709551615", "18446744073709552000"),
        ] {
            let v: Value = serde_json::from_str(text).unwrap();
            assert_eq!(es_number(v.as_number().unwrap()), want, "{text}");
        }
    }
}
