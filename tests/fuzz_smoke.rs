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
    // The valid applications with part 1's identifiers planted where a tester put them
    // (issue 17), and as [part 2, part 1].
    let del2 = std::fs::read_to_string(format!("{dir}/tilgang-del2-valid.json")).unwrap();
    let del1 = std::fs::read_to_string(format!("{dir}/tilgang-del1-valid.json")).unwrap();
    for (from, to) in [
        ("\"Overlege Ingrid Solberg\"", "\"Kari Nordmann\""),
        (
            "\"Helse Bergen\"",
            "\"Helse Bergen １４０３７４ １００２１\"",
        ),
        ("\"birth_year\": 1974", "\"birth_year\": 1.4037410021e10"),
        (
            "\"npr_id\": \"HBE-4f1c2a9e-77b0\"",
            "\"npr_id\": \"14O3741OO21\"",
        ),
        (
            "https://doi.org/10.1056/NEJMoa2302299",
            "https://x.no/?navn=Kari%20Nordmann",
        ),
        (
            "\"legal_sex\": \"female\",",
            "\"legal_sex\": \"female\", \"form\": \"Kari Nordmann 14037410021\",",
        ),
        ("2025-05-12-HBE-ONK", "2025-05-12-HBE-KARI_NORDMANN"),
    ] {
        out.push(del2.replace(from, to).into_bytes());
    }
    out.push(format!("[{del2}, {del1}]").into_bytes());
    // Found by `scripts/fuzz.sh scan`: handles glued one after the other by a sign that is no
    // letter («…197�@out…»); each was found only once the next one was replaced, one more
    // per round of redaction, so redacting twice changed the text.
    out.push("@outook.n.197\u{FFFD}".repeat(8).into_bytes());
    // Found by `scripts/fuzz.sh scan`: a long run of digits after an IPv6-like time
    // («10:4:45.555…») overflowed the IPv4 octet's value.
    out.push(format!("kl. 10:4:45.{}202'", "5".repeat(40)).into_bytes());
    // Found by `scripts/fuzz.sh scan`: «San» read as a saint's «St.» across other signs
    // («Elin San~~~. Olav»); once «Elin San» was redacted, «Olav» was a name.
    out.push(
        "Epi Elin San\u{FFFD}\u{FFFD}\u{FFFD}. Olav:::"
            .as_bytes()
            .to_vec(),
    );
    // The fuzz targets' crashes as found (tests/fuzz_regressions/<target>-<what>).
    let crashes = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz_regressions");
    for e in std::fs::read_dir(crashes).unwrap().flatten() {
        out.push(std::fs::read(e.path()).unwrap());
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
        fuzzing::seal(&s);
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
        fuzzing::seal(&bytes);
    }
}

#[cfg(feature = "cli")]
#[path = "../fuzz/cli_path.rs"]
mod cli_path;

/// The `seal` target's whole command-line path on the seed corpus and random documents.
#[cfg(feature = "cli")]
#[test]
fn seal_through_the_command_line() {
    for s in seeds() {
        cli_path::seal_cli(&s);
        // A leading space: the same document, printed for people (the first byte chooses).
        let mut human = b" ".to_vec();
        human.extend_from_slice(&s);
        cli_path::seal_cli(&human);
    }
}
