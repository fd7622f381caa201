//! [`Duration`]: the expected treatment duration in Norwegian writing.
//!
//! The application form asks for «Forventet behandlingsvarighet»
//! (nye-metoder-tilgangsordningen.txt, «Fyll ut søknad», behandling det søkes om); Helse
//! Bergen 1.2.2.5-16 §3.3 point 4 asks for a treatment plan with «planlagt varighet». The
//! duration is used for one thing: the total cost over the treatment (monthly cost × months).
//!
//! Accepted: a number or a number word and a unit — «6 måneder», «6 mnd», «18 md.»,
//! «12 uker», «1 år», «ett år», «seks måneder», «1,5 år», «et halvt år», «halvannet år»,
//! «ett og et halvt år», «90 dager»; nynorsk «seks månader», «tolv veker», «eitt år». A
//! leading «ca.»/«cirka»/«omtrent»/«~» is noted ([`Duration::is_approximate`]). A range
//! («3–6 måneder», «3 til 6 mnd», «fra 3 til 6 måneder») or an upper bound («inntil 12 mnd»,
//! «maks 1 år») uses the upper bound and is flagged ([`Duration::is_upper_bound`]). Cycles
//! («6 sykluser à 21 dager», «4 kurer a 3 uker», «6 x 21 dager») are multiplied out.
//!
//! Not a duration, and **not an error** — the total is then simply not computed, and
//! [`DurationUnparsed`] says why: «livslang», «ubestemt», «til progresjon», «så lenge
//! effekt», «minst 6 måneder», empty text, or text not understood.
//!
//! # Conversion to months
//! 1 år = 12 måneder exactly. Weeks and days go through the mean month of the Julian year,
//! 365,25 / 12 = 30,4375 days: months = weeks × 7 × 12 / 365,25 = weeks × 336 / 1461, and
//! months = days × 48 / 1461. The ratio is kept exact ([`Duration::months_ratio`]) and the
//! total cost is rounded once, to the nearest øre (half away from zero).
//!
//! ```
//! use skjemavakt::money::{Amount, Duration, DurationUnparsed};
//! let d = Duration::parse("3–6 måneder").unwrap();
//! assert_eq!(d.months(), 6.0);
//! assert!(d.is_upper_bound());
//! assert_eq!(Duration::parse("ett år").unwrap().months(), 12.0);
//! assert_eq!(Duration::parse("til progresjon"), Err(DurationUnparsed::UntilEvent));
//! let monthly = Amount::parse("kr 10 000").unwrap();
//! // 12 weeks = 84 days = 84 / 30,4375 months = 2,7597536 months: kr 27 597,54.
//! assert_eq!(Duration::parse("12 uker").unwrap().total(monthly).unwrap().ore(), 2_759_754);
//! ```

use super::Amount;

/// Longest text accepted as a duration (bytes).
pub const MAX_DURATION_TEXT: usize = 200;

/// Longest duration accepted: 100 years, in months.
pub const MAX_MONTHS: u64 = 1200;

/// The unit a duration was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    Day,
    Week,
    Month,
    Year,
}

/// An expected treatment duration: a quantity (in hundredths, so «1,5 år» is 150) of a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    hundredths: u64,
    unit: DurationUnit,
    approximate: bool,
    upper_bound: bool,
}

/// Why a duration text gives no duration. Not an error: the total cost is just not computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum DurationUnparsed {
    /// No text.
    #[error("no duration given")]
    Empty,
    /// «livslang», «livsvarig», «resten av livet», «permanent».
    #[error("lifelong treatment")]
    Lifelong,
    /// «ubestemt», «uavklart», «ukjent», «kontinuerlig».
    #[error("duration not determined")]
    Indefinite,
    /// «til progresjon», «så lenge effekt», «til uakseptable bivirkninger».
    #[error("duration depends on an event")]
    UntilEvent,
    /// A lower bound only: «minst 6 måneder», «mer enn 1 år».
    #[error("only a lower bound is given")]
    OpenEnded,
    /// Zero, or over [`MAX_MONTHS`] months.
    #[error("duration out of range")]
    OutOfRange,
    /// Anything else.
    #[error("duration not understood")]
    NotUnderstood,
}

impl Duration {
    /// A duration of `hundredths` / 100 `unit`s.
    pub const fn new(hundredths: u64, unit: DurationUnit) -> Duration {
        Duration {
            hundredths,
            unit,
            approximate: false,
            upper_bound: false,
        }
    }

