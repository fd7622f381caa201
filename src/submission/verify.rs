//! Checks a sealed package before anything is made of it (the printable application): its
//! digest is the SHA-256 of its canonical JSON (and of its kept list, when findings were
//! kept: [`super::seal::package_digest`]), the canonical JSON is canonical, it is a form
//! document of the kind the package names, and the document follows that form, so that what
//! is printed is exactly, and all of, what was sealed.
//!
//! A package is `{ form, canonical, sha256, pseudonym?, kept?, sealedAt? }` (what the gate seals,
//! `skjemavakt seal -o`), or an object holding one as `sealed` (`seal --format json`, or what
//! the drop-in guard's page posts). Nothing of the package is echoed in a diagnostic.

use super::seal::{canonical_json, package_digest};
use crate::diagnostic::{has_errors, rule, Diagnostic, Document, Pointer, Source};
use crate::forms::{self, FormKind, Stage};
use crate::privacy::{FindingKind, Reason};
use crate::Context;
use serde_json::Value;

const SRC: Source = Document::Skjemavakt.at("The printable application: the seal is checked");

rule! {
    /// Not a sealed package.
    pub static NOT_SEALED: "verify.package", Error, SRC;
    nb: "Dette er ikke en forseglet søknad (ventet «form», «canonical» og «sha256»).",
    nn: "Dette er ikkje ein forsegla søknad (venta «form», «canonical» og «sha256»).",
    en: "This is not a sealed application (expected “form”, “canonical” and “sha256”).",
    hint_nb: "Bruk pakken fra forseglingen (skjemavakt seal -o FIL, eller «sealed» fra skjemaet).",
    hint_nn: "Bruk pakken frå forseglinga (skjemavakt seal -o FIL, eller «sealed» frå skjemaet).",
    hint_en: "Use the package from the seal (skjemavakt seal -o FILE, or “sealed” from the form).",
}

rule! {
    /// The digest does not match.
    pub static DIGEST: "verify.digest", Error, SRC;
    nb: "Kontrollsummen (SHA-256) stemmer ikke med søknaden: den er endret etter forseglingen, eller pakken er skadet.",
    nn: "Kontrollsummen (SHA-256) stemmer ikkje med søknaden: han er endra etter forseglinga, eller pakken er skadd.",
    en: "The digest (SHA-256) does not match the application: it was changed after sealing, or the package is damaged.",
    hint_nb: "Be avsenderen om den forseglede pakken slik den ble sendt, og kontroller den på nytt.",
    hint_nn: "Be avsendaren om den forsegla pakken slik han vart send, og kontroller han på nytt.",
    hint_en: "Ask the sender for the sealed package as it was sent, and check it again.",
}

rule! {
    /// The canonical JSON is not canonical, or not a form document of the package's kind.
    pub static CANONICAL: "verify.canonical", Error, SRC;
    nb: "Søknaden i pakken er ikke skrevet som kanonisk JSON av et skjema av den oppgitte typen.",
    nn: "Søknaden i pakken er ikkje skriven som kanonisk JSON av eit skjema av den oppgitte typen.",
    en: "The application in the package is not written as canonical JSON of a form of the given kind.",
    hint_nb: "Forsegl søknaden på nytt (skjemavakt seal, eller skjemaet på nettsiden).",
    hint_nn: "Forsegl søknaden på nytt (skjemavakt seal, eller skjemaet på nettsida).",
    hint_en: "Seal the application again (skjemavakt seal, or the form on the web page).",
}

rule! {
    /// The sealed document does not follow its form.
    pub static STRUCTURE: "verify.structure", Error, SRC;
    nb: "Den forseglede søknaden følger ikke skjemaet (ukjente felt, feil typer eller verdier), så den kan ikke vises slik skjemaet er.",
    nn: "Den forsegla søknaden følgjer ikkje skjemaet (ukjende felt, feil typar eller verdiar), så han kan ikkje visast slik skjemaet er.",
    en: "The sealed application does not follow its form (unknown fields, wrong types or values), so it cannot be shown as the form is.",
    hint_nb: "Kontroller søknaden (skjemavakt check) og forsegl den på nytt.",
    hint_nn: "Kontroller søknaden (skjemavakt check) og forsegl han på nytt.",
    hint_en: "Check the application (skjemavakt check) and seal it again.",
}

