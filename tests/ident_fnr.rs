//! Public test vectors for `ident::fnr`, each cited by source.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use skjemavakt::ident::fnr::{self, CheckRule, FnrError, NationalIdKind, Synthetic};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---------------------------------------------------------------------------------------
// python-stdnum, tests/test_no_fodselsnummer.doctest
// https://github.com/arthurdejong/python-stdnum/blob/master/tests/test_no_fodselsnummer.doctest
// ---------------------------------------------------------------------------------------

#[test]
fn stdnum_valid_list() {
    let numbers = [
        "100487 45526",
        "10048744732",
        "10048745364",
        "111115984-03",
        "151086-95088",
        "18-06-15-92527",
        "231140-38547",
        "23114048690",
        "26 11 15 940 14",
        "26111593816",
        "26111594286",
        "26111594448",
    ];
    for n in numbers {
        let id = fnr::validate(n).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(id.kind(), NationalIdKind::Fodselsnummer);
        assert_eq!(id.check_rule(), CheckRule::Classic);
        assert!(fnr::is_valid(n));
    }
}

#[test]
fn stdnum_check_digits_are_validated_independently() {
    assert!(fnr::is_valid("26111593816"));
    assert_eq!(fnr::validate("26111593817"), Err(FnrError::ChecksumK2));
    // "only change first digit": K1 2 gives remainder 1, which the 2032 rule accepts, so
    // the K2 (unchanged, computed over the new K1) is what fails.
    assert_eq!(fnr::validate("26111593826"), Err(FnrError::ChecksumK2));
    assert!(!fnr::is_valid("26111593875"));
}

#[test]
fn stdnum_length_and_format() {
    assert_eq!(
        fnr::validate("42485176432123"),
        Err(FnrError::Length { found: 14 })
    );
    assert_eq!(
        fnr::validate("a0gzaB30529"),
        Err(FnrError::Format { position: 0 })
    );
}

#[test]
fn stdnum_birth_dates() {
    let cases = [
        ("11111598403", date(2015, 11, 11)),
        ("151086-95088", date(1986, 10, 15)),
        ("180615 92527", date(2015, 6, 18)),
        ("10 04 87 44 732", date(1987, 4, 10)),
        ("13-04-99-58441", date(1899, 4, 13)),
    ];
    for (n, d) in cases {
        assert_eq!(fnr::validate(n).unwrap().birth_date(), Some(d), "{d}");
    }
}

#[test]
fn stdnum_invalid_dates_century_fh_and_future() {
    // "The number does not contain valid birth date information": month 57 = H + 17.
    assert!(matches!(
        fnr::validate("19575770838"),
        Err(FnrError::InvalidMonth | FnrError::ChecksumK1 | FnrError::ChecksumK2)
    ));
    assert!(!fnr::is_valid("19575770838"));
    // "The birthdate century cannot be determined"
    assert_eq!(
        fnr::validate("45014054018"),
        Err(FnrError::UndeterminableCentury)
    );
    // "This number is an FH-number, and does not contain birth date information by design."
    // (stdnum's get_birth_date does not check the check digits; this one fails K1.)
    assert_eq!(fnr::validate("82314251342"), Err(FnrError::ChecksumK1));
    // The doctest's gender example 82938389280 is a fully valid FH-number.
    let fh = fnr::validate("82938389280").unwrap();
    assert_eq!(fh.kind(), NationalIdKind::FhNumber);
    assert_eq!(fh.birth_date(), None);
    assert_eq!(fh.masked(), "****** *****");
    // "The birth date information is valid, but this person has not been born yet."
    let today = date(2025, 6, 1);
    assert_eq!(
        fnr::validate_on("18103970861", today),
        Err(FnrError::FutureBirthDate)
    );
    // Without a clock the number itself is well-formed (born 18.10.2039).
    assert_eq!(
        fnr::validate("18103970861").unwrap().birth_date(),
        Some(date(2039, 10, 18))
    );
    assert!(fnr::validate_on("18103970861", date(2039, 10, 18)).is_ok());
}

// ---------------------------------------------------------------------------------------
// navikt/fnrvalidator, tests/fnr.spec.ts
// https://github.com/navikt/fnrvalidator/blob/master/tests/fnr.spec.ts
// ---------------------------------------------------------------------------------------

