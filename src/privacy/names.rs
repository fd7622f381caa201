//! Person-name detection for the privacy gate: the patient's own name (known from part 1)
//! and other person names, using Norwegian name lists and cue words.
//!
//! Sources: `BRIEF.md` "Direct identifiers" (names are the first direct identifier; *"The
//! patient's own name and number are known from part 1 — use them"*) and
//! `nye-metoder-tilgangsordningen.txt`, "Fyll ut søknad" (part 1 holds the patient's name,
//! part 2 must hold no direct identifiers). The name lists follow Statistics Norway's (SSB)
//! name statistics (<https://www.ssb.no/befolkning/navn/statistikk/navn>); the lists in
//! `src/privacy/names/` were written for this crate (see README there for what is in them).
//!
//! Detection works on *normalised* text ([`super::normalize::normalize`]) and returns byte
//! ranges in it with a confidence and a [`NameReason`] — never the text.
//! [`find_names_original`] normalises and maps the ranges back to the original.
//!
//! ```
//! use skjemavakt::privacy::names::{find_names, is_first_name, NameReason, PatientName};
//!
//! assert!(is_first_name("Kari") && is_first_name("KARIS") && is_first_name("Anne-Marie"));
//! let patient = PatientName::new("Kari Anne Nordmann-Hansen");
//! let text = "Nordmann, Kari har datter Ingrid. Kostnad per måned: 12 000 kr, fra 1. mai.";
//! let hits = find_names(text, Some(&patient));
//! let found: Vec<(&str, NameReason)> = hits.iter().map(|h| (&text[h.start..h.end], h.reason)).collect();
//! assert_eq!(found, [("Nordmann, Kari", NameReason::PatientName), ("Ingrid", NameReason::CueWord)]);
//! // Debug never shows the name.
//! assert!(!format!("{patient:?}").contains("Kari"));
//! ```

use std::sync::OnceLock;

use super::detect::{Ctx, NameWord, NAME_SHIFT};
use super::normalize::normalize;
use super::pool;
use std::cell::Cell;

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
];

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
const SURNAME_SUFFIXES: &[&str] = &[
    "sen", "son", "ssen", "stad", "dal", "dahl", "land", "vik", "heim", "rud", "bakken", "bakk",
    "berg", "berget", "haug", "haugen", "lund", "lie", "li", "nes", "ness", "by", "bo", "seth",
    "saeter", "seter", "moen", "strand", "vold", "voll", "holm", "rod", "gaard", "gard", "aas",
    "aasen", "stein", "tveit", "tvedt",
];

/// Folds a word to its lookup key: lower case, diacritics folded the Norwegian way
/// (ø/ö → o, å → aa, æ/ä → ae, é → e …), apostrophes dropped.
fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    key_into(word, &mut out);
    out
}

