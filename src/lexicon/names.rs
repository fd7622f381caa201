//! The name lists and the name finder's short word lists, with the one lookup that tells
//! what a word is: a first name, a surname, an ordinary word that is also a name, a stop
//! word, a cue word («datter», «pasienten»), a clinician's title, an organisation word, «St.».
//!
//! The lists follow Statistics Norway's (SSB) name statistics
//! (<https://www.ssb.no/befolkning/navn/statistikk/navn>); the files in `src/lexicon/names/`
//! were written for this crate (see the README there for what is in them). Look-ups fold a
//! word to its key ([`key`]): lower case, æøå and diacritics folded the Norwegian way.
//!
//! ```
//! use skjemavakt::lexicon::{is_common_word, is_first_name, is_surname};
//! assert!(is_first_name("Kari") && is_first_name("KARIS") && is_first_name("Anne-Marie"));
//! assert!(is_surname("Nordmann-Hansen") && !is_surname("tablett"));
//! assert!(is_common_word("Per") && !is_common_word("Kari"));
//! ```

use super::word_flags::WordFlags;
use std::sync::OnceLock;

/// Common Norwegian women's first names (SSB name statistics as the reference), one a line.
const WOMEN: &str = include_str!("names/women.txt");
/// Common Norwegian men's first names (SSB name statistics as the reference), one a line.
const MEN: &str = include_str!("names/men.txt");
/// Common surnames in Norway (SSB "etternavn" statistics as the reference), one a line.
const SURNAMES: &str = include_str!("names/surnames.txt");
/// Ordinary words that are also names ("per", "mai", "dag", "liv") — see the file header.
const COMMON_WORDS: &str = include_str!("names/common_words.txt");
/// Capitalised function words and form answers that are never names.
const STOPWORDS: &str = include_str!("names/stopwords.txt");

/// Cue words after which a capitalised word is taken as a person name: relations and
/// naming verbs, from the privacy-gate issue (issue 5). Keys as produced by [`key`].
pub(crate) const CUES: &[&str] = &[
    "pasient",
    "pasienten",
    "pasientens",
    "pas",
    "pt",
    "mann",
    "mannen",
    "ektemann",
    "kone",
    "kona",
    "ektefelle",
    "ektefellen",
    "samboer",
    "samboeren",
    "kjaereste",
    "datter",
    "datteren",
    "dattera",
    "sonn",
    "sonnen",
    "mor",
    "moren",
    "mora",
    "far",
    "faren",
    "bror",
    "broren",
    "soster",
    "sosteren",
    "sostera",
    "barn",
    "barnet",
    "paarorende",
    "verge",
    "navn",
    "navnet",
    "heter",
    "kalt",
    "kalles",
    "fru",
    "frk",
    "herr",
    "hr",
    // English forms of address (capitalised only: «MR», «MS» are MRI and multiple
    // sclerosis; `privacy::names`' rules check the writing).
    "mr",
    "mrs",
    "ms",
    "miss",
];

/// Relations to a person, each with its other forms (definite, plural, nynorsk): a
/// capitalised word after any of them, or its genitive, is taken as a name
/// ([`cue_words`]). Source: Norsk Ordbank's inflection of these nouns (bokmål and
/// nynorsk), written out here per word, as the plurals are irregular.
const RELATIONS: &[(&str, &[&str])] = &[
    ("far", &["faren", "fedre", "fedrene", "fedrane"]),
    ("mor", &["moren", "mora", "mødre", "mødrene", "mødrer"]),
    ("bror", &["broren", "brødre", "brødrene", "brør", "brørne"]),
    ("søster", &["søsteren", "søstera", "søstre", "søstrene"]),
    ("syster", &["systera", "systrer", "systrene"]),
    ("sønn", &["sønnen", "sønner", "sønnene"]),
    ("son", &["sonen", "søner", "sønene"]),
    ("datter", &["datteren", "dattera", "døtre", "døtrene"]),
    ("dotter", &["dottera", "døtrer"]),
    ("barn", &["barnet", "barna", "barnene"]),
    ("mann", &["mannen", "menn", "mennene"]),
    ("kone", &["konen", "kona", "koner", "konene"]),
    ("forelder", &["forelderen", "foreldre", "foreldrene"]),
    ("søsken", &["søskenet", "søsknene", "søskena"]),
    ("onkel", &["onkelen", "onkler", "onklene"]),
    ("tante", &["tanten", "tanta", "tanter", "tantene"]),
    ("fetter", &["fetteren", "fettere", "fetterne"]),
    ("kusine", &["kusinen", "kusina", "kusiner", "kusinene"]),
    ("nevø", &["nevøen", "nevøer", "nevøene"]),
    ("niese", &["niesen", "niesa", "nieser", "niesene"]),
    ("svoger", &["svogeren", "svogere", "svogerne"]),
    (
        "svigerinne",
        &["svigerinnen", "svigerinna", "svigerinner", "svigerinnene"],
    ),
    ("ektefelle", &["ektefellen", "ektefeller", "ektefellene"]),
    ("samboer", &["samboeren", "samboere", "samboerne"]),
    ("sambuar", &["sambuaren", "sambuarar"]),
    ("kjæreste", &["kjæresten", "kjærester", "kjærestene"]),
    ("partner", &["partneren", "partnere", "partnerne"]),
    ("forlovede", &["forloveden"]),
    ("verge", &["vergen", "verger", "vergene"]),
    ("tvilling", &["tvillingen", "tvillinger", "tvillingene"]),
    ("enke", &["enken", "enka", "enker", "enkene"]),
    ("venn", &["vennen", "venner", "vennene"]),
    (
        "venninne",
        &["venninnen", "venninna", "venninner", "venninnene"],
    ),
    ("nabo", &["naboen", "naboer", "naboene"]),
    ("pårørende", &[]),
];

