//! The reference number `[YYYY-MM-DD]-[HF]-[Dept]` that links part 1 and part 2.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Behandlingsansvarlig lege"
//! (del 1): "Referansenummer som knytter del 1 og del 2 av søknad sammen. Hensikt er at
//! vurderingskomité ikke skal kjenne identiteten til pasienten … Søknaden gis et
//! referansenummer på formen: [ÅÅÅÅ-MM-DD]-[Helseforetak]-[Avdeling]".
//!
//! The guide's form is free words in brackets (`[2025-05-12]-[Helse Bergen]-[Nevrologisk
//! avdeling]`); the short form `2025-05-12-HBE-ONK` is read too. The parts:
//! - the date: a real calendar date, not in the future, not before the scheme existed;
//! - the health trust: a trust the [`Registry`] knows by code, name or alias is written with
//!   its code ([`HF_ALIAS`], info); another is kept as written, a warning ([`HF_UNKNOWN`]; an
//!   error with the hospital's `strict_trusts`), and may hold letters, spaces, `.`, `'`, `&`
//!   and `-` only ([`HF_INVALID`]) — a trust's name has no digits;
//! - the department: from the hospital's configured list, or free text of at most
//!   [`MAX_DEPT_CHARS`] characters that starts with a letter and holds at most
//!   [`MAX_DEPT_DIGITS`] digits ([`DEPT_INVALID`]); a code (one word of at most
//!   [`MAX_DEPT_LEN`] characters) is upper-cased and must hold no name ([`DEPT_NAME`]).
//!
//! The reference field is scanned for every kind of identifier like any value that leaves
//! (its privacy class is `Structured`). The canonical writing — what the gate seals — is the
//! short form when no part holds a space, a dash or a bracket, and the guide's bracketed form
//! otherwise, with runs of white space made one space. Two references are the same when their
//! dates are, and their trusts and departments are without regard to case and white space
//! ([`Reference::key`]), so `[2025-05-12]-[Helse Bergen]-[onk]` equals `2025-05-12-HBE-ONK`.
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

/// Longest department written as a code (one word, upper-cased).
pub const MAX_DEPT_LEN: usize = 16;
/// Longest department in free words.
pub const MAX_DEPT_CHARS: usize = 80;
/// Longest health trust not in the registry (free words).
pub const MAX_HF_CHARS: usize = 80;
/// Longest reference text read at all (two free parts, the date and the brackets).
pub const MAX_TEXT_CHARS: usize = 200;
/// Most digits a department code may hold (a longer run could be a date or a number).
pub const MAX_DEPT_DIGITS: usize = 4;

rule! {
    /// The reference is not written as `ÅÅÅÅ-MM-DD-HF-Avdeling`.
    pub static FORMAT: "reference.format", Error, SRC;
    nb: "Referansenummeret har ikke formen [ÅÅÅÅ-MM-DD]-[Helseforetak]-[Avdeling].",
    nn: "Referansenummeret har ikkje forma [ÅÅÅÅ-MM-DD]-[Helseføretak]-[Avdeling].",
    en: "The reference number is not of the form [YYYY-MM-DD]-[Health trust]-[Department].",
    hint_nb: "Skriv datoen med fire sifre for år, deretter helseforetaket og avdelingen, hver del i hakeparentes og adskilt med bindestrek, f.eks. [2025-05-12]-[Helse Bergen]-[Nevrologisk avdeling], eller kort 2025-05-12-HBE-ONK.",
    hint_nn: "Skriv datoen med fire siffer for år, deretter helseføretaket og avdelinga, kvar del i hakeparentes og skilde med bindestrek, t.d. [2025-05-12]-[Helse Bergen]-[Nevrologisk avdeling], eller kort 2025-05-12-HBE-ONK.",
    hint_en: "Write the date with a four-digit year, then the health trust and the department, each in square brackets and separated by hyphens, e.g. [2025-05-12]-[Helse Bergen]-[Nevrologisk avdeling], or short 2025-05-12-HBE-ONK.",
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
    /// The health trust is not in the registry: kept as written.
    pub static HF_UNKNOWN: "reference.hf.unknown", Warning, SRC;
    nb: "Helseforetaket i referansenummeret er ikke i registeret; det er beholdt slik det er skrevet.",
    nn: "Helseføretaket i referansenummeret er ikkje i registeret; det er halde slik det er skrive.",
    en: "The health trust in the reference number is not in the registry; it is kept as written.",
    hint_nb: "Kontroller at helseforetaket er skrevet likt i del 1 og del 2. Et kjent helseforetak kan skrives med kode, navn eller forkortelse, f.eks. HBE eller Helse Bergen; sykehuset kan legge inn egne navn i konfigurasjonen.",
    hint_nn: "Kontroller at helseføretaket er skrive likt i del 1 og del 2. Eit kjent helseføretak kan skrivast med kode, namn eller forkorting, t.d. HBE eller Helse Bergen; sjukehuset kan leggje inn eigne namn i konfigurasjonen.",
    hint_en: "Check that the health trust is written the same in part 1 and part 2. A known trust may be written by code, name or abbreviation, e.g. HBE or Helse Bergen; the hospital may add its own names in the configuration.",
}