/// [`key`], appended to `out` (no allocation once `out` has grown).
fn key_into(word: &str, out: &mut String) {
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
        match crate::case::lower_char(c) {
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
const FIRST: u8 = 1;
const SURNAME: u8 = 2;
const COMMON: u8 = 4;
const STOP: u8 = 8;
pub(crate) const CUE: u8 = 16;
pub(crate) const TITLE: u8 = 32;
pub(crate) const ORG: u8 = 64;
pub(crate) const SAINT: u8 = 128;
/// The flags of the short lists, which every word is looked up in.
const SHORT: u8 = CUE | TITLE | ORG | SAINT;

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
            (CUES, CUE),
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
/// [`super::detect`]'s lexicon).
fn small_lexicon() -> &'static super::lexicon::WordFlags<u32> {
    // Flags as u32, like the detectors' lexicon: one instance of the generic code.
    static T: OnceLock<super::lexicon::WordFlags<u32>> = OnceLock::new();
    T.get_or_init(|| {
        super::lexicon::WordFlags::new(&[
            (CUES, u32::from(CUE)),
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
fn classify(k: &str) -> u8 {
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
fn classify_one(k: &str) -> u8 {
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
/// use skjemavakt::privacy::names::is_first_name;
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
/// use skjemavakt::privacy::names::is_surname;
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
/// use skjemavakt::privacy::names::is_common_word;
/// assert!(is_common_word("Per") && is_common_word("mai") && is_common_word("Dag"));
/// assert!(!is_common_word("Kari"));
/// ```
pub fn is_common_word(word: &str) -> bool {
    exact(&key(word)) & (COMMON | STOP) != 0
}

/// Why a name was reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameReason {
    /// A part (or the initials) of the patient's own name from part 1.
    PatientName,
    /// A capitalised word right after a cue word (pasienten, datter, mor, navn, Fru …).
    CueWord,
    /// A known first name, alone or followed by a (plausible) surname.
    NameList,
}

impl NameReason {
    fn rank(self) -> u8 {
        match self {
            NameReason::PatientName => 3,
            NameReason::CueWord => 2,
            NameReason::NameList => 1,
        }
    }
}

/// A detected name: a byte range (end-exclusive) in the text searched, never the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameHit {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// 0.0–1.0: how sure the detector is that this is a person name.
    pub confidence: f32,
    /// Which rule found it.
    pub reason: NameReason,
}

/// One word of the text.
#[derive(Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Its lookup key ([`key`]).
    key: &'a str,
    /// What the lexicon knows of the key ([`classify`]); for a word that does not start
    /// with a capital only the cue, title and organisation flags (the rest is looked up
    /// when asked for).
    flags: u8,
    /// Does not start with a capital: [`Tok::is`] looks its name lists up on demand — most
    /// words of a text never are.
    lazy: bool,
    /// Starts with an upper-case letter.
    cap: bool,
    /// A single letter directly followed by '.' ("K.").
    initial: bool,
    /// Its number among the text's words ([`tokenize`] may leave words out).
    ord: u32,
}

impl Tok<'_> {
    fn is(&self, flag: u8) -> bool {
        if self.lazy && flag & !SHORT != 0 {
            return classify(self.key) & flag != 0;
        }
        self.flags & flag != 0
    }
    fn common(&self) -> bool {
        self.is(COMMON | STOP)
    }
}

/// Which words [`tokenize`] keeps.
#[derive(Clone, Copy)]
enum Keep<'p> {
    /// Every word (a patient's name as given).
    All,
    /// Only the words a rule of [`find_names_in`] can look at (with this patient's name,
    /// if any): see [`tokenize`].
    Relevant(Option<&'p PatientName>),
}

/// The words of `text` ([`Ctx::name_words`]: letters, with inner hyphens and apostrophes,
/// "Anne-Marie", "O'Brien") with their keys and flags. The keys of words that are not plain
/// lower-case ASCII are written to `keys` first, which the tokens then borrow. Linear time.
///
/// With [`Keep::Relevant`], a word is kept only if some rule can act on it: it starts with
/// a capital, is on a short list (cue word, title, organisation word, «St.»), may be a part
/// of the patient's name (its key starts with a part's first byte), or follows a
/// capitalised first name (whose rule looks at the next word's name lists). Every other
/// word is a lower-case word that no rule starts at, extends over or asks about; most words
/// of a text are such. Each token keeps its word number (`ord`), and the rules that look at
/// a neighbour either check the text between (which then holds the dropped word's
/// letters) or the numbers ([`next_to`]).
fn tokenize<'a>(
    text: &'a str,
    cx: &'a Ctx<'_>,
    keys: &'a mut String,
    keep: Keep<'_>,
) -> Vec<Tok<'a>> {
    let bytes = text.as_bytes();
    keys.clear();
    let small = small_lexicon();
    let (all, patient) = match keep {
        Keep::All => (true, None),
        Keep::Relevant(p) => (false, p),
    };
    let part_start = |k: &[u8]| patient.is_some_and(|p| p.may_start(k));
    let mut words = pool::take(&WORDS);
    // The previous word was a capitalised first name.
    let mut after_first = false;
    for (ord, w) in cx.name_words().enumerate() {
        let ord = u32::try_from(ord).unwrap_or(u32::MAX);
        if w.plain && !w.joined {
            // Plain lower-case ASCII: the word is its own key, and its short-list flags
            // were looked up with the detectors' lexicon.
            let flags = (w.lex >> NAME_SHIFT) as u8 & SHORT;
            let keep = all
                || flags != 0
                || after_first
                || part_start(bytes.get(w.start..w.end).unwrap_or_default());
            after_first = false;
            if keep {
                words.push((w, w.start, w.end, flags, ord));
            }
            continue;
        }
        // The key: the word's lower case (ASCII), or written to `keys`.
        let (k0, key) = if w.ascii() {
            (w.start, cx.lower_of(w.start, w.end))
        } else {
            let k0 = keys.len();
            key_into(text.get(w.start..w.end).unwrap_or_default(), keys);
            (k0, keys.get(k0..).unwrap_or_default())
        };
        let flags = if w.cap && !w.joined {
            // One token of letters: no hyphen to look for.
            classify_one(key)
        } else if w.cap {
            classify(key)
        } else {
            small.get(key) as u8
        };
        let keep = all || w.cap || flags != 0 || after_first || part_start(key.as_bytes());
        after_first = w.cap && flags & FIRST != 0;
        let k1 = k0 + key.len();
        if keep {
            words.push((w, k0, k1, flags, ord));
        } else if !w.ascii() {
            keys.truncate(k0);
        }
    }
    let keys: &'a String = keys;
    let mut toks: Vec<Tok<'a>> = pool::recycle(pool::take(&TOKS));
    toks.reserve(words.len());
    for &(ref w, k0, k1, flags, ord) in words.iter() {
        let text_w = text.get(w.start..w.end).unwrap_or_default();
        // A select, not a branch: ASCII words and others come in no predictable order.
        let from: &'a str = if w.ascii() {
            cx.lower_of(0, text.len())
        } else {
            keys
        };
        let key = from.get(k0..k1).unwrap_or_default();
        toks.push(Tok {
            start: w.start,
            end: w.end,
            text: text_w,
            key,
            flags,
            lazy: !w.cap,
            cap: w.cap,
            initial: text_w.chars().nth(1).is_none() && bytes.get(w.end) == Some(&b'.'),
            ord,
        });
    }
    pool::give(&WORDS, words);
    toks
}

/// A word [`tokenize`] keeps: the word, its key's range (in the lower-case text or in the
/// keys), its flags and its word number.
type Kept = (NameWord, usize, usize, u8, u32);

/// `true` if `b` is the word right after `a` in the text (see [`tokenize`]: tokens next to
/// each other in the list need not be).
fn next_to(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.ord.checked_add(1) == Some(b.ord)
}

thread_local! {
    /// The word list of the last scan, kept for the next ([`pool`]).
    static TOKS: Cell<Vec<Tok<'static>>> = const { Cell::new(Vec::new()) };
    static KEYS: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    static MATCHED: Cell<Vec<Option<f32>>> = const { Cell::new(Vec::new()) };
    static WORDS: Cell<Vec<Kept>> = const { Cell::new(Vec::new()) };
}

/// The text between two tokens.
fn gap<'a>(text: &'a str, a: &Tok<'_>, b: &Tok<'_>) -> &'a str {
    text.get(a.end..b.start).unwrap_or("")
}

