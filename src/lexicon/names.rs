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
/// (ø/ö → o, å → aa, æ/ä → ae, é → e …), every other Latin letter to its base letter
/// ([`fold_char`]: «Nguyễn», «NGUYỄN» and «Nguyen» have one key), combining marks (text in
/// NFD) folded with the letter before them, apostrophes dropped.
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
    fold_chars(word, |c| out.push(c));
}

/// The characters of [`key`] of `word`, each given to `push` (also for a word of ASCII
/// letters, a byte at a time): what the learned name finder hashes, so that its features
/// see the words as the lists do.
pub(crate) fn fold_chars(word: &str, mut push: impl FnMut(char)) {
    let mut last = '\0';
    for c in word.chars() {
        if c.is_ascii() {
            if c != '\'' {
                last = c.to_ascii_lowercase();
                push(last);
            }
            continue;
        }
        match fold_char(c) {
            Fold::One(x) => {
                push(x);
                last = x;
            }
            Fold::Two(x, y) => {
                push(x);
                push(y);
                last = y;
            }
            // A combining mark (NFD): a ring above an «a» is «å» (aa), a diaeresis over
            // an «a» is «ä» (ae); every other mark is dropped with the letter kept.
            Fold::Mark(m) => match (last, m) {
                ('a', '\u{30A}') => {
                    push('a');
                    last = '\0';
                }
                ('a', '\u{308}') => {
                    push('e');
                    last = '\0';
                }
                _ => {}
            },
            Fold::Drop => {}
        }
    }
}

/// What [`fold_char`] makes of a character beyond ASCII.
enum Fold {
    One(char),
    Two(char, char),
    /// A combining mark (U+0300–U+036F), folded with the letter before it.
    Mark(char),
    Drop,
}

/// The base letters of U+00C0–U+024F (Latin-1 Supplement's letters, Latin Extended-A and
/// -B) and of U+1E00–U+1EFF (Latin Extended Additional: Vietnamese, Welsh …), lower case,
/// one byte a code point ('.' where there is none). From the letters' canonical
/// decompositions (UnicodeData.txt field 5), else the letter their name is a variant of
/// (LATIN SMALL LETTER D WITH STROKE: d; O WITH STROKE: o; ENG: n; THORN: t; ETH: d).
const LATIN_BASE: &[u8] = concat!(
    "aaaaaa.ceeeeiiiidnooooo.ouuuuyt.aaaaaa.ceeeeiiiidnooooo.ouuuuyty",
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll",
    "lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
    "bbbb...cc.ddd....ffg...ikkl..nnooo..pp.....ttttuu.vyyzz.........",
    ".....d..l..n.aaiioouuuuuuuuuu.aaaa..ggggkkoooo..j.d.gg..nnaa..oo",
    "aaaaeeeeiiiioooorrrruuuusstt..hhnd..zzaaeeooooooooyylnt...acclts",
    "z..bu.eejj.qrryy",
)
.as_bytes();
const LATIN_ADDITIONAL_BASE: &[u8] = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
    "wwwwwwwwwwxxxxyyzzzzzzhtwyas..s.aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy....yy",
)
.as_bytes();

