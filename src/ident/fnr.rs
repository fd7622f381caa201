//! Norwegian national identity numbers: fødselsnummer and its whole family.
//!
//! An 11-digit number `DDMMYY III K1 K2`: birth date, individual number, two modulus-11
//! check digits. This module recognises every kind in use:
//!
//! | kind | encoding | source |
//! |---|---|---|
//! | fødselsnummer | plain date | Skatteetaten, «Fødselsnummer» |
//! | D-number | day + 40 | Skatteetaten, «D-nummer» |
//! | H-number | month + 40 | KITH report 11/98 «Hjelpenummer for personer uten kjent fødselsnummer» |
//! | FH-number | first digit 8 or 9, no date | KITH / Norsk helsenett «felles hjelpenummer»; python-stdnum `no.fodselsnummer` |
//! | Tenor synthetic | month + 80 (also on D-numbers) | Skatteetaten, folkeregisteret-api-dokumentasjon «Test for konsumenter» |
//! | Dolly synthetic (NAV) | month + 40 (on D-numbers: day + 40 and month + 40) | navikt/testnorge docs; navikt/fnrvalidator |
//! | 2032 rule | K1 remainder 0, 1, 2 or 3 | Skatteetaten, «Nytt fødselsnummer fra 2032» |
//!
//! A plain month + 40 number is reported as [`NationalIdKind::HNumber`]: it is indistinguishable from
//! a NAV Dolly synthetic fødselsnummer. Only a number with *both* day + 40 and month + 40 is
//! known to be synthetic ([`Synthetic::Dolly`]), since real H-numbers never have day + 40.
//!
//! The birth century comes from the individual number (Skatteetaten's table, see
//! [`century`]). Numbers valid only under the 2032 rule carry no century (nor gender), so
//! their [`NationalId::birth_date`] is `None`; their day and month must still exist, and
//! 29 February is accepted only when the two-digit year is divisible by 4 (then some century
//! makes it a leap year — 2000 is one).
//!
//! **Caveat for 2032 and later:** Skatteetaten states that from 1 January 2032 the individual
//! number no longer encodes the century, also for numbers whose K1 remainder happens to be 0.
//! Such numbers are indistinguishable from classic ones; [`validate`] derives a (possibly
//! wrong) birth date for them and may report [`FnrError::UndeterminableCentury`]. Revisit
//! before 2032.
//!
//! `validate` never reads the clock (this module also runs in WebAssembly); use
//! [`validate_on`] to also refuse birth dates after a given day.
//!
//! ```
//! use skjemavakt::ident::fnr::{self, NationalIdKind, CheckRule, FnrError};
//! // python-stdnum tests/test_no_fodselsnummer.doctest
//! let id = fnr::validate("26.11.15-938 16").unwrap();
//! assert_eq!(id.kind(), NationalIdKind::Fodselsnummer);
//! assert_eq!(id.birth_date(), chrono::NaiveDate::from_ymd_opt(2015, 11, 26));
//! assert_eq!(id.masked(), "261115 *****");
//! assert_eq!(format!("{id}"), "261115 *****");
//! assert!(!format!("{id:?}").contains("93816"));
//! assert_eq!(fnr::validate("26111593817").unwrap_err(), FnrError::ChecksumK2);
//! // Skatteetaten, «Nytt fødselsnummer fra 2032»: person 2 born 30.10.1982.
//! assert_eq!(fnr::validate("30108299939").unwrap().check_rule(), CheckRule::From2032);
//! ```

use chrono::{Datelike, NaiveDate};
use std::fmt;

use super::{digits_to_string, parse_digits, weighted_sum, DigitsError, SEPARATORS};

