use super::*;

const ALL: Detectors = Detectors {
    all: true,
    literature_only: false,
};

fn kinds(text: &str) -> Vec<(FindingKind, &str)> {
    detect(text, ALL, &PatientFacts::default())
        .into_iter()
        .map(|h| (h.kind, text.get(h.start..h.end).unwrap_or("")))
        .collect()
}

#[test]
fn national_ids_in_every_grouping() {
    // python-stdnum tests/test_no_fodselsnummer.doctest: 26111593816 is valid.
    for t in [
        "26111593816",
        "261115 93816",
        "26.11.15 938 16",
        "261115-93816",
        "26 11 15 938 16",
        "261115\n93816",
    ] {
        let text = format!("Pasienten (fnr {t}) kom inn.");
        let k = kinds(&text);
        assert_eq!(k.len(), 1, "{t}: {k:?}");
        assert_eq!(k[0].0, FindingKind::NationalId, "{t}");
        assert_eq!(k[0].1.chars().filter(char::is_ascii_digit).count(), 11);
    }
}

#[test]
fn mistyped_number_with_plausible_date_is_possible() {
    // 26111593817: bad K2 (python-stdnum).
    assert_eq!(
        kinds("ref 26111593817 ."),
        vec![(FindingKind::PossibleNationalId, "26111593817")]
    );
    // Implausible date prefix: not reported.
    assert!(kinds("ordre 99999999999").is_empty());
    // Amount grouping: not reported.
    assert!(kinds("kr 12 345 678 901").is_empty());
}

#[test]
fn phones() {
    for t in [
        "tlf 912 34 567",
        "+47 91234567",
        "0047 22 12 34 56",
        "mobil: 91 23 45 67",
        "ring 4444 5555",
    ] {
        let k = kinds(t);
        assert_eq!(k.len(), 1, "{t}: {k:?}");
        assert_eq!(k[0].0, FindingKind::Phone, "{t}");
    }
    assert_eq!(
        kinds("+47 912 34 567").first().map(|x| x.1),
        Some("+47 912 34 567")
    );
    // Amounts, dates and lab values are not phone numbers.
    for t in [
        "kr 12 345 678",
        "14.03.2024",
        "12345678 kr",
        "Hb 12.3",
        "dato 14032024",
        "12 345 678,-",
    ] {
        assert!(
            kinds(t).iter().all(|x| x.0 != FindingKind::Phone),
            "{t}: {:?}",
            kinds(t)
        );
    }
}

#[test]
fn emails_and_ips() {
    assert_eq!(
        kinds("skriv til kari.nordmann@example.no."),
        vec![(FindingKind::Email, "kari.nordmann@example.no")]
    );
    assert_eq!(
        kinds("logget fra 192.168.10.23 i går"),
        vec![(FindingKind::IpAddress, "192.168.10.23")]
    );
    // A dot before the address is not its local part's.
    assert_eq!(
        kinds("se .kari@example.no"),
        vec![(FindingKind::Email, "kari@example.no")]
    );
    // A domain that runs on into a number is cut back to the address in it.
    assert_eq!(
        kinds("kari@example.no.20000000 x").first(),
        Some(&(FindingKind::Email, "kari@example.no"))
    );
    // A label or local part too long to be one (over 63 or 64 bytes): the address
    // is what is left once it is cut off at a separator.
    let long = "x".repeat(70);
    let glued = format!("kari@example.no-{long} og {long}-ola@example.no");
    assert_eq!(
        kinds(&glued),
        vec![
            (FindingKind::Email, "kari@example.no"),
            (FindingKind::Email, "ola@example.no")
        ]
    );
    // Document ids and versions are not IP addresses.
    assert!(kinds("prosedyre 1.2.2.5-16 gjelder").is_empty());
}