/// Only spaces between two words of one name (an initial's '.' allowed).
fn name_gap(g: &str, after_initial: bool) -> bool {
    let g = if after_initial {
        g.strip_prefix('.').unwrap_or(g)
    } else {
        g
    };
    g.len() <= 3 && g.chars().all(|c| c == ' ') && (after_initial || !g.is_empty())
}

/// Between a cue word and the name: spaces, one ':' or ',' or an opening bracket/quote;
/// '.' only after an abbreviated cue ("pas.", "Dr."); a line break only after ':'.
fn cue_gap(g: &str, abbreviated: bool) -> bool {
    let mut g = g;
    if abbreviated {
        g = g.strip_prefix('.').unwrap_or(g);
    }
    if g.len() > 6 {
        return false;
    }
    let colon = g.as_bytes().contains(&b':');
    g.chars()
        .all(|c| matches!(c, ' ' | ':' | ',' | '(' | '"' | '«' | '\'') || (c == '\n' && colon))
        && !g.is_empty()
}

/// `true` for a word that may be a surname after a first name: in the list, or a
/// capitalised word with a surname suffix, not a stop word or common word.
fn plausible_surname(t: &Tok<'_>) -> bool {
    if !t.cap || t.initial {
        return false;
    }
    if t.is(SURNAME) {
        return true;
    }
    let k = t.key;
    if t.common() || k.chars().nth(3).is_none() {
        return false;
    }
    let base = k.strip_suffix('s').unwrap_or(k);
    SURNAME_SUFFIXES
        .iter()
        .any(|s| base.ends_with(s) && base.len() > s.len() + 1)
}

/// `true` for a capitalised word that could be part of a name after a cue word: in a
/// name list, or not a stop/common word.
fn namelike(t: &Tok<'_>) -> bool {
    if !t.cap {
        return false;
    }
    if t.initial || t.is(FIRST | SURNAME) {
        return true;
    }
    !t.common() && t.key.chars().nth(1).is_some() && !t.is(ORG)
}

