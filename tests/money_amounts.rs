//! Amounts in Norwegian writing: a table of real-world writings, valid and invalid.
//!
//! Writing conventions the table follows (see src/money/amount.rs for the decisions):
//! Språkrådet «Tall» (https://sprakradet.no/ — groups of three with space, comma decimals),
//! Språkrådet «Kronebeløp: rekkjefølgje, komma og strek»
//! (https://sprakradet.no/spraksporsmal-og-svar/kronebelop-rekkjefolgje-komma-og-strek/ —
//! «kr 500,–», «500 kr», NOK before the number), korrekturavdelingen.no «gruppering av tall»
//! (dot grouping in banking, «1,2 mill.»), glibc nb_NO LC_MONETARY (U+202F grouping).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::json;
use skjemavakt::money::{parse_detailed, Amount, AmountError, Currency, Period};

/// (text, expected øre).
const VALID: &[(&str, i64)] = &[
    // Plain and space grouping (Språkrådet «Tall»).
    ("125000", 12_500_000),
    ("125 000", 12_500_000),
    ("2500", 250_000),
    ("2 500", 250_000),
    ("4 500 800", 450_080_000),
    ("0", 0),
    ("0,50", 50),
    // NBSP, thin space, narrow NBSP, figure space; several spaces.
    ("125\u{a0}000", 12_500_000),
    ("125\u{2009}000", 12_500_000),
    ("125\u{202f}000", 12_500_000),
    ("1\u{2007}250\u{2007}000", 125_000_000),
    ("125  000", 12_500_000),
    // Dot grouping (banking; NTB).
    ("125.000", 12_500_000),
    ("1.250.000", 125_000_000),
    ("1.000", 100_000),
    ("125.000,-", 12_500_000),
    ("125.000,–", 12_500_000),
    ("kr 1.234", 123_400),
    ("1.234 kr", 123_400),
    ("1.234,-", 123_400),
    ("1.234,50", 123_450),
    ("1.250.000,50", 125_000_050),
    // Comma decimals, comma+dot English order (unambiguous).
    ("125 000,50", 12_500_050),
    ("125 000,5", 12_500_050),
    ("1,5", 150),
    ("1,234.50", 123_450),
    ("1,250,000", 125_000_000),
    ("1 234.50", 123_450),
    ("99.9", 9_990),
    // Whole-kroner endings (Språkrådet: the dash stands for 00 øre).
    ("125 000,-", 12_500_000),
    ("125 000,–", 12_500_000),
    ("125 000,—", 12_500_000),
    ("kr 500,–", 50_000),
    // Labels.
    ("kr 125 000,50", 12_500_050),
    ("Kr. 125 000", 12_500_000),
    ("kr.125000", 12_500_000),
    ("125 000 kr", 12_500_000),
    ("125 000 kr.", 12_500_000),
    ("125 000 kroner", 12_500_000),
    ("NOK 125000", 12_500_000),
    ("NOK 125 000,00", 12_500_000),
    ("125 000 NOK", 12_500_000),
    ("nkr 125 000", 12_500_000),
    ("125 000 norske kroner", 12_500_000),
    ("kr 125 000,- ", 12_500_000),
    // Sentence full stop.
    ("125 000.", 12_500_000),
    ("125 000 kroner.", 12_500_000),
    ("125 000 per måned.", 12_500_000),
    // Multipliers.
    ("125k", 12_500_000),
    ("125 k", 12_500_000),
    ("1,2 mill.", 120_000_000),
    ("1,2 mill", 120_000_000),
    ("1,5 millioner", 150_000_000),
    ("1,5 millioner kroner", 150_000_000),
    ("kr 1,2 mill.", 120_000_000),
    ("1,2 mill. kr", 120_000_000),
    ("2 MNOK", 200_000_000),
    ("2,5 MNOK", 250_000_000),
    ("1.5 mill.", 150_000_000),
    ("125 tusen", 12_500_000),
    ("1 million", 100_000_000),
    ("1,23456789 mill.", 123_456_789),
    ("0,5 mrd.", 50_000_000_000),
    // Signs (CLDR minus U+2212; en dash as typographic minus).
    ("-2 500", -250_000),
    ("\u{2212}2 500", -250_000),
    ("\u{2013}2 500", -250_000),
    ("-kr 1 500", -150_000),
    ("kr -1 500", -150_000),
    ("kr \u{2212}1 500,50", -150_050),
    ("+1 500", 150_000),
    ("-0", 0),
    // Approximation and per-month suffix: accepted (reported by parse_detailed).
    ("ca. 125 000", 12_500_000),
    ("ca 125 000", 12_500_000),
    ("cirka kr 40 000", 4_000_000),
    ("~ 40 000", 4_000_000),
    ("125 000 per måned", 12_500_000),
    ("125 000 pr. mnd", 12_500_000),
    ("125 000 pr mnd.", 12_500_000),
    ("125 000/mnd", 12_500_000),
    ("kr 125 000,- / mnd.", 12_500_000),
    ("125 000 kr i måneden", 12_500_000),
    ("125 000 kr månedlig", 12_500_000),
    ("125 000 per månad", 12_500_000),
    ("ca. kr 1,2 mill. per måned", 120_000_000),
];