#[test]
fn emails_written_with_spaces() {
    for (t, want) in [
        (
            "E-post: kari . nordmann @ gmail . com (med mellomrom)",
            "kari . nordmann @ gmail . com",
        ),
        ("svar til ola @ online.no i dag", "ola @ online.no"),
        (
            "skriv kari.nordmann @ example . no.",
            "kari.nordmann @ example . no",
        ),
        ("skriv til ola (at) online . no", "ola (at) online . no"),
    ] {
        assert_eq!(kinds(t), vec![(FindingKind::Email, want)], "{t}");
    }
    // An at sign between words that do not make an address with a dotted domain.
    for t in [
        "møte kl. 10 @ avdelingen",
        "pris 5 @ 3 . 2 mg",
        "Hb 12 . 3 @ 08 . 00",
        "se @ over",
    ] {
        assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
    }
}

#[test]
fn residence_with_farm_and_municipality() {
    assert_eq!(
        kinds("Bor på gården Nordre Haug i Vestre Toten."),
        vec![
            (FindingKind::Address, "Nordre Haug"),
            (FindingKind::Address, "Vestre Toten")
        ]
    );
    assert_eq!(
        kinds("bor i Fana i 20 år"),
        vec![(FindingKind::Address, "Fana")]
    );
    assert_eq!(
        kinds("bosatt i Bergen i Norge"),
        vec![(FindingKind::Address, "Bergen")]
    );
    // The cue is needed: a farm named without one is not an address.
    assert!(kinds("på gården ble det brukt").is_empty());
}

#[test]
fn birth_dates_need_a_cue_or_the_patients_date() {
    for t in [
        "født 14.03.1974",
        "f. 14/3-74",
        "fødselsdato: 1974-03-14",
        "født den 14. mars 1974",
        "f. 140374",
    ] {
        let k = kinds(t);
        assert_eq!(
            k.iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![FindingKind::BirthDate],
            "{t}"
        );
    }
    // The birth year alone is allowed; event dates are allowed.
    assert!(kinds("født 1974").is_empty());
    assert!(kinds("født i 1974, behandling startet 12.03.2024").is_empty());
    let facts = PatientFacts {
        birth_date: NaiveDate::from_ymd_opt(1974, 3, 14),
        ..Default::default()
    };
    let h = detect("Kontroll 14.03.1974 og 15.03.2024", ALL, &facts);
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].kind, FindingKind::BirthDate);
}

#[test]
fn words_whose_lower_case_is_shorter_are_looked_up_in_lower_case() {
    // ẞ (3 bytes) lower-cases to ß (2), İ (2) to i (1): such a word's lower case is
    // kept beside the text's; the street ending, the capital and the offsets still hold.
    for street in ["ẞtorgata", "İnnergata", "Storgata"] {
        let text = format!("Hun bor i {street} 12B, 5021 Bergen. NPR-ID: 12ab");
        assert_eq!(
            kinds(&text).first().map(|x| (x.0, x.1.to_owned())),
            Some((FindingKind::Address, format!("{street} 12B, 5021 Bergen"))),
            "{street}"
        );
    }
    // Ø in capitals lower-cases to ø (as long): «FØDT» is the cue «født».
    assert_eq!(
        kinds("Pasienten er FØDT 14.03.1974."),
        [(FindingKind::BirthDate, "14.03.1974")]
    );
    let cx = Tokens::new("ẞTRASSE og İZMIR, Storgt. 5 FØDT");
    let lows: Vec<&str> = (0..cx.toks.len())
        .filter(|&i| cx.is_word(i))
        .map(|i| cx.low(i))
        .collect();
    assert_eq!(lows, ["ßtrasse", "og", "izmir", "storgt", "født"]);
}

