//! The reference number `[YYYY-MM-DD]-[HF]-[Dept]` that links part 1 and part 2.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Behandlingsansvarlig lege"
//! (del 1): "Referansenummer som knytter del 1 og del 2 av søknad sammen. Hensikt er at
//! vurderingskomité ikke skal kjenne identiteten til pasienten … Søknaden gis et
//! referansenummer på formen: [ÅÅÅÅ-MM-DD]-[Helseforetak]-[Avdeling]".
//!
//! The canonical writing is `2025-05-12-HBE-ONK`: a real calendar date not in the future, a
//! health trust code from the [`Registry`] (names and aliases are accepted and normalised),
//! and a department code — from the hospital's configured list, or matching a safe pattern
//! (letters and digits, starting with a letter, at most 16 characters, at most 4 digits, no
//! `-` or whitespace), so that nothing identifying can hide in it.
//!
//! ```
//! use chrono::NaiveDate;
//! use skjemavakt::{reference, registry::Registry, Context};
//! let reg = Registry::builtin();
//! let ctx = Context::new(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(), &reg);
//! let checked = reference::check("[2025-05-12]-[Helse Bergen]-[onk]", &ctx);
//! assert_eq!(checked.reference.unwrap().to_string(), "2025-05-12-HBE-ONK");
//! assert!(reference::check("2025-02-30-HBE-ONK", &ctx).reference.is_none());
//! ```

use crate::diagnostic::{rule, Arg, Diagnostic, Document, Pointer, Rule, Source};
use crate::registry::Registry;
use crate::Context;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

const SRC: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 1): referansenummer");

/// Longest department code accepted by the safe pattern.
pub const MAX_DEPT_LEN: usize = 16;
/// Most digits a department code may hold (a longer run could be a date or a number).
pub const MAX_DEPT_DIGITS: usize = 4;

rule! {
    /// The reference is not written as `ÅÅÅÅ-MM-DD-HF-Avdeling`.
    pub static FORMAT: "reference.format", Error, SRC;
    nb: "Referansenummeret har ikke formen ÅÅÅÅ-MM-DD-Helseforetak-Avdeling.",
    nn: "Referansenummeret har ikkje forma ÅÅÅÅ-MM-DD-Helseføretak-Avdeling.",
    en: "The reference number is not of the form YYYY-MM-DD-HealthTrust-Department.",
    hint_nb: "Skriv datoen med fire sifre for år, deretter helseforetakets kode og avdelingens kode, adskilt med bindestrek, f.eks. 2025-05-12-HBE-ONK.",
    hint_nn: "Skriv datoen med fire siffer for år, deretter koden til helseføretaket og avdelinga, skilde med bindestrek, t.d. 2025-05-12-HBE-ONK.",
    hint_en: "Write the date with a four-digit year, then the health trust code and the department code, separated by hyphens, e.g. 2025-05-12-HBE-ONK.",
}

rule! {
    /// The date part is not a real calendar date.
    pub static DATE_INVALID: "reference.date.invalid", Error, SRC;
    nb: "Datoen i referansenummeret finnes ikke i kalenderen.",
    nn: "Datoen i referansenummeret finst ikkje i kalenderen.",
    en: "The date in the reference number does not exist in the calendar.",
    hint_nb: "Kontroller måned og dag (ÅÅÅÅ-MM-DD); 29. februar finnes bare i skuddår.",
    hint_nn: "Kontroller månad og dag (ÅÅÅÅ-MM-DD); 29. februar finst berre i skotår.",
    hint_en: "Check month and day (YYYY-MM-DD); 29 February exists only in leap years.",
}

rule! {
    /// The date part lies after today.
    pub static DATE_FUTURE: "reference.date.future", Error, SRC;
    nb: "Datoen i referansenummeret er fram i tid.",
    nn: "Datoen i referansenummeret er fram i tid.",
    en: "The date in the reference number is in the future.",
    hint_nb: "Bruk datoen del 1 ble fylt ut (i dag eller tidligere).",
    hint_nn: "Bruk datoen del 1 vart fylt ut (i dag eller tidlegare).",
    hint_en: "Use the date part 1 was filled in (today or earlier).",
}

