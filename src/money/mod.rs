//! NOK amounts and treatment durations in Norwegian writing, and the cost summary.
//!
//! The application's costs (nye-metoder-tilgangsordningen.txt, «Kostnader») are per month:
//! the drug cost (agreement price, or maximum price for substances not introduced), other
//! costs (diagnostics, administration, follow-up …), and extra resources or potential
//! savings. Helse Bergen 1.2.2.5-16 §3.3 point 5 wants them «beregnet på en tydelig måte, og
//! med korrekt prisgrunnlag». So this module reads amounts exactly (øre, no floats), refuses
//! to guess («1.234»? another currency?), and computes the monthly total and the total over
//! the expected duration.
//!
//! - [`Amount`], [`AmountError`], [`parse_detailed`] — amounts ([`amount`] module docs list
//!   every accepted writing and each decision with its source).
//! - [`Duration`], [`DurationUnparsed`] — «6 måneder», «12 uker», «ett år», «3–6 mnd».
//! - [`summarise`] → [`CostTotals`].
//!
//! The rules on the application's cost fields (`cost.amount.*`, `cost.duration.*`) are with
//! those fields, in [`crate::forms::sections::costs`].
//!
//! ```
//! use skjemavakt::money::{summarise, Amount, Duration};
//! let drug = Amount::parse("kr 125 000,-").unwrap();
//! let other = Amount::parse("15 000 pr. mnd").unwrap();
//! let savings = Amount::parse("−2 500").unwrap();
//! let d = Duration::parse("6 måneder").unwrap();
//! let s = summarise(drug, other, Some(savings), Some(&d));
//! assert_eq!(s.monthly_total.to_string(), "kr 137 500");
//! assert_eq!(s.total_over_duration.unwrap().kroner(), 825_000);
//! ```

pub mod amount;
pub mod duration;

pub use amount::{
    from_json_detailed, parse_detailed, Amount, AmountError, Currency, ParsedAmount, Period,
};
pub use duration::{Duration, DurationUnit, DurationUnparsed};

/// The three cost fields of the application (Tilgangsordningen, «Kostnader»).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CostField {
    /// «Legemiddelkostnader per måned» (agreement price or maximum price).
    Drug,
    /// «Andre kostnader per måned» (diagnostics, administration, follow-up …).
    Other,
    /// «Behov for ekstra ressurser eller potensielle innsparinger» — the only field that may
    /// be negative (a saving).
    ExtraOrSavings,
}

impl CostField {
    /// Whether the field may hold a negative amount (a saving).
    pub fn may_be_negative(self) -> bool {
        self == CostField::ExtraOrSavings
    }
}

/// The amounts read from the three cost fields, each `None` when missing or not readable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostAmounts {
    pub drug: Option<Amount>,
    pub other: Option<Amount>,
    pub extra: Option<Amount>,
}

impl CostAmounts {
    /// These amounts with `field`'s set to `amount`.
    pub fn with(mut self, field: CostField, amount: Amount) -> CostAmounts {
        match field {
            CostField::Drug => self.drug = Some(amount),
            CostField::Other => self.other = Some(amount),
            CostField::ExtraOrSavings => self.extra = Some(amount),
        }
        self
    }
}

/// The computed costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CostTotals {
    /// Drug + other + extra (or minus savings), per month. Saturates at the `i64` limits
    /// (far beyond the plausibility warning).
    pub monthly_total: Amount,
    /// `monthly_total` × the duration in months, rounded to the nearest øre; `None` without a
    /// duration or on overflow.
    pub total_over_duration: Option<Amount>,
    /// The duration used.
    pub duration: Option<Duration>,
}

/// Computes the monthly total and the total over the expected duration.
///
/// `extra` is the field «Behov for ekstra ressurser eller potensielle innsparinger»,
/// **taken as per month** like its two neighbours (the form gives no other period); a saving
/// is negative.
pub fn summarise(
    drug: Amount,
    other: Amount,
    extra: Option<Amount>,
    duration: Option<&Duration>,
) -> CostTotals {
    let sum = i128::from(drug.ore())
        + i128::from(other.ore())
        + i128::from(extra.unwrap_or(Amount::ZERO).ore());
    let clamped = sum.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
    let monthly_total = Amount::from_ore(i64::try_from(clamped).unwrap_or(i64::MAX));
    let exact = clamped == sum;
    CostTotals {
        monthly_total,
        total_over_duration: duration
            .filter(|_| exact)
            .and_then(|d| d.total(monthly_total)),
        duration: duration.copied(),
    }
}
