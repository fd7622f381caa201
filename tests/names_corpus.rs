//! A small corpus for measuring name detection: sentences in the style of part 2 free text
//! (medical history, function level, treatment plan) with planted names, and look-alike
//! sentences with no person name at all. Written for this crate; the names are common
//! Norwegian names or invented, no real patient data.
//!
//! Run with `cargo test --test names_corpus -- --nocapture` to see the numbers.
#![cfg(not(target_arch = "wasm32"))]

use skjemavakt::privacy::names::{find_names_original, PatientName};

/// The patient of part 1 used by the sentences marked `P`.
const PATIENT: &str = "Kari Anne Nordmann-Hansen";

/// Sentences with planted names in `[brackets]`. `P:` = searched with the patient's name
/// from part 1, `-:` = without.
const PLANTED: &[&str] = &[
    "P:[Kari] har hatt smerter siden 2019.",
    "P:Pasienten [Kari Nordmann-Hansen] er 51 år.",
    "P:[Nordmann-Hansen, Kari Anne] ønsker behandling.",
    "P:[Karis] foreldre er døde.",
    "P:Brev sendt til [K. Nordmann-Hansen].",
    "P:Signert av [K.A.N.] 12.03.",
    "P:[KARI NORDMANN-HANSEN] - henvisning.",
    "P:[Nordmanns] funksjonsnivå er redusert.",
    "P:pasienten [kari] er informert.",
    "P:[K\u{200B}ari]\u{A0}har samtykket.",
    "P:[Kari&nbsp;Anne] har to barn.",
    "P:[Hansen], Kari-mor til to.",
    "-:Hennes mann [Trygve] følger henne til behandling.",
    "-:Hun bor med samboer [Geir Olsen].",
    "-:Datteren [Ingrid] er pårørende.",
    "-:Pasientens mor, [Solveig], har samme diagnose.",
    "-:Sønnen [Mats] har ALS.",
    "-:Pas. [Ola Nordmann] ble henvist fra fastlegen.",
    "-:Pasient: [Per Hansen]",
    "-:Fru [Haugland] møtte alene.",
    "-:Herr [Bakke] ønsker behandling.",
    "-:Hun heter [Aisha] og er 34 år.",
    "-:Kontakt med [Ola Hansen] i går.",
    "-:Henvist av fastlege [Petter Moe].",
    "-:[Anne-Marie Bakken] har samtykket.",
    "-:[Øyvind Ødegård] er pasientens bror.",
    "-:Samtale med [Mohammad Ali] og tolk.",
    "-:[Ingrid Fjellvang] har vært innlagt.",
    "-:[Siv Andersen] er kontaktperson.",
    "-:Broren [Even] er donor.",
    "-:Søsteren [Liv] har samme mutasjon.",
    "-:Ektefelle [Dag Solberg] er informert.",
    "-:Samboeren [Jørgen] er verge.",
    "-:Barnet [Emma] går i barnehage.",
    "-:[Kristin Haugen] ringte om svaret.",
    "-:Pårørende: [Tone Eriksen], datter.",
    "-:Far, [Bjørn], døde av samme sykdom.",
    "-:Hun kalles [Kaja] av familien.",
    "-:Mannen [Zoltan] er fra Ungarn.",
    "-:Kontaktperson er [Hanne Johansen] (datter).",
    "-:Med hilsen [Lars Erik Berg]",
    "-:[Oda] og [Sigurd] er barnebarn.",
    "-:Info gitt til [Åse\u{00A0}Strand].",
    "-:[Ole\u{200F} Hansen] møtte opp.",
    "-:Datter [Ingrid] &amp; sønn [Mikkel] var med.",
    "-:Hennes kone [Mari-Ann] var tilstede.",
    "-:[Kari] og [Jon Inge Moen] er naboer.",
    "-:Svar sendt til [T. Johansen].",
    "-:[Fatima Hussain] har fått tolk.",
    "-:[Eirik] har diabetes type 1.",
    // Second batch, written after the first measurement and not tuned against.
    "-:Pasienten bor sammen med [Bente] og to katter.",
    "-:Informert [Randi Kvamme] per telefon.",
    "-:Ektemannen [Ahmed] tolker for henne.",
    "-:Mormor [Gudrun] hadde samme sykdom.",
    "-:Oppfølging hos dr. [Lunde] hver måned.",
    "-:[Jan Erik] og [Ellen] er foreldre.",
    "-:Kontakt [Silje Marie Strand] ved spørsmål.",
    "-:Undertegnet: [Thomas Berg], overlege.",
    "-:Tvillingbroren [Sander] har også sykdommen.",
    "-:Hun ønsker at [Marit] skal være med på samtalen.",
    "-:[Nguyen Van Minh] har fått tolk.",
    "-:Søknaden gjelder [Ola] (f. 1974).",
    "-:[Hilde] forteller om økende smerter.",
    "-:Pasienten, [Torbjørn], er 61 år.",
    "-:Verge: [Anita Sørensen].",
];

