//! Tests for `privacy::names` and `lexicon`: list look-ups, the patient's own name, cue words, list-based
//! detection and the look-alikes that must not be flagged (privacy-gate issue, issue 5).
#![cfg(not(target_arch = "wasm32"))]

use skjemavakt::lexicon::{is_common_word, is_first_name, is_surname};
use skjemavakt::privacy::names::{
    find_names, find_names_original, NameHit, NameReason, PatientName,
};
use skjemavakt::privacy::normalize::normalize;

/// The flagged substrings of `text`.
fn flagged<'a>(text: &'a str, hits: &[NameHit]) -> Vec<&'a str> {
    hits.iter().map(|h| &text[h.start..h.end]).collect()
}

fn names_in(text: &str) -> Vec<&str> {
    flagged(text, &find_names(text, None))
}

fn patient_in<'a>(text: &'a str, full_name: &str) -> Vec<&'a str> {
    let p = PatientName::new(full_name);
    let hits = find_names(text, Some(&p));
    hits.iter()
        .filter(|h| h.reason == NameReason::PatientName)
        .map(|h| &text[h.start..h.end])
        .collect()
}

#[test]
fn list_lookups() {
    for n in [
        "Kari",
        "Ola",
        "Anne-Marie",
        "Åse",
        "Aase",
        "Øyvind",
        "Oyvind",
        "Hans-Petter",
        "Ingrid",
        "Mohammad",
    ] {
        assert!(is_first_name(n), "{n}");
    }
    for n in [
        "Hansen",
        "Johansen",
        "Bakken",
        "Haugland",
        "Ødegård",
        "Nordmann-Hansen",
        "Sæther",
        "Saether",
    ] {
        assert!(is_surname(n), "{n}");
    }
    for w in ["pasient", "tablett", "måned", "Keytruda", "sykehus"] {
        assert!(!is_first_name(w) && !is_surname(w), "{w}");
    }
    // Genitive.
    assert!(is_first_name("Karis") && is_first_name("Olas") && is_surname("Hansens"));
    // Ordinary words that are names.
    for w in [
        "per", "Mai", "dag", "Liv", "sol", "vår", "storm", "lie", "moen", "Hans", "bror",
    ] {
        assert!(is_common_word(w), "{w}");
    }
    for w in ["Kari", "Ola", "Ingrid", "Tor"] {
        assert!(!is_common_word(w), "{w}");
    }
}

#[test]
fn patient_name_in_any_order_case_and_genitive() {
    let full = "Kari Anne Nordmann-Hansen";
    assert_eq!(
        patient_in("Kari Nordmann-Hansen ble henvist.", full),
        ["Kari Nordmann-Hansen"]
    );
    assert_eq!(
        patient_in("Nordmann-Hansen, Kari Anne (f. 1974)", full),
        ["Nordmann-Hansen, Kari Anne"]
    );
    assert_eq!(patient_in("KARI NORDMANN har...", full), ["KARI NORDMANN"]);
    assert_eq!(
        patient_in("Karis mor og Hansens lege", full),
        ["Karis", "Hansens"]
    );
    assert_eq!(patient_in("pasienten kari ble sett", full), ["kari"]);
}

#[test]
fn patient_name_diacritics_are_tolerated() {
    let full = "Åse Østby-Ærø";
    assert_eq!(
        patient_in("Aase Ostby-Aero møtte", full),
        ["Aase Ostby-Aero"]
    );
    assert_eq!(patient_in("Aase Østby møtte", full), ["Aase Østby"]);
}

#[test]
fn patient_initials() {
    let full = "Kari Anne Nordmann";
    assert_eq!(
        patient_in("Notat om K. Nordmann i dag.", full),
        ["K. Nordmann"]
    );
    assert_eq!(patient_in("Pasient K.A.N. er 50 år.", full), ["K.A.N."]);
    assert_eq!(patient_in("Pasient K.N. er 50 år.", full), ["K.N."]);
    // Undotted initials are not matched ("KAN" is also the verb "kan").
    assert!(patient_in("Hun KAN ikke gå.", full).is_empty());
    // A lone initial is not the patient.
    assert!(patient_in("Vitamin K. Dosen økes.", full).is_empty());
}

#[test]
fn patient_name_that_is_a_common_word_needs_capitals() {
    let full = "Per Liv";
    assert!(patient_in("Kostnad per måned og livskvalitet, liv og helse.", full).is_empty());
    assert_eq!(patient_in("Per har vært syk.", full), ["Per"]);
    // Lower-case common words are never taken as the patient's name, even together.
    assert!(patient_in("kostnad per liv vunnet", full).is_empty());
    assert_eq!(patient_in("PASIENT: PER LIV", full), ["PER LIV"]);
}

#[test]
fn patient_name_debug_is_masked() {
    let p = PatientName::new("Kari Nordmann");
    let d = format!("{p:?}");
    assert!(!d.contains("Kari") && !d.contains("Nordmann") && !d.to_lowercase().contains("kari"));
}