rule! {
    /// The seal time is not a time.
    pub static TIME: "verify.time", Warning, SRC;
    nb: "Tidspunktet for forseglingen kan ikke leses, og vises ikke.",
    nn: "Tidspunktet for forseglinga kan ikkje lesast, og blir ikkje vist.",
    en: "The time of sealing cannot be read and is not shown.",
    hint_nb: "Tidspunktet skrives som ÅÅÅÅ-MM-DDTtt:mm:ss+01:00; det er ikke en del av kontrollsummen.",
    hint_nn: "Tidspunktet blir skrive som ÅÅÅÅ-MM-DDTtt:mm:ss+01:00; det er ikkje ein del av kontrollsummen.",
    hint_en: "The time is written YYYY-MM-DDThh:mm:ss+01:00; it is not part of the digest.",
}

/// A moment read from an RFC 3339 time (`2026-11-27T19:52:03+01:00`, or `…Z`): the local
/// date and time where it was sealed, and that place's offset from UTC in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub offset_minutes: i16,
}

impl SealTime {
    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`; `None` for anything else.
    pub fn parse(s: &str) -> Option<SealTime> {
        let b = s.as_bytes();
        let num = |from: usize, len: usize| -> Option<u32> {
            let part = b.get(from..from + len)?;
            part.iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let at = |i: usize, c: u8| b.get(i) == Some(&c);
        if !(at(4, b'-') && at(7, b'-') && (at(10, b'T') || at(10, b't') || at(10, b' ')))
            || !(at(13, b':') && at(16, b':'))
        {
            return None;
        }
        let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
        let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
        chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut i = 19;
        if at(i, b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start || i - start > 9 {
                return None;
            }
        }
        let offset_minutes = match b.get(i) {
            Some(b'Z' | b'z') if b.len() == i + 1 => 0,
            Some(&sign @ (b'+' | b'-')) if b.len() == i + 6 && at(i + 3, b':') => {
                let (h, m) = (num(i + 1, 2)?, num(i + 4, 2)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let o = i16::try_from(h * 60 + m).ok()?;
                if sign == b'-' {
                    -o
                } else {
                    o
                }
            }
            _ => return None,
        };
        Some(SealTime {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
            hour: u8::try_from(hour).ok()?,
            minute: u8::try_from(minute).ok()?,
            second: u8::try_from(second).ok()?,
            offset_minutes,
        })
    }

    /// RFC 3339 with the offset (`2026-11-27T19:52:03+01:00`).
    pub fn rfc3339(&self) -> String {
        let o = self.offset_minutes.unsigned_abs();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            if self.offset_minutes < 0 { '-' } else { '+' },
            o / 60,
            o % 60
        )
    }
}

/// A package whose seal holds.
#[derive(Clone, Debug)]
pub struct Verified {
    pub kind: FormKind,
    /// The sealed document (parsed from the canonical JSON).
    pub doc: Value,
    /// The digest, lower-case hex, as computed here.
    pub sha256: String,
    /// The patient pseudonym, when the package has one (64 hex digits).
    pub pseudonym: Option<String>,
    /// When it was sealed, by the sealing machine's clock (not part of the digest).
    pub sealed_at: Option<SealTime>,
    /// The findings the physician kept as false alarms (inside the digest).
    pub kept: Vec<KeptEntry>,
    /// Warnings (the seal time unreadable).
    pub warnings: Vec<Diagnostic>,
}

/// A finding kept, as a sealed package lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptEntry {
    /// The field's JSON Pointer in the sealed document.
    pub path: String,
    pub kind: FindingKind,
    /// Byte offsets in the field's text.
    pub start: usize,
    pub end: usize,
    pub reason: Reason,
    /// The words of an `other` reason.
    pub text: Option<String>,
}

/// The package's kept list (`None` when it is not one).
fn kept_list(v: Option<&Value>) -> Option<Vec<KeptEntry>> {
    let items = match v {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(_) => return None,
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(kept_entry(item)?);
    }
    Some(out)
}

/// One entry of a kept list: exactly `{path, kind, span: {start, end, utf16Start, utf16End},
/// reason, text?}` (`text` for `other` only).
fn kept_entry(item: &Value) -> Option<KeptEntry> {
    let o = item.as_object()?;
    let span = o.get("span")?.as_object()?;
    let n = |k: &str| {
        span.get(k)
            .and_then(Value::as_u64)
            .and_then(|x| usize::try_from(x).ok())
    };
    let (start, end) = (n("start")?, n("end")?);
    n("utf16Start")?;
    n("utf16End")?;
    let reason = Reason::parse(o.get("reason")?.as_str()?)?;
    let text = match (reason, o.get("text")) {
        (Reason::Other, Some(Value::String(t))) => Some(t.clone()),
        (Reason::Other, _) | (_, Some(_)) => return None,
        (_, None) => None,
    };
    let members = 4 + usize::from(text.is_some());
    if o.len() != members || span.len() != 4 || start >= end {
        return None;
    }
    let kind = o.get("kind")?.as_str()?;
    Some(KeptEntry {
        path: o.get("path")?.as_str()?.to_string(),
        kind: FindingKind::ALL.into_iter().find(|k| k.as_str() == kind)?,
        start,
        end,
        reason,
        text,
    })
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A JSON parser for the canonical text: `serde_json` natively; the wasm package passes the
/// browser's own `JSON.parse` (serde_json's parser would add some 13 KB gzipped to it). Any
/// difference between parsers shows as a text that is not canonical, and is refused.
pub type ParseJson<'a> = &'a dyn Fn(&str) -> Option<Value>;

/// Checks a sealed package (see the module's documentation) with serde_json's parser; the
/// problems found, else the verified package.
pub fn verify(package: &Value, ctx: &Context) -> Result<Verified, Vec<Diagnostic>> {
    verify_with(package, &|s| crate::input::parse_json(s).ok(), ctx)
}

/// As [`verify`], parsing the canonical text with `parse`.
pub fn verify_with(
    package: &Value,
    parse: ParseJson<'_>,
    ctx: &Context,
) -> Result<Verified, Vec<Diagnostic>> {
    let inner = package.get("sealed").filter(|s| s.is_object());
    let (p, base) = match inner {
        Some(s) => (s, Pointer::root().key("sealed")),
        None => (package, Pointer::root()),
    };
    let refuse = |rule, at: &Pointer| Err(vec![Diagnostic::new(rule, at.clone())]);
    let (Some(form), Some(canonical), Some(sha)) = (
        p.get("form").and_then(Value::as_str),
        p.get("canonical").and_then(Value::as_str),
        p.get("sha256").and_then(Value::as_str),
    ) else {
        return refuse(&NOT_SEALED, &base);
    };
    let Some(kept) = kept_list(p.get("kept")) else {
        return refuse(&NOT_SEALED, &base.key("kept"));
    };
    let digest = package_digest(canonical, p.get("kept").unwrap_or(&Value::Null));
    if !is_hex64(sha) || digest != sha {
        return refuse(&DIGEST, &base.key("sha256"));
    }
    let Some(doc) = parse(canonical) else {
        return refuse(&CANONICAL, &base.key("canonical"));
    };
    let kind = FormKind::parse(form).filter(|k| Some(*k) == forms::kind_of(&doc));
    let Some(kind) = kind.filter(|_| canonical_json(&doc) == canonical) else {
        return refuse(&CANONICAL, &base.key("canonical"));
    };
    // Every member must be one the form shows, of its type: else part of what was sealed
    // could not be printed as the form is.
    let structure = forms::validate_as(&doc, kind, Stage::Draft, ctx)
        .diagnostics
        .into_iter()
        .filter(|d| d.code().starts_with("form."))
        .collect::<Vec<_>>();
    if has_errors(&structure) {
        return refuse(&STRUCTURE, &base.key("canonical"));
    }
    let pseudonym = match p.get("pseudonym") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if is_hex64(s) => Some(s.clone()),
        Some(_) => return refuse(&NOT_SEALED, &base.key("pseudonym")),
    };
    let mut warnings = Vec::new();
    let sealed_at = match p.get("sealedAt") {
        None | Some(Value::Null) => None,
        Some(t) => {
            let parsed = t.as_str().and_then(SealTime::parse);
            if parsed.is_none() {
                warnings.push(Diagnostic::new(&TIME, base.key("sealedAt")));
            }
            parsed
        }
    };
    Ok(Verified {
        kind,
        doc,
        sha256: digest,
        pseudonym,
        sealed_at,
        kept,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::super::seal::sha256_hex;
    use super::*;
    use crate::registry::Registry;
    use serde_json::json;

    fn ctx_verify(v: &Value) -> Result<Verified, Vec<&'static str>> {
        let reg = Registry::builtin();
        let ctx = Context::new(chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
        verify(v, &ctx).map_err(|d| d.iter().map(Diagnostic::code).collect())
    }

    fn package(doc: &Value) -> Value {
        let c = canonical_json(doc);
        json!({ "form": doc["form"], "sha256": sha256_hex(c.as_bytes()), "canonical": c })
    }

    #[test]
    fn a_package_is_verified_or_refused() {
        let doc = json!({"form": "tilgang-del2", "overall_assessment": "Kort."});
        let p = package(&doc);
        let v = ctx_verify(&p).unwrap();
        assert_eq!(v.kind, FormKind::TilgangDel2);
        assert_eq!(v.doc, doc);
        // Wrapped as `seal --format json` writes it.
        assert!(ctx_verify(&json!({ "ok": true, "sealed": p })).is_ok());
        // A changed text, a changed digest, a non-canonical text, another kind.
        let mut changed = p.clone();
        changed["canonical"] = json!(p["canonical"].as_str().unwrap().replace("Kort", "Lang"));
        assert_eq!(ctx_verify(&changed).unwrap_err(), ["verify.digest"]);
        let mut upper = p.clone();
        upper["sha256"] = json!(p["sha256"].as_str().unwrap().to_uppercase());
        assert_eq!(ctx_verify(&upper).unwrap_err(), ["verify.digest"]);
        let spaced = "{ \"form\": \"tilgang-del2\" }";
        let loose = json!({"form": "tilgang-del2", "canonical": spaced,
            "sha256": sha256_hex(spaced.as_bytes())});
        assert_eq!(ctx_verify(&loose).unwrap_err(), ["verify.canonical"]);
        let mut other = p.clone();
        other["form"] = json!("hb-exception-single");
        assert_eq!(ctx_verify(&other).unwrap_err(), ["verify.canonical"]);
        // A member the form does not have.
        let stray = package(&json!({"form": "tilgang-del2", "patient": {"name": "x"}}));
        assert_eq!(ctx_verify(&stray).unwrap_err(), ["verify.structure"]);
        assert_eq!(
            ctx_verify(&json!({"form": "x"})).unwrap_err(),
            ["verify.package"]
        );
        assert_eq!(ctx_verify(&json!("text")).unwrap_err(), ["verify.package"]);
    }

    #[test]
    fn seal_times_are_read_strictly() {
        let t = SealTime::parse("2026-11-27T19:52:03+01:00").unwrap();
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute),
            (2026, 11, 27, 19, 52)
        );
        assert_eq!(t.offset_minutes, 60);
        assert_eq!(t.rfc3339(), "2026-11-27T19:52:03+01:00");
        assert_eq!(
            SealTime::parse("2026-11-27T18:52:03.123Z")
                .unwrap()
                .offset_minutes,
            0
        );
        assert_eq!(
            SealTime::parse("2026-06-01T08:00:00-02:30")
                .unwrap()
                .offset_minutes,
            -150
        );
        for bad in [
            "2026-02-30T10:00:00Z",
            "2026-11-27T24:00:00Z",
            "2026-11-27T19:52:03",
            "2026-11-27T19:52:03+0100",
            "2026-11-27T19:52:03Z trailing",
            "12345678901",
            "",
        ] {
            assert!(SealTime::parse(bad).is_none(), "{bad}");
        }
        let doc = json!({"form": "tilgang-del2"});
        let mut p = package(&doc);
        p["sealedAt"] = json!("Kari Nordmann");
        let v = ctx_verify(&p).unwrap();
        assert!(v.sealed_at.is_none());
        assert_eq!(v.warnings[0].code(), "verify.time");
    }
}