#[test]
fn navikt_fnr() {
    for n in ["13097248022", "29029648784", "29020075838", "15021951940"] {
        assert_eq!(
            fnr::validate(n).unwrap().kind(),
            NationalIdKind::Fodselsnummer,
            "{n}"
        );
    }
    // 29.02.2000: year 00 is a leap year.
    assert_eq!(
        fnr::validate("29020075838").unwrap().birth_date(),
        Some(date(2000, 2, 29))
    );
    assert!(!fnr::is_valid("29020112345"));
    assert_eq!(
        fnr::validate("1234567890"),
        Err(FnrError::Length { found: 10 })
    );
    assert_eq!(
        fnr::validate("123456789101"),
        Err(FnrError::Length { found: 12 })
    );
    assert_eq!(
        fnr::validate("1234567891A"),
        Err(FnrError::Format { position: 10 })
    );
    assert!(matches!(
        fnr::validate("13097248032"),
        Err(FnrError::ChecksumK1 | FnrError::ChecksumK2)
    ));
    assert_eq!(fnr::validate("13097248023"), Err(FnrError::ChecksumK2));
    assert!(!fnr::is_valid("32127248022"));
    assert!(!fnr::is_valid("13137248022"));
}

#[test]
fn navikt_other_kinds() {
    let d = fnr::validate("53097248016").unwrap();
    assert_eq!((d.kind(), d.synthetic()), (NationalIdKind::DNumber, None));
    assert_eq!(d.birth_date(), Some(date(1972, 9, 13)));

    let h = fnr::validate("13527248013").unwrap();
    assert_eq!((h.kind(), h.synthetic()), (NationalIdKind::HNumber, None));
    assert_eq!(h.birth_date(), Some(date(1972, 12, 13)));

    let t = fnr::validate("10915596784").unwrap();
    assert_eq!(
        (t.kind(), t.synthetic()),
        (NationalIdKind::Fodselsnummer, Some(Synthetic::Tenor))
    );
    assert_eq!(t.birth_date(), Some(date(1955, 11, 10)));

    let dh = fnr::validate("68467038838").unwrap();
    assert_eq!(
        (dh.kind(), dh.synthetic()),
        (NationalIdKind::DNumber, Some(Synthetic::Dolly))
    );
    assert_eq!(dh.birth_date(), Some(date(1970, 6, 28)));

    let dt = fnr::validate("50846202355").unwrap();
    assert_eq!(
        (dt.kind(), dt.synthetic()),
        (NationalIdKind::DNumber, Some(Synthetic::Tenor))
    );
    assert_eq!(dt.birth_date(), Some(date(1962, 4, 10)));
}

#[test]
fn navikt_2032() {
    assert!(fnr::is_valid("02013299997"));
    assert!(fnr::is_valid("30108299920"));
    assert!(fnr::is_valid("30108299939"));
    assert!(!fnr::is_valid("02013299987"));
    assert_eq!(fnr::validate("02013299996"), Err(FnrError::ChecksumK2));
    let d = fnr::validate("70108299914").unwrap();
    assert_eq!(d.kind(), NationalIdKind::DNumber);
}

// ---------------------------------------------------------------------------------------
// Skatteetaten, «Nytt fødselsnummer fra 2032»
// https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/
// ---------------------------------------------------------------------------------------

#[test]
fn skatteetaten_2032_examples() {
    // Person born 02.01.2032: k1 = 9 (remainder 0), k2 = 7.
    let a = fnr::validate("02013299997").unwrap();
    assert_eq!(a.check_rule(), CheckRule::Classic);
    assert_eq!(a.birth_date(), Some(date(2032, 1, 2)));
    // Person 1 born 30.10.1982, remainder 0.
    let b = fnr::validate("30108299920").unwrap();
    assert_eq!(b.check_rule(), CheckRule::Classic);
    // Person 2 born 30.10.1982, remainder 1: only valid under the new rule, and the
    // individual number no longer gives the century.
    let c = fnr::validate("30108299939").unwrap();
    assert_eq!(c.check_rule(), CheckRule::From2032);
    assert_eq!(c.birth_date(), None);
    assert_eq!(c.kind(), NationalIdKind::Fodselsnummer);
    // «Det er ikke besluttet om neste person vil få '02013299903' …»: both candidates are
    // valid under the new rule.
    assert_eq!(
        fnr::validate("02013299903").unwrap().check_rule(),
        CheckRule::From2032
    );
    assert_eq!(
        fnr::validate("02013299806").unwrap().check_rule(),
        CheckRule::Classic
    );
}