    /// Parses a duration in Norwegian writing (see the module docs).
    pub fn parse(text: &str) -> Result<Duration, DurationUnparsed> {
        parse(text)
    }

    /// The quantity in hundredths of [`Duration::unit`].
    pub const fn quantity_hundredths(&self) -> u64 {
        self.hundredths
    }

    /// The unit it was written in.
    pub const fn unit(&self) -> DurationUnit {
        self.unit
    }

    /// Written as an approximation («ca. 6 måneder»).
    pub const fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// The upper bound of a range («3–6 måneder») or of «inntil …» was used.
    pub const fn is_upper_bound(&self) -> bool {
        self.upper_bound
    }

    /// The length in months as an exact fraction `(numerator, denominator)`.
    pub fn months_ratio(&self) -> (u128, u128) {
        let h = u128::from(self.hundredths);
        match self.unit {
            DurationUnit::Month => (h, 100),
            DurationUnit::Year => (h * 12, 100),
            DurationUnit::Week => (h * 336, 100 * 1461),
            DurationUnit::Day => (h * 48, 100 * 1461),
        }
    }

    /// The length in months (for display; computations use [`Duration::months_ratio`]).
    pub fn months(&self) -> f64 {
        let (n, d) = self.months_ratio();
        n as f64 / d as f64
    }

    /// `monthly` × months, rounded to the nearest øre (half away from zero); `None` on
    /// overflow.
    pub fn total(&self, monthly: Amount) -> Option<Amount> {
        let (n, d) = self.months_ratio();
        let n = i128::try_from(n).ok()?;
        let d = i128::try_from(d).ok()?;
        let prod = i128::from(monthly.ore()).checked_mul(n)?;
        let half = d / 2;
        let q = if prod >= 0 {
            prod.checked_add(half)? / d
        } else {
            prod.checked_sub(half)? / d
        };
        i64::try_from(q).ok().map(Amount::from_ore)
    }
}

// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum DurationToken {
    /// A number in hundredths.
    Num(u64),
    Word(String),
    Sym(char),
}

fn tokenize(text: &str) -> Result<Vec<DurationToken>, DurationUnparsed> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let mut int: u64 = 0;
            while let Some(d) = at(i).and_then(|d| d.to_digit(10)) {
                int = int
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(d)))
                    .ok_or(DurationUnparsed::OutOfRange)?;
                i += 1;
            }
            let mut h = int.checked_mul(100).ok_or(DurationUnparsed::OutOfRange)?;
            if matches!(at(i), Some(',' | '.')) && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                i += 1;
                let mut scale = 10;
                while let Some(d) = at(i).and_then(|d| d.to_digit(10)) {
                    if scale == 0 {
                        return Err(DurationUnparsed::NotUnderstood);
                    }
                    h = h
                        .checked_add(u64::from(d) * scale)
                        .ok_or(DurationUnparsed::OutOfRange)?;
                    scale /= 10;
                    i += 1;
                }
            }
            out.push(DurationToken::Num(h));
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(l) = at(i).filter(|l| l.is_alphabetic()) {
                w.push(crate::letter_case::lower_char(l));
                i += 1;
            }
            if at(i) == Some('.') {
                w.push('.');
                i += 1;
            }
            out.push(DurationToken::Word(w));
        } else {
            out.push(DurationToken::Sym(c));
            i += 1;
        }
    }
    // A final full stop ends a sentence.
    if out.last() == Some(&DurationToken::Sym('.')) {
        out.pop();
    }
    Ok(out)
}

fn number_word(w: &str) -> Option<u64> {
    Some(match w {
        "en" | "ett" | "ei" | "ein" | "eitt" | "én" | "éin" | "et" => 1,
        "to" => 2,
        "tre" => 3,
        "fire" => 4,
        "fem" => 5,
        "seks" => 6,
        "sju" | "syv" => 7,
        "åtte" => 8,
        "ni" => 9,
        "ti" => 10,
        "elleve" => 11,
        "tolv" => 12,
        "femten" => 15,
        "atten" => 18,
        "tjue" | "tyve" => 20,
        "tjuefire" | "fireogtyve" => 24,
        "tretti" | "tredve" => 30,
        "trettiseks" => 36,
        _ => return None,
    })
}

/// A unit word; a sentence's full stop after it («ett år.») is allowed.
fn unit_word(w: &str) -> Option<DurationUnit> {
    unit_word_exact(w).or_else(|| unit_word_exact(w.strip_suffix('.')?))
}

