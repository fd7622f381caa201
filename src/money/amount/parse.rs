//! Reading an [`Amount`] from Norwegian writing or a JSON number: a small tokenizer, the
//! labels, multipliers, signs and periods around the number, and the number itself.
//! What is accepted, and why: the module docs of [`super`].

use super::{Amount, AmountError, Currency, ParsedAmount, Period, MAX_AMOUNT_TEXT};

/// Parses an amount and reports approximation and a per-month suffix.
///
/// ```
/// use skjemavakt::money::parse_detailed;
/// let p = parse_detailed("ca. kr 40 000 pr. mnd").unwrap();
/// assert_eq!(p.amount.kroner(), 40_000);
/// assert!(p.approximate && p.per_month);
/// ```
pub fn parse_detailed(text: &str) -> Result<ParsedAmount, AmountError> {
    if text.len() > MAX_AMOUNT_TEXT {
        return Err(AmountError::Invalid {
            at: MAX_AMOUNT_TEXT,
        });
    }
    let toks = tokenize(text);
    if toks.is_empty() {
        return Err(AmountError::Empty);
    }
    // Another currency wins over every other complaint: the fix is different.
    for t in &toks {
        if let Some(currency) = foreign_currency(t) {
            return Err(AmountError::ForeignCurrency {
                at: t.start,
                currency,
            });
        }
    }

    let mut st = State::default();
    let last = toks.len().saturating_sub(1);
    let mut prev: Option<&AmountToken> = None;
    for (i, t) in toks.iter().enumerate() {
        st.step(t, prev, i == last)?;
        prev = Some(t);
    }
    if let Some(at) = st.pending_per {
        return Err(AmountError::Invalid { at });
    }
    let Some((nstart, nend)) = st.number else {
        return Err(if st.only_labels {
            AmountError::Empty
        } else {
            AmountError::Invalid {
                at: toks.first().map_or(0, |t| t.start),
            }
        });
    };
    let raw = text.get(nstart..nend).unwrap_or("");
    let hint = st.norwegian_label || st.whole_marker;
    let core = split_number(raw, nstart, hint, st.mult.is_some())?;
    if st.whole_marker && core.frac.is_some() {
        // «125,50,-»: the dash stands for 00 øre (Språkrådet).
        return Err(AmountError::Invalid {
            at: st.whole_marker_at,
        });
    }
    let mut ore = to_ore(&core, st.mult.unwrap_or(1))?;
    if st.negative {
        ore = -ore;
    }
    Ok(ParsedAmount {
        amount: Amount(ore),
        approximate: st.approximate,
        per_month: st.period == Some(Period::Month),
    })
}

/// Like [`Amount::from_json`], with the notes of [`parse_detailed`] for strings.
pub fn from_json_detailed(value: &serde_json::Value) -> Result<ParsedAmount, AmountError> {
    use serde_json::Value;
    match value {
        Value::Null => Err(AmountError::Empty),
        Value::String(s) => parse_detailed(s),
        Value::Number(n) => {
            let ore = if let Some(i) = n.as_i64() {
                i.checked_mul(100).ok_or(AmountError::TooLarge)?
            } else if n.is_u64() {
                return Err(AmountError::TooLarge);
            } else {
                json_decimal_to_ore(&n.to_string())?
            };
            Ok(ParsedAmount {
                amount: Amount(ore),
                approximate: false,
                per_month: false,
            })
        }
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => Err(AmountError::Invalid { at: 0 }),
    }
}