/// Compounds of the relations: a first part and the relations it joins («stesønnen»,
/// «svigerdatteren», «bestefaren», «farmor», «ektemannen»), each in all the relation's forms.
const RELATION_COMPOUNDS: &[(&str, &[&str])] = &[
    ("ekte", &["mann"]),
    (
        "ste",
        &[
            "far", "mor", "sønn", "datter", "bror", "søster", "barn", "forelder",
        ],
    ),
    (
        "foster",
        &[
            "far", "mor", "sønn", "datter", "bror", "søster", "barn", "forelder", "son", "dotter",
        ],
    ),
    (
        "adoptiv",
        &["far", "mor", "sønn", "datter", "barn", "forelder"],
    ),
    ("halv", &["bror", "søster", "søsken"]),
    (
        "sviger",
        &["far", "mor", "sønn", "datter", "forelder", "son", "dotter"],
    ),
    ("beste", &["far", "mor", "forelder"]),
    ("olde", &["far", "mor", "forelder", "barn"]),
    ("barne", &["barn"]),
    ("far", &["far", "mor"]),
    ("mor", &["far", "mor"]),
    ("tvilling", &["bror", "søster"]),
    ("eks", &["mann", "kone", "samboer", "kjæreste"]),
    ("bonus", &["far", "mor", "barn", "sønn", "datter"]),
    ("enke", &["mann"]),
    ("gud", &["far", "mor"]),
];

/// Every cue word's key: [`CUES`], and every form of every relation and its compounds
/// ([`RELATIONS`], [`RELATION_COMPOUNDS`]), with its genitive («datterens», «nevøens»).
pub(crate) fn cue_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut out: Vec<&'static str> = CUES.to_vec();
        let mut add = |w: &str| {
            for form in [w.to_owned(), genitive_of(w)] {
                let k = key(&form);
                if !out.contains(&k.as_str()) {
                    // Built once and kept for the life of the program, as the lists are.
                    out.push(k.leak());
                }
            }
        };
        for (base, forms) in RELATIONS {
            add(base);
            forms.iter().for_each(|f| add(f));
        }
        for (first, bases) in RELATION_COMPOUNDS {
            for b in *bases {
                let Some((base, forms)) = RELATIONS.iter().find(|(r, _)| r == b) else {
                    continue;
                };
                for f in std::iter::once(base).chain(forms.iter()) {
                    let mut w = String::with_capacity(first.len() + f.len());
                    w.push_str(first);
                    w.push_str(f);
                    add(&w);
                }
            }
        }
        out
    })
}

/// The genitive of a word: «-s», or the word itself when it ends in s («søskens» is
/// «søsken» + s; «pårørendes»).
fn genitive_of(w: &str) -> String {
    let mut g = w.to_owned();
    if !w.ends_with('s') {
        g.push('s');
    }
    g
}

/// Titles of clinicians: a name right after one is reported (with a lower confidence); the
/// title alone is not.
pub(crate) const TITLES: &[&str] = &[
    "dr",
    "doktor",
    "lege",
    "legen",
    "overlege",
    "overlegen",
    "fastlege",
    "fastlegen",
    "lis",
    "sykepleier",
    "sykepleieren",
    "spesialsykepleier",
    "professor",
    "prof",
    "psykolog",
    "fysioterapeut",
];

/// Words that, right after a name, make it part of an organisation's name ("Martina Hansens
/// Hospital", "Eli Lilly AS").
pub(crate) const ORG_WORDS: &[&str] = &[
    "hospital",
    "sykehus",
    "sjukehus",
    "legesenter",
    "legekontor",
    "klinikk",
    "senter",
    "institutt",
    "stiftelse",
    "as",
    "asa",
    "inc",
    "ltd",
    "gmbh",
    "pharma",
    "lilly",
    "universitet",
    "fond",
    "gate",
    "gata",
    "vei",
    "veien",
    "plass",
];