// ---------------------------------------------------------------------------------------
// Skatteetaten, folkeregisteret-api-dokumentasjon, «Test for konsumenter», table of
// synthetic (Tenor, month + 80) numbers.
// https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/test-for-konsumenter/
// ---------------------------------------------------------------------------------------

#[test]
fn skatteetaten_tenor_table() {
    let rows = [
        (date(2020, 11, 17), "17912099997", "57912075186"),
        (date(2020, 2, 29), "29822099635", "69822075096"),
        (date(2003, 4, 5), "05840399895", "45840375084"),
        (date(1994, 2, 12), "12829499914", "52829400197"),
        (date(1952, 10, 12), "12905299938", "52905200100"),
        (date(1936, 8, 21), "21883649874", "61883600222"),
        (date(1897, 12, 21), "21929774873", "61929750062"),
    ];
    for (born, f, d) in rows {
        let f = fnr::validate(f).unwrap();
        assert_eq!(f.kind(), NationalIdKind::Fodselsnummer);
        assert_eq!(f.synthetic(), Some(Synthetic::Tenor));
        assert_eq!(f.birth_date(), Some(born));
        let d = fnr::validate(d).unwrap();
        assert_eq!(d.kind(), NationalIdKind::DNumber);
        assert_eq!(d.synthetic(), Some(Synthetic::Tenor));
        assert_eq!(d.birth_date(), Some(born));
    }
}

// ---------------------------------------------------------------------------------------
// NAV Dolly synthetic numbers (month + 40), from a navikt Kotlin test «skal tillate
// helsyntetiske nummer fra dolly» (found with code search; the same numbers appear in
// several navikt repositories). Plain month + 40 cannot be told from an H-number.
// ---------------------------------------------------------------------------------------

#[test]
fn nav_dolly() {
    let rows = [
        (date(1976, 10, 15), "15507600333", "55507608360"),
        (date(2020, 2, 29), "29422059278", "69422056629"),
    ];
    for (born, f, d) in rows {
        let f = fnr::validate(f).unwrap();
        assert_eq!((f.kind(), f.synthetic()), (NationalIdKind::HNumber, None));
        assert_eq!(f.birth_date(), Some(born));
        let d = fnr::validate(d).unwrap();
        assert_eq!(
            (d.kind(), d.synthetic()),
            (NationalIdKind::DNumber, Some(Synthetic::Dolly))
        );
        assert_eq!(d.birth_date(), Some(born));
    }
}

// ---------------------------------------------------------------------------------------
// Behaviour of this crate (not public vectors).
// ---------------------------------------------------------------------------------------

#[test]
fn compact_accepts_spaces_nbsp_dots_dashes() {
    for s in [
        "261115 93816",
        "26.11.15-938 16",
        "261115\u{a0}93816",
        "261115\u{202f}938\u{2011}16",
        " 26 11 15 938 16 ",
    ] {
        assert_eq!(fnr::compact(s), "26111593816", "{s:?}");
        assert!(fnr::is_valid(s), "{s:?}");
    }
    assert_eq!(
        fnr::validate("261115/93816"),
        Err(FnrError::Format { position: 6 })
    );
}

#[test]
fn format_masked_and_debug() {
    let id = fnr::validate("26111593816").unwrap();
    assert_eq!(fnr::format(&id), "261115 93816");
    assert_eq!(id.formatted(), "261115 93816");
    assert_eq!(id.masked(), "261115 *****");
    assert_eq!(id.to_string(), "261115 *****");
    assert_eq!(id.compact_string(), "26111593816");
    assert_eq!(id.digits(), &[2, 6, 1, 1, 1, 5, 9, 3, 8, 1, 6]);
    let dbg = format!("{id:?}");
    assert!(!dbg.contains("261115"), "{dbg}");
    assert!(!dbg.contains("93816"), "{dbg}");
    assert!(dbg.contains("Fodselsnummer"), "{dbg}");
}