/// Exact conversion of a JSON number's text (`-12.5`, `1.25e5`, `1e-7`) to øre.
fn json_decimal_to_ore(s: &str) -> Result<i64, AmountError> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(p) => {
            let e: i64 = body
                .get(p + 1..)
                .and_then(|e| e.parse().ok())
                .ok_or(AmountError::Invalid { at: 0 })?;
            (body.get(..p).unwrap_or(""), e)
        }
        None => (body, 0),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Invalid { at: 0 });
    }
    let frac = frac.trim_end_matches('0');
    let digits: String = int.chars().chain(frac.chars()).collect();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Ok(0);
    }
    // value = digits × 10^(exp − frac.len()); øre = value × 100.
    let frac_len = i64::try_from(frac.len()).map_err(|_| AmountError::TooLarge)?;
    let scale = exp.saturating_sub(frac_len).saturating_add(2);
    if scale < 0 {
        return Err(AmountError::TooPrecise { at: 0 });
    }
    let int_digits = i64::try_from(digits.len())
        .unwrap_or(i64::MAX)
        .saturating_add(scale);
    if int_digits > 19 {
        return Err(AmountError::TooLarge);
    }
    let mut v: i128 = digits.parse().map_err(|_| AmountError::TooLarge)?;
    for _ in 0..scale {
        v = v.checked_mul(10).ok_or(AmountError::TooLarge)?;
    }
    if neg {
        v = -v;
    }
    i64::try_from(v).map_err(|_| AmountError::TooLarge)
}

// ---------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Debug, PartialEq, Eq)]
enum AmountTokenKind {
    /// Digits with separators between digits.
    Num,
    /// `,-` `,–` `,—` right after a number.
    WholeKroner,
    /// A run of letters, lower-cased, with an abbreviation dot kept.
    Word(String),
    /// Any other single character.
    Sym(char),
}

#[derive(Clone, Debug)]
struct AmountToken {
    kind: AmountTokenKind,
    start: usize,
    end: usize,
}

fn is_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '\u{2019}')
}