#[test]
fn valid_writings_parse_to_expected_ore() {
    let mut failures = Vec::new();
    for &(text, ore) in VALID {
        match Amount::parse(text) {
            Ok(a) if a.ore() == ore => {}
            other => failures.push(format!("{text:?}: expected {ore}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Error kinds only (positions are tested separately).
#[derive(Debug, PartialEq)]
enum K {
    Empty,
    Ambiguous,
    Foreign(Currency),
    Invalid,
    TooPrecise,
    TooLarge,
    Period(Period),
}

fn kind(e: AmountError) -> K {
    match e {
        AmountError::Empty => K::Empty,
        AmountError::Ambiguous { .. } => K::Ambiguous,
        AmountError::ForeignCurrency { currency, .. } => K::Foreign(currency),
        AmountError::Invalid { .. } => K::Invalid,
        AmountError::TooPrecise { .. } => K::TooPrecise,
        AmountError::TooLarge => K::TooLarge,
        AmountError::Period { period, .. } => K::Period(period),
    }
}

#[test]
fn invalid_writings_give_the_right_error() {
    let table: &[(&str, K)] = &[
        ("", K::Empty),
        ("   ", K::Empty),
        ("\u{a0}", K::Empty),
        ("kr", K::Empty),
        ("kr ,-", K::Invalid),
        // Ambiguous: one separator + three digits, no hint.
        ("1.234", K::Ambiguous),
        ("1,234", K::Ambiguous),
        ("NOK 1.234", K::Ambiguous),
        ("125,000", K::Ambiguous),
        ("1,250 mill.", K::Ambiguous),
        ("1.250 mill.", K::Ambiguous),
        ("1,234k", K::Ambiguous),
        ("1 234.567", K::Ambiguous),
        ("kr 1,234", K::Ambiguous),
        // Foreign currencies.
        ("EUR 100", K::Foreign(Currency::Eur)),
        ("100 €", K::Foreign(Currency::Eur)),
        ("€100", K::Foreign(Currency::Eur)),
        ("100 euro", K::Foreign(Currency::Eur)),
        ("USD 1,000.00", K::Foreign(Currency::Usd)),
        ("$1000", K::Foreign(Currency::Usd)),
        ("US$ 1000", K::Foreign(Currency::Usd)),
        ("SEK 500", K::Foreign(Currency::Sek)),
        ("500 svenske kroner", K::Foreign(Currency::Sek)),
        ("DKK 500", K::Foreign(Currency::Dkk)),
        ("500 danske kr", K::Foreign(Currency::Dkk)),
        ("GBP 20", K::Foreign(Currency::Gbp)),
        ("£20", K::Foreign(Currency::Gbp)),
        ("CHF 20", K::Foreign(Currency::Chf)),
        ("ca. 1.234 euro pr år", K::Foreign(Currency::Eur)),
        // Letters, words, wrong grouping, several numbers.
        ("abc", K::Invalid),
        ("gratis", K::Invalid),
        ("12a", K::Invalid),
        ("125 000 + 5 000", K::Invalid),
        ("100 000–150 000", K::Invalid),
        ("100 000 - 150 000", K::Invalid),
        ("12 34", K::Invalid),
        ("1 2345", K::Invalid),
        ("1234 567", K::Invalid),
        ("0 500", K::Invalid),
        ("125'000", K::Invalid),
        ("125\u{2019}000", K::Invalid),
        ("1.234.56", K::Invalid),
        ("1.23.456", K::Invalid),
        ("1 234.567,50", K::Invalid),
        ("1.234,567,89", K::Invalid),
        ("125,50,-", K::Invalid),
        ("125 000,-,-", K::Invalid),
        ("125 000 -", K::Invalid),
        ("--125", K::Invalid),
        ("(1 500)", K::Invalid),
        ("125 000 per", K::Invalid),
        ("125 000 per kr", K::Invalid),
        ("mill. 125", K::Invalid),
        ("125 kr mill.", K::Invalid),
        ("125 000 ca.", K::Invalid),
        ("125 000 mnd", K::Invalid),
        ("٣٤٥", K::Invalid),
        ("１２３", K::Invalid),
        ("ca. ca. 125", K::Invalid),
        // More than two decimals.
        ("1,2345", K::TooPrecise),
        ("1 234,567", K::TooPrecise),
        ("1.2345", K::TooPrecise),
        ("1,0000000000000000000000001 mill.", K::TooPrecise),
        // Overflow.
        ("99999999999999999999", K::TooLarge),
        ("92 233 720 368 547 759", K::TooLarge),
        ("100 000 000 mrd.", K::TooLarge),
        // Other periods than a month.
        ("125 000 per år", K::Period(Period::Year)),
        ("125 000 pr. år", K::Period(Period::Year)),
        ("125 000 kr/år", K::Period(Period::Year)),
        ("1,5 mill. årlig", K::Period(Period::Year)),
        ("5 000 per uke", K::Period(Period::Week)),
        ("5 000 pr. veke", K::Period(Period::Week)),
        ("500 kr/dag", K::Period(Period::Day)),
        ("500 daglig", K::Period(Period::Day)),
    ];
    let mut failures = Vec::new();
    for (text, want) in table {
        match Amount::parse(text) {
            Err(e) if kind(e) == *want => {}
            other => failures.push(format!("{text:?}: expected {want:?}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn largest_and_smallest_amounts() {
    // i64::MAX øre = 92 233 720 368 547 758,07 kr.
    let max = Amount::parse("92 233 720 368 547 758,07").unwrap();
    assert_eq!(max.ore(), i64::MAX);
    assert_eq!(
        Amount::parse("92 233 720 368 547 758,08"),
        Err(AmountError::TooLarge)
    );
    assert_eq!(
        Amount::parse("-92 233 720 368 547 758,07").unwrap().ore(),
        -i64::MAX
    );
}

#[test]
fn errors_point_at_the_offending_byte() {
    // «kr 1.234»: the dot is ambiguous only without the kr hint; with NOK it is.
    assert_eq!(
        Amount::parse("NOK 1.234"),
        Err(AmountError::Ambiguous { at: 5 })
    );
    assert_eq!(
        Amount::parse("1,234"),
        Err(AmountError::Ambiguous { at: 1 })
    );
    assert_eq!(
        Amount::parse("125 000 EUR"),
        Err(AmountError::ForeignCurrency {
            at: 8,
            currency: Currency::Eur
        })
    );
    assert_eq!(Amount::parse("12 34"), Err(AmountError::Invalid { at: 2 }));
    assert_eq!(
        Amount::parse("kr 12 000 gratis"),
        Err(AmountError::Invalid { at: 10 })
    );
    assert_eq!(
        Amount::parse("125 000 per år"),
        Err(AmountError::Period {
            at: 12,
            period: Period::Year
        })
    );
    assert_eq!(
        Amount::parse("1 234,567"),
        Err(AmountError::TooPrecise { at: 5 })
    );
    // Multi-byte text before the error: the offset is a char boundary.
    let t = "kr\u{a0}12\u{a0}34";
    match Amount::parse(t) {
        Err(AmountError::Invalid { at }) => assert!(t.is_char_boundary(at) && at == 6),
        other => panic!("{other:?}"),
    }
}

#[test]
fn error_texts_never_contain_the_input() {
    let inputs = [
        "1.234",
        "EUR 98765",
        "Kari Nordmann",
        "fnr 26111593816",
        "12 34",
        "1,23456",
        "77777 per år",
    ];
    for t in inputs {
        let e = Amount::parse(t).unwrap_err();
        let shown = format!("{e} {e:?}");
        for word in t.split_whitespace() {
            if word.len() >= 3 && word != "per" && word != "EUR" {
                assert!(!shown.contains(word), "{shown:?} echoes {word:?}");
            }
        }
    }
}

#[test]
fn parse_detailed_reports_approximation_and_month() {
    let p = parse_detailed("ca. 40 000 kr pr. mnd").unwrap();
    assert!(p.approximate && p.per_month);
    let p = parse_detailed("≈40 000").unwrap();
    assert!(p.approximate && !p.per_month);
    let p = parse_detailed("40 000").unwrap();
    assert!(!p.approximate && !p.per_month);
}

#[test]
fn json_numbers_and_strings() {
    let cases = [
        (json!(125000), 12_500_000),
        (json!(125000.5), 12_500_050),
        (json!(125000.55), 12_500_055),
        (json!(-2500), -250_000),
        (json!(-0.01), -1),
        (json!(0.1), 10),
        (json!(1e5), 10_000_000),
        (json!(0), 0),
        (json!("kr 125 000,50"), 12_500_050),
        (json!("1,2 mill."), 120_000_000),
    ];
    for (v, ore) in cases {
        assert_eq!(Amount::from_json(&v).map(Amount::ore), Ok(ore), "{v}");
    }
    assert_eq!(Amount::from_json(&json!(null)), Err(AmountError::Empty));
    assert!(matches!(
        Amount::from_json(&json!(1.005)),
        Err(AmountError::TooPrecise { .. })
    ));
    // 0.1 + 0.2 from a JavaScript sum: more than two decimals, asked to round, not guessed.
    assert!(matches!(
        Amount::from_json(&json!(0.1 + 0.2)),
        Err(AmountError::TooPrecise { .. })
    ));
    assert!(matches!(
        Amount::from_json(&json!(1e-7)),
        Err(AmountError::TooPrecise { .. })
    ));
    assert_eq!(Amount::from_json(&json!(1e300)), Err(AmountError::TooLarge));
    assert_eq!(
        Amount::from_json(&json!(u64::MAX)),
        Err(AmountError::TooLarge)
    );
    assert_eq!(
        Amount::from_json(&json!(i64::MAX)),
        Err(AmountError::TooLarge)
    );
    for v in [json!(true), json!([1]), json!({"kr": 1})] {
        assert!(matches!(
            Amount::from_json(&v),
            Err(AmountError::Invalid { .. })
        ));
    }
    assert!(matches!(
        Amount::from_json(&json!("1.234")),
        Err(AmountError::Ambiguous { .. })
    ));
}

#[test]
fn display_accessors_and_format() {
    let a = Amount::from_ore(12_500_050);
    assert_eq!(a.to_string(), "kr 125 000,50");
    assert_eq!(a.kroner(), 125_000);
    assert_eq!(a.ore_part(), 50);
    assert_eq!(a.format(skjemavakt::Lang::En), "NOK 125,000.50");
    let n = Amount::from_ore(-150);
    assert_eq!(n.kroner(), -1);
    assert_eq!(n.ore_part(), 50);
    assert!(n.is_negative());
    assert_eq!("kr 1 500".parse::<Amount>(), Ok(Amount::from_ore(150_000)));
    assert_eq!(Amount::from_kroner(i64::MAX), None);
    assert_eq!(
        Amount::from_ore(i64::MAX).checked_add(Amount::from_ore(1)),
        None
    );
}

#[test]
fn overlong_text_is_invalid_not_slow() {
    let long = "1".repeat(10_000);
    assert!(matches!(
        Amount::parse(&long),
        Err(AmountError::Invalid { .. })
    ));
}