rule! {
    /// The health trust is not in the registry, and the hospital's configuration says only
    /// known trusts are accepted (`strict_trusts`).
    pub static HF_STRICT: "reference.hf.not_configured", Error, SRC;
    nb: "Helseforetaket i referansenummeret er ikke i sykehusets liste over helseforetak.",
    nn: "Helseføretaket i referansenummeret er ikkje i lista til sjukehuset over helseføretak.",
    en: "The health trust in the reference number is not in the hospital's list of health trusts.",
    hint_nb: "Bruk helseforetakets kode, navn eller forkortelse, f.eks. HBE for Helse Bergen eller OUS for Oslo universitetssykehus.",
    hint_nn: "Bruk koden, namnet eller forkortinga til helseføretaket, t.d. HBE for Helse Bergen eller OUS for Oslo universitetssjukehus.",
    hint_en: "Use the health trust's code, name or abbreviation, e.g. HBE for Helse Bergen or OUS for Oslo University Hospital.",
}

rule! {
    /// The health trust holds what no trust's name holds: a digit, a symbol, a bracket.
    pub static HF_INVALID: "reference.hf.invalid", Error, SRC;
    nb: "Helseforetaket i referansenummeret kan bare skrives med bokstaver, mellomrom, punktum og bindestrek (høyst {max} tegn).",
    nn: "Helseføretaket i referansenummeret kan berre skrivast med bokstavar, mellomrom, punktum og bindestrek (høgst {max} teikn).",
    en: "The health trust in the reference number may hold letters, spaces, full stops and hyphens only (at most {max} characters).",
    hint_nb: "Skriv helseforetakets navn eller kode, f.eks. [Helse Bergen] eller HBE. Referansenummeret må ikke kunne identifisere pasienten.",
    hint_nn: "Skriv namnet eller koden til helseføretaket, t.d. [Helse Bergen] eller HBE. Referansenummeret må ikkje kunne identifisere pasienten.",
    hint_en: "Write the health trust's name or code, e.g. [Helse Bergen] or HBE. The reference number must not identify the patient.",
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
    /// The department is not safe (characters, length, digits).
    pub static DEPT_INVALID: "reference.dept.invalid", Error, SRC;
    nb: "Avdelingen i referansenummeret er ugyldig.",
    nn: "Avdelinga i referansenummeret er ugyldig.",
    en: "The department in the reference number is invalid.",
    hint_nb: "Skriv avdelingen med ord eller kode: høyst {max} tegn, første tegn en bokstav, høyst {digits} sifre, f.eks. [Nevrologisk avdeling] eller ONK. Den må ikke kunne identifisere pasienten.",
    hint_nn: "Skriv avdelinga med ord eller kode: høgst {max} teikn, første teikn ein bokstav, høgst {digits} siffer, t.d. [Nevrologisk avdeling] eller ONK. Ho må ikkje kunne identifisere pasienten.",
    hint_en: "Write the department in words or as a code: at most {max} characters, the first a letter, at most {digits} digits, e.g. [Nevrologisk avdeling] or ONK. It must not identify the patient.",
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
    nb: "Avdelingen i referansenummeret er ikke i sykehusets liste.",
    nn: "Avdelinga i referansenummeret er ikkje i lista til sjukehuset.",
    en: "The department in the reference number is not in the hospital's list.",
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

/// A valid reference number. Its parts are normalised: a known trust by its code, an unknown
/// one and a department in free words with runs of white space made one space, a department
/// code upper-case. Equal when [`Reference::key`] is.
#[derive(Clone, Debug, Serialize)]
pub struct Reference {
    /// The date part 1 was filled in.
    #[serde(serialize_with = "serialize_date")]
    pub date: NaiveDate,
    /// The health trust's canonical code, or the trust as written when the registry does not
    /// know it.
    pub hf: String,
    /// The department: a code upper-case, or free words.
    pub dept: String,
    /// True when the registry knows the trust (`hf` is its code).
    #[serde(skip)]
    pub hf_known: bool,
}

impl Reference {
    /// What two references are compared by: the date, and the trust and the department in
    /// lower case.
    pub fn key(&self) -> (NaiveDate, String, String) {
        (
            self.date,
            crate::letter_case::lower(&self.hf),
            crate::letter_case::lower(&self.dept),
        )
    }

    /// True when the short form `DATE-HF-DEPT` reads back as this reference: no part holds
    /// white space, a dash or a bracket.
    fn short(&self) -> bool {
        let plain = |s: &str| {
            !s.chars()
                .any(|c| c.is_whitespace() || is_dash(c) || matches!(c, '[' | ']'))
        };
        plain(&self.hf) && plain(&self.dept)
    }
}

impl PartialEq for Reference {
    fn eq(&self, other: &Reference) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Reference {}

impl std::hash::Hash for Reference {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

fn serialize_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::dates::format_iso(*d))
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = crate::dates::format_iso(self.date);
        if self.short() {
            write!(f, "{date}-{}-{}", self.hf, self.dept)
        } else {
            write!(f, "[{date}]-[{}]-[{}]", self.hf, self.dept)
        }
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

/// Checks a written reference number, reporting at `path`. Accepts the guide's bracketed
/// writing (`[2025-05-12]-[Helse Bergen]-[Nevrologisk avdeling]`), the short form
/// (`2025-05-12-HBE-ONK`), a mix of the two, surrounding whitespace, trust names and aliases.
pub fn check_at(text: &str, path: &Pointer, ctx: &Context) -> Checked {
    let t = text.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        return fail(&FORMAT, path);
    }
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
    let Some(rest) = strip_dash(rest) else {
        return fail(&FORMAT, path);
    };
    let Some((hf_text, dept_text)) = split_parts(rest, ctx.registry) else {
        return fail(&FORMAT, path);
    };
    if hf_text.is_empty() || dept_text.is_empty() {
        return fail(&FORMAT, path);
    }
    let mut out = Checked::default();
    let date = parse_date(date_text, path, ctx, &mut out.diagnostics);
    let hf = resolve_hf(hf_text, path, ctx, &mut out.diagnostics);
    let dept = check_dept(dept_text, path, ctx.registry, &mut out.diagnostics);
    if let (Some(date), Some((hf, hf_known)), Some(dept)) = (date, hf, dept) {
        if !crate::diagnostic::has_errors(&out.diagnostics) {
            out.reference = Some(Reference {
                date,
                hf,
                dept,
                hf_known,
            });
        }
    }
    out
}

/// A letter of the Latin script (Norwegian and Sami letters included): free words in a
/// reference are written with these only, so that no look-alike of another script passes
/// for a known name.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The text after a dash that starts it (white space around it allowed).
fn strip_dash(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let c = s.chars().next().filter(|c| is_dash(*c))?;
    s.get(c.len_utf8()..).map(str::trim_start)
}

/// Splits `HF-DEPT` into the trust and the department, each without brackets: a bracketed
/// trust ends at its `]`; a bracketed department starts at the last `[`; otherwise the first
/// dash after which the text before names a known trust (`Helse Nord-Trøndelag-MED`), or the
/// last dash. `None` when no dash separates them or a bracket is left inside a part.
fn split_parts<'t>(rest: &'t str, registry: &Registry) -> Option<(&'t str, &'t str)> {
    let rest = rest.trim();
    let (hf, dept) = if let Some(inner) = rest.strip_prefix('[') {
        let (hf, after) = inner.split_once(']')?;
        (hf, strip_dash(after)?)
    } else if rest.ends_with(']') {
        let open = rest.rfind('[')?;
        let before = rest.get(..open)?.trim_end();
        let c = before.chars().next_back().filter(|c| is_dash(*c))?;
        (
            before.get(..before.len() - c.len_utf8())?,
            rest.get(open..)?,
        )
    } else {
        let dashes = rest
            .char_indices()
            .filter(|(_, c)| is_dash(*c))
            .map(|(i, c)| (i, i + c.len_utf8()));
        let mut last = None;
        let mut known = None;
        for (i, j) in dashes {
            last = Some((i, j));
            if known.is_none() && registry.lookup(rest.get(..i)?.trim()).is_some() {
                known = Some((i, j));
            }
        }
        let (i, j) = known.or(last)?;
        (rest.get(..i)?, rest.get(j..)?)
    };
    let hf = unbracket(hf);
    let dept = unbracket(dept);
    let stray = |s: &str| s.contains(['[', ']']);
    (!stray(hf) && !stray(dept)).then_some((hf, dept))
}

