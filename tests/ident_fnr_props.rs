//! Property tests for `ident::fnr`.
//!
//! Guarantee tested (and why it holds): **every single-digit change and every transposition
//! of two different adjacent digits of a valid number is rejected** — not merely "rejected
//! or changes kind". K2's weights over all eleven digits are 5,4,3,2,7,6,5,4,3,2,1: all
//! non-zero mod 11, so changing one digit by δ ∈ ±1..±9 changes the K2 sum by w·δ ≢ 0; and
//! adjacent weights differ by 1 or −5, never 0 mod 11, so swapping distinct neighbours
//! changes it by (w_i − w_{i+1})(d_{i+1} − d_i) ≢ 0. This holds under the 2032 rule too,
//! which only widens K1.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use skjemavakt::ident::fnr::{self, CheckRule, NationalIdKind, Synthetic};

/// How a generated number encodes its date.
#[derive(Clone, Copy, Debug)]
enum Enc {
    Plain,
    D,
    H,
    DDolly,
    Tenor,
    DTenor,
    Fh,
}

const ENCODINGS: [Enc; 7] = [
    Enc::Plain,
    Enc::D,
    Enc::H,
    Enc::DDolly,
    Enc::Tenor,
    Enc::DTenor,
    Enc::Fh,
];

fn expected(enc: Enc) -> (NationalIdKind, Option<Synthetic>) {
    match enc {
        Enc::Plain => (NationalIdKind::Fodselsnummer, None),
        Enc::D => (NationalIdKind::DNumber, None),
        Enc::H => (NationalIdKind::HNumber, None),
        Enc::DDolly => (NationalIdKind::DNumber, Some(Synthetic::Dolly)),
        Enc::Tenor => (NationalIdKind::Fodselsnummer, Some(Synthetic::Tenor)),
        Enc::DTenor => (NationalIdKind::DNumber, Some(Synthetic::Tenor)),
        Enc::Fh => (NationalIdKind::FhNumber, None),
    }
}

/// Individual-number ranges that give `year` in Skatteetaten's table (written out here
/// independently of the library).
fn individual_ranges(year: i32) -> Vec<(u32, u32)> {
    match year {
        1854..=1899 => vec![(500, 749)],
        1900..=1939 => vec![(0, 499)],
        1940..=1999 => vec![(0, 499), (900, 999)],
        2000..=2039 => vec![(500, 999)],
        _ => vec![],
    }
}

/// A generated valid number: its digits, encoding, rule and birth date.
#[derive(Clone, Debug)]
struct Generated {
    digits: [u8; 11],
    enc: Enc,
    rule: CheckRule,
    born: Option<NaiveDate>,
}

/// Completes nine digits with check digits so that the K1 sum has remainder `rest`.
fn complete(nine: [u8; 9], rest: u32) -> Option<[u8; 11]> {
    let s1: u32 = nine
        .iter()
        .zip([3u32, 7, 6, 1, 8, 9, 4, 5, 2])
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let k1 = (11 + rest - s1 % 11) % 11;
    if k1 > 9 {
        return None;
    }
    let s2: u32 = nine
        .iter()
        .chain(std::iter::once(&(k1 as u8)))
        .zip([5u32, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let k2 = (11 - s2 % 11) % 11;
    if k2 > 9 {
        return None;
    }
    let mut out = [0u8; 11];
    out[..9].copy_from_slice(&nine);
    out[9] = k1 as u8;
    out[10] = k2 as u8;
    Some(out)
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        0usize..ENCODINGS.len(),
        1854i32..=2039,
        1u32..=12,
        0u32..31,
        any::<u32>(),
        0u32..4,
        any::<[u8; 8]>(),
    )
        .prop_filter_map(
            "check digit 10",
            |(e, year, month, day_sel, ind_sel, rest, fh_raw)| {
                let enc = ENCODINGS[e];
                if let Enc::Fh = enc {
                    let mut nine = [0u8; 9];
                    nine[0] = 8 + fh_raw[0] % 2;
                    for (slot, r) in nine[1..].iter_mut().zip(&fh_raw) {
                        *slot = r % 10;
                    }
                    return complete(nine, 0).map(|digits| Generated {
                        digits,
                        enc,
                        rule: CheckRule::Classic,
                        born: None,
                    });
                }
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)?
                };
                let dim = (next - first).num_days() as u32;
                let born = NaiveDate::from_ymd_opt(year, month, 1 + day_sel % dim)?;
                let ranges = individual_ranges(year);
                let (lo, hi) = ranges[(ind_sel as usize) % ranges.len()];
                let individual = lo + (ind_sel / 2) % (hi - lo + 1);
                let (day_add, month_add) = match enc {
                    Enc::Plain => (0, 0),
                    Enc::D => (40, 0),
                    Enc::H => (0, 40),
                    Enc::DDolly => (40, 40),
                    Enc::Tenor => (0, 80),
                    Enc::DTenor => (40, 80),
                    Enc::Fh => unreachable!(),
                };
                let dd = born.day() + day_add;
                let mm = born.month() + month_add;
                let yy = (born.year() % 100) as u32;
                let nine = [
                    (dd / 10) as u8,
                    (dd % 10) as u8,
                    (mm / 10) as u8,
                    (mm % 10) as u8,
                    (yy / 10) as u8,
                    (yy % 10) as u8,
                    (individual / 100) as u8,
                    (individual / 10 % 10) as u8,
                    (individual % 10) as u8,
                ];
                let digits = complete(nine, rest)?;
                let (rule, born) = if rest == 0 {
                    (CheckRule::Classic, Some(born))
                } else {
                    (CheckRule::From2032, None)
                };
                Some(Generated {
                    digits,
                    enc,
                    rule,
                    born,
                })
            },
        )
}