/// Look-alike sentences: ordinary words that are names, drugs, diseases named after people,
/// hospitals, titles without names. None holds a person name.
const LOOKALIKES: &[&str] = &[
    "Kostnad per måned: 45 000 kr.",
    "Legemiddelkostnad per år er beregnet ut fra maksimalpris.",
    "Oppstart i mai 2025, evaluering i august.",
    "Dag 3: ny blodprøve og CT.",
    "Dag 1 og dag 15 i hver syklus.",
    "Liv og helse er påvirket.",
    "Livskvaliteten er redusert.",
    "Per dag gis 2 tabletter.",
    "Mai 2024: progresjon på MR.",
    "Vår vurdering er at effekten er god.",
    "Finn ut om studien fortsatt rekrutterer.",
    "Storm og glatte veier ga forsinket oppmøte.",
    "Hans kone er pårørende.",
    "Hun og hans mann bor sammen.",
    "Parkinsons sykdom er utelukket.",
    "Crohns sykdom ble diagnostisert i 2010.",
    "Morbus Bechterew med aktiv sykdom.",
    "Hodgkin lymfom i remisjon.",
    "Alzheimers sykdom i familien.",
    "Keytruda ble gitt hver tredje uke.",
    "Herceptin og Perjeta er prøvd.",
    "Spinraza er søkt gjennom Tilgangsordningen.",
    "Produsent er Eli Lilly.",
    "Behandlet ved Martina Hansens Hospital.",
    "Innlagt på St. Olavs hospital i 2023.",
    "Haukeland universitetssjukehus har vurdert saken.",
    "Overlege og LIS vurderte saken.",
    "Fastlegen er informert.",
    "Pasientens navn: Ikke oppgitt.",
    "Mor har diabetes.",
    "Far er død.",
    "Datteren er frisk.",
    "Bror og søster er friske.",
    "Sol og varme gir utslett.",
    "Ask og bjørk gir pollenallergi.",
    "Lie og Moen er stedsnavn i kommunen.",
    "Stein i nyren ble fjernet.",
    "Tone og stemmeleie er normalt.",
    "Iris er normal ved undersøkelsen.",
    "Rett til nødvendig helsehjelp er vurdert.",
    "Frank blødning fra tarm.",
    "Even om effekten er usikker, er risikoen lav.",
    "Line og kateter ble fjernet.",
    "Gro frem nytt vev etter operasjonen.",
    "Kai er ikke relevant.",
    "Tom for medisin i tre dager.",
    "Max dose er 200 mg.",
    "Per oral behandling er prøvd.",
    "Helse Bergen og Helse Vest har avslått.",
    "Nye metoder har ID2023_013.",
    "Pasienten har fått informasjon om Tilgangsordningen.",
    "Pasienten samtykker.",
    "Søknaden er godkjent av fagdirektør.",
    "Mosjon tre ganger per uke.",
    "Hver dag tar hun insulin.",
    "I mai og juni var hun innlagt.",
    "August 2023: residiv.",
    "Lykke og mestring er mål for behandlingen.",
    "Dagens funksjonsnivå: ECOG 1.",
    "Metoden er ikke innført i spesialisthelsetjenesten.",
    // Second batch, written after the first measurement and not tuned against.
    "Pasienten Bruker rullator ute.",
    "Ingen Bivirkninger rapportert.",
    "Eventuelle Kostnader til transport kommer i tillegg.",
    "Ved Progresjon avsluttes behandlingen.",
    "Kreftforeningen og Pasientombudet er kontaktet.",
    "Sykehuset Innlandet og Sørlandet sykehus har liknende saker.",
    "Dosering: Ocrevus 600 mg hver 6. måned.",
    "Ifølge Felleskatalogen er dosen 10 mg.",
    "ECOG 2, Karnofsky 70.",
    "Studien NCT01234567 (Phase III) er avsluttet.",
    "Cochrane-oversikten fra 2021 viser liten effekt.",
    "Mor: frisk. Far: hjerteinfarkt.",
    "Pasienten er datter av innvandrere.",
    "Lege i spesialisering har fylt ut skjemaet.",
    "Nasjonalt kompetansesenter for sjeldne diagnoser er konsultert.",
    "Hun er avhengig av hjelp til ADL.",
    "Tidligere behandling: Revlimid, Velcade og Darzalex.",
    "Dagen etter infusjon var hun kvalm.",
    "Rituximab ble seponert i juni.",
    "Prof. dr. med. og overlege har vurdert.",
];

