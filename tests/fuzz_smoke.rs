//! A short smoke run of every fuzz target's invariants (src/fuzzing.rs) in the default test
//! run: the seed corpus, then random inputs from proptest. The long runs are cargo-fuzz
//! (scripts/fuzz.sh), outside the default test run.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use skjemavakt::fuzzing;

fn seeds() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .collect();
    for s in [
        "",
        "26111593816",
        "261115 938 16",
        "kr 125.000,-",
        "1.234",
        "2025-02-29-HBE-ONK",
        "[2025-05-12]-[Helse Nord-Trøndelag]-[MED]",
        "Kari Nordmann f. 14.03.1974 tlf +47 912 34 567",
        "kari@example.no Storgata 12, 5003 Bergen journalnr. 778899",
        "\u{200b}\u{ad}\u{202e}&nbsp;&#8203;",
        "１４０３７４１００２１",
        "١٤٠٣٧٤١٠٠٢١",
        "{\"form\":\"tilgang-del2\",\"patient\":[1,2]}",
    ] {
        out.push(s.as_bytes().to_vec());
    }
    out
}

#[test]
fn seed_corpus_holds_every_invariant() {
    for s in seeds() {
        fuzzing::identifiers(&s);
        fuzzing::amounts(&s);
        fuzzing::references(&s);
        fuzzing::forms(&s);
        fuzzing::scan(&s);
        fuzzing::gate(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn identifiers(s in ".{0,40}") { fuzzing::identifiers(s.as_bytes()); }

    #[test]
    fn identifier_digit_soup(s in "[0-9 .\\-+]{0,30}") { fuzzing::identifiers(s.as_bytes()); }

    #[test]
    fn amounts(s in "(kr |NOK |ca\\. |-)?[0-9 .,]{0,16}(,-| kr|/mnd| mill\\.)?") { fuzzing::amounts(s.as_bytes()); }

    #[test]
    fn references(s in "\\[?[0-9]{4}-[0-9]{2}-[0-9]{2}\\]?-.{0,20}-[A-Za-z0-9 ]{0,8}") { fuzzing::references(s.as_bytes()); }

    #[test]
    fn scan_text(s in "([A-ZÆØÅa-zæøå]{1,10}|[0-9]{1,11}|[ .,:\\-/@\\n]|\u{200b}|\u{a0}|f\\. |tlf |født ){0,40}") {
        fuzzing::scan(s.as_bytes());
    }

    #[test]
    fn arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        fuzzing::identifiers(&b);
        fuzzing::amounts(&b);
        fuzzing::references(&b);
        fuzzing::scan(&b);
    }

    #[test]
    fn form_documents(history in ".{0,80}", year in any::<i64>(), amount in ".{0,12}") {
        let doc = serde_json::json!({"form": "tilgang-del2", "patient": {"medical_history": history, "birth_year": year},
            "costs": {"drug_per_month": amount}});
        let bytes = serde_json::to_vec(&doc).unwrap();
        fuzzing::forms(&bytes);
        fuzzing::gate(&bytes);
    }
}
