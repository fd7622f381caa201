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

/// Answers that say nothing, as words (after [`words`]), one a line: «se vedlegg», «ukjent»,
/// «n/a» …
/// A text that is one of these, or has no letter or digit at all («-», «…», «?»), or is
/// only `x`es, is a placeholder.
pub const PLACEHOLDERS: &str = "\
     se vedlegg\n\
     se vedl\n\
     se vedlagt\n\
     se vedlagte\n\
     jf vedlegg\n\
     jfr vedlegg\n\
     vedlegg\n\
     vedlagt\n\
     i vedlegg\n\
     se journal\n\
     se journalen\n\
     se journalnotat\n\
     jf journal\n\
     i journal\n\
     i journalen\n\
     se over\n\
     se ovenfor\n\
     som over\n\
     se under\n\
     se nedenfor\n\
     se epikrise\n\
     se henvisning\n\
     ukjent\n\
     ukjend\n\
     ikke kjent\n\
     ikkje kjent\n\
     vet ikke\n\
     vet ikkje\n\
     veit ikkje\n\
     n a\n\
     na\n\
     i a\n\
     ingen\n\
     ingenting\n\
     ikke relevant\n\
     ikkje relevant\n\
     ikke aktuelt\n\
     ikkje aktuelt\n\
     ikke utfylt\n\
     tbd\n\
     todo\n\
     kommer\n\
     følger\n\
     ettersendes\n\
     mangler\n\
";

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
    phrases(PLACEHOLDERS).any(|p| {
        let mut n = 0;
        let same = p.split(' ').zip(&w).all(|(a, b)| {
            n += 1;
            a == b
        });
        same && n == w.len() && p.split(' ').count() == n
    })
}

/// The phrases of a list: one a line, words apart by one space. (One text rather than a table
/// of slices: it is a fraction of the size in the wasm package.)
fn phrases(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split('\n').filter(|p| !p.is_empty())
}

/// l.186: lack of effect or a very poor prognosis on available treatment.
pub const LACK_OF_EFFECT: &str = "\
     manglende effekt\n\
     manglande effekt\n\
     mangel på effekt\n\
     ingen effekt\n\
     uten effekt\n\
     utan effekt\n\
     ikke effekt\n\
     ikkje effekt\n\
     ikke hatt effekt\n\
     ikkje hatt effekt\n\
     effekten har uteblitt\n\
     ikke respondert\n\
     ikkje respondert\n\
     dårlig prognose\n\
     dårleg prognose\n\
     svært dårlig prognose\n\
     alvorlig prognose\n\
     dyster prognose\n\
     kort forventet levetid\n\
     lack of effect\n\
     poor prognosis\n\
";

/// l.176–181: comorbidity, side effects, intolerance or contraindication.
pub const MEDICAL_REASONS: &str = "\
     komorbid\n\
     bivirkning\n\
     biverknad\n\
     intoleran\n\
     kontraindi\n\
     tåler ikke\n\
     toler ikkje\n\
     allergi\n\
     overfølsom\n\
";

/// l.176–181: why the expected health gain exceeds the main group's.
pub const GAIN_OVER_MAIN_GROUP: &str = "\
     hovedgruppe\n\
     hovudgruppe\n\
     helsegevinst\n\
     gevinst\n\
     respondere\n\
     respons\n\
     responder\n\
     større effekt\n\
     bedre effekt\n\
     betre effekt\n\
     mer nytte\n\
     meir nytte\n\
     større nytte\n\
     overstiger\n\
     gjennomsnitt\n\
";

/// l.100–103: personal and social circumstances.
pub const CIRCUMSTANCES: &str = "\
     personlige omstendigheter\n\
     sosiale omstendigheter\n\
     personlege omstende\n\
     sosiale omstende\n\
     omsorg for\n\
     omsorgsansvar\n\
     små barn\n\
     mindreårige barn\n\
     alenemor\n\
     alenefar\n\
     aleneforsørger\n\
     forsørger\n\
     i jobb\n\
     yrkesaktiv\n\
     arbeidsfør\n\
     egen økonomi\n\
     privatøkonomi\n\
     familiesituasjon\n\
     livssituasjon\n\
     bryllup\n\
     konfirmasjon\n\
";

/// True when a phrase of `list` (one a line) occurs in `text`, each phrase word the start of a
/// text word.
pub fn mentions(text: &str, list: &'static str) -> bool {
    let w = words(text);
    (0..w.len()).any(|i| {
        phrases(list).any(|p| {
            let mut at = w.iter().skip(i);
            p.split(' ')
                .all(|a| at.next().is_some_and(|b| b.starts_with(a)))
        })
    })
}
