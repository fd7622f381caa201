//! Durations, the cost summary and the cost diagnostics.
//!
//! Field and rule sources: nye-metoder-tilgangsordningen.txt («Forventet
//! behandlingsvarighet», «Kostnader»); helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3
//! point 5. Month conversion: 1 month = 365,25 / 12 days (see src/money/duration.rs).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use skjemavakt::diagnostic::{has_errors, Severity};
use skjemavakt::forms::sections::costs::{
    amount_error_diagnostic, amount_error_diagnostic_in, check_cost_field, check_plausible,
    check_sign, duration_unparsed_diagnostic, rule_for, summary_diagnostics,
};
use skjemavakt::money::{
    summarise, Amount, AmountError, CostField, Duration, DurationUnit, DurationUnparsed,
};
use skjemavakt::{Lang, Pointer};

/// (text, quantity in hundredths, unit, upper bound used, approximate).
const DURATIONS: &[(&str, u64, DurationUnit, bool, bool)] = &[
    ("6 måneder", 600, DurationUnit::Month, false, false),
    ("6 mnd", 600, DurationUnit::Month, false, false),
    ("6 mnd.", 600, DurationUnit::Month, false, false),
    ("18 md.", 1800, DurationUnit::Month, false, false),
    ("12 uker", 1200, DurationUnit::Week, false, false),
    ("1 år", 100, DurationUnit::Year, false, false),
    ("2 år", 200, DurationUnit::Year, false, false),
    ("ett år", 100, DurationUnit::Year, false, false),
    ("Ett år.", 100, DurationUnit::Year, false, false),
    ("seks måneder", 600, DurationUnit::Month, false, false),
    ("tolv veker", 1200, DurationUnit::Week, false, false),
    ("eitt år", 100, DurationUnit::Year, false, false),
    ("seks månader", 600, DurationUnit::Month, false, false),
    ("ca. 6 måneder", 600, DurationUnit::Month, false, true),
    ("om lag 6 månader", 600, DurationUnit::Month, false, true),
    ("~6 mnd", 600, DurationUnit::Month, false, true),
    ("3–6 måneder", 600, DurationUnit::Month, true, false),
    ("3-6 mnd", 600, DurationUnit::Month, true, false),
    ("3 - 6 måneder", 600, DurationUnit::Month, true, false),
    ("3 til 6 måneder", 600, DurationUnit::Month, true, false),
    ("fra 3 til 6 måneder", 600, DurationUnit::Month, true, false),
    ("inntil 12 mnd", 1200, DurationUnit::Month, true, false),
    ("maks 1 år", 100, DurationUnit::Year, true, false),
    ("1,5 år", 150, DurationUnit::Year, false, false),
    ("1.5 år", 150, DurationUnit::Year, false, false),
    ("et halvt år", 50, DurationUnit::Year, false, false),
    ("halvannet år", 150, DurationUnit::Year, false, false),
    ("ett og et halvt år", 150, DurationUnit::Year, false, false),
    ("90 dager", 9000, DurationUnit::Day, false, false),
    (
        "6 sykluser à 21 dager",
        12600,
        DurationUnit::Day,
        false,
        false,
    ),
    ("4 kurer a 3 uker", 1200, DurationUnit::Week, false, false),
    ("6 x 21 dager", 12600, DurationUnit::Day, false, false),
    (
        "forventet 6 måneders behandling",
        600,
        DurationUnit::Month,
        false,
        false,
    ),
    (
        "Planlagt varighet: 6 måneder",
        600,
        DurationUnit::Month,
        false,
        false,
    ),
];