/// Runs of white space as one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds a reference from its parts, with the same checks as [`check`]. `date` is
/// `YYYY-MM-DD`; `hf` a code, name or alias (or another trust's name, a warning); `dept` a
/// department code or free words.
pub fn build(date: &str, hf: &str, dept: &str, ctx: &Context) -> Checked {
    let path = Pointer::root().key("reference");
    let mut out = Checked::default();
    let d = parse_date(date.trim(), &path.key("date"), ctx, &mut out.diagnostics);
    let h = resolve_hf(unbracket(hf), &path.key("hf"), ctx, &mut out.diagnostics);
    let p = check_dept(
        unbracket(dept),
        &path.key("dept"),
        ctx.registry,
        &mut out.diagnostics,
    );
    if let (Some(date), Some((hf, hf_known)), Some(dept)) = (d, h, p) {
        if !crate::diagnostic::has_errors(&out.diagnostics) {
            out.reference = Some(Reference {
                date,
                hf,
                dept,
                hf_known,
            });
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
    ctx: &Context,
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, bool)> {
    if let Some(trust) = ctx.registry.lookup(text) {
        if trust.code != text {
            diags.push(Diagnostic::new(&HF_ALIAS, path.clone()));
        }
        return Some((trust.code.clone(), true));
    }
    // A trust the registry does not know: free words, as a trust's name is written.
    let ok = text.chars().count() <= MAX_HF_CHARS
        && text.chars().next().is_some_and(is_latin_letter)
        && text.chars().all(|c| {
            is_latin_letter(c) || c == ' ' || is_dash(c) || matches!(c, '.' | '\'' | '’' | '&')
        });
    if !ok {
        diags.push(
            Diagnostic::new(&HF_INVALID, path.clone()).arg("max", Arg::Int(MAX_HF_CHARS as i64)),
        );
        return None;
    }
    if ctx.registry.strict_trusts() {
        diags.push(Diagnostic::new(&HF_STRICT, path.clone()));
        return None;
    }
    diags.push(Diagnostic::new(&HF_UNKNOWN, path.clone()));
    Some((collapse(text), false))
}

fn check_dept(
    text: &str,
    path: &Pointer,
    registry: &Registry,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let text = collapse(text);
    let chars = text.chars().count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    // A code: one word of letters, digits and `_`.
    let code = chars <= MAX_DEPT_LEN
        && text
            .chars()
            .all(|c| c.is_alphanumeric() && (c.is_ascii() || c.is_alphabetic()) || c == '_');
    let safe = chars <= MAX_DEPT_CHARS
        && text.chars().next().is_some_and(is_latin_letter)
        && text.chars().all(|c| {
            is_latin_letter(c)
                || c.is_ascii_digit()
                || c == ' '
                || is_dash(c)
                || matches!(c, '.' | ',' | '&' | '/' | '\'' | '’' | '(' | ')' | '_')
        })
        && digits <= MAX_DEPT_DIGITS;
    if !safe {
        diags.push(
            Diagnostic::new(&DEPT_INVALID, path.clone())
                .arg("max", Arg::Int(MAX_DEPT_CHARS as i64))
                .arg("digits", Arg::Int(MAX_DEPT_DIGITS as i64)),
        );
        return None;
    }
    let written = if code {
        crate::letter_case::upper(&text)
    } else {
        text
    };
    if let Some(list) = registry.departments() {
        let upper = crate::letter_case::upper(&written);
        if !list.contains(&upper) {
            diags.push(Diagnostic::new(&DEPT_UNKNOWN, path.clone()));
            return None;
        }
        // The hospital's own list: its codes are not names.
        return Some(written);
    }
    // Free words are scanned with the whole field; a code's words are not words the scanner
    // reads (`KARI_NORDMANN`), so a code is checked here.
    if code && holds_a_name(&written) {
        diags.push(Diagnostic::new(&DEPT_NAME, path.clone()));
        return None;
    }
    Some(written)
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
            // Issue 19: an unknown trust is a warning (below); free words are a department.
            ("2025-05-12-X2Z-ONK", "reference.hf.invalid"),
            ("2025-05-12-Неlse Bergen-ONK", "reference.hf.invalid"),
            ("[2025-05-12]-[HBE]-[Нevro]", "reference.dept.invalid"),
            ("2025-05-12-HBE-O NK 12345", "reference.dept.invalid"),
            ("2025-05-12-HBE-261115", "reference.dept.invalid"),
            ("2025-05-12-HBE-1ONK", "reference.dept.invalid"),
            (
                "[2025-05-12]-[HBE]-[Onkologisk avdeling for voksne pasienter med kreft i lunger, bryst og tarm, seksjon nord]",
                "reference.dept.invalid",
            ),
            ("[2025-05-12]-[HBE]-[ONK@x]", "reference.dept.invalid"),
            ("[2025-05-12]-[HBE]-[ONK]]", "reference.format"),
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
            // Issue 19: no digit in a trust's name (was reference.hf.unknown, an error).
            ("2025-05-12-HBE¹⁴⁰³⁷⁴-ONK", "reference.hf.invalid"),
            (
                "2025-05-12-Helse Bergen １４０３７４-ONK",
                "reference.hf.invalid",
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
        let c = check("2030-01-01-XYZ-1 B", &ctx);
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
        let bad = build("2025-05-12", "Nowhere 1", "1-NK", &ctx);
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