/// «St.», «Sankt»: a name right after one is a place or a church's («St. Olav»).
pub(crate) const SAINTS: &[&str] = &["st", "sankt", "saint", "san"];

/// Suffixes of Norwegian surname families: a capitalised word with one of these after a
/// known first name is a plausible surname even if it is not in the list.
pub(crate) const SURNAME_SUFFIXES: &[&str] = &[
    "sen", "son", "ssen", "stad", "dal", "dahl", "land", "vik", "heim", "rud", "bakken", "bakk",
    "berg", "berget", "haug", "haugen", "lund", "lie", "li", "nes", "ness", "by", "bo", "seth",
    "saeter", "seter", "moen", "strand", "vold", "voll", "holm", "rod", "gaard", "gard", "aas",
    "aasen", "stein", "tveit", "tvedt",
];

/// Folds a word to its lookup key: lower case, diacritics folded the Norwegian way
/// (ø/ö → o, å → aa, æ/ä → ae, é → e …), apostrophes dropped.
pub(crate) fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    key_into(word, &mut out);
    out
}

/// [`key`], appended to `out` (no allocation once `out` has grown).
pub(crate) fn key_into(word: &str, out: &mut String) {
    // One pass without an early exit: is it ASCII, has it an apostrophe.
    let (high, apostrophe) = word
        .bytes()
        .fold((0u8, false), |(h, a), b| (h | b, a | (b == b'\'')));
    if high < 0x80 {
        let from = out.len();
        if apostrophe {
            out.extend(word.chars().filter(|&c| c != '\''));
        } else {
            out.push_str(word);
        }
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            if c != '\'' {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        match crate::letter_case::lower_char(c) {
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ő' => out.push('o'),
            'å' => out.push_str("aa"),
            'æ' | 'ä' => out.push_str("ae"),
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ė' => out.push('e'),
            'á' | 'à' | 'â' | 'ã' | 'ą' => out.push('a'),
            'í' | 'ì' | 'î' | 'ï' | 'ı' => out.push('i'),
            'ú' | 'ù' | 'û' | 'ü' | 'ű' => out.push('u'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ñ' | 'ń' => out.push('n'),
            'ś' | 'š' | 'ş' => out.push('s'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            '\'' | '\u{2019}' => {}
            other => out.push(other),
        }
    }
}

/// What the lexicon knows of a key (bit flags).
pub(crate) const FIRST: u8 = 1;
pub(crate) const SURNAME: u8 = 2;
pub(crate) const COMMON: u8 = 4;
pub(crate) const STOP: u8 = 8;
pub(crate) const CUE: u8 = 16;
pub(crate) const TITLE: u8 = 32;
pub(crate) const ORG: u8 = 64;
pub(crate) const SAINT: u8 = 128;
/// The flags of the short lists, which every word is looked up in.
pub(crate) const SHORT: u8 = CUE | TITLE | ORG | SAINT;

/// Every list in one map from key to flags: one hash lookup tells all a word is. The low
/// byte of a value holds the key's own flags; the high byte [`FIRST`]/[`SURNAME`] when the
/// key is the genitive of a name («karis», «hansens»), so that [`classify`] of a word is
/// one lookup.
struct Tables {
    lex: rustc_hash::FxHashMap<Box<str>, u16>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut lex: rustc_hash::FxHashMap<Box<str>, u16> = rustc_hash::FxHashMap::default();
        let mut genitives = Vec::new();
        let mut add = |k: String, flag: u8| {
            // As `genitive`: at least two letters before the `s`.
            if flag & (FIRST | SURNAME) != 0 && k.chars().nth(1).is_some() {
                let mut g = String::with_capacity(k.len() + 1);
                g.push_str(&k);
                g.push('s');
                genitives.push((g, flag));
            }
            *lex.entry(k.into_boxed_str()).or_insert(0) |= u16::from(flag);
        };
        let lists: [(&str, u8); 5] = [
            (WOMEN, FIRST),
            (MEN, FIRST),
            (SURNAMES, SURNAME),
            (COMMON_WORDS, COMMON),
            (STOPWORDS, STOP),
        ];
        for (list, flag) in lists {
            for l in list.lines().map(str::trim) {
                if !l.is_empty() && !l.starts_with('#') {
                    add(key(l), flag);
                }
            }
        }
        for (words, flag) in [
            (cue_words(), CUE),
            (TITLES, TITLE),
            (ORG_WORDS, ORG),
            (SAINTS, SAINT),
        ] {
            for w in words {
                add((*w).to_owned(), flag);
            }
        }
        for (g, flag) in genitives {
            *lex.entry(g.into_boxed_str()).or_insert(0) |= u16::from(flag) << 8;
        }
        Tables { lex }
    })
}

/// The cue words, titles, organisation words and «St.» alone: what every lower-case word of
/// a text is checked against (lower-case ASCII words are looked up once, in
/// [`super::scan_lexicon`]).
pub(crate) fn short_lists() -> &'static WordFlags<u32> {
    // Flags as u32, like the detectors' lexicon: one instance of the generic code.
    static T: OnceLock<WordFlags<u32>> = OnceLock::new();
    T.get_or_init(|| {
        WordFlags::new(&[
            (cue_words(), u32::from(CUE)),
            (TITLES, u32::from(TITLE)),
            (ORG_WORDS, u32::from(ORG)),
            (SAINTS, u32::from(SAINT)),
        ])
    })
}