fn tokenize(text: &str) -> Vec<AmountToken> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = off(i);
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            i += 1;
            loop {
                match at(i) {
                    Some(d) if d.is_ascii_digit() => i += 1,
                    Some(s) if is_sep(s) && at(i + 1).is_some_and(|d| d.is_ascii_digit()) => i += 2,
                    Some(w) if w.is_whitespace() => {
                        let mut j = i;
                        while at(j).is_some_and(char::is_whitespace) {
                            j += 1;
                        }
                        if at(j).is_some_and(|d| d.is_ascii_digit()) {
                            i = j;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            toks.push(AmountToken {
                kind: AmountTokenKind::Num,
                start,
                end: off(i),
            });
        } else if c == ',' && matches!(at(i + 1), Some('-' | '\u{2013}' | '\u{2014}')) {
            i += 2;
            toks.push(AmountToken {
                kind: AmountTokenKind::WholeKroner,
                start,
                end: off(i),
            });
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
            toks.push(AmountToken {
                kind: AmountTokenKind::Word(w),
                start,
                end: off(i),
            });
        } else {
            i += 1;
            toks.push(AmountToken {
                kind: AmountTokenKind::Sym(c),
                start,
                end: off(i),
            });
        }
    }
    toks
}

fn foreign_currency(t: &AmountToken) -> Option<Currency> {
    match &t.kind {
        AmountTokenKind::Sym('€') => Some(Currency::Eur),
        AmountTokenKind::Sym('$') => Some(Currency::Usd),
        AmountTokenKind::Sym('£') => Some(Currency::Gbp),
        AmountTokenKind::Sym('¥') => Some(Currency::Jpy),
        AmountTokenKind::Sym('¤') => Some(Currency::Other),
        AmountTokenKind::Word(w) => match w.trim_end_matches('.') {
            "eur" | "euro" | "euros" | "evro" => Some(Currency::Eur),
            "usd" | "us" | "dollar" | "dollars" | "dollar." => Some(Currency::Usd),
            "sek" | "svenske" | "svensk" | "skr" => Some(Currency::Sek),
            "dkk" | "danske" | "dansk" | "dkr" => Some(Currency::Dkk),
            "gbp" | "pund" | "pound" | "pounds" => Some(Currency::Gbp),
            "chf" | "franc" | "francs" => Some(Currency::Chf),
            "isk" | "islandske" => Some(Currency::Isk),
            "jpy" | "yen" => Some(Currency::Jpy),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WordClass {
    /// `kr`, `kroner`, `nkr`: a Norwegian label (a hint for dot grouping).
    NorwegianLabel,
    /// `NOK`, `norske`.
    Label,
    Multiplier(i64),
    /// `mnok`: a multiplier and a label.
    MultiplierLabel(i64),
    Approx,
    /// `per`, `pr`, `pr.`, `i`.
    Per,
    /// A period noun («måned», «år»): needs `per`/`/`/`i` before it.
    PeriodNoun(Period),
    /// A period adverb («månedlig», «årlig»): stands alone.
    PeriodAdverb(Period),
    Unknown,
}

/// A word's class; a sentence's full stop after it («125 000 kroner.») is allowed.
fn classify(w: &str) -> WordClass {
    match classify_exact(w) {
        WordClass::Unknown => w
            .strip_suffix('.')
            .map_or(WordClass::Unknown, classify_exact),
        c => c,
    }
}

fn classify_exact(w: &str) -> WordClass {
    use WordClass::*;
    match w {
        "kr" | "kr." | "kroner" | "krone" | "nkr" | "nkr." => NorwegianLabel,
        "nok" | "nok." | "norske" => Label,
        "k" | "tusen" => Multiplier(1_000),
        "mill" | "mill." | "million" | "millioner" => Multiplier(1_000_000),
        "mnok" | "mnok." | "mkr" | "mkr." => MultiplierLabel(1_000_000),
        "mrd" | "mrd." | "milliard" | "milliarder" => Multiplier(1_000_000_000),
        "ca" | "ca." | "cirka" | "circa" | "omtrent" | "rundt" | "omkring" | "anslagsvis"
        | "ansl." | "omlag" => Approx,
        "per" | "pr" | "pr." | "i" => Per,
        "måned" | "måned." | "måneden" | "mnd" | "mnd." | "md" | "md." | "mån" | "mån."
        | "månad" | "månaden" => PeriodNoun(Period::Month),
        "år" | "året" | "år." => PeriodNoun(Period::Year),
        "uke" | "uka" | "uken" | "uke." | "veke" | "veka" | "u." => PeriodNoun(Period::Week),
        "dag" | "dagen" | "døgn" | "døgnet" | "dag." => PeriodNoun(Period::Day),
        "månedlig" | "månadleg" | "mndl." | "mndl" => PeriodAdverb(Period::Month),
        "årlig" | "årleg" => PeriodAdverb(Period::Year),
        "ukentlig" | "vekentleg" => PeriodAdverb(Period::Week),
        "daglig" | "dagleg" => PeriodAdverb(Period::Day),
        _ => Unknown,
    }
}

#[derive(Default)]
struct State {
    number: Option<(usize, usize)>,
    negative: bool,
    signed: bool,
    approximate: bool,
    norwegian_label: bool,
    whole_marker: bool,
    whole_marker_at: usize,
    mult: Option<i64>,
    period: Option<Period>,
    /// Byte offset of a `per`/`/` still waiting for its period noun.
    pending_per: Option<usize>,
    /// True while every token seen is a label (for [`AmountError::Empty`]).
    only_labels: bool,
    seen_any: bool,
}

impl State {
    fn step(
        &mut self,
        t: &AmountToken,
        prev: Option<&AmountToken>,
        is_last: bool,
    ) -> Result<(), AmountError> {
        let invalid = Err(AmountError::Invalid { at: t.start });
        if !self.seen_any {
            self.only_labels = true;
            self.seen_any = true;
        }
        let after = self.number.is_some();
        let prev_is_num = prev.is_some_and(|p| p.kind == AmountTokenKind::Num);
        let is_label = matches!(&t.kind, AmountTokenKind::Word(w)
            if matches!(classify(w), WordClass::NorwegianLabel | WordClass::Label));
        if !is_label {
            self.only_labels = false;
        }
        if self.pending_per.is_some() {
            // Only a period noun may follow `per` or `/`.
            return match &t.kind {
                AmountTokenKind::Word(w) => match classify(w) {
                    WordClass::PeriodNoun(p) => self.set_period(p, t.start),
                    _ => invalid,
                },
                _ => invalid,
            };
        }
        match &t.kind {
            AmountTokenKind::Num => {
                if after {
                    return invalid;
                }
                self.number = Some((t.start, t.end));
            }
            AmountTokenKind::WholeKroner => {
                if !prev_is_num || self.whole_marker {
                    return invalid;
                }
                self.whole_marker = true;
                self.whole_marker_at = t.start;
            }
            AmountTokenKind::Sym(c) => match c {
                '-' | '\u{2212}' | '\u{2013}' | '+' if !after && !self.signed => {
                    self.signed = true;
                    self.negative = *c != '+';
                }
                '~' | '≈' if !after && !self.approximate && !self.signed => {
                    self.approximate = true;
                }
                '/' if after => self.pending_per = Some(t.start),
                // A full stop ending a sentence.
                '.' if after && is_last => {}
                _ => return invalid,
            },
            AmountTokenKind::Word(w) => match classify(w) {
                WordClass::NorwegianLabel => self.norwegian_label = true,
                WordClass::Label => {}
                WordClass::Multiplier(m) | WordClass::MultiplierLabel(m) => {
                    if !prev_is_num || self.mult.is_some() {
                        return invalid;
                    }
                    self.mult = Some(m);
                }
                WordClass::Approx => {
                    if after || self.approximate || self.signed {
                        return invalid;
                    }
                    self.approximate = true;
                }
                WordClass::Per => {
                    if !after {
                        return invalid;
                    }
                    self.pending_per = Some(t.start);
                }
                WordClass::PeriodAdverb(p) => {
                    if !after {
                        return invalid;
                    }
                    self.set_period(p, t.start)?;
                }
                WordClass::PeriodNoun(_) | WordClass::Unknown => return invalid,
            },
        }
        Ok(())
    }

    fn set_period(&mut self, p: Period, at: usize) -> Result<(), AmountError> {
        self.pending_per = None;
        if self.period.is_some() {
            return Err(AmountError::Invalid { at });
        }
        if p != Period::Month {
            return Err(AmountError::Period { at, period: p });
        }
        self.period = Some(p);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The number itself

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    Space,
    Dot,
    Comma,
}

#[derive(Debug)]
struct Core<'a> {
    /// Integer digits, separators removed.
    int: String,
    /// Decimal digits and the byte offset of the decimal sign.
    frac: Option<(&'a str, usize)>,
}

/// Splits a number run (digits and separators) into integer and decimal digits, deciding
/// which separator groups thousands and which marks decimals (see the module docs).
fn split_number(
    raw: &str,
    base: usize,
    hint: bool,
    has_mult: bool,
) -> Result<Core<'_>, AmountError> {
    // Groups: (separator before, digits, byte offset of the separator in the whole text).
    let mut groups: Vec<(Option<Sep>, &str, usize)> = Vec::new();
    let mut pending: Option<(Sep, usize)> = None;
    let mut digits_start: Option<usize> = None;
    let mut prev_space = false;
    for (i, c) in raw.char_indices() {
        if c.is_ascii_digit() {
            if digits_start.is_none() {
                digits_start = Some(i);
            }
            prev_space = false;
            continue;
        }
        let sep = match c {
            '.' => Sep::Dot,
            ',' => Sep::Comma,
            c if c.is_whitespace() => Sep::Space,
            _ => return Err(AmountError::Invalid { at: base + i }),
        };
        match digits_start.take() {
            Some(ds) => {
                groups.push((
                    pending.map(|p| p.0),
                    raw.get(ds..i).unwrap_or(""),
                    pending.map_or(base, |p| p.1),
                ));
                pending = Some((sep, base + i));
            }
            // Several white-space characters in a row count as one separator.
            None if prev_space && sep == Sep::Space => {}
            None => return Err(AmountError::Invalid { at: base + i }),
        }
        prev_space = sep == Sep::Space;
    }
    if let Some(ds) = digits_start {
        groups.push((
            pending.map(|p| p.0),
            raw.get(ds..).unwrap_or(""),
            pending.map_or(base, |p| p.1),
        ));
    }

    let count = |k: Sep| groups.iter().filter(|g| g.0 == Some(k)).count();
    let (dots, commas, spaces) = (count(Sep::Dot), count(Sep::Comma), count(Sep::Space));
    let Some(&(last_sep, last_digits, last_at)) = groups.last() else {
        return Err(AmountError::Invalid { at: base });
    };

    // Decide (grouping separator, whether the last group is decimals).
    let (grouping, decimal): (Option<Sep>, bool) = match (dots > 0, commas > 0) {
        (true, true) => {
            let (dec, grp) = match last_sep {
                Some(Sep::Dot) => (dots, Sep::Comma),
                Some(Sep::Comma) => (commas, Sep::Dot),
                _ => return Err(AmountError::Invalid { at: last_at }),
            };
            if dec != 1 || spaces > 0 {
                return Err(AmountError::Invalid { at: last_at });
            }
            (Some(grp), true)
        }
        (false, true) | (true, false) => {
            let (sep, n) = if commas > 0 {
                (Sep::Comma, commas)
            } else {
                (Sep::Dot, dots)
            };
            if n > 1 {
                if spaces > 0 {
                    return Err(AmountError::Invalid { at: last_at });
                }
                (Some(sep), false)
            } else if last_sep != Some(sep) {
                // «1,234 567»: the single dot/comma must be the last separator.
                return Err(AmountError::Invalid { at: last_at });
            } else if last_digits.len() == 3 {
                let dot_hint =
                    sep == Sep::Dot && spaces == 0 && !has_mult && (hint || last_digits == "000");
                if dot_hint {
                    (Some(Sep::Dot), false)
                } else if sep == Sep::Comma && spaces > 0 {
                    // «1 234,567»: space grouping makes the comma decimal, with 3 decimals.
                    return Err(AmountError::TooPrecise { at: last_at });
                } else {
                    return Err(AmountError::Ambiguous { at: last_at });
                }
            } else {
                (if spaces > 0 { Some(Sep::Space) } else { None }, true)
            }
        }
        (false, false) => (if spaces > 0 { Some(Sep::Space) } else { None }, false),
    };

    let (int_groups, frac) = if decimal {
        let n = groups.len().saturating_sub(1);
        (groups.get(..n).unwrap_or(&[]), Some((last_digits, last_at)))
    } else {
        (groups.as_slice(), None)
    };
    if int_groups.is_empty() {
        return Err(AmountError::Invalid { at: base });
    }
    if int_groups.len() > 1 {
        for (k, &(sep, d, at)) in int_groups.iter().enumerate() {
            let ok = if k == 0 {
                (1..=3).contains(&d.len()) && !d.starts_with('0')
            } else {
                sep == grouping && d.len() == 3
            };
            if !ok {
                return Err(AmountError::Invalid {
                    at: if k == 0 { base } else { at },
                });
            }
        }
    }
    if let Some((f, at)) = frac {
        if f.len() > 2 && !has_mult {
            return Err(AmountError::TooPrecise { at });
        }
    }
    Ok(Core {
        int: int_groups.iter().map(|g| g.1).collect(),
        frac,
    })
}

/// øre = (int.frac) × mult × 100, exactly; more precision than øre is an error.
fn to_ore(core: &Core<'_>, mult: i64) -> Result<i64, AmountError> {
    let int = core.int.trim_start_matches('0');
    let (frac, frac_at) = core.frac.unwrap_or(("", 0));
    let frac = frac.trim_end_matches('0');
    if int.len() > 20 || frac.len() > 20 {
        return Err(if int.len() > 20 {
            AmountError::TooLarge
        } else {
            AmountError::TooPrecise { at: frac_at }
        });
    }
    let digits: String = int.chars().chain(frac.chars()).collect();
    let n: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| AmountError::TooLarge)?
    };
    let scale = 10i128.pow(u32::try_from(frac.len()).unwrap_or(0));
    let num = n
        .checked_mul(i128::from(mult))
        .and_then(|v| v.checked_mul(100))
        .ok_or(AmountError::TooLarge)?;
    if num % scale != 0 {
        return Err(AmountError::TooPrecise { at: frac_at });
    }
    i64::try_from(num / scale).map_err(|_| AmountError::TooLarge)
}
