//! Property tests for the mod-11 identifiers and robustness of every module.
//!
//! Account numbers (weights 5,4,3,2,7,6,5,4,3,2 and 1 for the check digit) and
//! organisation numbers (3,2,7,6,5,4,3,2 and 1) have weights that are all non-zero mod 11,
//! so every single-digit change is rejected; adjacent weights differ by a non-zero amount
//! mod 11, so every transposition of two different adjacent digits is rejected.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use skjemavakt::ident::{
    account, atc, email, iban, icd10, npr, nye_metoder_id, orgnr, phone, postcode,
};

/// Appends the mod-11 check digit (computed here, independently); `None` for 10.
fn with_check(body: &[u8], weights: &[u32]) -> Option<Vec<u8>> {
    let s: u32 = body
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * w)
        .sum();
    let k = (11 - s % 11) % 11;
    if k > 9 {
        return None;
    }
    let mut v = body.to_vec();
    v.push(k as u8);
    Some(v)
}

fn s(d: &[u8]) -> String {
    d.iter().map(|v| char::from(b'0' + v)).collect()
}

fn account_number() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..10, 10).prop_filter_map("check 10", |b| {
        with_check(&b, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
    })
}

fn org_number() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..10, 8)
        .prop_filter_map("check 10", |b| with_check(&b, &[3, 2, 7, 6, 5, 4, 3, 2]))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn account_valid_and_changes_rejected(d in account_number(), pos in 0usize..11, delta in 1u8..10, t in 0usize..10) {
        let a = account::validate(&s(&d)).unwrap();
        prop_assert_eq!(account::validate(&account::format(&a)), Ok(a));
        // The IBAN built from it validates and carries it.
        let i = iban::from_account(a);
        prop_assert_eq!(iban::validate(&iban::format(&i)), Ok(i));
        let mut c = d.clone();
        c[pos] = (c[pos] + delta) % 10;
        prop_assert!(!account::is_valid(&s(&c)));
        let mut c = d.clone();
        if c[t] != c[t + 1] {
            c.swap(t, t + 1);
            prop_assert!(!account::is_valid(&s(&c)));
        }
    }

    #[test]
    fn orgnr_valid_and_changes_rejected(d in org_number(), pos in 0usize..9, delta in 1u8..10, t in 0usize..8) {
        let o = orgnr::validate(&s(&d)).unwrap();
        prop_assert_eq!(orgnr::validate(&orgnr::format(&o)), Ok(o));
        let mut c = d.clone();
        c[pos] = (c[pos] + delta) % 10;
        prop_assert!(!orgnr::is_valid(&s(&c)));
        let mut c = d.clone();
        if c[t] != c[t + 1] {
            c.swap(t, t + 1);
            prop_assert!(!orgnr::is_valid(&s(&c)));
        }
    }

    #[test]
    fn phone_roundtrip(first in 2u8..10, rest in proptest::collection::vec(0u8..10, 7)) {
        let mut d = vec![first];
        d.extend(rest);
        let n = phone::validate(&s(&d)).unwrap();
        prop_assert_eq!(phone::validate(&phone::format(&n)), Ok(n));
        prop_assert_eq!(phone::validate(&n.international()), Ok(n));
        prop_assert_eq!(phone::validate(&format!("0047{}", s(&d))), Ok(n));
        let shown = format!("{:?} {}", n, n);
        prop_assert!(!shown.contains(&s(&d)[..3]));
    }

    #[test]
    fn no_module_panics(x in "\\PC{0,80}") {
        let _ = phone::validate(&x);
        let _ = email::validate(&x);
        let _ = account::validate(&x);
        let _ = iban::validate(&x);
        let _ = orgnr::validate(&x);
        let _ = npr::validate(&x);
        let _ = postcode::validate(&x);
        let _ = nye_metoder_id::validate(&x, 2025);
        let _ = atc::validate(&x);
        let _ = icd10::validate(&x);
    }

    #[test]
    fn no_module_panics_on_near_misses(x in "[0-9A-Za-z .@+_-]{0,40}") {
        let _ = phone::validate(&x);
        let _ = email::validate(&x);
        let _ = iban::validate(&format!("NO{x}"));
        let _ = npr::validate(&x);
        let _ = nye_metoder_id::validate(&format!("ID{x}"), 2025);
        let _ = atc::validate(&x);
        let _ = icd10::validate(&x);
    }
}