/// An all-capitals word ("EMMA", "IDA" as study or score names): not a name on its own.
fn is_acronym(t: &Tok<'_>) -> bool {
    t.text.chars().count() >= 2 && !t.text.chars().any(char::is_lowercase)
}

fn is_org_word(t: &Tok<'_>) -> bool {
    t.is(ORG)
}

/// The patient's full name from part 1, prepared for matching. `Debug` shows only how
/// many parts it has.
#[derive(Clone)]
pub struct PatientName {
    /// Keys of the name's parts: each word, and each part of a hyphenated word.
    parts: Vec<Part>,
    /// Upper-case initials of the space-separated words, in order.
    initials: Vec<char>,
    /// The first bytes of the parts' keys, a bit each: most words of a text start with
    /// another and are not compared.
    first_bytes: [u64; 4],
}

#[derive(Clone)]
struct Part {
    key: String,
    /// An ordinary word too ("Per", "Liv") or very short: must be capitalised in the text
    /// unless next to another part of the name.
    weak: bool,
}

impl std::fmt::Debug for PatientName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PatientName")
            .field("parts", &self.parts.len())
            .finish_non_exhaustive()
    }
}

impl PatientName {
    /// Prepares `full_name` ("Kari Anne Nordmann-Hansen", also "Nordmann-Hansen, Kari
    /// Anne") for matching.
    pub fn new(full_name: &str) -> PatientName {
        let n = normalize(full_name);
        let mut parts: Vec<Part> = Vec::new();
        let mut initials = Vec::new();
        let mut keys = String::new();
        let cx = Ctx::new(&n.text);
        for tok in tokenize(&n.text, &cx, &mut keys, Keep::All) {
            if let Some(c) = tok.text.chars().next() {
                initials.push(crate::case::upper_char(c));
            }
            let mut add = |w: &str| {
                let k = key(w);
                if k.chars().count() >= 2 && !parts.iter().any(|p| p.key == k) {
                    let weak = k.chars().count() <= 2 || is_common_word(w);
                    parts.push(Part { key: k, weak });
                }
            };
            add(tok.text);
            if tok.text.as_bytes().contains(&b'-') {
                tok.text.split('-').for_each(&mut add);
            }
        }
        let mut first_bytes = [0u64; 4];
        for b in parts.iter().filter_map(|p| p.key.bytes().next()) {
            if let Some(w) = first_bytes.get_mut(usize::from(b >> 6)) {
                *w |= 1 << (b & 63);
            }
        }
        PatientName {
            parts,
            initials,
            first_bytes,
        }
    }

    /// `true` when no usable part was found (empty or one-letter name).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// `false` when no part's key starts with the first byte of `key` (then
    /// [`PatientName::match_key`] finds none).
    fn may_start(&self, key: &[u8]) -> bool {
        key.first().is_some_and(|&b| {
            self.first_bytes
                .get(usize::from(b >> 6))
                .is_some_and(|w| w & (1 << (b & 63)) != 0)
        })
    }

    /// Matches a word's key against the parts: `Some(weak)` on a match.
    fn match_key(&self, k: &str) -> Option<bool> {
        if !self.may_start(k.as_bytes()) {
            return None;
        }
        let base = k.strip_suffix('s');
        self.parts
            .iter()
            .find(|p| p.key == k || base == Some(p.key.as_str()))
            .map(|p| p.weak)
    }

    /// `true` if a dotted initials token sequence ("K.A.N.", "K.N.") matches: all the
    /// initials, or the first and the last.
    fn match_initials(&self, letters: &[char]) -> bool {
        if letters.len() < 2 {
            return false;
        }
        let all = letters == self.initials.as_slice();
        let first_last = letters.len() == 2
            && self.initials.len() >= 2
            && letters.first() == self.initials.first()
            && letters.last() == self.initials.last();
        all || first_last
    }
}

