//! Full dates of birth: any full date after a cue word («født», «f.», «fødselsdato»), an
//! age with the day it is reached («fyller 51 år 14. mars», «60-årsdagen 3. mai»: with
//! today's year that is the birth date), and the patient's own birth date (from part 1) in
//! any writing. A bare year is the birth year, which is allowed.

use super::{in_placeholder, Basis, FindingKind, Hit, PatientFacts};
use crate::lexicon::detector_words::{F_AGE_CUE, F_BIRTH, F_BIRTH_F};
use crate::privacy::tokens::{TokenClass, Tokens};
use chrono::NaiveDate;

const MONTHS: [&[&str]; 12] = [
    &["januar", "jan"],
    &["februar", "feb", "febr"],
    &["mars", "mar"],
    &["april", "apr"],
    &["mai"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["desember", "des"],
];

fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// Parses a date starting at token `i`: `14.03.1974`, `14/3-74`, `14.3.74`, `1974-03-14`,
/// `140374`, `14031974`, `14. mars 1974`. Returns (day, month, year-or-2-digit, last token).
fn parse_date_at(cx: &Tokens, i: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    if !cx.is_digits(i) {
        return None;
    }
    let num = |k: usize| cx.s(k).parse::<u32>().ok();
    let sep = |k: usize| matches!(cx.t(k), Some(TokenClass::Punct('.' | '/' | '-')));
    let len = cx.len(i);
    // yyyy-mm-dd
    if len == 4 && sep(i + 1) && cx.is_digits(i + 2) && sep(i + 3) && cx.is_digits(i + 4) {
        let (y, m, d) = (num(i)?, num(i + 2)?, num(i + 4)?);
        return Some((d, m, i32::try_from(y).ok(), i + 4));
    }
    if len <= 2 {
        let d = num(i)?;
        // dd.mm.yy(yy), dd/mm-yy
        if sep(i + 1)
            && cx.is_digits(i + 2)
            && cx.len(i + 2) <= 2
            && sep(i + 3)
            && cx.is_digits(i + 4)
        {
            let (m, y) = (num(i + 2)?, num(i + 4)?);
            let yl = cx.len(i + 4);
            if yl == 2 || yl == 4 {
                let year = if yl == 4 { i32::try_from(y).ok() } else { None };
                return Some((d, m, year, i + 4));
            }
        }
        // 14. mars 1974 / 14 mars 1974
        let mut k = i + 1;
        if cx.is(k, TokenClass::Punct('.')) {
            k += 1;
        }
        k = cx.skip_space(k);
        if let Some(m) = month_of(cx.low(k)) {
            let mut y = cx.skip_space(k + 1);
            if cx.is(y, TokenClass::Punct('.')) {
                y = cx.skip_space(y + 1);
            }
            if cx.is_digits(y) && matches!(cx.len(y), 2 | 4) {
                let year = if cx.len(y) == 4 {
                    num(y).and_then(|v| i32::try_from(v).ok())
                } else {
                    None
                };
                return Some((d, m, year, y));
            }
            return Some((d, m, None, k));
        }
    }
    if len == 6 || len == 8 {
        let s = cx.s(i);
        let p = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
        let (d, m) = (p(0..2)?, p(2..4)?);
        let year = if len == 8 {
            p(4..8).and_then(|v| i32::try_from(v).ok())
        } else {
            None
        };
        return Some((d, m, year, i));
    }
    None
}

fn valid_day_month(d: u32, m: u32, year: Option<i32>) -> bool {
    (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, d).is_some()
}

/// An age whose number is token `i`: «fyller 51 år», «runder 60», «blir 40 år» (a cue
/// word, a number of at most three digits, «år» or not), or «50-årsdag(en)». The age's
/// number token and the token after the age.
fn age_at(cx: &Tokens, i: usize) -> Option<(usize, usize)> {
    if !cx.is_digits(i) || cx.len(i) > 3 || i < 2 {
        return None;
    }
    // A space and a cue word before, or «-årsdag» after: most numbers have neither.
    let spaced = cx.is(i - 1, TokenClass::Space);
    if !spaced && !cx.is(i + 1, TokenClass::Punct('-')) {
        return None;
    }
    let cue = cx
        .prev_non_space(i)
        .filter(|&c| c + 1 < i && cx.has(c, F_AGE_CUE) && !in_placeholder(cx, c));
    if cue.is_some() {
        let a = i;
        let mut k = a + 1;
        let y = cx.skip_space(k);
        if matches!(cx.low(y), "år" | "aar" | "år." | "years") {
            k = y + 1;
        }
        return Some((a, k));
    }
    if cx.is_digits(i)
        && cx.len(i) <= 3
        && cx.is(i + 1, TokenClass::Punct('-'))
        && matches!(
            cx.low(i + 2),
            "årsdag" | "årsdagen" | "aarsdag" | "aarsdagen" | "årsdagen." | "års"
        )
    {
        let k = if cx.low(i + 2) == "års" {
            // «50-års dag»
            let d = cx.skip_space(i + 3);
            (matches!(cx.low(d), "dag" | "dagen")).then_some(d + 1)?
        } else {
            i + 3
        };
        return Some((i, k));
    }
    None
}

/// A date (day and month at least) at most a few words after an age ending before token
/// `k`: «den», «i», «på», «,», «:» and spaces may come between.
fn date_after_age(cx: &Tokens, mut k: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    for _ in 0..8 {
        let skip = matches!(
            cx.t(k),
            Some(TokenClass::Space | TokenClass::Punct(',' | ':' | '('))
        ) || matches!(cx.low(k), "den" | "d" | "på" | "paa" | "om" | "on" | "the");
        if !skip {
            break;
        }
        k += 1;
    }
    // «10.3.»: a day and a month with their dots (after an age the date is not a decimal).
    if cx.is_digits(k)
        && cx.len(k) <= 2
        && cx.is(k + 1, TokenClass::Punct('.'))
        && cx.is_digits(k + 2)
        && cx.len(k + 2) <= 2
        && cx.is(k + 3, TokenClass::Punct('.'))
        && !cx.is_digits(k + 4)
    {
        let n = |j: usize| cx.s(j).parse::<u32>().ok();
        return Some((n(k)?, n(k + 2)?, None, k + 3));
    }
    parse_date_at(cx, k)
}

fn is_birth_cue(cx: &Tokens, i: usize) -> bool {
    let f = cx.flags(i);
    if f & F_BIRTH != 0 {
        return !in_placeholder(cx, i);
    }
    // «f. 14.03.1974», «f.dato»: a lone f followed by a dot.
    f & F_BIRTH_F != 0
        && cx.is(i + 1, TokenClass::Punct('.'))
        && !i.checked_sub(1).is_some_and(|p| cx.is_word(p))
}

pub(super) fn birth_dates(
    cx: &Tokens,
    cands: &[usize],
    patient: &PatientFacts,
    hits: &mut Vec<Hit>,
) {
    let n = cx.toks.len();
    for &i in cands {
        // «fyller 51 år 14. mars», «50-årsdagen 3. mai».
        if let Some((age, k)) = age_at(cx, i) {
            if let Some((d, m, y, last)) = date_after_age(cx, k) {
                if valid_day_month(d, m, y) {
                    hits.push(Hit {
                        start: cx.start(age),
                        end: cx.end(last),
                        kind: FindingKind::BirthDate,
                        confidence: 0.85,
                        basis: Basis::Cue,
                    });
                }
            }
        }
        // With a cue word: any full date in the next few tokens.
        if is_birth_cue(cx, i) {
            let mut k = i + 1;
            let mut steps = 0;
            while k < n && steps < 8 {
                let skip = matches!(
                    cx.t(k),
                    Some(TokenClass::Space | TokenClass::Punct('.' | ':' | ',' | '(' | '/'))
                ) || matches!(
                    cx.low(k),
                    "den" | "d" | "er" | "var" | "dato" | "i" | "on" | "date" | "of" | "alder"
                );
                if !skip {
                    break;
                }
                k += 1;
                steps += 1;
            }
            if let Some((d, m, y, last)) = parse_date_at(cx, k) {
                // A bare year («født 1974», «født i 1974») is the birth year: allowed.
                if valid_day_month(d, m, y) {
                    hits.push(Hit {
                        start: cx.start(k),
                        end: cx.end(last),
                        kind: FindingKind::BirthDate,
                        confidence: 0.95,
                        basis: Basis::Cue,
                    });
                }
            }
        }
        // The patient's own birth date in any writing.
        if let Some(bd) = patient.birth_date {
            use chrono::Datelike;
            // What `parse_date_at` would take from this token must fit the date before it
            // is parsed: the year (yyyy-mm-dd), the day (d, dd) or the day's two digits
            // (ddmmyy, ddmmyyyy). Most numbers of a text are none of these.
            let s = cx.s(i);
            let fits = match s.len() {
                1 | 2 => s.parse::<u32>().is_ok_and(|d| d == bd.day()),
                4 => s.parse::<i32>().is_ok_and(|y| y == bd.year()),
                6 | 8 => s.get(..2).and_then(|d| d.parse::<u32>().ok()) == Some(bd.day()),
                _ => false,
            };
            if !fits {
                continue;
            }
            if let Some((d, m, y, last)) = parse_date_at(cx, i) {
                let year_matches = match y {
                    Some(y) => y == bd.year(),
                    None => {
                        // two-digit year
                        let yy = cx.s(last).parse::<i32>().ok();
                        yy.is_none_or(|yy| yy == bd.year() % 100) || cx.len(last) != 2
                    }
                };
                if d == bd.day()
                    && m == bd.month()
                    && year_matches
                    && (y.is_some() || cx.len(last) == 2 || cx.len(i) == 6)
                {
                    hits.push(Hit {
                        start: cx.start(i),
                        end: cx.end(last),
                        kind: FindingKind::BirthDate,
                        confidence: 0.9,
                        basis: Basis::Patient,
                    });
                }
            }
        }
    }
}