/// The fold of one character beyond ASCII: Norwegian letters the Norwegian way (å → aa,
/// æ/ä → ae, ø/ö → o), the ligatures and ß as two letters, any other Latin letter its
/// base letter ([`LATIN_BASE`]), a combining mark with the letter before it, an apostrophe
/// dropped, any other character in lower case ([`crate::letter_case::lower_char`]).
fn fold_char(c: char) -> Fold {
    let base = |table: &[u8], i: u32| {
        table
            .get(i as usize)
            .filter(|&&b| b != b'.')
            .map(|&b| Fold::One(char::from(b)))
    };
    let folded = match c {
        'å' | 'Å' => Some(Fold::Two('a', 'a')),
        'æ' | 'Æ' | 'ä' | 'Ä' => Some(Fold::Two('a', 'e')),
        'ß' | 'ẞ' => Some(Fold::Two('s', 's')),
        'œ' | 'Œ' => Some(Fold::Two('o', 'e')),
        'ĳ' | 'Ĳ' => Some(Fold::Two('i', 'j')),
        '\u{2019}' => Some(Fold::Drop),
        '\u{300}'..='\u{36F}' => Some(Fold::Mark(c)),
        '\u{C0}'..='\u{24F}' => base(LATIN_BASE, c as u32 - 0xC0),
        '\u{1E00}'..='\u{1EFF}' => base(LATIN_ADDITIONAL_BASE, c as u32 - 0x1E00),
        _ => None,
    };
    folded.unwrap_or_else(|| Fold::One(crate::letter_case::lower_char(c)))
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

/// What the lexicon knows of a key for the learned name finder (`privacy::names::model`)
/// beyond [`classify`] (bit flags, [`classify_ext`]): the key is on the not-names list
/// (`names/not_names.txt`: months, drug brands, places, hospitals, organisations), or is the
/// genitive of an ordinary word or stop word («crohns», «parkinsons»).
pub(crate) const X_NOT_NAME: u8 = 1;
pub(crate) const X_GENITIVE_ORDINARY: u8 = 2;

/// Capitalised words of clinical and administrative text that are no person's name: the
/// learned name finder never reports a name made of these alone. See the file's header.
const NOT_NAMES: &str = include_str!("names/not_names.txt");

/// Every list in one map from key to flags: one hash lookup tells all a word is. Bits 0–7
/// of a value hold the key's own flags; bits 8–15 [`FIRST`]/[`SURNAME`] when the key is the
/// genitive of a name («karis», «hansens»), so that [`classify`] of a word is one lookup;
/// bits 16–23 the learned name finder's flags ([`X_NOT_NAME`], [`X_GENITIVE_ORDINARY`]), so
/// that the scanner's one lookup of a capitalised word serves the rules and the model.
struct Tables {
    lex: rustc_hash::FxHashMap<Box<str>, u32>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut lex: rustc_hash::FxHashMap<Box<str>, u32> = rustc_hash::FxHashMap::default();
        let mut genitives = Vec::new();
        let mut add = |k: String, flag: u8| {
            // As `genitive`: at least two letters before the `s`.
            if flag & (FIRST | SURNAME | COMMON | STOP) != 0 && k.chars().nth(1).is_some() {
                let mut g = String::with_capacity(k.len() + 1);
                g.push_str(&k);
                g.push('s');
                let value = if flag & (FIRST | SURNAME) != 0 {
                    u32::from(flag & (FIRST | SURNAME)) << 8
                } else {
                    u32::from(X_GENITIVE_ORDINARY) << 16
                };
                genitives.push((g, value));
            }
            *lex.entry(k.into_boxed_str()).or_insert(0) |= u32::from(flag);
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
        for (g, value) in genitives {
            *lex.entry(g.into_boxed_str()).or_insert(0) |= value;
        }
        for l in NOT_NAMES.lines().map(str::trim) {
            if !l.is_empty() && !l.starts_with('#') {
                *lex.entry(key(l).into_boxed_str()).or_insert(0) |= u32::from(X_NOT_NAME) << 16;
            }
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
    classify_ext(k).0
}

/// [`classify`] and the learned name finder's flags ([`X_NOT_NAME`],
/// [`X_GENITIVE_ORDINARY`]) of a key, from the same lookups.
pub(crate) fn classify_ext(k: &str) -> (u8, u8) {
    if !k.bytes().any(|b| b == b'-') {
        return classify_one_ext(k);
    }
    let v = tables().lex.get(k).copied().unwrap_or(0);
    let e = v as u8;
    let names = FIRST | SURNAME;
    let mut f = e | genitive(k) & names;
    if f & names != names {
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
    (f, (v >> 16) as u8)
}

/// [`classify`] of a key without a hyphen, and the learned name finder's flags of it: one
/// lookup (the genitive's flags are in the value's second byte).
pub(crate) fn classify_one_ext(k: &str) -> (u8, u8) {
    tables()
        .lex
        .get(k)
        .map_or((0, 0), |&v| ((v as u8) | (v >> 8) as u8, (v >> 16) as u8))
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
    fn not_names_hold_no_listed_name_and_no_word_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for w in NOT_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(!is_first_name(w) && !is_surname(w), "{w} is on a name list");
            assert!(seen.insert(crate::letter_case::lower(w)), "{w} twice");
        }
        assert!(seen.len() > 500, "{}", seen.len());
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