/// Finds the patient's name parts in the tokens.
fn patient_hits(text: &str, toks: &[Tok<'_>], p: &PatientName, out: &mut Vec<NameHit>) {
    // Pass 1: strong matches, and weak ones (common words) that are capitalised.
    let mut matched = pool::take(&MATCHED);
    matched.extend(toks.iter().map(|t| match p.match_key(t.key) {
        Some(false) => Some(0.95),
        Some(true) if t.cap => Some(0.85),
        _ => None,
    }));
    // Pass 2: weak matches next to a strong one; initials ("K.") next to a match.
    for i in 0..toks.len() {
        if matched.get(i).copied().flatten().is_some() {
            continue;
        }
        let Some(t) = toks.get(i) else { continue };
        let near = |j: Option<usize>| {
            j.and_then(|j| matched.get(j).copied().flatten()).is_some()
                && j.and_then(|j| toks.get(j)).is_some_and(|u| {
                    let (a, b) = if u.start < t.start { (u, t) } else { (t, u) };
                    let g = gap(text, a, b);
                    g.len() <= 3 && g.chars().all(|c| matches!(c, ' ' | ',' | '.'))
                })
        };
        let adjacent = near(i.checked_sub(1)) || near(i.checked_add(1));
        if !adjacent {
            continue;
        }
        if p.match_key(t.key).is_some() {
            if let Some(m) = matched.get_mut(i) {
                *m = Some(0.85);
            }
        } else if t.initial
            && t.cap
            && t.text
                .chars()
                .next()
                .is_some_and(|c| p.initials.contains(&c))
        {
            if let Some(m) = matched.get_mut(i) {
                *m = Some(0.8);
            }
        }
    }
    // Dotted initials runs ("K.A.N."): consecutive one-letter tokens joined by '.'.
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        let mut letters = Vec::new();
        while let Some(t) = toks.get(j) {
            let joined = j == i || toks.get(j - 1).is_some_and(|u| gap(text, u, t) == ".");
            if !(t.initial && t.cap && joined) {
                break;
            }
            letters.extend(t.text.chars());
            j += 1;
        }
        if j > i + 1 && p.match_initials(&letters) {
            for m in matched.iter_mut().take(j).skip(i) {
                m.get_or_insert(0.8);
            }
        }
        i = j.max(i + 1);
    }
    // Merge runs of matched tokens (separated by spaces, commas or an initial's dot).
    let mut k = 0;
    while k < toks.len() {
        let Some(conf) = matched.get(k).copied().flatten() else {
            k += 1;
            continue;
        };
        let Some(first) = toks.get(k) else { break };
        let mut last = *first;
        let mut best = conf;
        let mut m = k + 1;
        while let (Some(t), Some(Some(c))) = (toks.get(m), matched.get(m).copied()) {
            let g = gap(text, &last, t);
            if !(g.len() <= 3 && g.chars().all(|ch| matches!(ch, ' ' | ',' | '.'))) {
                break;
            }
            best = best.max(c);
            last = *t;
            m += 1;
        }
        // An initial keeps its dot.
        let end = if last.initial { last.end + 1 } else { last.end };
        out.push(NameHit {
            start: first.start,
            end: end.min(text.len()),
            confidence: best,
            reason: NameReason::PatientName,
        });
        k = m;
    }
    pool::give(&MATCHED, matched);
}

/// Extends a name that starts at token `i`: following capitalised name-like words joined by
/// spaces (max four words). Returns the index of the last token.
fn extend(text: &str, toks: &[Tok<'_>], i: usize, accept: fn(&Tok<'_>) -> bool) -> usize {
    let mut last = i;
    while last < i + 3 {
        let (Some(a), Some(b)) = (toks.get(last), toks.get(last + 1)) else {
            break;
        };
        if !name_gap(gap(text, a, b), a.initial) || !accept(b) || is_org_word(b) {
            break;
        }
        last += 1;
    }
    last
}