#[test]
fn cue_words() {
    assert_eq!(names_in("Hennes mann Trygve er pårørende."), ["Trygve"]);
    assert_eq!(names_in("Hun bor med datteren Xiomara."), ["Xiomara"]);
    assert_eq!(names_in("Fru Haugland møtte til kontroll."), ["Haugland"]);
    assert_eq!(names_in("Pas. Ola Nordmann, 50 år."), ["Ola Nordmann"]);
    assert_eq!(
        names_in("Pasientens navn: Kari Nordmann"),
        ["Kari Nordmann"]
    );
    assert_eq!(
        names_in("Søster Ingrid, mor Solveig og bror Even."),
        ["Ingrid", "Solveig", "Even"]
    );
    // A name in small letters after a relation: a first name or surname, and a surname that
    // is also a word («teigen») right after it; «hans» (his) is a pronoun there.
    assert_eq!(names_in("Hun kom med datteren kari."), ["kari"]);
    assert_eq!(names_in("datter melheim var med"), ["melheim"]);
    assert_eq!(names_in("datter teigen var med"), ["teigen"]);
    assert!(names_in("datteren hans var med").is_empty());
    assert!(names_in("mor: teigen ved huset").is_empty());
    let hits = find_names("Hennes mann Trygve Zyx er med.", None);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].reason, NameReason::CueWord);
}

#[test]
fn cue_words_without_a_name_are_not_flagged() {
    assert!(names_in("Pasienten har datter. Hun er frisk.").is_empty());
    assert!(names_in("Pasientens navn: Ikke oppgitt").is_empty());
    assert!(names_in("Legemiddelets navn: Keytruda").is_empty());
    assert!(names_in("Mor har diabetes, far Ukjent.").is_empty());
    assert!(names_in("Overlege vurderte pasienten.").is_empty());
}

#[test]
fn first_name_and_surname_anywhere() {
    assert_eq!(names_in("Samtale med Ola Hansen i går."), ["Ola Hansen"]);
    assert_eq!(names_in("Samtale med Per Hansen i går."), ["Per Hansen"]);
    assert_eq!(names_in("Anne-Marie Bakken ringte."), ["Anne-Marie Bakken"]);
    assert_eq!(
        names_in("Ringte Ingrid Fjellvang om svaret."),
        ["Ingrid Fjellvang"]
    );
    assert_eq!(names_in("Kari har vært plaget lenge."), ["Kari"]);
    assert_eq!(names_in("PASIENT: KARI NORDMANN"), ["KARI NORDMANN"]);
    assert_eq!(names_in("Henvist av OLA HANSEN."), ["OLA HANSEN"]);
    let h = find_names("Samtale med Ola Hansen i går.", None);
    assert_eq!(h[0].reason, NameReason::NameList);
    assert!(h[0].confidence > find_names("Kari har vært plaget.", None)[0].confidence);
}

#[test]
fn ordinary_words_are_not_names() {
    for text in [
        "Kostnad per måned: 12 000 kr.",
        "Oppstart i mai 2025.",
        "Dag 3: ny blodprøve.",
        "Liv og helse er viktig.",
        "Per dag gis 2 tabletter.",
        "Mai 2024: progresjon.",
        "Vår vurdering er at effekten er god.",
        "Finn ut om studien er åpen.",
        "Storm og regn ga forsinkelse.",
        "Hans kone er pårørende.",
        "Parkinsons sykdom og Crohns sykdom er utelukket.",
        "Keytruda ble gitt hver tredje uke.",
        "Produsent: Eli Lilly.",
        "Behandlet ved Martina Hansens Hospital og St. Olavs hospital.",
        "Overlege og LIS-lege vurderte saken.",
        "Inkludert i studien EMMA, skåret med IDA-skjema.",
    ] {
        assert!(names_in(text).is_empty(), "{text}: {:?}", names_in(text));
    }
}

#[test]
fn works_on_normalised_adversarial_text() {
    let original = "Pasienten K\u{200B}ari\u{A0}Nord\u{AD}mann og datter &Oslash;ydis";
    let hits = find_names_original(original, Some(&PatientName::new("Kari Nordmann")));
    let found: Vec<&str> = hits.iter().map(|h| &original[h.start..h.end]).collect();
    assert_eq!(found, ["K\u{200B}ari\u{A0}Nord\u{AD}mann", "&Oslash;ydis"]);
    assert_eq!(hits[0].reason, NameReason::PatientName);
    // Right-to-left marks inside a name.
    let n = normalize("Ola\u{200F} \u{202E}Hansen\u{202C} ringte");
    assert_eq!(flagged(&n.text, &find_names(&n.text, None)), ["Ola Hansen"]);
}

#[test]
fn hits_are_sorted_and_disjoint() {
    let text = "Kari Nordmann og Ola Hansen, datter Ingrid, K. Nordmann.";
    let hits = find_names(text, Some(&PatientName::new("Kari Nordmann")));
    assert!(hits.len() >= 3);
    for w in hits.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for h in &hits {
        assert!((0.0..=1.0).contains(&h.confidence));
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
    }
}

#[test]
fn empty_and_odd_patient_names() {
    let p = PatientName::new("");
    assert!(p.is_empty());
    assert!(find_names("Kari", Some(&p))
        .iter()
        .all(|h| h.reason != NameReason::PatientName));
    let p = PatientName::new("  K.  ");
    assert!(p.is_empty());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_ranges_are_valid(s in "\\PC{0,200}", name in "\\PC{0,30}") {
            let p = PatientName::new(&name);
            for h in find_names(&s, Some(&p)) {
                prop_assert!(h.start < h.end && h.end <= s.len());
                prop_assert!(s.is_char_boundary(h.start) && s.is_char_boundary(h.end));
            }
            for h in find_names_original(&s, Some(&p)) {
                prop_assert!(h.start <= h.end && h.end <= s.len());
                prop_assert!(s.is_char_boundary(h.start) && s.is_char_boundary(h.end));
            }
        }
    }
}
