use super::scan::{hits_in, window_hits};
use super::*;
use detect::Detectors;

#[test]
fn windows_find_what_the_whole_text_finds() {
    // Long runs of mutated corpus sentences (an identifier or a look-alike in every
    // one), cut into windows every few kilobytes: the hits must be those of one scan of
    // the whole text — at every seam, in every kind, with and without names.
    let lines = testing::corpus_lines();
    let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    let all = Detectors {
        all: true,
        literature_only: false,
    };
    let alphabet: Vec<char> = "aKN -'.,:\n\u{a0}ØÅÉ1@".chars().collect();
    let mut rnd = testing::rng(0xD1B5_4A32_D192_ED03);
    let mut texts: Vec<String> = Vec::new();
    for _ in 0..100 {
        let mut chars: Vec<char> = Vec::new();
        let length = 30_000 + rnd(30_000);
        while chars.len() < length {
            chars.extend(lines[rnd(lines.len())].chars());
            chars.push(if rnd(3) == 0 { '\n' } else { ' ' });
            if rnd(4) == 0 {
                let at = rnd(chars.len());
                chars.insert(at, alphabet[rnd(alphabet.len())]);
            }
        }
        texts.push(chars.into_iter().collect());
    }
    // As in use: longer than SPLIT_FROM, cut at the production chunk length.
    let mut long = String::new();
    while long.len() < 160 << 10 {
        long.push_str(&lines.join(" "));
        long.push('\n');
    }
    texts.push(long);
    let (mut found, mut seams) = (0, 0);
    for (i, text) in texts.iter().enumerate() {
        let n = normalize::normalize(text);
        let chunk = if i + 1 == texts.len() {
            windows::CHUNK
        } else {
            4 << 10
        };
        seams += windows::windows(n.text.as_bytes(), chunk).len() - 1;
        for with_names in [true, false] {
            let whole = window_hits(&n.text, all, with_names, &id);
            let cut = hits_in(&n.text, all, with_names, &id, chunk);
            assert_eq!(format!("{whole:?}"), format!("{cut:?}"), "{text:?}");
            found += whole.len();
        }
    }
    assert!(seams > 200 && found > 30_000, "{seams} seams, {found} hits");
}

#[test]
fn a_finding_across_a_seam_is_kept_whole() {
    // A run of capitalised names longer than the margin around a cut: the windows each
    // see a piece, and together they still cover all of it.
    let name_run = "Kari Nordmann ".repeat(600);
    let filler = "pasienten har fått behandling ved avdelingen i flere år. ".repeat(1_200);
    let text = format!("{filler}\n{name_run}\n{filler}");
    let id = Identity::new(Some("Kari Nordmann"), None);
    let all = Detectors {
        all: true,
        literature_only: false,
    };
    let windows = windows::windows(text.as_bytes(), 8 << 10);
    let run_start = filler.len() + 1;
    let run_end = run_start + name_run.trim_end().len();
    assert!(windows
        .iter()
        .any(|w| (run_start + 100..run_end - 100).contains(&w.start)));
    let whole = window_hits(&text, all, true, &id);
    let cut = hits_in(&text, all, true, &id, 8 << 10);
    let covered = |hits: &[detect::Hit]| {
        hits.iter()
            .filter(|h| h.start < run_end && h.end > run_start)
            .map(|h| h.end - h.start)
            .sum::<usize>()
    };
    assert!(
        covered(&whole) >= run_end - run_start - 600,
        "{}",
        covered(&whole)
    );
    assert!(
        covered(&cut) >= covered(&whole),
        "{} < {}",
        covered(&cut),
        covered(&whole)
    );
}

#[test]
fn scan_maps_offsets_back_to_the_original() {
    let text = "Tlf\u{a0}912\u{200b}34\u{a0}567 — ring!";
    let f = scan_text(text, &Identity::none());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, FindingKind::Phone);
    let found = text.get(f[0].span.start..f[0].span.end).unwrap();
    assert!(
        found.starts_with("912") && found.ends_with("567"),
        "{found:?}"
    );
}

#[test]
fn each_finding_says_why_it_was_found() {
    let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    for (text, want) in [
        (
            "Kari Nordmann ble henvist.",
            (FindingKind::Name, Basis::Patient),
        ),
        ("Hun har datter Sigrun.", (FindingKind::Name, Basis::Cue)),
        (
            "Overlege Hjelmstad svarte.",
            (FindingKind::Name, Basis::Cue),
        ),
        ("Ingrid Solberg ringte.", (FindingKind::Name, Basis::List)),
        // A record cue before it too: the valid number wins, and its check digits say so.
        (
            "fnr 26111593816.",
            (FindingKind::NationalId, Basis::Checksum),
        ),
        (
            "ref 26111593817 .",
            (FindingKind::PossibleNationalId, Basis::Pattern),
        ),
        (
            "konto 8601 11 17947.",
            (FindingKind::Account, Basis::Checksum),
        ),
        (
            "IBAN NO93 8601 1117 947.",
            (FindingKind::Account, Basis::Checksum),
        ),
        ("tlf 912 34 567.", (FindingKind::Phone, Basis::Cue)),
        (
            "Svar til +47 912 34 567.",
            (FindingKind::Phone, Basis::Pattern),
        ),
        ("Svar til 912 34 567.", (FindingKind::Phone, Basis::Pattern)),
        (
            "Hun er f. 02.05.1961.",
            (FindingKind::BirthDate, Basis::Cue),
        ),
        (
            "Kontroll 14.03.1974.",
            (FindingKind::BirthDate, Basis::Patient),
        ),
        ("Journalnr 123456.", (FindingKind::RecordNumber, Basis::Cue)),
        (
            "Storgata 12, 5003 Bergen.",
            (FindingKind::Address, Basis::Pattern),
        ),
        ("Hun bor i Fana.", (FindingKind::Address, Basis::Cue)),
        ("Postnr. 5007.", (FindingKind::Address, Basis::Cue)),
        (
            "Adresse: 2005 Rælingen.",
            (FindingKind::Address, Basis::Cue),
        ),
        (
            "Ut til 5021 Bergen.",
            (FindingKind::Address, Basis::Pattern),
        ),
        (
            "Skriv til kari@example.no.",
            (FindingKind::Email, Basis::Pattern),
        ),
        (
            "Fra 192.168.10.20 i natt.",
            (FindingKind::IpAddress, Basis::Pattern),
        ),
    ] {
        let found: Vec<(FindingKind, Basis)> = scan_text(text, &id)
            .iter()
            .map(|f| (f.kind, f.basis))
            .collect();
        assert_eq!(found, [want], "{text:?}");
    }
}
