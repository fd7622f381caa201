//! Words for "tilstrekkelig opplyst": answers that say nothing (placeholders), and the grounds
//! the guide says are not valid, in the documents' own wording.
//!
//! Sources (nye-metoder-tilgangsordningen.txt): l.270 «Mangelfulle søknader vil returneres …»;
//! l.186 «Manglende effekt eller svært dårlig prognose på tilgjengelig behandling vil ikke være
//! gyldige begrunnelser»; l.176–181 «Komorbiditet, bivirkninger, intoleranse eller
//! kontraindikasjoner … vil imidlertid ikke i seg selv være tilstrekkelig … antatt helsegevinst
//! overstiger antatt helsegevinst hos pasienter i hovedgruppen»; l.100–103 «personlige og
//! sosiale omstendigheter, ikke vil bli vurdert».
//!
//! A text is read as its words: lower-case letters and digits, everything else a separator
//! ([`words`]); a phrase matches where its words follow each other, each word of the phrase
//! the start of the text's word (`bivirkning` matches «bivirkningene»). Linear in the text.
//!
//! ```
//! use skjemavakt::lexicon::grounds::{is_placeholder, mentions, word_count, LACK_OF_EFFECT};
//! assert!(is_placeholder(" Se vedlegg. "));
//! assert!(is_placeholder("–"));
//! assert!(!is_placeholder("Se vedlegg 2 for MR-funn; tumor 3 cm."));
//! assert!(mentions("Dårlig prognose og manglende effekt.", LACK_OF_EFFECT));
//! assert_eq!(word_count("Ikke-småcellet lungekreft, stadium IV"), 5);
//! ```

/// The words of a text: runs of letters and digits, lower-case.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.push(crate::letter_case::lower_char(c));
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// How many words a text has (a word: a run of letters and digits).
pub fn word_count(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Answers that say nothing, as words (after [`words`]): «se vedlegg», «ukjent», «n/a» …
/// A text that is one of these, or has no letter or digit at all («-», «…», «?»), or is
/// only `x`es, is a placeholder.
pub const PLACEHOLDERS: &[&[&str]] = &[
    &["se", "vedlegg"],
    &["se", "vedl"],
    &["se", "vedlagt"],
    &["se", "vedlagte"],
    &["jf", "vedlegg"],
    &["jfr", "vedlegg"],
    &["vedlegg"],
    &["vedlagt"],
    &["i", "vedlegg"],
    &["se", "journal"],
    &["se", "journalen"],
    &["se", "journalnotat"],
    &["jf", "journal"],
    &["i", "journal"],
    &["i", "journalen"],
    &["se", "over"],
    &["se", "ovenfor"],
    &["som", "over"],
    &["se", "under"],
    &["se", "nedenfor"],
    &["se", "epikrise"],
    &["se", "henvisning"],
    &["ukjent"],
    &["ukjend"],
    &["ikke", "kjent"],
    &["ikkje", "kjent"],
    &["vet", "ikke"],
    &["vet", "ikkje"],
    &["veit", "ikkje"],
    &["n", "a"],
    &["na"],
    &["i", "a"],
    &["ingen"],
    &["ingenting"],
    &["ikke", "relevant"],
    &["ikkje", "relevant"],
    &["ikke", "aktuelt"],
    &["ikkje", "aktuelt"],
    &["ikke", "utfylt"],
    &["tbd"],
    &["todo"],
    &["kommer"],
    &["følger"],
    &["ettersendes"],
    &["mangler"],
];

/// True when the text answers nothing: no letter or digit, only `x`es, or one of
/// [`PLACEHOLDERS`] whatever its case, spaces and punctuation.
pub fn is_placeholder(text: &str) -> bool {
    let w = words(text);
    if w.is_empty() {
        return !text.trim().is_empty();
    }
    if w.iter().all(|x| x.chars().all(|c| c == 'x')) {
        return true;
    }
    PLACEHOLDERS
        .iter()
        .any(|p| p.len() == w.len() && p.iter().zip(&w).all(|(a, b)| *a == b))
}

/// l.186: lack of effect or a very poor prognosis on available treatment.
pub const LACK_OF_EFFECT: &[&[&str]] = &[
    &["manglende", "effekt"],
    &["manglande", "effekt"],
    &["mangel", "på", "effekt"],
    &["ingen", "effekt"],
    &["uten", "effekt"],
    &["utan", "effekt"],
    &["ikke", "effekt"],
    &["ikkje", "effekt"],
    &["ikke", "hatt", "effekt"],
    &["ikkje", "hatt", "effekt"],
    &["effekten", "har", "uteblitt"],
    &["ikke", "respondert"],
    &["ikkje", "respondert"],
    &["dårlig", "prognose"],
    &["dårleg", "prognose"],
    &["svært", "dårlig", "prognose"],
    &["alvorlig", "prognose"],
    &["dyster", "prognose"],
    &["kort", "forventet", "levetid"],
    &["lack", "of", "effect"],
    &["poor", "prognosis"],
];

/// l.176–181: comorbidity, side effects, intolerance or contraindication.
pub const MEDICAL_REASONS: &[&[&str]] = &[
    &["komorbid"],
    &["bivirkning"],
    &["biverknad"],
    &["intoleran"],
    &["kontraindi"],
    &["tåler", "ikke"],
    &["toler", "ikkje"],
    &["allergi"],
    &["overfølsom"],
];

/// l.176–181: why the expected health gain exceeds the main group's.
pub const GAIN_OVER_MAIN_GROUP: &[&[&str]] = &[
    &["hovedgruppe"],
    &["hovudgruppe"],
    &["helsegevinst"],
    &["gevinst"],
    &["respondere"],
    &["respons"],
    &["responder"],
    &["større", "effekt"],
    &["bedre", "effekt"],
    &["betre", "effekt"],
    &["mer", "nytte"],
    &["meir", "nytte"],
    &["større", "nytte"],
    &["overstiger"],
    &["gjennomsnitt"],
];

/// l.100–103: personal and social circumstances.
pub const CIRCUMSTANCES: &[&[&str]] = &[
    &["personlige", "omstendigheter"],
    &["sosiale", "omstendigheter"],
    &["personlege", "omstende"],
    &["sosiale", "omstende"],
    &["omsorg", "for"],
    &["omsorgsansvar"],
    &["små", "barn"],
    &["mindreårige", "barn"],
    &["alenemor"],
    &["alenefar"],
    &["aleneforsørger"],
    &["forsørger"],
    &["i", "jobb"],
    &["yrkesaktiv"],
    &["arbeidsfør"],
    &["egen", "økonomi"],
    &["privatøkonomi"],
    &["familiesituasjon"],
    &["livssituasjon"],
    &["bryllup"],
    &["konfirmasjon"],
];

/// True when a phrase of `list` occurs in `text` (each phrase word the start of a text word).
pub fn mentions(text: &str, list: &[&[&str]]) -> bool {
    let w = words(text);
    (0..w.len()).any(|i| {
        list.iter().any(|p| {
            p.len() <= w.len() - i
                && p.iter()
                    .zip(w.iter().skip(i))
                    .all(|(a, b)| b.starts_with(a))
        })
    })
}
