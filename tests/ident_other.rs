//! Tests for the identifier modules other than `fnr`. Public vectors are cited; the rest
//! test this crate's documented rules.
#![cfg(not(target_arch = "wasm32"))]

use skjemavakt::ident::{
    account, atc, email, fnr, iban, icd10, npr, nye_metoder_id, orgnr, phone, postcode,
};

// --- orgnr: python-stdnum stdnum/no/orgnr.py doctest
// https://github.com/arthurdejong/python-stdnum/blob/master/stdnum/no/orgnr.py
#[test]
fn orgnr_stdnum_vectors() {
    let o = orgnr::validate("988 077 917").unwrap();
    assert_eq!(orgnr::format(&o), "988 077 917");
    assert_eq!(o.compact_string(), "988077917");
    assert_eq!(
        orgnr::validate("988 077 918"),
        Err(orgnr::OrgnrError::Checksum)
    );
    assert_eq!(
        orgnr::validate("98807791"),
        Err(orgnr::OrgnrError::Length { found: 8 })
    );
    assert_eq!(
        orgnr::validate("98807791x"),
        Err(orgnr::OrgnrError::Format { position: 8 })
    );
    assert!(!format!("{o:?}").contains("988"));
    // An organisation number is not a national identity number.
    assert!(!fnr::is_valid("988077917"));
}

// --- account: python-stdnum stdnum/no/kontonr.py doctest
// https://github.com/arthurdejong/python-stdnum/blob/master/stdnum/no/kontonr.py
#[test]
fn account_stdnum_vectors() {
    let a = account::validate("8601 11 17947").unwrap();
    assert_eq!(account::format(&a), "8601.11.17947");
    assert_eq!(
        account::validate("8601 11 17949"),
        Err(account::AccountError::Checksum)
    );
    assert!(account::is_valid("8601.11.17947"));
    assert!(account::is_valid("8601-11-17947"));
    // python-stdnum: to_iban('8601 11 17947') == 'NO93 8601 11 17947'
    assert_eq!(iban::from_account(a).compact_string(), "NO9386011117947");
    // python-stdnum: validate('0000.4090403') is valid (a postgiro number, checked there
    // with Luhn after removing 0000). As 11 digits it also satisfies mod 11, so it is valid
    // here too; bare 7-digit postgiro numbers are not accepted by this module.
    assert!(account::is_valid("0000.4090403"));
    assert_eq!(
        account::validate("4090403"),
        Err(account::AccountError::Length { found: 7 })
    );
    let dbg = format!("{a:?} {a}");
    assert!(!dbg.contains("17947") && !dbg.contains("8601"), "{dbg}");
}

// --- IBAN: SWIFT IBAN Registry, Norway example NO9386011117947 (the same number as
// python-stdnum's kontonr to_iban doctest).
#[test]
fn iban_registry_example() {
    let i = iban::validate("NO9386011117947").unwrap();
    assert_eq!(iban::format(&i), "NO93 8601 1117 947");
    assert_eq!(i.account().compact_string(), "86011117947");
    assert!(iban::is_valid("no93 8601 1117 947"));
    assert_eq!(
        iban::validate("NO9386011117948"),
        Err(iban::IbanError::Checksum)
    );
    assert_eq!(
        iban::validate("NO938601111794"),
        Err(iban::IbanError::Length { found: 14 })
    );
    assert_eq!(
        iban::validate("DE89370400440532013000"),
        Err(iban::IbanError::NotNorwegian)
    );
    assert_eq!(
        iban::validate("NO93860111179X7"),
        Err(iban::IbanError::Format { position: 13 })
    );
    // An IBAN whose MOD 97 is right but whose account check digit is wrong: compute the
    // IBAN check digits for 86011117949 (bad kontonr check digit) independently.
    let bban = "86011117949";
    let rearranged = format!("{bban}232400");
    let r = rearranged
        .bytes()
        .fold(0u32, |acc, b| (acc * 10 + u32::from(b - b'0')) % 97);
    let s = format!("NO{:02}{bban}", 98 - r);
    assert_eq!(iban::validate(&s), Err(iban::IbanError::AccountChecksum));
    assert!(!format!("{i:?}").contains("8601"));
}