#[test]
fn addresses_and_postcodes() {
    assert_eq!(
        kinds("Hun bor i Storgata 12B, 5021 Bergen.")
            .first()
            .map(|x| (x.0, x.1)),
        Some((FindingKind::Address, "Storgata 12B, 5021 Bergen"))
    );
    assert_eq!(
        kinds("adresse Kongens gate 5").first().map(|x| x.1),
        Some("Kongens gate 5")
    );
    assert_eq!(
        kinds("Postboks 1400").first().map(|x| x.0),
        Some(FindingKind::Address)
    );
    assert_eq!(
        kinds("sendt til 0150 OSLO").first().map(|x| x.0),
        Some(FindingKind::Address)
    );
    // Doses and years are not postcodes.
    assert!(kinds("4000 mg daglig. I 2024 Pasienten")
        .iter()
        .all(|x| x.0 != FindingKind::Address));
}

#[test]
fn record_numbers_after_cues() {
    assert_eq!(
        kinds("journalnr. 123456").first().map(|x| (x.0, x.1)),
        Some((FindingKind::RecordNumber, "123456"))
    );
    assert_eq!(
        kinds("Pasient-ID: AB-778899").first().map(|x| x.1),
        Some("AB-778899")
    );
    assert!(kinds("journalnotat fra 2023").is_empty());
}

#[test]
fn allowed_items_survive() {
    for t in [
        "NPR-ID: 12345678",
        "NPR-ID 4f1c2a9e-77b0-4a8e-9d33-123456789abc",
        "ID2023_013",
        "NCT01234567",
        "PMID: 33306283",
        "https://doi.org/10.1056/NEJMoa2034577",
        "10.1016/S0140-6736(20)30183-5",
        "ATC L01FF02, ICD-10 C34.1",
        "Dosering 200 mg hver 3. uke, kreatinin 85 µmol/L",
        "kr 125 000 per måned",
        "behandling startet 12.03.2024",
        "org.nr. 983 974 724",
    ] {
        assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
    }
    // A national ID is never allowed, not even after an NPR label.
    assert_eq!(
        kinds("NPR-ID: 26111593816").first().map(|x| x.0),
        Some(FindingKind::NationalId)
    );
}

#[test]
fn ibans_compact_grouped_and_foreign() {
    // SWIFT IBAN Registry examples: Norway NO9386011117947, Germany DE89370400440532013000.
    for t in [
        "IBAN NO93 8601 1117 947 oppgitt",
        "IBAN: NO9386011117947.",
        "konto DE89 3704 0044 0532 0130 00 i Tyskland",
    ] {
        let k = kinds(t);
        assert_eq!(k.len(), 1, "{t}: {k:?}");
        assert_eq!(k[0].0, FindingKind::Account, "{t}");
        assert!(
            k[0].1.ends_with(['7', '0']) && k[0].1.len() >= 15,
            "{t}: {k:?}"
        );
    }
    // A wrong check digit is no IBAN (and the account inside fails mod 11 too).
    assert!(kinds("NO94 8601 1117 948")
        .iter()
        .all(|x| x.0 != FindingKind::Account));
}

#[test]
fn phone_edge_cases() {
    assert_eq!(
        kinds("Kontakt: +4791234567").first().map(|x| x.1),
        Some("+4791234567")
    );
    assert_eq!(
        kinds("Ring 912\n34 567 etter kl 16").first().map(|x| x.0),
        Some(FindingKind::Phone)
    );
    assert_eq!(
        kinds("Tlf. 912.34.567").first().map(|x| x.0),
        Some(FindingKind::Phone)
    );
    assert_eq!(
        kinds("Tlf. +47-912-34-567").first().map(|x| x.1),
        Some("+47-912-34-567")
    );
    // Without a cue, line breaks and dots do not make a phone number; a date never.
    assert!(kinds("912\n34 567").is_empty());
    assert!(kinds("Kontakt 22.03.2024 om svar").is_empty());
    // 8 digits inside an 11-digit number with a plausible date are part of it
    // (python-stdnum: 26111593817 has a bad K2): one possible ID, no phone.
    assert_eq!(
        kinds("ref 2611 1593 817 her")
            .iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        vec![FindingKind::PossibleNationalId]
    );
}