/// The source of [`FIRST_DATE`]: the assignment that created the scheme.
const SRC_START: Source = Document::Tilgangsordningen
    .at("Oppdrag fra helse- og omsorgsdepartementet: «Det ble 3. juli 2024 i tilleggsdokument til oppdragsdokument 2024, gitt følgende oppdrag»");

/// The first possible date of a reference number: the day the regional health authorities
/// were given the assignment that created Tilgangsordningen. No part 1 was filled in before
/// it; an earlier date is a mistake — or a birth date.
pub const FIRST_DATE: (i32, u32, u32) = (2024, 7, 3);

rule! {
    /// The date part lies before the scheme existed.
    pub static DATE_EARLY: "reference.date.early", Error, SRC_START;
    nb: "Datoen i referansenummeret er før tilgangsordningen ble opprettet (3. juli 2024).",
    nn: "Datoen i referansenummeret er før tilgangsordninga vart oppretta (3. juli 2024).",
    en: "The date in the reference number is before Tilgangsordningen was created (3 July 2024).",
    hint_nb: "Bruk datoen del 1 ble fylt ut. Referansenummeret må ikke inneholde pasientens fødselsdato.",
    hint_nn: "Bruk datoen del 1 vart fylt ut. Referansenummeret må ikkje innehalde fødselsdatoen til pasienten.",
    hint_en: "Use the date part 1 was filled in. The reference number must not hold the patient's birth date.",
}

rule! {
    /// The health trust is not in the registry.
    pub static HF_UNKNOWN: "reference.hf.unknown", Error, SRC;
    nb: "Helseforetaket i referansenummeret er ukjent.",
    nn: "Helseføretaket i referansenummeret er ukjent.",
    en: "The health trust in the reference number is unknown.",
    hint_nb: "Bruk helseforetakets kode, f.eks. HBE for Helse Bergen eller OUS for Oslo universitetssykehus. Listen over koder finnes i registeret.",
    hint_nn: "Bruk koden til helseføretaket, t.d. HBE for Helse Bergen eller OUS for Oslo universitetssjukehus. Lista over kodar finst i registeret.",
    hint_en: "Use the health trust's code, e.g. HBE for Helse Bergen or OUS for Oslo University Hospital. The codes are listed in the registry.",
}

rule! {
    /// The health trust was written as a name or alias, not its code.
    pub static HF_ALIAS: "reference.hf.alias", Info, SRC;
    nb: "Helseforetaket er skrevet med navn eller forkortelse; referansen er skrevet om til helseforetakets kode.",
    nn: "Helseføretaket er skrive med namn eller forkorting; referansen er skriven om til koden til helseføretaket.",
    en: "The health trust was written by name or abbreviation; the reference has been rewritten with the trust's code.",
    hint_nb: "Bruk den normaliserte referansen i både del 1 og del 2.",
    hint_nn: "Bruk den normaliserte referansen i både del 1 og del 2.",
    hint_en: "Use the normalised reference in both part 1 and part 2.",
}

rule! {
    /// The department code is not safe (characters, length, digits).
    pub static DEPT_INVALID: "reference.dept.invalid", Error, SRC;
    nb: "Avdelingskoden i referansenummeret er ugyldig.",
    nn: "Avdelingskoden i referansenummeret er ugyldig.",
    en: "The department code in the reference number is invalid.",
    hint_nb: "Bruk en kort avdelingskode med bokstaver og høyst {digits} sifre, uten mellomrom eller bindestrek (høyst {max} tegn), f.eks. ONK. Den må ikke kunne identifisere pasienten.",
    hint_nn: "Bruk ein kort avdelingskode med bokstavar og høgst {digits} siffer, utan mellomrom eller bindestrek (høgst {max} teikn), t.d. ONK. Han må ikkje kunne identifisere pasienten.",
    hint_en: "Use a short department code of letters and at most {digits} digits, without spaces or hyphens (at most {max} characters), e.g. ONK. It must not identify the patient.",
}