/// Weights of the first check digit (Skatteetaten, «Nytt fødselsnummer fra 2032»,
/// «Oppbygging av fødselsnummer»).
const K1_WEIGHTS: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
/// Weights of the second check digit (same source).
const K2_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// Which kind of national identity number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NationalIdKind {
    /// Fødselsnummer (plain birth date).
    Fodselsnummer,
    /// D-number: day + 40.
    DNumber,
    /// H-number (hjelpenummer): month + 40. Also what a NAV Dolly synthetic fødselsnummer
    /// looks like; the two cannot be told apart.
    HNumber,
    /// FH-number (felles hjelpenummer): first digit 8 or 9, no birth date.
    FhNumber,
}

/// Marks test numbers from synthetic populations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Synthetic {
    /// Skatteetaten's Tenor / Test-Norge population: month + 80.
    Tenor,
    /// NAV's Dolly: month + 40 on a D-number (day + 40).
    Dolly,
}

/// Which check-digit rule the number satisfies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckRule {
    /// K1 remainder 0: valid before and after 2032.
    Classic,
    /// K1 remainder 1, 2 or 3: only valid under the rule for numbers issued from
    /// 1 January 2032. Century and gender are not derivable.
    From2032,
}

/// Why a string is not a valid national identity number. Carries no digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FnrError {
    /// Not 11 digits (after removing separators).
    #[error("a national identity number has 11 digits; found {found}")]
    Length {
        /// Number of digits found.
        found: usize,
    },
    /// A character that is neither a digit nor an accepted separator.
    #[error("the character at position {position} is not a digit")]
    Format {
        /// Position (in characters, from 0) in the compacted string.
        position: usize,
    },
    /// The first check digit (K1) is wrong under both the classic and the 2032 rule.
    #[error("the first check digit (K1) is wrong")]
    ChecksumK1,
    /// The second check digit (K2) is wrong.
    #[error("the second check digit (K2) is wrong")]
    ChecksumK2,
    /// The month (after removing the H/Dolly/Tenor offset) is not 1–12.
    #[error("the month is not a valid month")]
    InvalidMonth,
    /// The day (after removing the D-number offset) does not exist in that month.
    #[error("the day does not exist in that month")]
    InvalidDay,
    /// 29 February in a year that is not a leap year.
    #[error("29 February in a year that is not a leap year")]
    NotLeapYear,
    /// The individual number does not fit the year in any century.
    #[error("the birth century cannot be determined from the individual number")]
    UndeterminableCentury,
    /// The birth date is after the given day.
    #[error("the birth date is in the future")]
    FutureBirthDate,
}

/// A valid national identity number. `Debug` shows no digits at all; `Display` shows the
/// masked form (`261115 *****`; an FH-number is masked entirely).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct NationalId {
    digits: [u8; 11],
    kind: NationalIdKind,
    synthetic: Option<Synthetic>,
    check_rule: CheckRule,
    birth_date: Option<NaiveDate>,
}

impl NationalId {
    /// The kind of number.
    pub fn kind(&self) -> NationalIdKind {
        self.kind
    }

    /// `Some` for numbers from a synthetic test population.
    pub fn synthetic(&self) -> Option<Synthetic> {
        self.synthetic
    }

    /// Which check-digit rule the number satisfies.
    pub fn check_rule(&self) -> CheckRule {
        self.check_rule
    }

    /// The birth date, where derivable: `None` for FH-numbers and for numbers valid only
    /// under the 2032 rule.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.birth_date
    }

    /// Digit values (0–9), e.g. for hashing into a pseudonym.
    pub fn digits(&self) -> &[u8; 11] {
        &self.digits
    }

    /// The 11 digits as a string. Handle with care: this is the identifier itself.
    pub fn compact_string(&self) -> String {
        digits_to_string(&self.digits)
    }

    /// The masked form for user interfaces: `DDMMYY *****` (the six first digits as typed,
    /// so D/H offsets stay visible), or `****** *****` for an FH-number, whose first six
    /// digits are not a date.
    pub fn masked(&self) -> String {
        if self.kind == NationalIdKind::FhNumber {
            return "****** *****".to_string();
        }
        let head = self
            .digits
            .get(..6)
            .map(digits_to_string)
            .unwrap_or_default();
        format!("{head} *****")
    }

    /// The conventional presentation `DDMMYY NNNNN`. This is the identifier itself.
    pub fn formatted(&self) -> String {
        let head = self
            .digits
            .get(..6)
            .map(digits_to_string)
            .unwrap_or_default();
        let tail = self
            .digits
            .get(6..)
            .map(digits_to_string)
            .unwrap_or_default();
        format!("{head} {tail}")
    }
}