#[test]
fn possible_ids_in_links_and_with_a_slash() {
    // 26111593817: python-stdnum's bad-K2 example.
    let k = kinds("https://dips.example.no/pasient?fnr=26111593817&vis=1");
    assert_eq!(
        k.iter().map(|x| x.1).collect::<Vec<_>>(),
        vec!["26111593817"]
    );
    assert_eq!(
        kinds("saken 261115/93817 ble").first().map(|x| x.0),
        Some(FindingKind::PossibleNationalId)
    );
    // Other numbers in links stay allowed.
    assert!(kinds("https://pubmed.ncbi.nlm.nih.gov/38197815/").is_empty());
}

#[test]
fn address_edge_cases() {
    // Participles ending in -gt and units are not streets or places.
    assert!(kinds("Innlagt 14.03.2024 kl. 10:45.").is_empty());
    assert!(kinds("5000 IE dalteparin").is_empty());
    assert_eq!(
        kinds("Adresse: Storgt. 15").first().map(|x| x.1),
        Some("Storgt. 15")
    );
    assert_eq!(
        kinds("Adresse Gamle Drammensvei 110").first().map(|x| x.1),
        Some("Gamle Drammensvei 110")
    );
    assert_eq!(
        kinds("Adresse: Nedre Ullevål 9").first().map(|x| x.1),
        Some("Nedre Ullevål 9")
    );
    assert_eq!(kinds("Postnummer 5007").first().map(|x| x.1), Some("5007"));
    assert!(kinds("Nedre Eiker 2024 har en ordning").is_empty());
}

#[test]
fn spelled_at_signs_and_joined_record_cues() {
    assert_eq!(
        kinds("Kontakt kari(at)gmail.com i dag")
            .first()
            .map(|x| (x.0, x.1)),
        Some((FindingKind::Email, "kari(at)gmail.com"))
    );
    assert!(kinds("Svar sendt (a) til fastlege").is_empty());
    assert_eq!(
        kinds("Journal-nr: 334455").first().map(|x| (x.0, x.1)),
        Some((FindingKind::RecordNumber, "334455"))
    );
}

#[test]
fn birthday_and_age_labels() {
    assert_eq!(
        kinds("Fødselsdato/alder: 14.03.1974 (50 år)")
            .first()
            .map(|x| x.1),
        Some("14.03.1974")
    );
    assert_eq!(
        kinds("Bursdag 14. mars").first().map(|x| x.0),
        Some(FindingKind::BirthDate)
    );
}

/// Numbers of other countries one after the other in one chain of digits, each with its '+'
/// («ring 22 20 7946 3333 +44 20 7946 0958 +46 70 123 45 67 …», found by the scan fuzz
/// target): every one is found in one pass, however many there are, so one redaction takes
/// them all (before, only the chain's first run could start one, and each round of
/// redaction found one more, until the rounds ran out).
#[test]
fn international_numbers_inside_a_chain_are_found_in_one_pass() {
    use crate::privacy::{redact_plain, Identity};
    let id = Identity::new(None, None);
    for sep in [" ", "/ ", " - "] {
        for n in [1, 2, 5, 6, 12] {
            let one = format!(" +44{sep}20 7946 0958 +46 70 123 45 67");
            let text = format!("ring 22 20 7946 3333{} nå", one.repeat(n));
            let phones: Vec<&str> = kinds(&text)
                .into_iter()
                .filter(|(k, _)| *k == FindingKind::Phone)
                .map(|(_, s)| s)
                .collect();
            assert_eq!(phones.len(), 1 + 2 * n, "{sep:?} ×{n}: {phones:?}");
            let (once, _) = redact_plain(&text, &id);
            let (twice, more) = redact_plain(&once, &id);
            assert_eq!(once, twice, "{sep:?} ×{n}");
            assert!(more.is_empty() && !once.contains("7946"), "{once}");
        }
    }
}