#[test]
fn impossible_dates() {
    // Day 31 in a 30-day month and 29 February in a non-leap year, with correct check
    // digits (computed by the independent helper below).
    assert_eq!(
        fnr::validate(&find("310482", 100, 0)),
        Err(FnrError::InvalidDay)
    );
    assert_eq!(
        fnr::validate(&find("290283", 100, 0)),
        Err(FnrError::NotLeapYear)
    );
    assert!(fnr::is_valid(&find("290284", 100, 0)));
    assert_eq!(
        fnr::validate(&find("001082", 100, 0)),
        Err(FnrError::InvalidDay)
    );
    assert_eq!(
        fnr::validate(&find("011382", 100, 0)),
        Err(FnrError::InvalidMonth)
    );
    assert_eq!(
        fnr::validate(&find("012082", 100, 0)),
        Err(FnrError::InvalidMonth)
    );
    // 1900 is not a leap year: 29.02.00 with individual 123 (1900s).
    assert_eq!(
        fnr::validate(&find("290200", 100, 0)),
        Err(FnrError::NotLeapYear)
    );
}

#[test]
fn from_2032_rule_and_29_february() {
    // Under the 2032 rule the year is unknown: 29.02 is possible only if yy % 4 == 0.
    assert_eq!(
        fnr::validate(&find("290284", 100, 2)).map(|i| i.check_rule()),
        Ok(CheckRule::From2032)
    );
    assert_eq!(
        fnr::validate(&find("290283", 100, 2)),
        Err(FnrError::NotLeapYear)
    );
    // Century cannot be determined classically (individual 800, year 50), but under the
    // 2032 rule no century is needed.
    assert_eq!(
        fnr::validate(&find("010150", 800, 0)),
        Err(FnrError::UndeterminableCentury)
    );
    assert!(fnr::validate(&find("010150", 800, 3)).is_ok());
    // The future check has nothing to compare for a From2032 number.
    assert!(fnr::validate_on(&find("010150", 800, 3), date(1900, 1, 1)).is_ok());
}

#[test]
fn fh_numbers_use_the_classic_rule_only() {
    assert_eq!(
        fnr::validate(&find("823142", 100, 1)),
        Err(FnrError::ChecksumK1)
    );
}

#[test]
fn plausible_birth_prefix_covers_all_encodings() {
    let p = |s: &str| {
        let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        fnr::plausible_birth_prefix(&d.try_into().unwrap())
    };
    assert!(p("261115")); // plain
    assert!(p("661115")); // D
    assert!(p("265115")); // H / Dolly
    assert!(p("269115")); // Tenor
    assert!(p("669115")); // D + Tenor
    assert!(p("823142")); // FH
    assert!(p("290283")); // 29 February: the year may be a leap year elsewhere
    assert!(!p("320115"));
    assert!(!p("310415"));
    assert!(!p("262115"));
    assert!(!p("261315"));
    assert!(!p("000115"));
    assert!(p("301215"));
}

/// The first number with birth prefix `six` and individual number `from`, `from + 1` …
/// (up to 20 tries) whose K1 sum has remainder `rest` and whose K2 is valid. Check digits
/// are computed here, independently of the library.
fn find(six: &str, from: u32, rest: u32) -> String {
    (from..from + 20)
        .find_map(|i| with_rest(&format!("{six}{i:03}"), rest))
        .expect("no individual number with valid check digits")
}

/// Appends K1 so that the K1 sum has remainder `rest`, and the matching K2; `None` if a
/// check digit would be 10.
fn with_rest(nine: &str, rest: u32) -> Option<String> {
    let d: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
    let s1: u32 = d
        .iter()
        .zip([3, 7, 6, 1, 8, 9, 4, 5, 2])
        .map(|(a, b)| a * b)
        .sum();
    let k1 = (11 + rest - s1 % 11) % 11;
    if k1 > 9 {
        return None;
    }
    let mut d10 = d.clone();
    d10.push(k1);
    let s2: u32 = d10
        .iter()
        .zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(a, b)| a * b)
        .sum();
    let k2 = (11 - s2 % 11) % 11;
    if k2 > 9 {
        return None;
    }
    Some(format!("{nine}{k1}{k2}"))
}
