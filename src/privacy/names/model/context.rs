//! What around a run of name words shows that it is no person's name here: an institution
//! or place («Martina Hansens Hospital», «Sykehuset Østfold Kalnes», «St. Olavs hospital»,
//! «Helse Fonna»), a literature reference («Hansen et al. 2020», «Drilon A, Camidge DR»),
//! or a drug with its dose or generic name («Evrysdi 5 mg», «Keytruda (pembrolizumab)»).
//!
//! The rules of [`crate::privacy::names`] keep such names by their lists (organisation
//! words, «St.»); the model, trained on newspaper text, needs the same knowledge of what
//! clinical text is full of. Each rule here is a pattern of the domain, not a list of the
//! names it keeps.

use super::features::Word;
use super::Scratch;
use crate::lexicon::names::X_NOT_NAME;

/// Name-list flags ([`super::features::Info::lists`]).
const SAINT: u8 = 128;

/// Endings of words that name an institution, a part of one, or an administrative area:
/// a word ending so (or being one) is no person's name, and makes the capitalised words
/// right before or after it part of the institution's or place's name.
const INSTITUTION_ENDINGS: &[&str] = &[
    "sykehus",
    "sykehuset",
    "sjukehus",
    "sjukehuset",
    "hospital",
    "hospitalet",
    "klinikk",
    "klinikken",
    "clinic",
    "senter",
    "senteret",
    "sentret",
    "center",
    "centre",
    "institutt",
    "instituttet",
    "institute",
    "universitet",
    "universitetet",
    "university",
    "legekontor",
    "legekontoret",
    "kommune",
    "fylke",
    "fylkeskommune",
    "foretak",
    "helseforetak",
    "avdeling",
    "avdelingen",
    "direktorat",
    "direktoratet",
    "departement",
    "departementet",
    "tilsyn",
    "tilsynet",
    "forening",
    "foreningen",
    "forbund",
    "forbundet",
    "stiftelse",
    "stiftelsen",
    "hjem",
    "hjemmet",
    "heim",
    "heimen",
];

/// Words after which capitalised words name a place or an institution, not a person
/// («Helse Fonna», «Nedre Eiker», «Vestre Viken»).
const PLACE_BEFORE: &[&str] = &[
    "helse", "nedre", "ovre", "vestre", "ostre", "sondre", "nordre", "indre", "ytre",
];

/// Words after a name that make it an author's in a reference.
const CITATION_AFTER: &[&str] = &["et", "mfl", "m.fl"];

/// Lower-case words after a name and «og»/«and» that make it an author's.
const COAUTHORS: &[&str] = &[
    "medarbeidere",
    "medarbeidarar",
    "kolleger",
    "kollegaer",
    "medforfattere",
    "medforfattarar",
    "colleagues",
    "coworkers",
];

/// Units after a number after the word: a drug's dose («Humira 40 mg»), a lab value
/// («Kreatinin 85 µmol/L»), a distance («Haugen 3 km unna»). Not «år»: «Hansen 45 år».
const UNITS: &[&str] = &[
    "mg",
    "g",
    "ml",
    "µg",
    "mcg",
    "mikrogram",
    "ie",
    "iu",
    "e",
    "mmol",
    "mg/kg",
    "mg/m2",
    "mg/m²",
    "tablett",
    "tabletter",
    "kapsel",
    "kapsler",
    "µmol/l",
    "mmol/l",
    "nmol/l",
    "g/l",
    "g/dl",
    "%",
    "prosent",
    "meter",
    "m",
    "km",
    "cm",
    "mm",
];