// --- phone: Nkom number plan (8 digits; 4/9 mobile; 2,3,5,6,7 landline; 8 service).
#[test]
fn phone_number_plan() {
    use phone::{PhoneError, PhoneKind};
    for (s, kind, formatted) in [
        ("+47 912 34 567", PhoneKind::Mobile, "912 34 567"),
        ("91 23 45 67", PhoneKind::Mobile, "912 34 567"),
        ("912 34 567", PhoneKind::Mobile, "912 34 567"),
        ("0047 41234567", PhoneKind::Mobile, "412 34 567"),
        ("4741234567", PhoneKind::Mobile, "412 34 567"),
        ("22 12 34 56", PhoneKind::Landline, "22 12 34 56"),
        ("+47 (55) 97 50 00", PhoneKind::Landline, "55 97 50 00"),
        ("800 12 345", PhoneKind::Service, "800 12 345"),
    ] {
        let n = phone::validate(s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(n.kind(), kind, "{s}");
        assert_eq!(phone::format(&n), formatted);
        assert!(!format!("{n:?} {n}").contains(&formatted[..3]));
    }
    // "47 12 34 56" is 8 digits: the 47 is part of the number, not a country code.
    assert_eq!(phone::compact("47 12 34 56"), "47123456");
    assert_eq!(phone::validate("112"), Err(PhoneError::Length { found: 3 }));
    assert_eq!(
        phone::validate("02 12 34 56"),
        Err(PhoneError::NotSubscriberNumber)
    );
    assert_eq!(
        phone::validate("12 34 56 78"),
        Err(PhoneError::NotSubscriberNumber)
    );
    assert_eq!(
        phone::validate("+46 70 123 45 67"),
        Err(PhoneError::NotNorwegian)
    );
    assert_eq!(
        phone::validate("912 34 56x"),
        Err(PhoneError::Format { position: 7 })
    );
    assert_eq!(
        phone::validate("+47 912 34 5678"),
        Err(PhoneError::Length { found: 9 })
    );
    assert_eq!(
        phone::validate("91234567").unwrap().international(),
        "+47 912 34 567"
    );
}

// --- email: RFC 3696 §3 lists these unusual but valid addresses.
// https://www.rfc-editor.org/rfc/rfc3696#section-3
#[test]
fn email_rfc3696_examples() {
    for s in [
        "user+mailbox@example.com",
        "customer/department=shipping@example.com",
        "$A12345@example.com",
        "!def!xyz%abc@example.com",
        "_somename@example.com",
    ] {
        assert!(email::is_valid(s), "{s}");
    }
}

#[test]
fn email_rules() {
    use email::EmailError as E;
    assert!(email::is_valid("ola.nordmann@helse-bergen.no"));
    assert!(email::is_valid("pål@sykehus.no"));
    assert!(email::is_valid("a@xn--bb-eka.no"));
    assert_eq!(email::validate(""), Err(E::Empty));
    assert_eq!(email::validate("ola.no"), Err(E::MissingAt));
    assert_eq!(email::validate("a@b@c.no"), Err(E::MultipleAt));
    assert_eq!(email::validate("@c.no"), Err(E::LocalEmpty));
    assert_eq!(email::validate("a@"), Err(E::DomainEmpty));
    assert_eq!(email::validate(".a@c.no"), Err(E::LocalDots));
    assert_eq!(email::validate("a.@c.no"), Err(E::LocalDots));
    assert_eq!(
        email::validate("a b@c.no"),
        Err(E::LocalCharacter { position: 1 })
    );
    assert_eq!(
        email::validate("ab@c_d.no"),
        Err(E::DomainCharacter { position: 4 })
    );
    assert_eq!(email::validate("a@c..no"), Err(E::EmptyLabel));
    assert_eq!(email::validate("a@-c.no"), Err(E::LabelHyphen));
    assert_eq!(email::validate("a@c.123"), Err(E::NumericTopLevel));
    assert_eq!(email::validate("a@localhost"), Err(E::SingleLabelDomain));
    assert_eq!(
        email::validate(&format!("{}@c.no", "a".repeat(65))),
        Err(E::LocalTooLong { found: 65 })
    );
    assert_eq!(
        email::validate(&format!("a@{}.no", "b".repeat(64))),
        Err(E::LabelTooLong)
    );
    let long = format!("a@{}.no", vec!["b".repeat(60); 5].join("."));
    assert!(matches!(
        email::validate(&long),
        Err(E::TooLong { .. } | E::DomainTooLong { .. })
    ));
    let e = email::validate(" mailto:Kari@Example.NO ").unwrap();
    assert_eq!(email::format(&e), "Kari@example.no");
    assert_eq!(e.domain(), "Example.NO");
    assert!(!format!("{e:?} {e}").contains("Kari"));
    assert!(!email::validate("kari@@x.no")
        .unwrap_err()
        .to_string()
        .contains("kari"));
}

// --- postcode: 4 digits.
#[test]
fn postcodes() {
    use postcode::PostcodeError as E;
    assert_eq!(
        postcode::format(&postcode::validate("0150").unwrap()),
        "0150"
    );
    assert!(postcode::is_valid("9991"));
    assert_eq!(postcode::validate("150"), Err(E::Length { found: 3 }));
    assert_eq!(postcode::validate("N-5021"), Err(E::Format { position: 0 }));
    assert_eq!(postcode::validate("0000"), Err(E::Zero));
}

// --- NPR-ID (opaque). RFC 4122 §3's example UUID is accepted.
#[test]
fn npr_ids() {
    use npr::NprError as E;
    let id = npr::validate("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").unwrap();
    assert_eq!(npr::format(&id), "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    assert!(!format!("{id:?} {id}").contains("f81d"));
    assert!(npr::is_valid("HB-2025-000123"));
    assert_eq!(npr::validate("  "), Err(E::Empty));
    assert_eq!(
        npr::validate(&"A".repeat(37)),
        Err(E::TooLong { found: 37 })
    );
    assert_eq!(
        npr::validate("AB_12"),
        Err(E::InvalidCharacter { position: 2 })
    );
    // python-stdnum / navikt / Skatteetaten vectors are refused in every shape.
    for n in ["26111593816", "261115-93816", "17912099997", "30108299939"] {
        assert_eq!(npr::validate(n), Err(E::IsNationalId), "{n}");
    }
    assert_eq!(npr::validate("NPR-57912075186"), Err(E::ContainsNationalId));
    // 11 digits with a valid date but wrong check digits: a mistyped number.
    assert_eq!(npr::validate("26111593817"), Err(E::LooksLikeNationalId));
    // 11 digits that cannot be a birth prefix are allowed.
    assert!(npr::is_valid("32131593817"));
    let err = npr::validate("26111593816").unwrap_err();
    assert!(!err.to_string().contains("26111593816"));
}

// --- Nye metoder ID (nye-metoder-tilgangsordningen.txt: «ID2025_XXX»).
#[test]
fn nye_metoder_ids() {
    use nye_metoder_id::NyeMetoderIdError as E;
    let id = nye_metoder_id::validate("ID2023_013", 2025).unwrap();
    assert_eq!((id.year(), id.number()), (2023, 13));
    assert_eq!(nye_metoder_id::format(&id), "ID2023_013");
    assert!(nye_metoder_id::is_valid("ID2013_001", 2013));
    assert!(nye_metoder_id::is_valid("id 2025_999", 2025));
    assert_eq!(
        nye_metoder_id::validate("ID2012_001", 2025),
        Err(E::YearTooEarly)
    );
    assert_eq!(
        nye_metoder_id::validate("ID2026_001", 2025),
        Err(E::YearInFuture)
    );
    assert_eq!(
        nye_metoder_id::validate("ID2023-013", 2025),
        Err(E::Format { position: 6 })
    );
    assert_eq!(
        nye_metoder_id::validate("ID2023_13", 2025),
        Err(E::Length { found: 9 })
    );
    assert_eq!(
        nye_metoder_id::validate("ID2023_0134", 2025),
        Err(E::Length { found: 11 })
    );
    assert_eq!(
        nye_metoder_id::validate("XD2023_013", 2025),
        Err(E::Format { position: 0 })
    );
}

// --- ATC: WHO ATC/DDD index — L01XC02 rituximab, N02BE01 paracetamol.
#[test]
fn atc_codes() {
    use atc::AtcError as E;
    assert_eq!(atc::validate("L01XC02").unwrap().level(), 5);
    assert_eq!(atc::format(&atc::validate(" n02be01 ").unwrap()), "N02BE01");
    assert_eq!(atc::validate("N").unwrap().level(), 1);
    assert_eq!(atc::validate("N02").unwrap().level(), 2);
    assert_eq!(atc::validate("N02B").unwrap().level(), 3);
    assert_eq!(atc::validate("N02BE").unwrap().level(), 4);
    assert_eq!(atc::validate(""), Err(E::Empty));
    assert_eq!(atc::validate("N02BE0"), Err(E::Length { found: 6 }));
    assert_eq!(atc::validate("N02BE011"), Err(E::Length { found: 8 }));
    assert_eq!(atc::validate("Q01"), Err(E::UnknownMainGroup));
    assert_eq!(atc::validate("N0BBE01"), Err(E::Format { position: 2 }));
    assert_eq!(atc::validate("N02B101"), Err(E::Format { position: 4 }));
}

// --- ICD-10: WHO ICD-10 C34.1 (upper lobe, bronchus or lung), with and without point.
#[test]
fn icd10_codes() {
    use icd10::Icd10Error as E;
    for s in ["C34.1", "C341", "c34.1", " C 34.1 "] {
        let c = icd10::validate(s).unwrap();
        assert_eq!(icd10::format(&c), "C34.1");
        assert_eq!(c.as_compact(), "C341");
        assert_eq!(c.category(), "C34");
        assert_eq!(c.subcategory(), Some("1"));
    }
    assert_eq!(icd10::compact("c34.1"), "C341");
    assert_eq!(icd10::format(&icd10::validate("U07.1").unwrap()), "U07.1");
    assert_eq!(icd10::format(&icd10::validate("C34").unwrap()), "C34");
    assert_eq!(icd10::format(&icd10::validate("Z51.88").unwrap()), "Z51.88");
    assert_eq!(icd10::validate(""), Err(E::Empty));
    assert_eq!(icd10::validate("C3"), Err(E::Length { found: 2 }));
    assert_eq!(icd10::validate("C34."), Err(E::Length { found: 3 }));
    assert_eq!(icd10::validate("C34.123"), Err(E::Length { found: 6 }));
    assert_eq!(icd10::validate("134.1"), Err(E::Format { position: 0 }));
    assert_eq!(icd10::validate("C34.A"), Err(E::Format { position: 4 }));
    assert_eq!(icd10::validate("C34..1"), Err(E::Format { position: 4 }));
}