/// `true` if the name ending at token `last` is part of an organisation's name, or the
/// one starting at `first` follows "St."/"Sankt".
fn in_org(toks: &[Tok<'_>], first: usize, last: usize) -> bool {
    let after = toks
        .get(last)
        .zip(toks.get(last + 1))
        .is_some_and(|(l, n)| next_to(l, n) && is_org_word(n));
    let before = first
        .checked_sub(1)
        .and_then(|j| toks.get(j))
        .zip(toks.get(first))
        .is_some_and(|(p, f)| next_to(p, f) && p.is(SAINT));
    after || before
}

/// End offset of token `t`, including the dot of an initial.
fn tok_end(text: &str, t: &Tok<'_>) -> usize {
    if t.initial {
        (t.end + 1).min(text.len())
    } else {
        t.end
    }
}

/// Finds person names in `text`, which should be normalised text
/// ([`super::normalize::Normalized::text`]); ranges are byte offsets in `text`, sorted and
/// non-overlapping. With `patient`, the patient's own name parts are found first
/// ([`NameReason::PatientName`]), in any order, case-insensitively, with genitive `s`,
/// æøå-tolerant, and as initials next to a name part ("K. Nordmann") or as a dotted run of
/// all the initials or the first and last ("K.A.N.", "K.N.") — undotted initials ("KAN")
/// are not matched: too many ordinary words look like that.
pub fn find_names(text: &str, patient: Option<&PatientName>) -> Vec<NameHit> {
    find_names_in(&Ctx::new(text), patient)
}

/// [`find_names`] on a text already split into tokens (shared with [`super::detect`]).
pub(crate) fn find_names_in(cx: &Ctx<'_>, patient: Option<&PatientName>) -> Vec<NameHit> {
    find_names_keeping(cx, patient, Keep::Relevant(patient))
}

/// [`find_names_in`] on the words `keep` keeps (all of them in a test: the same hits).
fn find_names_keeping(cx: &Ctx<'_>, patient: Option<&PatientName>, keep: Keep<'_>) -> Vec<NameHit> {
    let text = cx.text();
    let mut keys = String::from_utf8(pool::take(&KEYS)).unwrap_or_default();
    let toks = tokenize(text, cx, &mut keys, keep);
    let mut hits = Vec::new();
    if let Some(p) = patient.filter(|p| !p.is_empty()) {
        patient_hits(text, &toks, p, &mut hits);
    }
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        let k = t.key;
        let is_cue = t.is(CUE);
        let is_title = t.is(TITLE);
        // 1. Cue word (or title) + capitalised name-like word.
        if is_cue || is_title {
            if let Some(n) = toks.get(i + 1) {
                let abbreviated = matches!(k, "pas" | "pt" | "dr" | "prof" | "hr" | "frk");
                if cue_gap(gap(text, t, n), abbreviated) && namelike(n) {
                    let last = extend(text, &toks, i + 1, namelike);
                    let listed = (i + 1..=last)
                        .filter_map(|j| toks.get(j))
                        .any(|u| u.is(FIRST | SURNAME));
                    // "navn"/"heter"/"kalt" also name drugs and studies: a listed name only.
                    let generic = matches!(k, "navn" | "navnet" | "heter" | "kalt" | "kalles");
                    // "Pasienten" starts many sentences ("Pasienten Hb …", "Pasienten
                    // Foretrekker …"): after it, a listed name or two name-like words.
                    let weak = matches!(k, "pasient" | "pasienten" | "pasientens" | "pas" | "pt");
                    let ok = listed || (!generic && (!weak || last > i + 1));
                    if !in_org(&toks, i + 1, last) && ok {
                        if let Some(l) = toks.get(last) {
                            let confidence = match (is_title, listed) {
                                (true, _) => 0.6,
                                (false, true) => 0.9,
                                (false, false) => 0.75,
                            };
                            hits.push(NameHit {
                                start: n.start,
                                end: tok_end(text, l),
                                confidence,
                                reason: NameReason::CueWord,
                            });
                        }
                    }
                    i = last + 1;
                    continue;
                }
            }
        }
        // 2. Known first name (+ surname).
        if t.cap && t.is(FIRST) && !is_cue && !is_title {
            let common = t.common();
            let next = toks.get(i + 1).filter(|n| name_gap(gap(text, t, n), false));
            let with_surname =
                next.is_some_and(|n| plausible_surname(n) || (n.is(FIRST) && !n.common()));
            let mid_sentence_cap = next.is_some_and(|n| !common && namelike(n) && !n.common());
            let last = if with_surname || mid_sentence_cap {
                extend(text, &toks, i, namelike)
            } else {
                i
            };
            let confidence = if with_surname {
                0.9
            } else if mid_sentence_cap {
                0.75
            } else if !common && !is_acronym(t) {
                0.6
            } else {
                0.0
            };
            if confidence > 0.0 && !in_org(&toks, i, last) {
                if let Some(l) = toks.get(last) {
                    hits.push(NameHit {
                        start: t.start,
                        end: tok_end(text, l),
                        confidence,
                        reason: NameReason::NameList,
                    });
                }
            }
            i = last + 1;
            continue;
        }
        // 3. An initial before a surname ("K. Hansen").
        if t.initial && t.cap {
            if let Some(n) = toks.get(i + 1) {
                if name_gap(gap(text, t, n), true) && n.is(SURNAME) && n.cap {
                    let last = extend(text, &toks, i + 1, plausible_surname);
                    if let Some(l) = toks.get(last) {
                        hits.push(NameHit {
                            start: t.start,
                            end: tok_end(text, l),
                            confidence: 0.7,
                            reason: NameReason::NameList,
                        });
                    }
                    i = last + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    pool::give(&TOKS, pool::recycle(toks));
    pool::give_wiped(&KEYS, keys.into_bytes());
    merge(hits)
}

/// Sorts hits and merges overlapping ones (keeping the strongest reason and confidence).
fn merge(mut hits: Vec<NameHit>) -> Vec<NameHit> {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<NameHit> = Vec::with_capacity(hits.len());
    for h in hits {
        match out.last_mut() {
            Some(last) if h.start < last.end => {
                last.end = last.end.max(h.end);
                if h.reason.rank() > last.reason.rank() {
                    last.reason = h.reason;
                }
                last.confidence = last.confidence.max(h.confidence);
            }
            _ => out.push(h),
        }
    }
    out
}

/// Normalises `original`, finds names, and returns the hits with ranges mapped back to
/// byte offsets in `original` (covering hidden characters inside a name).
///
/// ```
/// use skjemavakt::privacy::names::{find_names_original, PatientName};
/// let original = "Pasienten K\u{200B}ari&nbsp;Nordmann ble henvist.";
/// let hits = find_names_original(original, Some(&PatientName::new("Kari Nordmann")));
/// assert_eq!(hits.len(), 1);
/// assert_eq!(&original[hits[0].start..hits[0].end], "K\u{200B}ari&nbsp;Nordmann");
/// ```
pub fn find_names_original(original: &str, patient: Option<&PatientName>) -> Vec<NameHit> {
    let n = normalize(original);
    find_names(&n.text, patient)
        .into_iter()
        .map(|h| {
            let (start, end) = n.original_range(h.start, h.end);
            NameHit { start, end, ..h }
        })
        .collect()
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

    #[test]
    fn tokenizer_joins_hyphens_and_marks_initials() {
        let mut keys = String::new();
        let text = "K. Anne-Marie - O'Brien- anne-marie o'brien";
        let cx = Ctx::new(text);
        let toks = tokenize(text, &cx, &mut keys, Keep::All);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            ["K", "Anne-Marie", "O'Brien", "anne-marie", "o'brien"]
        );
        assert!(toks[0].initial && !toks[1].initial);
        let lazy: Vec<bool> = toks.iter().map(|t| t.lazy).collect();
        assert_eq!(lazy, [false, false, false, true, true]);
    }

    /// Keeping only the words a rule can act on finds exactly what keeping every word
    /// finds: on every corpus sentence, and on 3 000 texts of corpus sentences with random
    /// edits (letters, capitals, hyphens, dots, æøå), with and without a patient's name.
    #[test]
    fn relevant_words_find_what_all_words_find() {
        let lines = crate::privacy::testing::corpus_lines();
        assert!(lines.len() > 500, "{}", lines.len());
        let patients = [
            None,
            Some(PatientName::new("Kari Nordmann")),
            Some(PatientName::new("Per Ole Hansen-Dahl")),
            Some(PatientName::new("Åse Ødegård")),
        ];
        let alphabet: Vec<char> = "aAkKnNpPeE-'.,: \nøØåÅæéSstTf".chars().collect();
        let mut rnd = crate::privacy::testing::rng(0x2545_F491_4F6C_DD1D);
        let mut texts: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for _ in 0..3000 {
            let mut chars: Vec<char> = Vec::new();
            for _ in 0..4 {
                chars.extend(lines[rnd(lines.len())].chars());
                chars.push(' ');
            }
            for _ in 0..rnd(8) {
                let at = rnd(chars.len());
                let c = alphabet[rnd(alphabet.len())];
                if rnd(2) == 0 {
                    chars.insert(at, c);
                } else {
                    chars[at] = c;
                }
            }
            texts.push(chars.into_iter().collect());
        }
        let mut found = 0;
        for text in &texts {
            let cx = Ctx::new(text);
            for p in &patients {
                let p = p.as_ref();
                let some = find_names_keeping(&cx, p, Keep::Relevant(p));
                let all = find_names_keeping(&cx, p, Keep::All);
                assert_eq!(some, all, "{text:?}");
                found += all.len();
            }
        }
        assert!(found > 5000, "{found}");
    }
}