fn to_string(d: &[u8; 11]) -> String {
    d.iter().map(|v| char::from(b'0' + v)).collect()
}

/// The separator styles people use.
fn styles(s: &str) -> Vec<String> {
    let (a, b) = s.split_at(6);
    let (dd, rest) = a.split_at(2);
    let (mm, yy) = rest.split_at(2);
    let (iii, kk) = b.split_at(3);
    vec![
        s.to_string(),
        format!("{a} {b}"),
        format!("{a}-{b}"),
        format!("{a}\u{a0}{b}"),
        format!("{dd}.{mm}.{yy}-{iii} {kk}"),
        format!("{dd} {mm} {yy} {iii} {kk}"),
        format!("{dd}-{mm}-{yy}-{b}"),
        format!("  {a}\u{202f}{b}\t"),
        format!("{dd}\u{2011}{mm}\u{2011}{yy} {b}"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_generated_number_validates_in_every_style(g in generated()) {
        let s = to_string(&g.digits);
        let (kind, synthetic) = expected(g.enc);
        for styled in styles(&s) {
            let id = fnr::validate(&styled);
            prop_assert!(id.is_ok(), "{:?} {:?} {:?}", g.enc, g.rule, id);
            let id = id.unwrap();
            prop_assert_eq!(id.kind(), kind);
            prop_assert_eq!(id.synthetic(), synthetic);
            prop_assert_eq!(id.check_rule(), g.rule);
            prop_assert_eq!(id.birth_date(), g.born);
            prop_assert_eq!(id.digits(), &g.digits);
        }
        let prefix: [u8; 6] = g.digits[..6].try_into().unwrap();
        prop_assert!(fnr::plausible_birth_prefix(&prefix));
        prop_assert!(fnr::validate_digits(&g.digits).is_ok());
    }

    #[test]
    fn every_single_digit_change_is_rejected(g in generated(), pos in 0usize..11, delta in 1u8..10) {
        let mut d = g.digits;
        d[pos] = (d[pos] + delta) % 10;
        prop_assert!(fnr::validate_digits(&d).is_err());
        prop_assert!(!fnr::is_valid(&to_string(&d)));
    }

    #[test]
    fn every_adjacent_transposition_is_rejected(g in generated(), pos in 0usize..10) {
        let mut d = g.digits;
        prop_assume!(d[pos] != d[pos + 1]);
        d.swap(pos, pos + 1);
        prop_assert!(fnr::validate_digits(&d).is_err());
    }

    #[test]
    fn debug_and_errors_never_show_the_number(g in generated(), noise in "[0-9]{11}") {
        let s = to_string(&g.digits);
        let id = fnr::validate(&s).unwrap();
        let dbg = format!("{id:?}");
        prop_assert!(!dbg.contains(&s));
        prop_assert!(!dbg.contains(&s[6..]));
        prop_assert!(!dbg.contains(&s[..6]));
        // Display shows at most the birth-date part (six digits) and masks the rest. (Checking
        // that the last five digits do not occur would fail by chance when they also occur
        // inside the first six.)
        let shown = id.to_string();
        prop_assert!(shown.ends_with("*****"), "{}", shown);
        prop_assert!(shown.chars().filter(char::is_ascii_digit).count() <= 6);
        if let Err(e) = fnr::validate(&noise) {
            prop_assert!(!e.to_string().contains(&noise));
            let dbg_e = format!("{e:?}");
            prop_assert!(!dbg_e.contains(&noise));
            // No error mentions more than two consecutive digits (positions/lengths only).
            let text = format!("{e} {e:?}");
            let longest = text
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            prop_assert!(longest <= 2, "{}", text);
        }
    }

    #[test]
    fn no_panic_on_arbitrary_input(s in "\\PC{0,40}") {
        let _ = fnr::validate(&s);
        let _ = fnr::validate_on(&s, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    }

    #[test]
    fn no_panic_on_arbitrary_digit_values(d in any::<[u8; 11]>(), p in any::<[u8; 6]>()) {
        let _ = fnr::validate_digits(&d);
        let _ = fnr::plausible_birth_prefix(&p);
    }
}