rule! {
    /// The department code holds a person's name.
    pub static DEPT_NAME: "reference.dept.name", Error, SRC;
    nb: "Avdelingskoden i referansenummeret inneholder noe som ligner et navn.",
    nn: "Avdelingskoden i referansenummeret inneheld noko som liknar eit namn.",
    en: "The department code in the reference number holds something that looks like a name.",
    hint_nb: "Bruk avdelingens kode, f.eks. ONK. Referansenummeret må ikke kunne identifisere pasienten.",
    hint_nn: "Bruk koden til avdelinga, t.d. ONK. Referansenummeret må ikkje kunne identifisere pasienten.",
    hint_en: "Use the department's code, e.g. ONK. The reference number must not identify the patient.",
}

rule! {
    /// The department code is not in the hospital's configured list.
    pub static DEPT_UNKNOWN: "reference.dept.unknown", Error, SRC;
    nb: "Avdelingskoden i referansenummeret er ikke i sykehusets liste.",
    nn: "Avdelingskoden i referansenummeret er ikkje i lista til sjukehuset.",
    en: "The department code in the reference number is not in the hospital's list.",
    hint_nb: "Velg en av avdelingskodene sykehuset har satt opp.",
    hint_nn: "Vel ein av avdelingskodane sjukehuset har sett opp.",
    hint_en: "Choose one of the department codes the hospital has configured.",
}

rule! {
    /// The reference is not a text.
    pub static NOT_TEXT: "reference.type", Error, SRC;
    nb: "Referansenummeret må være tekst.",
    nn: "Referansenummeret må vere tekst.",
    en: "The reference number must be text.",
    hint_nb: "Skriv referansen som tekst, f.eks. \"2025-05-12-HBE-ONK\".",
    hint_nn: "Skriv referansen som tekst, t.d. \"2025-05-12-HBE-ONK\".",
    hint_en: "Write the reference as text, e.g. \"2025-05-12-HBE-ONK\".",
}

rule! {
    /// Part 1 and part 2 carry different reference numbers.
    pub static MISMATCH: "reference.mismatch", Error, SRC;
    nb: "Referansenummeret i del 2 er ikke det samme som i del 1.",
    nn: "Referansenummeret i del 2 er ikkje det same som i del 1.",
    en: "The reference number in part 2 differs from the one in part 1.",
    hint_nb: "Kopier referansenummeret fra del 1 (i pasientens journal) til del 2.",
    hint_nn: "Kopier referansenummeret frå del 1 (i journalen til pasienten) til del 2.",
    hint_en: "Copy the reference number from part 1 (in the patient's record) to part 2.",
}

/// A valid reference number. Its parts are normalised (trust code, upper-case department).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Reference {
    /// The date part 1 was filled in.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    /// The health trust's canonical code.
    pub hf: String,
    /// The department code, upper-case.
    pub dept: String,
}

fn serialize_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::dates::format_iso(*d))
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{}",
            crate::dates::format_iso(self.date),
            self.hf,
            self.dept
        )
    }
}

/// The outcome of checking or building a reference: the normalised reference when there is
/// no error, and every diagnostic found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub reference: Option<Reference>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a written reference number. Diagnostics have the path `/reference`; use
/// [`check_at`] for another path.
pub fn check(text: &str, ctx: &Context) -> Checked {
    check_at(text, &Pointer::root().key("reference"), ctx)
}

