//! [`Amount`]: a NOK amount in øre, parsed from Norwegian writing or a JSON number.//!
//! # Which writings are accepted, and why
//!
//! Sources for Norwegian writing of numbers and amounts:
//! - Språkrådet, «Tall» (sprakradet.no, Skriveregler og grammatikk): large numbers are grouped
//!   in threes with a space («4 500 800 kroner»); four-digit numbers may be written together
//!   («2500»); comma is the decimal sign.
//! - Språkrådet, «Kronebeløp: rekkjefølgje, komma og strek»: «kr 500», «500 kr», «kr 500,–»
//!   are all correct; the dash stands for 00 øre and is never written after an øre amount;
//!   `NOK` stands before the number; `nkr` where several currencies occur.
//! - Finn-Erik Vinje, *Skriveregler* (quoted by korrekturavdelingen.no, «gruppering av tall»):
//!   banks and insurers group with a dot («125.000»); the same page writes «1 200 000
//!   (=1,2 mill.)». NTB's style guide (ntbsprak.com, «Tall») also groups with dots.
//! - glibc/CLDR `nb_NO`: grouping with U+202F (narrow no-break space) or U+00A0, decimal
//!   comma, minus sign U+2212.
//!
//! Decisions:
//! - Grouping: any Unicode white space (space, NBSP, U+2009, U+202F, U+2007), or dots, or —
//!   when a decimal point or a second comma makes it unambiguous — commas. A grouped number
//!   has 1–3 digits, then groups of exactly 3.
//! - **Apostrophe grouping («125'000») is rejected** ([`AmountError::Invalid`]): no Norwegian
//!   source uses it (it is Swiss writing), so it is more likely a typing slip than a habit.
//! - **«1.234» and «1,234» are ambiguous** ([`AmountError::Ambiguous`]): one separator
//!   followed by exactly three digits may group thousands or mark three decimals. A *hint*
//!   decides a single dot as grouping: a `,-` ending, a Norwegian label (`kr`, `kroner`,
//!   `nkr`), or the group `000` («125.000»: nobody writes three decimal zeros for money).
//!   `NOK` is no hint (it is the international code). A comma is never decided by a hint.
//!   With a multiplier («1,250 mill.») the three digits stay ambiguous (thousand-fold error).
//! - A dot followed by one or two digits («1 234.50», «1.5 mill.») cannot group thousands, so
//!   it is read as a decimal point. Both a dot and a comma: the last one is the decimal sign
//!   («1.234,50», «1,234.50»).
//! - Endings `,-`, `,–`, `,—` mean whole kroner; after øre («125,50,-») they are invalid.
//! - Labels: `kr`, `kr.`, `kroner`, `krone`, `nkr`, `NOK`, `norske`, before or after.
//! - Multipliers after the number: `k`, `tusen`, `mill`, `mill.`, `million(er)`, `mnok`,
//!   `mrd`, `mrd.`, `milliard(er)`; decimals then allowed as long as the result is whole øre.
//! - Sign: leading `-`, `−` (U+2212) or `–` (U+2013, the typographic minus in Norwegian
//!   typesetting), before or after the label («-kr 1 500», «kr −1 500»); `+` allowed.
//! - Approximation: `ca.`, `ca`, `cirka`, `circa`, `omtrent`, `rundt`, `omkring`,
//!   `anslagsvis`, `~`, `≈` are accepted and reported ([`ParsedAmount::approximate`]) so the
//!   form can warn (`cost.amount.approximate`): Helse Bergen 1.2.2.5-16 §3.3 point 5 wants
//!   costs «beregnet på en tydelig måte».
//! - Period: a per-month suffix («per måned», «pr. mnd», «/mnd», «i måneden», «månedlig»,
//!   nynorsk «per månad», «månadleg») is allowed and ignored: the cost fields of the form are
//!   per month (Tilgangsordningen, «Kostnader»). Any other period («per år», «/uke»,
//!   «daglig») is [`AmountError::Period`]: converting it would be a guess about the basis.
//! - Another currency anywhere (EUR, €, USD, $, SEK, DKK, GBP, £, CHF, ISK, ¥, «euro»,
//!   «dollar», «svenske/danske/islandske kroner» …) is [`AmountError::ForeignCurrency`].
//!
//! The type, its errors and its writing are here; the parser in `parse.rs`.

mod parse;

pub use parse::{from_json_detailed, parse_detailed};

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::{format_nok, Lang};

/// Longest text accepted as an amount (bytes). Longer text is [`AmountError::Invalid`].
pub const MAX_AMOUNT_TEXT: usize = 200;

/// An amount of Norwegian kroner, held exactly in øre (1 krone = 100 øre). No floats.
///
/// ```
/// use skjemavakt::money::Amount;
/// let a = Amount::parse("kr 125 000,50").unwrap();
/// assert_eq!(a.ore(), 12_500_050);
/// assert_eq!(a.kroner(), 125_000);
/// assert_eq!(a.to_string(), "kr 125 000,50");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(i64);

impl Amount {
    /// Zero kroner.
    pub const ZERO: Amount = Amount(0);

    /// An amount from øre.
    pub const fn from_ore(ore: i64) -> Amount {
        Amount(ore)
    }

