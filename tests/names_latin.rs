//! Names written with any Latin letter (issue 21, «All Latin letters»): Latin-1, Latin
//! Extended-A and -B, Latin Extended Additional and combining marks (NFD) fold to the same
//! keys as the lists and the patient's name, in any case.
#![cfg(not(target_arch = "wasm32"))]

use skjemavakt::lexicon::{is_first_name, is_surname};
use skjemavakt::privacy::{scan_text, FindingKind, Identity};

/// The texts of the name findings of `text` (spans are UTF-16 offsets).
fn names(text: &str, identity: &Identity) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    scan_text(text, identity)
        .iter()
        .filter(|f| f.kind == FindingKind::Name)
        .map(|f| String::from_utf16_lossy(&units[f.span.start..f.span.end]))
        .collect()
}

/// Canonical decomposition of the letters these tests use (the base letter, then its mark).
fn nfd(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let d: &[char] = match c {
                'ễ' => &['e', '\u{302}', '\u{303}'],
                'ầ' => &['a', '\u{302}', '\u{300}'],
                'ó' => &['o', '\u{301}'],
                'ő' => &['o', '\u{30B}'],
                'Ș' => &['S', '\u{326}'],
                'ş' => &['s', '\u{327}'],
                'ğ' => &['g', '\u{306}'],
                'Á' => &['A', '\u{301}'],
                _ => return vec![c],
            };
            d.to_vec()
        })
        .collect()
}

#[test]
fn names_with_extended_latin_letters_are_on_the_lists_in_any_case() {
    for n in [
        "Nguyễn", "NGUYỄN", "nguyen", "Ștefan", "ȘTEFAN", "Şahin", "ŞAHIN", "Łukasz", "ŁUKASZ",
        "Áilu", "ÁILU", "Ánde", "Ayşe", "Gülsüm", "Đorđe", "Miloš", "Ionuț",
    ] {
        assert!(is_first_name(n) || is_surname(n), "{n}");
        assert!(is_first_name(&nfd(n)) || is_surname(&nfd(n)), "NFD {n}");
    }
    for n in [
        "Wójcik",
        "WÓJCIK",
        "Trần",
        "TRẦN",
        "Đorđević",
        "ĐORĐEVIĆ",
        "Doğan",
        "Yıldız",
        "Aydın",
        "Kovács",
        "Szabó",
        "Öztürk",
        "Dąbrowski",
    ] {
        assert!(is_surname(n), "{n}");
        assert!(is_surname(&nfd(n)), "NFD {n}");
    }
}

#[test]
fn such_names_are_found_in_text() {
    let none = Identity::none();
    for (text, name) in [
        ("Pasienten Trần Văn Nguyễn ble innlagt i går.", "Nguyễn"),
        ("Kontrollert av Ștefan Wójcik, som fant lite.", "Wójcik"),
        ("Henvist fra fastlege; Ayşe Doğan møtte med tolk.", "Doğan"),
        ("Samtale med Áilu og Ánde i går.", "Áilu"),
        ("Ble fulgt opp av Gülsüm Yıldız på poliklinikken.", "Yıldız"),
        ("Miloš Đorđević kom til kontroll.", "Đorđević"),
    ] {
        let found = names(text, &none);
        assert!(
            found.iter().any(|f| f.contains(name)),
            "{name} not found in «{text}»: {found:?}"
        );
        let decomposed = nfd(text);
        let found = names(&decomposed, &none);
        assert!(
            found.iter().any(|f| f.contains(&nfd(name))),
            "{name} (NFD) not found: {found:?}"
        );
    }
}

#[test]
fn the_patients_name_with_such_letters_is_found_in_any_case_and_without_marks() {
    for (full, written) in [
        ("Łucja Wójcik", "lucja wojcik"),
        ("Łucja Wójcik", "ŁUCJA WÓJCIK"),
        ("Zsófia Kőszegi", "Kőszegi"),
        ("Zsófia Kőszegi", "KOSZEGI"),
        ("Ștefan Mureșan", "Stefan Muresan"),
        ("Ștefan Mureșan", "mureșan"),
        ("Ertuğrul Kılıç", "ERTUGRUL KILIC"),
        ("Ertuğrul Kılıç", "Kılıç"),
        ("Đặng Thị Hương", "Dang Thi Huong"),
        ("Đặng Thị Hương", "HƯƠNG"),
        ("Máret Ánne Sara", "Maret Anne Sara"),
    ] {
        let id = Identity::new(Some(full), None);
        for text in [
            format!("Samtale med {written} om behandlingen."),
            nfd(&format!("Samtale med {written} om behandlingen.")),
        ] {
            let found = scan_text(&text, &id);
            assert!(
                found.iter().any(|f| f.kind == FindingKind::Name),
                "the patient's name ({full}) written «{written}» not found"
            );
        }
    }
}
