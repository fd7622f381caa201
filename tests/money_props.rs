//! Property tests: every supported writing of any amount parses back to the same øre, and
//! nothing panics on arbitrary text.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use skjemavakt::money::{Amount, Duration};
use skjemavakt::Lang;

/// Groups `digits` in threes from the right with `sep`.
fn group(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// All the writings of an amount (kroner ≥ 0, øre 0–99) that must parse back to it.
fn writings(kroner: u64, ore: u64) -> Vec<String> {
    let d = kroner.to_string();
    let dec = |sep: char| {
        if ore == 0 {
            String::new()
        } else {
            format!("{sep}{ore:02}")
        }
    };
    let mut w = vec![
        format!("{d}{}", dec(',')),
        format!("{}{}", group(&d, " "), dec(',')),
        format!("{}{}", group(&d, "\u{a0}"), dec(',')),
        format!("{}{}", group(&d, "\u{2009}"), dec(',')),
        format!("{}{}", group(&d, "\u{202f}"), dec(',')),
        format!("kr {}{}", group(&d, " "), dec(',')),
        format!("kr. {}{}", group(&d, " "), dec(',')),
        format!("{}{} kr", group(&d, " "), dec(',')),
        format!("NOK {}{}", group(&d, " "), dec(',')),
        format!("{}{} kroner", group(&d, " "), dec(',')),
        format!("ca. {}{}", group(&d, " "), dec(',')),
        format!("{}{} per måned", group(&d, " "), dec(',')),
        format!("kr {}{} pr. mnd", group(&d, " "), dec(',')),
        format!("{}{}/mnd", group(&d, " "), dec(',')),
        format!("{}{}", group(&d, " "), dec('.')),
        format!("{d}{}", dec('.')),
    ];
    if ore == 0 {
        w.push(format!("{},-", group(&d, " ")));
        w.push(format!("kr {},–", group(&d, " ")));
        w.push(format!("{},-", group(&d, ".")));
        w.push(format!("{d},00"));
    } else {
        // Dot grouping with comma decimals, and the English order with both separators.
        w.push(format!("{},{ore:02}", group(&d, ".")));
        w.push(format!("{}.{ore:02}", group(&d, ",")));
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_style_parses_back(kroner in 0u64..1_000_000_000_000, ore in 0u64..100) {
        let want = i64::try_from(kroner * 100 + ore).unwrap();
        for text in writings(kroner, ore) {
            prop_assert_eq!(Amount::parse(&text).map(Amount::ore), Ok(want), "{:?}", text);
        }
    }

    #[test]
    fn negative_writings_parse_back(kroner in 0u64..1_000_000_000_000, ore in 0u64..100) {
        let want = -i64::try_from(kroner * 100 + ore).unwrap();
        let g = format!("{}{}", group(&kroner.to_string(), " "),
            if ore == 0 { String::new() } else { format!(",{ore:02}") });
        for text in [format!("-{g}"), format!("\u{2212}{g}"), format!("\u{2013}{g}"),
                     format!("-kr {g}"), format!("kr \u{2212}{g}")] {
            prop_assert_eq!(Amount::parse(&text).map(Amount::ore), Ok(want), "{:?}", text);
        }
    }

    #[test]
    fn display_parses_back(ore in any::<i64>()) {
        // `-i64::MIN` does not exist: skip it (no negation of it can be written).
        prop_assume!(ore != i64::MIN);
        let a = Amount::from_ore(ore);
        prop_assert_eq!(Amount::parse(&a.to_string()), Ok(a));
        prop_assert_eq!(Amount::parse(&a.format(Lang::Nn)), Ok(a));
    }

    #[test]
    fn json_numbers_parse_back(kroner in 0u64..1_000_000_000_000, ore in 0u64..100) {
        let want = i64::try_from(kroner * 100 + ore).unwrap();
        let v: serde_json::Value = serde_json::from_str(&format!("{kroner}.{ore:02}")).unwrap();
        prop_assert_eq!(Amount::from_json(&v).map(Amount::ore), Ok(want));
        let v: serde_json::Value = serde_json::from_str(&format!("-{kroner}.{ore:02}")).unwrap();
        prop_assert_eq!(Amount::from_json(&v).map(Amount::ore), Ok(-want));
    }

    #[test]
    fn month_durations_parse_back(n in 1u64..=1200) {
        let d = Duration::parse(&format!("{n} måneder")).unwrap();
        prop_assert_eq!(d.months_ratio(), (u128::from(n) * 100, 100));
    }

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = Amount::parse(&s);
        let _ = Duration::parse(&s);
        let _ = Amount::from_json(&serde_json::Value::String(s));
    }

    #[test]
    fn parse_never_panics_on_amount_like_text(
        s in "[0-9 .,\u{a0}\u{202f}'’\\-−–—+/kKrRNOoMmilærå~≈€$]{0,40}"
    ) {
        if let Err(e) = Amount::parse(&s) {
            // Positions are on character boundaries inside the text.
            if let Some(at) = e.position() {
                prop_assert!(at <= s.len() && s.is_char_boundary(at), "{:?} {:?}", s, e);
            }
        }
        let _ = Duration::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_duration_like_text(
        s in "[0-9 .,\\-–]{0,6}(måneder|mnd|uker|år|dager|sykluser à|til|ca\\.| ){0,4}[0-9 ]{0,4}(måneder|uker|år|dager)?"
    ) {
        if let Ok(d) = Duration::parse(&s) {
            let (n, den) = d.months_ratio();
            prop_assert!(den > 0 && n > 0 && n <= 1200 * den);
        }
    }
}