    /// An amount from whole kroner; `None` on overflow.
    pub fn from_kroner(kroner: i64) -> Option<Amount> {
        kroner.checked_mul(100).map(Amount)
    }

    /// The amount in øre.
    pub const fn ore(self) -> i64 {
        self.0
    }

    /// Whole kroner, truncated toward zero (`-1,50` gives `-1`).
    pub const fn kroner(self) -> i64 {
        self.0 / 100
    }

    /// The øre part, 0–99, without sign.
    pub const fn ore_part(self) -> i64 {
        (self.0 % 100).abs()
    }

    /// True below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Sum, `None` on overflow.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// Parses an amount in Norwegian writing. See the module docs for what is accepted.
    ///
    /// ```
    /// use skjemavakt::money::{Amount, AmountError};
    /// assert_eq!(Amount::parse("125.000,-").unwrap().kroner(), 125_000);
    /// assert_eq!(Amount::parse("1,5 millioner").unwrap().kroner(), 1_500_000);
    /// assert!(matches!(Amount::parse("1.234"), Err(AmountError::Ambiguous { .. })));
    /// assert!(matches!(Amount::parse("€ 100"), Err(AmountError::ForeignCurrency { .. })));
    /// ```
    pub fn parse(text: &str) -> Result<Amount, AmountError> {
        parse_detailed(text).map(|p| p.amount)
    }

    /// Reads a JSON value: a number (kroner, integer or at most two decimals) or a string in
    /// Norwegian writing. `null` is [`AmountError::Empty`]; other kinds are invalid.
    ///
    /// ```
    /// use serde_json::json;
    /// use skjemavakt::money::Amount;
    /// assert_eq!(Amount::from_json(&json!(125000.5)).unwrap().ore(), 12_500_050);
    /// assert_eq!(Amount::from_json(&json!("125 000,50")).unwrap().ore(), 12_500_050);
    /// assert!(Amount::from_json(&json!(1.005)).is_err());
    /// ```
    pub fn from_json(value: &serde_json::Value) -> Result<Amount, AmountError> {
        from_json_detailed(value).map(|p| p.amount)
    }

    /// The amount written in `lang`: `kr 125 000,50` (nb, nn) or `NOK 125,000.50` (en).
    pub fn format(self, lang: Lang) -> String {
        format_nok(self.0, lang)
    }
}

impl fmt::Display for Amount {
    /// Bokmål writing: `kr 125 000,50`, `kr 1 500` (whole kroner without decimals).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_nok(self.0, Lang::Nb))
    }
}

impl FromStr for Amount {
    type Err = AmountError;
    fn from_str(s: &str) -> Result<Amount, AmountError> {
        Amount::parse(s)
    }
}

/// A currency other than NOK that was found in an amount (its ISO code, for messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Currency {
    Eur,
    Usd,
    Sek,
    Dkk,
    Gbp,
    Chf,
    Isk,
    Jpy,
    /// A currency sign or word not otherwise listed.
    Other,
}

impl Currency {
    /// The ISO 4217 code (or `"?"`).
    pub fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Sek => "SEK",
            Currency::Dkk => "DKK",
            Currency::Gbp => "GBP",
            Currency::Chf => "CHF",
            Currency::Isk => "ISK",
            Currency::Jpy => "JPY",
            Currency::Other => "?",
        }
    }
}

/// Why a text is not an amount. Carries kinds and byte positions, never input text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum AmountError {
    /// Nothing but white space (or only a label such as `kr`), or JSON `null`.
    #[error("amount is empty")]
    Empty,
    /// One dot or comma followed by exactly three digits, with no hint whether it groups
    /// thousands or marks decimals. `at`: byte offset of the separator.
    #[error("amount is ambiguous at byte {at}: thousands separator or decimal sign?")]
    Ambiguous { at: usize },
    /// Another currency than NOK. `at`: byte offset of the currency sign or word.
    #[error("amount is in another currency ({}) at byte {at}", currency.code())]
    ForeignCurrency { at: usize, currency: Currency },
    /// Not an amount: a word, sign or grouping that is not understood. `at`: byte offset.
    #[error("amount is not understood at byte {at}")]
    Invalid { at: usize },
    /// More than two decimals (finer than øre). `at`: byte offset of the decimal sign.
    #[error("amount has more than two decimals at byte {at}")]
    TooPrecise { at: usize },
    /// Too large to hold in øre as a 64-bit integer.
    #[error("amount is too large")]
    TooLarge,
    /// Given per another period than a month (year, week, day). `at`: byte offset.
    #[error("amount is given per another period than a month at byte {at}")]
    Period { at: usize, period: Period },
}

impl AmountError {
    /// The byte offset in the text the error points at, when there is one.
    pub fn position(&self) -> Option<usize> {
        match *self {
            AmountError::Ambiguous { at }
            | AmountError::ForeignCurrency { at, .. }
            | AmountError::Invalid { at }
            | AmountError::TooPrecise { at }
            | AmountError::Period { at, .. } => Some(at),
            AmountError::Empty | AmountError::TooLarge => None,
        }
    }
}

/// A period an amount may be given per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

/// An amount with what was noticed while parsing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedAmount {
    /// The amount.
    pub amount: Amount,
    /// Written as an approximation («ca. 125 000»).
    pub approximate: bool,
    /// Written with a per-month suffix («/mnd»).
    pub per_month: bool,
}