/// The flags of one key exactly.
fn exact(k: &str) -> u8 {
    tables().lex.get(k).map_or(0, |&v| v as u8)
}

/// The flags of a key: exact ones, plus [`FIRST`]/[`SURNAME`] when the key without a
/// genitive `s` is a name, or (hyphenated) when every part is.
pub(crate) fn classify(k: &str) -> u8 {
    if !k.bytes().any(|b| b == b'-') {
        return classify_one(k);
    }
    let e = exact(k);
    let names = FIRST | SURNAME;
    let mut f = e | genitive(k) & names;
    if k.bytes().any(|b| b == b'-') && f & names != names {
        let mut parts = k.split('-').peekable();
        let mut all = names;
        while let Some(p) = parts.next() {
            let pf = exact(p)
                | if parts.peek().is_none() {
                    genitive(p)
                } else {
                    0
                };
            all &= pf;
        }
        f |= all & names;
    }
    f
}

/// [`classify`] of a key without a hyphen: one lookup (the genitive's flags are in the
/// value's high byte).
pub(crate) fn classify_one(k: &str) -> u8 {
    tables()
        .lex
        .get(k)
        .map_or(0, |&v| (v as u8) | (v >> 8) as u8)
}

/// Flags of `k` without a genitive `s` (only when at least two letters remain).
fn genitive(k: &str) -> u8 {
    match k.strip_suffix('s') {
        Some(base) if base.chars().nth(1).is_some() => exact(base),
        _ => 0,
    }
}

/// `true` if `word` is a known first name (case-insensitive, æøå-tolerant, genitive
/// `Karis` allowed, hyphenated names like `Anne-Marie` when every part is a first name).
///
/// ```
/// use skjemavakt::lexicon::is_first_name;
/// assert!(is_first_name("Kari") && is_first_name("kari") && is_first_name("Karis"));
/// assert!(is_first_name("Øystein") && is_first_name("Oystein") && is_first_name("Hans-Petter"));
/// assert!(!is_first_name("Pasienten"));
/// ```
pub fn is_first_name(word: &str) -> bool {
    classify(&key(word)) & FIRST != 0
}

/// `true` if `word` is a known surname (same rules as [`is_first_name`]).
///
/// ```
/// use skjemavakt::lexicon::is_surname;
/// assert!(is_surname("Hansen") && is_surname("HAUGLAND") && is_surname("Bakkens"));
/// assert!(is_surname("Nordmann-Hansen") && is_surname("Ødegård") && is_surname("Odegaard"));
/// assert!(!is_surname("tablett"));
/// ```
pub fn is_surname(word: &str) -> bool {
    classify(&key(word)) & SURNAME != 0
}

/// `true` if `word` is an ordinary word that is also a name ("per", "mai", "dag", "liv",
/// "storm") and so is never flagged without strong evidence.
///
/// ```
/// use skjemavakt::lexicon::is_common_word;
/// assert!(is_common_word("Per") && is_common_word("mai") && is_common_word("Dag"));
/// assert!(!is_common_word("Kari"));
/// ```
pub fn is_common_word(word: &str) -> bool {
    exact(&key(word)) & (COMMON | STOP) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_norwegian_letters() {
        assert_eq!(key("Ødegård"), "odegaard");
        assert_eq!(key("ÆSØY"), "aesoy");
        assert_eq!(key("O'Brien"), "obrien");
    }

    #[test]
    fn lists_are_large_enough_and_clean() {
        let t = tables();
        let count = |flag: u8| t.lex.values().filter(|&&f| f as u8 & flag != 0).count();
        assert!(count(FIRST) >= 1500, "{}", count(FIRST));
        assert!(count(SURNAME) >= 1000, "{}", count(SURNAME));
        for k in t.lex.keys() {
            assert!(!k.is_empty() && !k.contains(' '), "{k:?}");
        }
    }
}