#[test]
fn durations_parse() {
    let mut failures = Vec::new();
    for &(text, h, unit, upper, approx) in DURATIONS {
        match Duration::parse(text) {
            Ok(d)
                if d.quantity_hundredths() == h
                    && d.unit() == unit
                    && d.is_upper_bound() == upper
                    && d.is_approximate() == approx => {}
            other => failures.push(format!("{text:?}: got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unparsed_durations_say_why() {
    use DurationUnparsed::*;
    let table = [
        ("", Empty),
        ("  ", Empty),
        ("livslang", Lifelong),
        ("Livslang behandling", Lifelong),
        ("resten av livet", Lifelong),
        ("ubestemt", Indefinite),
        ("Ubestemt tid", Indefinite),
        ("ikke avklart", Indefinite),
        ("til progresjon", UntilEvent),
        ("Til progresjon eller uakseptable bivirkninger", UntilEvent),
        ("så lenge pasienten har effekt", UntilEvent),
        ("12 måneder eller til progresjon", UntilEvent),
        ("minst 6 måneder", OpenEnded),
        ("mer enn 1 år", OpenEnded),
        ("0 måneder", OutOfRange),
        ("200 år", OutOfRange),
        ("99999999999999999999 år", OutOfRange),
        // 184467440737095516 × 100 fits in u64; adding the ,9 does not.
        ("184467440737095516,9 år", OutOfRange),
        ("6", NotUnderstood),
        ("måneder", NotUnderstood),
        ("6 flasker", NotUnderstood),
        ("6–3 måneder", NotUnderstood),
        ("6 måneder, deretter ny vurdering", NotUnderstood),
        ("1,5 sykluser à 21 dager", NotUnderstood),
        ("1,234 år", NotUnderstood),
    ];
    for (text, why) in table {
        assert_eq!(Duration::parse(text), Err(why), "{text:?}");
    }
}

#[test]
fn month_conversion_is_exact() {
    // 1 år = 12 måneder.
    assert_eq!(Duration::parse("1 år").unwrap().months(), 12.0);
    // 12 weeks = 84 days; 84 / 30,4375 = 2,759753…
    let w = Duration::parse("12 uker").unwrap();
    assert_eq!(w.months_ratio(), (1200 * 336, 100 * 1461));
    assert!((w.months() - 84.0 / 30.4375).abs() < 1e-12);
    // 1461 days = 4 Julian years = 48 months, exactly.
    let d = Duration::new(146_100, DurationUnit::Day);
    let (n, den) = d.months_ratio();
    assert_eq!(n, 48 * den);
}

#[test]
fn total_rounds_half_away_from_zero() {
    // 1 øre per month × 1,5 months = 1,5 øre → 2 øre; −1 øre → −2 øre.
    let d = Duration::new(150, DurationUnit::Month);
    assert_eq!(d.total(Amount::from_ore(1)), Some(Amount::from_ore(2)));
    assert_eq!(d.total(Amount::from_ore(-1)), Some(Amount::from_ore(-2)));
    // Overflow gives None, not a wrong number.
    assert_eq!(
        Duration::new(1200, DurationUnit::Month).total(Amount::from_ore(i64::MAX)),
        None
    );
}

#[test]
fn summary_monthly_and_total() {
    let drug = Amount::parse("kr 125 000,-").unwrap();
    let other = Amount::parse("15 000").unwrap();
    let savings = Amount::parse("-2 500").unwrap();
    let six = Duration::parse("6 måneder").unwrap();
    let s = summarise(drug, other, Some(savings), Some(&six));
    assert_eq!(s.monthly_total.kroner(), 137_500);
    assert_eq!(s.total_over_duration.map(Amount::kroner), Some(825_000));
    let s = summarise(drug, other, None, None);
    assert_eq!(s.monthly_total.kroner(), 140_000);
    assert_eq!(s.total_over_duration, None);
    // 140 000 kr per month for 12 weeks: 140 000 × 84 / 30,4375 = 386 365,50 kr.
    let w = Duration::parse("12 uker").unwrap();
    let s = summarise(drug, other, None, Some(&w));
    assert_eq!(s.total_over_duration.map(Amount::ore), Some(38_636_550));
    // Saturation: the monthly total clamps and no total is computed.
    let big = Amount::from_ore(i64::MAX);
    let s = summarise(big, big, None, Some(&six));
    assert_eq!(s.monthly_total.ore(), i64::MAX);
    assert_eq!(s.total_over_duration, None);
}

#[test]
fn every_amount_error_has_its_rule_and_no_input_in_messages() {
    let errors = [
        ("", "cost.amount.empty"),
        ("1.234", "cost.amount.ambiguous"),
        ("EUR 4711", "cost.amount.currency"),
        ("Kari 4711", "cost.amount.invalid"),
        ("47,1111", "cost.amount.precision"),
        ("99999999999999999999", "cost.amount.overflow"),
        ("4711 per år", "cost.amount.period"),
    ];
    for (text, code) in errors {
        let e = Amount::parse(text).unwrap_err();
        let d = amount_error_diagnostic_in(&e, Pointer::from_static("/costs/drug"), text);
        assert_eq!(d.code(), code, "{text:?}");
        assert_eq!(d.severity, Severity::Error);
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let m = d.message(lang);
            let h = d.hint(lang).unwrap_or_default();
            assert!(!m.contains('{') && !h.contains('{'), "{m} {h}");
            assert!(!m.contains("4711") && !m.contains("Kari") && !h.contains("4711"));
        }
    }
    let e = Amount::parse("EUR 4711").unwrap_err();
    let d = amount_error_diagnostic(&e, Pointer::root());
    assert!(d.message(Lang::Nb).contains("(EUR)"));
    assert!(d.span.is_none());
}

#[test]
fn spans_have_utf16_offsets() {
    // NBSP is 2 bytes but 1 UTF-16 unit: the ambiguous dot is at byte 6, UTF-16 unit 5.
    let text = "NOK\u{a0}1.234";
    let e = Amount::parse(text).unwrap_err();
    assert_eq!(e, AmountError::Ambiguous { at: 6 });
    let d = amount_error_diagnostic_in(&e, Pointer::root(), text);
    let s = d.span.unwrap();
    assert_eq!((s.start, s.end, s.utf16_start, s.utf16_end), (6, 7, 5, 6));
}

#[test]
fn sign_plausibility_and_field_checks() {
    let p = || Pointer::from_static("/costs/x");
    let neg = Amount::from_ore(-100);
    assert_eq!(
        check_sign(neg, CostField::Drug, p()).map(|d| d.code()),
        Some("cost.amount.negative")
    );
    assert!(check_sign(neg, CostField::Other, p()).is_some());
    assert!(check_sign(neg, CostField::ExtraOrSavings, p()).is_none());
    assert!(check_sign(Amount::from_ore(100), CostField::Drug, p()).is_none());

    let limit = Amount::from_kroner(10_000_000).unwrap();
    assert!(check_plausible(limit, p()).is_none());
    let over = Amount::from_ore(limit.ore() + 1);
    let d = check_plausible(over, p()).unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message(Lang::Nb),
        "Beløpet er over kr 10 000 000 per måned, som er uvanlig høyt."
    );

    let (a, ds) = check_cost_field(&json!("12 mill."), CostField::Drug, p());
    assert_eq!(a.map(Amount::kroner), Some(12_000_000));
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code(), "cost.amount.implausible");
    assert!(!has_errors(&ds));

    let (a, ds) = check_cost_field(&json!("1.234"), CostField::Drug, p());
    assert!(a.is_none() && has_errors(&ds) && ds[0].span.is_some());
    let (a, ds) = check_cost_field(&json!(1.234), CostField::Drug, p());
    assert!(a.is_none() && ds[0].code() == "cost.amount.precision" && ds[0].span.is_none());
    let (a, ds) = check_cost_field(&json!("-5 000"), CostField::ExtraOrSavings, p());
    assert_eq!(a.map(Amount::kroner), Some(-5_000));
    assert!(ds.is_empty());
    let (_, ds) = check_cost_field(&json!("ca. -5 000"), CostField::Drug, p());
    let codes: Vec<_> = ds.iter().map(|d| d.code()).collect();
    assert_eq!(codes, ["cost.amount.negative", "cost.amount.approximate"]);
}

#[test]
fn duration_diagnostics() {
    let d = duration_unparsed_diagnostic(DurationUnparsed::Lifelong, Pointer::root());
    assert_eq!(d.code(), "cost.duration.unparsed");
    assert_eq!(d.severity, Severity::Info);
    let range = Duration::parse("3–6 måneder").unwrap();
    let s = summarise(Amount::from_ore(100), Amount::ZERO, None, Some(&range));
    let ds = summary_diagnostics(&s, Pointer::root(), Pointer::from_static("/duration"));
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code(), "cost.duration.range");
    assert_eq!(ds[0].path.as_str(), "/duration");
    let plain = Duration::parse("6 måneder").unwrap();
    let s = summarise(Amount::from_ore(100), Amount::ZERO, None, Some(&plain));
    assert!(summary_diagnostics(&s, Pointer::root(), Pointer::root()).is_empty());
}

#[test]
fn rule_catalogue_is_complete_and_unique() {
    let rules = skjemavakt::catalogue::MODULES
        .iter()
        .find(|m| m.path.get() == "forms::sections::costs")
        .unwrap()
        .rules;
    let mut codes: Vec<_> = rules.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate codes");
    for r in rules {
        assert!(r.code.starts_with("cost."));
        assert!(!r.source.section.is_empty());
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            assert!(!r.message.get(lang).is_empty());
        }
    }
    // Every error kind maps into the catalogue.
    for e in [
        AmountError::Empty,
        AmountError::TooLarge,
        AmountError::Invalid { at: 0 },
    ] {
        assert!(rules.iter().any(|r| *r == rule_for(&e)));
    }
}