/// Strips the brackets and returns the text and the planted byte ranges.
fn plant(s: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = 0;
    for c in s.chars() {
        match c {
            '[' => open = text.len(),
            ']' => spans.push((open, text.len())),
            _ => text.push(c),
        }
    }
    (text, spans)
}

struct Scores {
    planted: usize,
    found: usize,
    lookalikes: usize,
    clean: usize,
    extra_in_planted: usize,
}

fn score() -> Scores {
    let patient = PatientName::new(PATIENT);
    let mut s = Scores {
        planted: 0,
        found: 0,
        lookalikes: LOOKALIKES.len(),
        clean: 0,
        extra_in_planted: 0,
    };
    for line in PLANTED {
        let (with_patient, body) = line.split_at(2);
        let (text, spans) = plant(body);
        let p = (with_patient == "P:").then_some(&patient);
        let hits = find_names_original(&text, p);
        for &(a, b) in &spans {
            s.planted += 1;
            // Found: a hit covers the planted name (at least its first word).
            let covered = hits.iter().any(|h| h.start <= a && h.end >= b.min(a + 1));
            if covered {
                s.found += 1;
            } else {
                println!("missed: {text}");
            }
        }
        s.extra_in_planted += hits
            .iter()
            .filter(|h| !spans.iter().any(|&(a, b)| h.start < b && a < h.end))
            .count();
    }
    for text in LOOKALIKES {
        let hits = find_names_original(text, None);
        if hits.is_empty() {
            s.clean += 1;
        } else {
            println!("false hit: {text}");
        }
    }
    s
}

#[test]
fn recall_and_lookalike_precision() {
    let s = score();
    let recall = s.found as f64 / s.planted as f64;
    let clean = s.clean as f64 / s.lookalikes as f64;
    println!(
        "recall on planted names: {}/{} = {:.1} %; look-alike sentences with no hit: {}/{} = {:.1} %; hits outside planted names: {}",
        s.found,
        s.planted,
        recall * 100.0,
        s.clean,
        s.lookalikes,
        clean * 100.0,
        s.extra_in_planted
    );
    assert!(s.planted >= 50 && s.lookalikes >= 50);
    assert!(recall >= 0.9, "recall {recall}");
    assert!(clean >= 0.9, "look-alikes clean {clean}");
}