/// `word` in lower case equals `key` (lower case).
fn is(word: &str, key: &str) -> bool {
    let mut a = word.chars().map(crate::letter_case::lower_char);
    let mut b = key.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

fn one_of(word: &str, keys: &[&str]) -> bool {
    if word.is_ascii() {
        // Lengths first: most comparisons end there.
        return keys
            .iter()
            .any(|k| k.len() == word.len() && k.as_bytes().eq_ignore_ascii_case(word.as_bytes()));
    }
    keys.iter().any(|k| is(word, k))
}

/// `true` for a word's key ([`crate::lexicon::names::key`]: lower case, æøå folded; or a
/// word of ASCII letters in any case) that names an institution or area by its ending
/// («rikshospitalet», «nordlandssykehuset», «kreftavdelingen»), or that starts a place's
/// name («helse», «nedre», «ovre»): never a person's name.
pub fn institution_key(key: &str) -> bool {
    ends_with_any(key, INSTITUTION_ENDINGS) || one_of(key, PLACE_BEFORE)
}

/// `key` ends with one of `endings` (lower-case ASCII), ASCII case ignored (the last byte
/// compared first: most words end in none).
fn ends_with_any(key: &str, endings: &[&str]) -> bool {
    let b = key.as_bytes();
    let Some(&z) = b.last() else {
        return false;
    };
    let z = z.to_ascii_lowercase();
    endings.iter().any(|e| {
        let e = e.as_bytes();
        e.last() == Some(&z)
            && b.len() >= e.len()
            && b.get(b.len() - e.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(e))
    })
}

fn text_of<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    words
        .get(i)
        .and_then(|w| text.get(w.start..w.end))
        .unwrap_or("")
}

/// Spaces only between words `a` and `b` (an initial's or abbreviation's dot allowed).
fn spaced(text: &str, words: &[Word], a: usize, b: usize) -> bool {
    let (Some(x), Some(y)) = (words.get(a), words.get(b)) else {
        return false;
    };
    let g = text.get(x.end..y.start).unwrap_or("");
    let g = g.strip_prefix('.').unwrap_or(g);
    !g.is_empty() && g.len() <= 3 && g.bytes().all(|b| b == b' ')
}

/// Lower-case words that make the capitalised word right before them an eponym («Marfans
/// syndrom», «Ewing sarkom», «Pompes sykdom»), bokmål and nynorsk.
const DISEASE_AFTER: &[&str] = &[
    "sykdom",
    "sjukdom",
    "syndrom",
    "lymfom",
    "sarkom",
    "tumor",
    "tumour",
    "svulst",
    "parese",
    "anomali",
    "cyste",
    "cyster",
    "tegn",
    "test",
    "manøver",
    "fenomen",
    "kriterier",
    "kriteriene",
    "klassifikasjon",
    "skala",
    "score",
    "operasjon",
    "prosedyre",
    "disease",
    "syndrome",
];

/// Endings of international non-proprietary names of drugs (WHO INN stems): a capitalised
/// word ending so starts a sentence with a drug («Osimertinib er førstelinjebehandling»).
const INN_ENDINGS: &[&str] = &[
    "mab",
    "nib",
    "ciclib",
    "parib",
    "lisib",
    "zomib",
    "platin",
    "taxel",
    "rubicin",
    "tecan",
    "mustin",
    "limus",
    "gliflozin",
    "gliptin",
    "glutid",
    "glutide",
    "sartan",
    "floxacin",
    "mycin",
    "cillin",
    "prazol",
    "dronat",
    "parin",
    "xaban",
    "gatran",
    "statin",
    "vir",
    "cept",
    "kinra",
];

/// Verbs after which a capitalised word is a drug given, not a person («Pasienten fikk
/// Tamiflu», «behandles med Humira», «byttet til Fragmin»).
const GIVEN_AFTER: &[&str] = &[
    "fikk",
    "fått",
    "får",
    "bruker",
    "brukte",
    "brukt",
    "tar",
    "tok",
    "behandles",
    "behandlet",
    "behandla",
    "startet",
    "starta",
    "byttet",
    "bytta",
    "byttes",
    "seponert",
    "seponerte",
    "doseres",
    "forskrevet",
    "forskreve",
    "foreskrevet",
    "behandling",
    "behandlingen",
    "kombinasjon",
    "kombinasjonen",
    "monoterapi",
    "oppstart",
    "bytte",
    "byte",
];