fn unit_word_exact(w: &str) -> Option<DurationUnit> {
    use DurationUnit::*;
    Some(match w {
        "måned" | "måneder" | "månedene" | "måneders" | "mnd" | "mnd." | "md" | "md." | "mndr"
        | "mndr." | "mån" | "mån." | "månad" | "månader" | "månadene" | "månaders" | "mdr"
        | "mdr." => Month,
        "uke" | "uker" | "ukene" | "ukers" | "u." | "uk." | "veke" | "veker" | "vekene"
        | "vekers" => Week,
        "år" | "året" | "årene" | "åra" | "års" => Year,
        "dag" | "dager" | "dagene" | "dagar" | "dagers" | "døgn" | "d." => Day,
        _ => return None,
    })
}

const LIFELONG: &[&str] = &[
    "livslang",
    "livsvarig",
    "livet ut",
    "resten av livet",
    "livstid",
    "permanent",
];
const UNTIL_EVENT: &[&str] = &[
    "progresjon",
    "progrediering",
    "progredierer",
    "så lenge",
    "så lengje",
    "toksisitet",
    "bivirkning",
    "biverknad",
    "tap av effekt",
    "manglende effekt",
    "manglande effekt",
    "til effekt",
    "respons",
    "remisjon",
    "tolerer",
    "stoppkriter",
];
const INDEFINITE: &[&str] = &[
    "ubestemt",
    "uavklart",
    "ukjent",
    "usikker",
    "uviss",
    "ikke avklart",
    "ikkje avklart",
    "ikke bestemt",
    "ikkje bestemt",
    "ubegrens",
    "kontinuerlig",
    "vedvarende",
    "løpende",
    "langvarig",
    "vet ikke",
    "veit ikkje",
];
const LOWER_BOUND: &[&str] = &["minst", "minimum", "min.", "over", "mer", "meir", "lenger"];
const UPPER_BOUND: &[&str] = &[
    "inntil",
    "opptil",
    "maks",
    "maks.",
    "maksimalt",
    "maksimum",
    "max",
    "max.",
    "høyst",
    "høgst",
];
const APPROX: &[&str] = &[
    "ca",
    "ca.",
    "cirka",
    "circa",
    "omtrent",
    "rundt",
    "omkring",
    "anslagsvis",
    "om",
];
const FILLER: &[&str] = &[
    "forventet",
    "forventa",
    "planlagt",
    "planlagd",
    "antatt",
    "anslått",
    "estimert",
    "behandling",
    "behandlingstid",
    "varighet",
    "varigheit",
    "totalt",
    "lag",
];
const CYCLE: &[&str] = &[
    "syklus", "sykluser", "syklusar", "kur", "kurer", "kurar", "serie", "serier", "runde",
    "runder", "rundar", "x", "×",
];
const CYCLE_LINK: &[&str] = &["à", "á", "a", "av", "x", "med", "på", "×"];