impl fmt::Debug for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NationalId")
            .field("value", &"*********** (masked)")
            .field("kind", &self.kind)
            .field("synthetic", &self.synthetic)
            .field("check_rule", &self.check_rule)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Removes white space (also NBSP), dots and dashes: `"26.11.15-938 16"` → `"26111593816"`.
/// Does not validate.
///
/// ```
/// assert_eq!(skjemavakt::ident::fnr::compact("261115\u{a0}93816"), "26111593816");
/// ```
pub fn compact(s: &str) -> String {
    super::compact_digits(s, SEPARATORS)
}

/// Validates a national identity number of any kind (see the module documentation), without
/// the future-birth-date check (no clock is read).
pub fn validate(s: &str) -> Result<NationalId, FnrError> {
    let digits = parse_digits::<11>(&compact(s)).map_err(|e| match e {
        DigitsError::Format { position } => FnrError::Format { position },
        DigitsError::Length { found } => FnrError::Length { found },
    })?;
    validate_digits(&digits)
}

/// Like [`validate`], and also refuses a birth date after `today`.
pub fn validate_on(s: &str, today: NaiveDate) -> Result<NationalId, FnrError> {
    let id = validate(s)?;
    check_not_future(id, today)
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The conventional presentation `DDMMYY NNNNN` of a validated number.
pub fn format(id: &NationalId) -> String {
    id.formatted()
}

/// Refuses a birth date after `today`.
///
/// Source: python-stdnum `no.fodselsnummer` («this person has not been born yet»); a birth
/// date can never lie in the future.
pub fn check_not_future(id: NationalId, today: NaiveDate) -> Result<NationalId, FnrError> {
    match id.birth_date {
        Some(d) if d > today => Err(FnrError::FutureBirthDate),
        _ => Ok(id),
    }
}

/// Which check rule K1 satisfies, if any.
///
/// Source: Skatteetaten, «Nytt fødselsnummer fra 2032», «Beregning k1»: classic
/// `k1 = 11 - (Σ mod 11)`; from 2032 `k1 = {11,12,13,14} - (Σ mod 11)`, i.e. the weighted
/// sum including K1 (weight 1) has remainder 0–3; k1 = 10 is never valid (a digit cannot
/// be 10, which this check enforces by construction).
fn k1_rule(d: &[u8; 11]) -> Option<CheckRule> {
    let k1 = d.get(9).copied().unwrap_or(0);
    let rest = (weighted_sum(d, &K1_WEIGHTS) + u32::from(k1)) % 11;
    match rest {
        0 => Some(CheckRule::Classic),
        1..=3 => Some(CheckRule::From2032),
        _ => None,
    }
}

/// K2 is unchanged by the 2032 rule: the weighted sum of the first ten digits plus K2 must
/// be divisible by 11.
///
/// Source: Skatteetaten, «Nytt fødselsnummer fra 2032», «Beregning k2».
fn k2_ok(d: &[u8; 11]) -> bool {
    let k2 = d.get(10).copied().unwrap_or(0);
    (weighted_sum(d, &K2_WEIGHTS) + u32::from(k2)) % 11 == 0
}

/// The birth century from the individual number and the two-digit year, or `None` where the
/// table has no entry.
///
/// Source: Skatteetaten, «Fødselsnummer» (individual-number series): 000–499 → 1900–1999;
/// 500–749 with year 54–99 → 1854–1899; 500–999 with year 00–39 → 2000–2039; 900–999 with
/// year 40–99 → 1940–1999.
///
/// ```
/// use skjemavakt::ident::fnr::century;
/// assert_eq!(century(938, 15), Some(2000));
/// assert_eq!(century(584, 99), Some(1800));
/// assert_eq!(century(540, 40), None);
/// ```
pub fn century(individual: u16, yy: u8) -> Option<i32> {
    match (individual, yy) {
        (0..=499, _) => Some(1900),
        (500..=749, 54..=99) => Some(1800),
        (500..=999, 0..=39) => Some(2000),
        (900..=999, 40..=99) => Some(1900),
        _ => None,
    }
}

/// Days in `month` (1–12), counting February as 29 when `leap`.
fn days_in_month(month: u8, leap: bool) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day and month of a date-bearing number with the kind offsets removed.
struct DayMonth {
    day: u8,
    month: u8,
    kind: NationalIdKind,
    synthetic: Option<Synthetic>,
}

/// Decodes day and month from the first four digits. `None` for FH-numbers (first digit 8
/// or 9). Checks month 1–12 and day 1..=31 only loosely (day ≤ 29 for February); the exact
/// calendar check comes after the century is known.
///
/// Sources: D-number day + 40 (Skatteetaten «D-nummer»); H-number month + 40 (KITH 11/98);
/// Tenor month + 80 (Skatteetaten «Test for konsumenter»); Dolly month + 40 (navikt).
fn day_month(d: &[u8; 11]) -> Result<Option<DayMonth>, FnrError> {
    let [d0, d1, d2, d3, ..] = *d;
    if d0 >= 8 {
        return Ok(None);
    }
    let d_number = d0 >= 4;
    let day = (d0 % 4) * 10 + d1;
    let (month_offset, synth_month) = match d2 {
        0 | 1 => (0u8, None),
        4 | 5 => (4, Some(Synthetic::Dolly)),
        8 | 9 => (8, Some(Synthetic::Tenor)),
        _ => return Err(FnrError::InvalidMonth),
    };
    let month = (d2 - month_offset) * 10 + d3;
    if !(1..=12).contains(&month) {
        return Err(FnrError::InvalidMonth);
    }
    if day < 1 || day > days_in_month(month, true) {
        return Err(FnrError::InvalidDay);
    }
    let (kind, synthetic) = match (d_number, synth_month) {
        (false, None) => (NationalIdKind::Fodselsnummer, None),
        (true, None) => (NationalIdKind::DNumber, None),
        (false, Some(Synthetic::Dolly)) => (NationalIdKind::HNumber, None),
        (true, Some(Synthetic::Dolly)) => (NationalIdKind::DNumber, Some(Synthetic::Dolly)),
        (false, Some(Synthetic::Tenor)) => (NationalIdKind::Fodselsnummer, Some(Synthetic::Tenor)),
        (true, Some(Synthetic::Tenor)) => (NationalIdKind::DNumber, Some(Synthetic::Tenor)),
    };
    Ok(Some(DayMonth {
        day,
        month,
        kind,
        synthetic,
    }))
}

/// Fast path for a text scanner: validates 11 digit values (each 0–9). Same rules as
/// [`validate`]. A value above 9 is reported as [`FnrError::Format`] at its position.
pub fn validate_digits(d: &[u8; 11]) -> Result<NationalId, FnrError> {
    if let Some(position) = d.iter().position(|&v| v > 9) {
        return Err(FnrError::Format { position });
    }
    let Some(check_rule) = k1_rule(d) else {
        return Err(FnrError::ChecksumK1);
    };
    if !k2_ok(d) {
        return Err(FnrError::ChecksumK2);
    }
    let Some(dm) = day_month(d)? else {
        // FH-numbers: no date; both check digits under the classic rule only (the 2032
        // rule is Skatteetaten's and applies to fødselsnummer and D-number series).
        if check_rule != CheckRule::Classic {
            return Err(FnrError::ChecksumK1);
        }
        return Ok(NationalId {
            digits: *d,
            kind: NationalIdKind::FhNumber,
            synthetic: None,
            check_rule,
            birth_date: None,
        });
    };
    let [_, _, _, _, y0, y1, i0, i1, i2, _, _] = *d;
    let yy = y0 * 10 + y1;
    let birth_date = match check_rule {
        CheckRule::From2032 => {
            // Year unknown: 29 February exists in some century only if yy % 4 == 0.
            if dm.month == 2 && dm.day == 29 && yy % 4 != 0 {
                return Err(FnrError::NotLeapYear);
            }
            None
        }
        CheckRule::Classic => {
            let individual = u16::from(i0) * 100 + u16::from(i1) * 10 + u16::from(i2);
            let Some(c) = century(individual, yy) else {
                return Err(FnrError::UndeterminableCentury);
            };
            let year = c + i32::from(yy);
            match NaiveDate::from_ymd_opt(year, u32::from(dm.month), u32::from(dm.day)) {
                Some(date) => Some(date),
                None if dm.month == 2 && dm.day == 29 => return Err(FnrError::NotLeapYear),
                None => return Err(FnrError::InvalidDay),
            }
        }
    };
    Ok(NationalId {
        digits: *d,
        kind: dm.kind,
        synthetic: dm.synthetic,
        check_rule,
        birth_date,
    })
}

/// True if the first six digit values form a valid day + month in *any* of the kinds'
/// encodings: plain, D-number (day + 40), H/Dolly (month + 40), Tenor (month + 80), or an
/// FH-number (first digit 8 or 9). 29 February is accepted (the year may be a leap year).
/// Used to report a mistyped number as a *possible* national identity number.
///
/// ```
/// use skjemavakt::ident::fnr::plausible_birth_prefix;
/// assert!(plausible_birth_prefix(&[2, 6, 1, 1, 1, 5]));
/// assert!(plausible_birth_prefix(&[5, 7, 9, 1, 2, 0])); // D-number + Tenor
/// assert!(!plausible_birth_prefix(&[3, 2, 1, 2, 7, 2])); // 32 December
/// ```
pub fn plausible_birth_prefix(d: &[u8; 6]) -> bool {
    if d.iter().any(|&v| v > 9) {
        return false;
    }
    let mut full = [0u8; 11];
    if let Some(head) = full.get_mut(..6) {
        head.copy_from_slice(d);
    }
    day_month(&full).is_ok()
}

/// The year of a birth date, for callers that only need the year (e.g. the form's birth
/// year field).
pub fn birth_year(id: &NationalId) -> Option<i32> {
    id.birth_date.map(|d| d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> [u8; 11] {
        parse_digits::<11>(s).unwrap()
    }

    #[test]
    fn century_table_edges() {
        // Skatteetaten's table, each edge.
        assert_eq!(century(0, 0), Some(1900));
        assert_eq!(century(499, 99), Some(1900));
        assert_eq!(century(500, 54), Some(1800));
        assert_eq!(century(749, 99), Some(1800));
        assert_eq!(century(500, 39), Some(2000));
        assert_eq!(century(999, 0), Some(2000));
        assert_eq!(century(900, 40), Some(1900));
        assert_eq!(century(750, 40), None);
        assert_eq!(century(899, 99), None);
        assert_eq!(century(500, 40), None);
        assert_eq!(century(749, 53), None);
    }

    #[test]
    fn digit_values_above_nine_are_format_errors() {
        let mut d = digits("26111593816");
        d[3] = 10;
        assert_eq!(validate_digits(&d), Err(FnrError::Format { position: 3 }));
        assert!(!plausible_birth_prefix(&[2, 6, 1, 1, 1, 10]));
    }
}