/// Verbs (right after the word, or after «ble»/«vart»/«er»/«blir») that make a
/// capitalised word a drug («Spinraza ble seponert», «Takhzyro gis hver fjortende dag»).
const GIVEN_BEFORE: &[&str] = &[
    "gis",
    "gitt",
    "gjevast",
    "brukes",
    "brukast",
    "doseres",
    "seponeres",
    "seponert",
    "seponeras",
    "startes",
    "startet",
    "trappes",
    "trappet",
    "administreres",
    "infunderes",
    "injiseres",
    "forskrives",
    "tolereres",
    "tolerert",
    "virker",
    "verkar",
];

/// `true` for a word's key that ends like a drug's international name (an INN stem) and is
/// longer than five letters.
pub fn drug_key(low: &str) -> bool {
    low.chars().nth(5).is_some() && ends_with_any(low, INN_ENDINGS)
}

/// How far around a name [`in_reference`] looks (bytes, each side, within the line).
const REFERENCE_REACH: usize = 120;

/// `true` when the name at `start..end` stands in a literature reference: on its line,
/// within [`REFERENCE_REACH`] bytes, a year followed by a volume («2024;390(2)»,
/// «2021;3:CD012345»). Authors' names in references are public and no patient's; the rules
/// do not look for names in the literature fields either. («Hansen et al.» is found by
/// what follows the name.)
fn in_reference(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut from = start.saturating_sub(REFERENCE_REACH);
    let mut to = (end + REFERENCE_REACH).min(bytes.len());
    if let Some(nl) = bytes
        .get(from..start)
        .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
    {
        from += nl + 1;
    }
    if let Some(nl) = bytes
        .get(end..to)
        .and_then(|b| b.iter().position(|&c| c == b'\n'))
    {
        to = end + nl;
    }
    let near = bytes.get(from..to).unwrap_or_default();
    if !near.contains(&b';') {
        return false;
    }
    let digit = |i: usize| near.get(i).is_some_and(u8::is_ascii_digit);
    near.iter()
        .enumerate()
        .filter(|&(_, &c)| c == b';')
        .any(|(i, _)| i >= 4 && (i - 4..i).all(digit) && digit(i + 1))
}

/// `true` when the run of name words `first..=last` is no person's name by what is around
/// it (see the module's documentation).
pub fn not_a_person(
    text: &str,
    words: &[Word],
    first: usize,
    last: usize,
    s: &mut Scratch,
) -> bool {
    // Before: «St.»/«Sankt» (a list flag), a place word, an institution word.
    if let Some(p) = first.checked_sub(1) {
        if spaced(text, words, p, first)
            && (words.get(p).is_some_and(|w| w.lists & SAINT != 0) || s.institution(text, words, p))
        {
            return true;
        }
    }
    // After: up to three more capitalised words, then an organisation or institution word.
    let mut j = last;
    for _ in 0..4 {
        if !spaced(text, words, j, j + 1) {
            break;
        }
        let Some(next) = words.get(j + 1) else { break };
        if s.institution(text, words, j + 1) {
            return true;
        }
        if !next.cap {
            break;
        }
        j += 1;
    }
    let in_ref = || {
        let (Some(f), Some(l)) = (words.get(first), words.get(last)) else {
            return false;
        };
        in_reference(text, f.start, l.end)
    };
    label(text, words, first, last)
        || citation_or_dose(text, words, last, j)
        || drug_or_eponym(text, words, first, last)
        || in_ref()
}