/// Checks a written reference number, reporting at `path`. Accepts the bracketed writing of
/// the form (`[2025-05-12]-[HBE]-[ONK]`), surrounding whitespace, trust names and aliases.
pub fn check_at(text: &str, path: &Pointer, ctx: &Context) -> Checked {
    let t = text.trim();
    // The date: exactly YYYY-MM-DD, optionally in brackets.
    let (date_text, rest) = match t.strip_prefix('[') {
        Some(inner) => match inner.split_once(']') {
            Some((d, r)) => (d.trim(), r),
            None => return fail(&FORMAT, path),
        },
        None => match (t.get(..10), t.get(10..)) {
            (Some(d), Some(r)) => (d, r),
            _ => return fail(&FORMAT, path),
        },
    };
    let Some(rest) = rest.trim_start().strip_prefix('-') else {
        return fail(&FORMAT, path);
    };
    // The department is after the last '-' (department codes have none); the trust may
    // contain '-' (Helse Nord-Trøndelag).
    let Some((hf_text, dept_text)) = rest.rsplit_once('-') else {
        return fail(&FORMAT, path);
    };
    let hf_text = unbracket(hf_text);
    let dept_text = unbracket(dept_text);
    if hf_text.is_empty() || dept_text.is_empty() {
        return fail(&FORMAT, path);
    }
    let mut out = Checked::default();
    let date = parse_date(date_text, path, ctx, &mut out.diagnostics);
    let hf = resolve_hf(hf_text, path, ctx.registry, &mut out.diagnostics);
    let dept = check_dept(dept_text, path, ctx.registry, &mut out.diagnostics);
    if let (Some(date), Some(hf), Some(dept)) = (date, hf, dept) {
        if !crate::diagnostic::has_errors(&out.diagnostics) {
            out.reference = Some(Reference { date, hf, dept });
        }
    }
    out
}

/// Builds a reference from its parts, with the same checks as [`check`]. `date` is
/// `YYYY-MM-DD`; `hf` a code, name or alias; `dept` a department code.
pub fn build(date: &str, hf: &str, dept: &str, ctx: &Context) -> Checked {
    let path = Pointer::root().key("reference");
    let mut out = Checked::default();
    let d = parse_date(date.trim(), &path.key("date"), ctx, &mut out.diagnostics);
    let h = resolve_hf(
        hf.trim(),
        &path.key("hf"),
        ctx.registry,
        &mut out.diagnostics,
    );
    let p = check_dept(
        dept.trim(),
        &path.key("dept"),
        ctx.registry,
        &mut out.diagnostics,
    );
    if let (Some(date), Some(hf), Some(dept)) = (d, h, p) {
        if !crate::diagnostic::has_errors(&out.diagnostics) {
            out.reference = Some(Reference { date, hf, dept });
        }
    }
    out
}

/// Checks that part 2's reference equals part 1's (after normalisation). Both must already be
/// valid; reports [`MISMATCH`] at `path` when they differ.
pub fn check_same(part1: &Reference, part2: &Reference, path: &Pointer) -> Option<Diagnostic> {
    (part1 != part2).then(|| Diagnostic::new(&MISMATCH, path.clone()))
}

fn fail(rule: &'static Rule, path: &Pointer) -> Checked {
    Checked {
        reference: None,
        diagnostics: vec![Diagnostic::new(rule, path.clone())],
    }
}

fn unbracket(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .unwrap_or(s)
        .trim()
}

fn parse_date(
    text: &str,
    path: &Pointer,
    ctx: &Context,
    diags: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        diags.push(Diagnostic::new(&FORMAT, path.clone()));
        return None;
    }
    let num = |r: std::ops::Range<usize>| text.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        diags.push(Diagnostic::new(&FORMAT, path.clone()));
        return None;
    };
    let Some(date) = i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
    else {
        diags.push(Diagnostic::new(&DATE_INVALID, path.clone()));
        return None;
    };
    if date > ctx.today {
        diags.push(Diagnostic::new(&DATE_FUTURE, path.clone()));
        return None;
    }
    let (y, m, d) = FIRST_DATE;
    if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|first| date < first) {
        diags.push(Diagnostic::new(&DATE_EARLY, path.clone()));
        return None;
    }
    Some(date)
}

fn resolve_hf(
    text: &str,
    path: &Pointer,
    registry: &Registry,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    match registry.lookup(text) {
        Some(trust) => {
            if trust.code != text {
                diags.push(Diagnostic::new(&HF_ALIAS, path.clone()));
            }
            Some(trust.code.clone())
        }
        None => {
            diags.push(Diagnostic::new(&HF_UNKNOWN, path.clone()));
            None
        }
    }
}