fn parse(text: &str) -> Result<Duration, DurationUnparsed> {
    if text.len() > MAX_DURATION_TEXT {
        return Err(DurationUnparsed::NotUnderstood);
    }
    if text.trim().is_empty() {
        return Err(DurationUnparsed::Empty);
    }
    let lower = crate::letter_case::lower(text);
    // A plain window compare (the text is at most MAX_DURATION_TEXT bytes): `str::contains`
    // with a `&str` pattern links core's two-way searcher into the wasm package (1.5 KB).
    let has = |list: &[&str]| {
        list.iter()
            .any(|k| lower.as_bytes().windows(k.len()).any(|w| w == k.as_bytes()))
    };
    if has(LIFELONG) {
        return Err(DurationUnparsed::Lifelong);
    }
    if has(UNTIL_EVENT) {
        return Err(DurationUnparsed::UntilEvent);
    }
    if has(INDEFINITE) {
        return Err(DurationUnparsed::Indefinite);
    }
    let toks = tokenize(text)?;
    let mut p = Parser { toks: &toks, i: 0 };
    let mut approximate = false;
    let mut upper_bound = false;
    // Lead words.
    loop {
        match p.peek() {
            Some(DurationToken::Word(w)) if LOWER_BOUND.contains(&w.as_str()) => {
                return Err(DurationUnparsed::OpenEnded)
            }
            Some(DurationToken::Word(w)) if UPPER_BOUND.contains(&w.as_str()) => upper_bound = true,
            Some(DurationToken::Word(w)) if APPROX.contains(&w.as_str()) => approximate = true,
            Some(DurationToken::Word(w))
                if FILLER.contains(&w.as_str()) || w == "fra" || w == "frå" => {}
            Some(DurationToken::Sym('~' | '≈')) => approximate = true,
            Some(DurationToken::Sym(':')) => {}
            _ => break,
        }
        p.i += 1;
    }
    let mut qty = p.quantity().ok_or(DurationUnparsed::NotUnderstood)?;
    // A range: «3–6», «3 - 6», «3 til 6», «3 à 6» is a cycle link, not a range.
    if matches!(p.peek(), Some(DurationToken::Sym('-' | '–' | '—')))
        || matches!(p.peek(), Some(DurationToken::Word(w)) if w == "til" || w == "tel")
    {
        p.i += 1;
        let hi = p.quantity().ok_or(DurationUnparsed::NotUnderstood)?;
        if hi < qty {
            return Err(DurationUnparsed::NotUnderstood);
        }
        qty = hi;
        upper_bound = true;
    }
    // Cycles: «6 sykluser à 21 dager», «6 x 21 dager».
    if matches!(p.peek(), Some(DurationToken::Word(w)) if CYCLE.contains(&w.as_str()))
        || matches!(p.peek(), Some(DurationToken::Sym('×')))
    {
        p.i += 1;
        if matches!(p.peek(), Some(DurationToken::Word(w)) if CYCLE_LINK.contains(&w.as_str()))
            || matches!(p.peek(), Some(DurationToken::Sym('×')))
        {
            p.i += 1;
        }
        let per = p.quantity().ok_or(DurationUnparsed::NotUnderstood)?;
        if qty % 100 != 0 {
            return Err(DurationUnparsed::NotUnderstood);
        }
        qty = (qty / 100)
            .checked_mul(per)
            .ok_or(DurationUnparsed::OutOfRange)?;
    }
    let unit = match p.next() {
        Some(DurationToken::Word(w)) => unit_word(w).ok_or(DurationUnparsed::NotUnderstood)?,
        _ => return Err(DurationUnparsed::NotUnderstood),
    };
    // Trailing filler («6 måneders behandling»).
    while let Some(DurationToken::Word(w)) = p.peek() {
        if !FILLER.contains(&w.as_str()) {
            break;
        }
        p.i += 1;
    }
    if p.peek().is_some() {
        return Err(DurationUnparsed::NotUnderstood);
    }
    let d = Duration {
        hundredths: qty,
        unit,
        approximate,
        upper_bound,
    };
    let (n, den) = d.months_ratio();
    if qty == 0 || n > u128::from(MAX_MONTHS) * den {
        return Err(DurationUnparsed::OutOfRange);
    }
    Ok(d)
}

struct Parser<'a> {
    toks: &'a [DurationToken],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&DurationToken> {
        self.toks.get(self.i)
    }

    fn next(&mut self) -> Option<&DurationToken> {
        let t = self.toks.get(self.i);
        self.i += 1;
        t
    }

    fn word_is(&self, k: usize, list: &[&str]) -> bool {
        matches!(self.toks.get(self.i + k), Some(DurationToken::Word(w)) if list.contains(&w.as_str()))
    }

    /// A number, a number word, «halvannen/halvannet», «(et) halvt», optionally followed by
    /// «og et halvt»; in hundredths.
    fn quantity(&mut self) -> Option<u64> {
        const HALF: &[&str] = &["halvt", "halv", "halve"];
        const ONE_HALF: &[&str] = &["halvannen", "halvannet", "halvanna", "halvtanna"];
        let base = match self.peek()? {
            DurationToken::Num(h) => {
                let h = *h;
                self.i += 1;
                h
            }
            DurationToken::Word(w) if ONE_HALF.contains(&w.as_str()) => {
                self.i += 1;
                return Some(150);
            }
            DurationToken::Word(w) if HALF.contains(&w.as_str()) => {
                self.i += 1;
                return Some(50);
            }
            DurationToken::Word(w) => {
                let n = number_word(w)?;
                self.i += 1;
                if n == 1 && self.word_is(0, HALF) {
                    // «et halvt år».
                    self.i += 1;
                    return Some(50);
                }
                n * 100
            }
            DurationToken::Sym(_) => return None,
        };
        // «ett og et halvt år».
        if self.word_is(0, &["og"])
            && self.word_is(1, &["et", "eit", "ett", "ei", "en"])
            && self.word_is(2, HALF)
        {
            self.i += 3;
            return base.checked_add(50);
        }
        Some(base)
    }
}