/// A single word that opens a line or a sentence and is followed by a colon is a label
/// («Postadresse: …», «Kontonr: …», «Hoveddiagnose: …»): the name, if any, comes after it.
fn label(text: &str, words: &[Word], first: usize, last: usize) -> bool {
    let Some(w) = words.get(first).filter(|_| first == last) else {
        return false;
    };
    let colon = text
        .get(w.end..)
        .is_some_and(|r| r.trim_start_matches(' ').starts_with(':'));
    let before = text
        .get(..w.start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    colon && (before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', ';']))
}

/// Words a drug is said to be, after «er», «ble» …: approved, indicated, introduced,
/// reimbursed («Kimmtrak er godkjent for uvealt melanom»), and adjectives in the neuter
/// form a person is never described with («Koselugo er aktuelt for barnet»: a person is
/// «aktuell»).
const DRUG_PREDICATES: &[&str] = &[
    "godkjent",
    "godkjend",
    "indisert",
    "indikert",
    "innført",
    "innfort",
    "refundert",
    "markedsført",
    "registrert",
    "aktuelt",
    "effektivt",
    "dyrt",
    "trygt",
    "tilgjengeleg",
];

/// Endings of nouns that name what a drug is («Columvi og Lunsumio er bispesifikke
/// antistoffer», «X er en PD-1-hemmer»).
const DRUG_CLASSES: &[&str] = &[
    "hemmer",
    "hemmere",
    "hemmar",
    "hemmarar",
    "antistoff",
    "antistoffer",
    "antistoffet",
    "legemiddel",
    "legemidler",
    "legemiddelet",
    "legemidlet",
    "preparat",
    "preparatet",
    "preparater",
    "medikament",
    "medikamentet",
    "medikamenter",
    "vaksine",
    "vaksinen",
];

/// After the word (and a word coordinated with it: «Trimbow og X», «X, Y»), «er», «ble» …
/// and, within three words, what only a drug is said to be ([`DRUG_PREDICATES`],
/// [`DRUG_CLASSES`]), or «lagt til» («Kerendia ble lagt til»).
fn drug_predicate(text: &str, words: &[Word], last: usize) -> bool {
    let word = |k: usize| words.get(k).map(|_| text_of(text, words, k));
    let mut j = last + 1;
    // «X og Y er …», «X, Y er …»: a capitalised word coordinated with it.
    let gap = |a: usize, b: usize| {
        words
            .get(a)
            .zip(words.get(b))
            .and_then(|(x, y)| text.get(x.end..y.start))
            .unwrap_or("")
            .trim()
    };
    if word(j).is_some_and(|w| one_of(w, &["og", "eller", "and", "or"]))
        && words.get(j + 1).is_some_and(|w| w.cap)
        && spaced(text, words, last, j)
    {
        j += 2;
    } else if gap(last, j) == "," && words.get(j).is_some_and(|w| w.cap) {
        j += 1;
    }
    let aux = [
        "er", "ble", "blir", "var", "vert", "vart", "blei", "har", "kan", "skal",
    ];
    if !word(j).is_some_and(|w| one_of(w, &aux)) || !spaced(text, words, j - 1, j) {
        return false;
    }
    (j + 1..=j + 3).any(|k| {
        let Some(w) = word(k).filter(|_| spaced(text, words, k - 1, k)) else {
            return false;
        };
        one_of(w, DRUG_PREDICATES)
            || ends_with_any(w, DRUG_CLASSES)
            || (is(w, "lagt") && word(k + 1).is_some_and(|n| is(n, "til")))
    })
}

/// A single word given as a drug («fikk X», «X ble seponert»), an eponym («X syndrom»), or
/// coordinated with a word of the not-names list («Trimbow og X», «X og Revlimid»).
fn drug_or_eponym(text: &str, words: &[Word], first: usize, last: usize) -> bool {
    if first != last {
        return false;
    }
    let after = |k: usize| {
        spaced(text, words, last + k - 1, last + k).then(|| text_of(text, words, last + k))
    };
    if let Some(n) = after(1) {
        if one_of(n, DISEASE_AFTER) || one_of(n, GIVEN_BEFORE) {
            return true;
        }
        let aux = ["ble", "vart", "er", "blir", "vert", "har", "blei"];
        if one_of(n, &aux) && after(2).is_some_and(|m| one_of(m, GIVEN_BEFORE)) {
            return true;
        }
    }
    if drug_predicate(text, words, last) {
        return true;
    }
    if let Some(p) = first.checked_sub(1) {
        if spaced(text, words, p, first) {
            let w = text_of(text, words, p);
            let via = ["med", "til", "av"];
            let given = one_of(w, GIVEN_AFTER)
                || (one_of(w, &via)
                    && p.checked_sub(1).is_some_and(|q| {
                        spaced(text, words, q, p) && one_of(text_of(text, words, q), GIVEN_AFTER)
                    }));
            if given {
                return true;
            }
        }
    }
    // Coordination with a word of the not-names list: «Trimbow og X», «X, Revlimid».
    let listed_beside = |a: usize, b: usize, other: usize| {
        let (Some(x), Some(y)) = (words.get(a), words.get(b)) else {
            return false;
        };
        let g = text.get(x.end..y.start).unwrap_or("").trim();
        matches!(g, "," | "og" | "eller" | "and" | "or")
            && words
                .get(other)
                .is_some_and(|w| w.cap && w.extra & X_NOT_NAME != 0)
    };
    (first >= 2 && listed_beside(first - 2, first, first - 2))
        || (first >= 1 && listed_beside(first - 1, first, first - 1))
        || listed_beside(last, last + 2, last + 2)
        || listed_beside(last, last + 1, last + 1)
}

/// After the name (`last`), or after the capitalised words that follow it (`end`): a
/// reference («et al.», «mfl.», «og medarbeidere», a year, an author's initials) or a dose
/// or generic name of a drug.
fn citation_or_dose(text: &str, words: &[Word], last: usize, end: usize) -> bool {
    let Some(lw) = words.get(last) else {
        return false;
    };
    // An author's initials after the surname, without dots: «Drilon A,», «Camidge DR,»,
    // «Shaw AT.» (as the run's last word, or right after it).
    for k in [last, last + 1] {
        let (Some(p), Some(n)) = (k.checked_sub(1).and_then(|p| words.get(p)), words.get(k)) else {
            continue;
        };
        let t = text_of(text, words, k);
        let initials = (1..=3).contains(&t.chars().count()) && t.chars().all(char::is_uppercase);
        let after = text.get(n.end..).and_then(|r| r.chars().next());
        if initials
            && matches!(after, None | Some(',' | ';'))
            && text.get(p.end..n.start) == Some(" ")
        {
            return true;
        }
    }
    for k in [last, end] {
        let Some(w) = words.get(k) else { continue };
        let rest = text.get(w.end..).unwrap_or("");
        let rest = rest.trim_start_matches([' ', ',']);
        // A year: «Hansen 2020», «Larsen (2022)», «Gross, 1996».
        let year = rest.trim_start_matches('(');
        let digits = year.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4 && (year.starts_with("19") || year.starts_with("20")) {
            return true;
        }
        // A dose or a measure: «Evrysdi 5 mg», «Humira 40 mg», «Bakken 2 meter».
        if (1..=5).contains(&digits) {
            let unit = year
                .get(digits..)
                .unwrap_or("")
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
                .trim_start();
            let u = unit.split([' ', ')', ',', '.', ';']).next().unwrap_or("");
            if !u.is_empty() && one_of(u, UNITS) {
                return true;
            }
        }
        // A generic name in brackets: «Keytruda (pembrolizumab)».
        if let Some(inner) = rest.strip_prefix('(') {
            let first = inner.split([' ', ')', ',']).next().unwrap_or("");
            if first.chars().count() >= 5 && first.chars().all(|c| c.is_lowercase()) {
                return true;
            }
        }
    }
    // «et al.», «mfl.», «og medarbeidere» after the name.
    let n = last + 1;
    if spaced(text, words, last, n)
        || words
            .get(n)
            .is_some_and(|w| text.get(lw.end..w.start).is_some_and(|g| g.trim() == ","))
    {
        let w = text_of(text, words, n);
        if one_of(w, CITATION_AFTER) && (w != "et" || is(text_of(text, words, n + 1), "al")) {
            return true;
        }
        if (is(w, "og") || is(w, "and") || is(w, "med"))
            && one_of(text_of(text, words, n + 1), COAUTHORS)
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::words_into;
    use super::*;

    /// Is the word marked with `*` in `marked`, taken as a name, kept as no person's?
    fn kept(marked: &str) -> bool {
        let at = marked.find('*').unwrap();
        let text = marked.replacen('*', "", 1);
        let mut words = Vec::new();
        words_into(&text, &mut words);
        let i = words.iter().position(|w| w.start == at).unwrap();
        not_a_person(&text, &words, i, i, &mut Scratch::default())
    }

    #[test]
    fn institutions_places_references_and_drugs_are_no_persons() {
        for t in [
            "ved *Martina Hansens Hospital i Oslo",
            "ved *Sunnaas sykehus",
            "ved *Mayo Clinic",
            "fra *Lovisenberg Diakonale Sykehus",
            "i Helse *Fonna",
            "i Nedre *Eiker",
            "ved Sykehuset *Østfold",
            "ved Nordlandssykehuset *Bodø",
            "se *Hansen et al. 2020",
            "i studien til *Larsen og medarbeidere",
            "som *Larsen (2022) viste",
            "*Drilon A, Camidge DR.",
            "fikk *Evrysdi 5 mg daglig",
            "fikk *Humira 40 mg",
            "fikk *Keytruda (pembrolizumab) i to år",
            "*Haugen 3 km unna",
            "*Kreatinin 85 µmol/L",
            "med *Marfans syndrom",
            "pasienten fikk *Tamiflu i februar",
            "behandles med *Humira",
            "da *Spinraza ble seponert",
            "*Ultibro og Seretide ble vurdert",
            "*Kimmtrak er godkjent for uvealt melanom",
            "*Koselugo er aktuelt for barnet",
            "*Kerendia ble lagt til for nyrefunksjonen",
            "*Columvi og Lunsumio er bispesifikke antistoffer",
            "Columvi og *Lunsumio er bispesifikke antistoffer",
            "*Trimbow, Ultibro er begge hemmere",
            "god effekt av behandling med *Xolair",
            "*Shaw AT, Solomon BJ. Lancet Oncol. 2019;20(12):1691-1701.",
            "Non-Small-Cell *Lung Cancer. N Engl J Med. 2024;390(2):118-131.",
            "Cochrane *Database Syst Rev. 2021;3:CD012345.",
        ] {
            assert!(kept(t), "{t}");
        }
    }

    #[test]
    fn persons_stay_persons() {
        for t in [
            "sa *Steinnes til avisen",
            "*Steinnes ble informert",
            "møtte Barry *Kidston i går",
            "*Kidston (45) er lege",
            "*Hansen 45 år, innlagt",
            "møtte *Hansen og Olsen",
            "samtale med *Steinnes om saken",
            "*Steinnes ble informert om saken",
            "*Steinnes ble informert 2. mai; 2024 var året",
            "ringte *Hansen om saken",
            "Anne Hansen og Per *Olsen",
            "*Hansen er aktuell for behandling",
            "*Hansen ble lagt inn i går",
            "*Hansen og Olsen er informert",
        ] {
            assert!(!kept(t), "{t}");
        }
    }

    #[test]
    fn institution_endings() {
        let inst = |w: &str| institution_key(&crate::letter_case::lower(w));
        assert!(inst("Rikshospitalet") && inst("Kreftavdelingen"));
        assert!(inst("SYKEHUSET") && inst("Helse"));
        assert!(!inst("Steinnes") && !inst("Hansen"));
        assert!(drug_key("osimertinib") && drug_key("pembrolizumab") && !drug_key("steinnes"));
    }
}