fn check_dept(
    text: &str,
    path: &Pointer,
    registry: &Registry,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let upper = crate::letter_case::upper(text);
    let digits = upper.chars().filter(char::is_ascii_digit).count();
    let safe = upper.chars().count() <= MAX_DEPT_LEN
        && upper.chars().next().is_some_and(char::is_alphabetic)
        && upper
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, 'Æ' | 'Ø' | 'Å' | '_'))
        && digits <= MAX_DEPT_DIGITS;
    if !safe {
        diags.push(
            Diagnostic::new(&DEPT_INVALID, path.clone())
                .arg("max", Arg::Int(MAX_DEPT_LEN as i64))
                .arg("digits", Arg::Int(MAX_DEPT_DIGITS as i64)),
        );
        return None;
    }
    if let Some(list) = registry.departments() {
        if !list.contains(&upper) {
            diags.push(Diagnostic::new(&DEPT_UNKNOWN, path.clone()));
            return None;
        }
        // The hospital's own list: its codes are not names.
        return Some(upper);
    }
    if holds_a_name(&upper) {
        diags.push(Diagnostic::new(&DEPT_NAME, path.clone()));
        return None;
    }
    Some(upper)
}

/// True when a word of a department code (its letters between `_` and digits) is a first
/// name or a surname of the name lists and no ordinary word (`KARI_NORDMANN`, `OLA`; not
/// `ONK`, `BARN`).
fn holds_a_name(code: &str) -> bool {
    code.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 2
            && (crate::lexicon::is_first_name(w) || crate::lexicon::is_surname(w))
            && !crate::lexicon::is_common_word(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Config;
    use crate::Severity;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    fn codes(c: &Checked) -> Vec<&'static str> {
        c.diagnostics.iter().map(|d| d.code()).collect()
    }

    #[test]
    fn canonical_and_bracketed_writings() {
        let reg = Registry::builtin();
        let ctx = Context::new(today(), &reg);
        for text in [
            "2025-05-12-HBE-ONK",
            " [2025-05-12]-[HBE]-[ONK] ",
            "2025-05-12-hbe-onk",
            "[2025-05-12] - [HBE] - [ONK]",
        ] {
            let c = check(text, &ctx);
            assert_eq!(
                c.reference.as_ref().map(ToString::to_string).as_deref(),
                Some("2025-05-12-HBE-ONK"),
                "{text}: {:?}",
                codes(&c)
            );
        }
    }

    #[test]
    fn trust_names_with_hyphens_and_aliases() {
        let reg = Registry::builtin();
        let ctx = Context::new(today(), &reg);
        let c = check("2025-05-12-Helse Nord-Trøndelag-MED", &ctx);
        assert_eq!(c.reference.as_ref().map(|r| r.hf.as_str()), Some("HNT"));
        assert_eq!(codes(&c), vec!["reference.hf.alias"]);
        let c = check("2025-05-12-Haukeland-ONK", &ctx);
        assert_eq!(
            c.reference.as_ref().map(|r| r.to_string()).as_deref(),
            Some("2025-05-12-HBE-ONK")
        );
        assert_eq!(c.diagnostics[0].severity, Severity::Info);
    }

    #[test]
    fn each_error_has_its_code() {
        let reg = Registry::builtin();
        let ctx = Context::new(today(), &reg);
        let cases = [
            ("2025-02-29-HBE-ONK", "reference.date.invalid"),
            ("2025-13-01-HBE-ONK", "reference.date.invalid"),
            ("2025-06-02-HBE-ONK", "reference.date.future"),
            ("2025-05-12-XYZ-ONK", "reference.hf.unknown"),
            ("2025-05-12-HBE-O NK", "reference.dept.invalid"),
            ("2025-05-12-HBE-261115", "reference.dept.invalid"),
            ("2025-05-12-HBE-1ONK", "reference.dept.invalid"),
            (
                "2025-05-12-HBE-ONKOLOGISKAVDELING",
                "reference.dept.invalid",
            ),
            ("12.05.2025-HBE-ONK", "reference.format"),
            ("2025-05-12", "reference.format"),
            ("2025-05-12-HBE", "reference.format"),
            ("", "reference.format"),
            ("[2025-05-12-HBE-ONK", "reference.format"),
            ("2025-05-12--ONK", "reference.format"),
            ("ÅÅÅÅ-MM-DD-HBE-ONK", "reference.format"),
            // Issue 17: a name as the department, a trust with digits of another script.
            ("2025-05-12-HBE-KARI_NORDMANN", "reference.dept.name"),
            ("2025-05-12-HBE-NORDMANN", "reference.dept.name"),
            ("2025-05-12-HBE-ONK_KARI", "reference.dept.name"),
            ("2025-05-12-HBE¹⁴⁰³⁷⁴-ONK", "reference.hf.unknown"),
            (
                "2025-05-12-Helse Bergen １４０３７４-ONK",
                "reference.hf.unknown",
            ),
        ];
        for (text, code) in cases {
            let c = check(text, &ctx);
            assert!(c.reference.is_none(), "{text} accepted");
            assert!(codes(&c).contains(&code), "{text}: {:?}", codes(&c));
        }
        // 2028 is a leap year.
        let later = Context::new(NaiveDate::from_ymd_opt(2028, 3, 1).unwrap(), &reg);
        assert!(check("2028-02-29-HBE-ONK", &later).reference.is_some());
        assert!(check("2027-02-29-HBE-ONK", &later).reference.is_none());
        // Issue 17: before the scheme existed (a birth date, say).
        assert_eq!(
            codes(&check("1974-03-14-HBE-ONK", &ctx)),
            ["reference.date.early"]
        );
        assert_eq!(
            codes(&check("2024-07-02-HBE-ONK", &ctx)),
            ["reference.date.early"]
        );
        assert!(check("2024-07-03-HBE-ONK", &ctx).reference.is_some());
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let reg = Registry::builtin();
        let ctx = Context::new(today(), &reg);
        let c = check("2030-01-01-XYZ-A B", &ctx);
        assert_eq!(
            codes(&c),
            vec![
                "reference.date.future",
                "reference.hf.unknown",
                "reference.dept.invalid"
            ]
        );
    }

    #[test]
    fn configured_departments() {
        let cfg = Config {
            departments: Some(vec!["ONK".into(), "MED".into()]),
            ..Config::default()
        };
        let reg = Registry::with_config(&cfg);
        let ctx = Context::new(today(), &reg);
        assert!(check("2025-05-12-HBE-med", &ctx).reference.is_some());
        assert_eq!(
            codes(&check("2025-05-12-HBE-KIR", &ctx)),
            vec!["reference.dept.unknown"]
        );
    }

    #[test]
    fn build_and_compare() {
        let reg = Registry::builtin();
        let ctx = Context::new(today(), &reg);
        let b = build("2025-05-12", "Helse Bergen", "onk", &ctx);
        let r = b.reference.clone().unwrap();
        assert_eq!(r.to_string(), "2025-05-12-HBE-ONK");
        let c = check(&r.to_string(), &ctx).reference.unwrap();
        assert!(check_same(&r, &c, &Pointer::root()).is_none());
        let other = check("2025-05-11-HBE-ONK", &ctx).reference.unwrap();
        assert_eq!(
            check_same(&r, &other, &Pointer::root().key("reference")).map(|d| d.code()),
            Some("reference.mismatch")
        );
        let bad = build("2025-05-12", "Nowhere", "O-NK", &ctx);
        assert_eq!(
            bad.diagnostics
                .iter()
                .map(|d| d.path.as_str())
                .collect::<Vec<_>>(),
            vec!["/reference/hf", "/reference/dept"]
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        let reg = Registry::builtin();
        let ctx = Context::new(today(), &reg);
        for text in [
            "æøåæøåæøåæ-x-y",
            "2025-05-1😀-HBE-ONK",
            "[",
            "]",
            "-",
            "[]-[]-[]",
            "2025-05-12-ø",
        ] {
            let c = check(text, &ctx);
            assert!(c.reference.is_none() && !c.diagnostics.is_empty(), "{text}");
        }
    }
}
