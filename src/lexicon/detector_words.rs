//! The detectors' word lists (cue words for birth dates and record numbers, street words,
//! units, the labels of allowed identifiers) and the scanner's one lookup per word,
//! [`scan_lexicon`], which holds them and the name finder's short lists
//! ([`super::names`]: cue words, titles, organisation words, «St.»).
//!
//! A word's flags are a `u32`: bits 0–13 the detectors' lists here, bits 16–23 the name
//! finder's short lists ([`NAME_SHIFT`]); the tokenizer sets bits 28–31 per token
//! (`privacy::tokens`).

use super::names::{cue_words, CUE, ORG, ORG_WORDS, SAINT, SAINTS, TITLE, TITLES};
use super::word_flags::WordFlags;

/// Where the name finder's word-list flags ([`super::names`]: cue words, titles,
/// organisation words, «St.») sit in a token's flags: one lookup per word serves both.
pub(crate) const NAME_SHIFT: u32 = 16;
/// The name-list flags in a token's flags (they open no detector here).
pub(crate) const F_NAMES: u32 = 0xFF << NAME_SHIFT;

/// Lexicon flags: which word lists a (lower-cased) word is on. One hash lookup per word
/// replaces a string comparison per list and token in every detector.
pub(crate) const F_NPR: u32 = 1;
pub(crate) const F_STUDY: u32 = 1 << 1; // nct, pmid, eudract, isbn
pub(crate) const F_LINK: u32 = 1 << 2; // http, https, doi
pub(crate) const F_ID: u32 = 1 << 3; // «ID2023_013»
pub(crate) const F_BIRTH: u32 = 1 << 4;
pub(crate) const F_BIRTH_F: u32 = 1 << 5; // «f.»
pub(crate) const F_STREET_WORD: u32 = 1 << 6;
pub(crate) const F_STREET_PREFIX: u32 = 1 << 7;
pub(crate) const F_QUALIFIER: u32 = 1 << 8;
pub(crate) const F_POSTCODE_LABEL: u32 = 1 << 9;
pub(crate) const F_POSTBOX: u32 = 1 << 10;
pub(crate) const F_RESIDENCE: u32 = 1 << 11;
pub(crate) const F_UNIT: u32 = 1 << 12;
pub(crate) const F_RECORD: u32 = 1 << 13;
pub(crate) const F_DIGIT_WORD: u32 = 1 << 14; // «null», «en», «to» … «ni»: digits in words
pub(crate) const F_AT_WORD: u32 = 1 << 15; // «at», «krøllalfa»: an at sign in words
pub(crate) const F_AGE_CUE: u32 = 1 << 24; // «fyller», «runder»: an age, then a date
pub(crate) const F_SOCIAL: u32 = 1 << 25; // «instagram», «facebook»: a profile's site
pub(crate) const F_DOT_WORD: u32 = 1 << 26; // «dot», «punktum»: a domain's dot in words
/// The flags that are context for a detector, never where one starts: the tokenizer does
/// not make a word a candidate for them (`privacy::tokens`). Digit words, «at» and age
/// words are among the commonest words of Norwegian («en», «to», «at», «blir»); the
/// detectors that need them start elsewhere (a run of two digit words, a dot in words, an
/// age's number).
pub(crate) const F_CONTEXT_ONLY: u32 = F_DIGIT_WORD | F_AT_WORD | F_AGE_CUE;

/// A name-list flag of [`super::names`] as a token flag ([`NAME_SHIFT`]).
const fn name_flag(f: u8) -> u32 {
    (f as u32) << NAME_SHIFT
}

/// The word lists of the detectors, and the name finder's short lists (looked up here
/// for lower-case ASCII words, which are their own name key): one lookup per word.
pub(crate) fn scan_lexicon() -> &'static WordFlags<u32> {
    static LEX: std::sync::OnceLock<WordFlags<u32>> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        WordFlags::new(&[
            (&["npr"], F_NPR),
            (&["nct", "pmid", "eudract", "isbn"], F_STUDY),
            (&["http", "https", "doi"], F_LINK),
            (&["id"], F_ID),
            (BIRTH_CUES, F_BIRTH),
            (&["f"], F_BIRTH_F),
            (STREET_WORDS, F_STREET_WORD),
            (STREET_PREFIXES, F_STREET_PREFIX),
            (QUALIFIERS, F_QUALIFIER),
            (&["postnummer", "postnr"], F_POSTCODE_LABEL),
            (&["postboks", "pb"], F_POSTBOX),
            (&["bor", "bosatt", "bustad", "bur"], F_RESIDENCE),
            (UNITS, F_UNIT),
            (RECORD_CUES, F_RECORD),
            (DIGIT_WORDS_FLAT, F_DIGIT_WORD),
            (AT_WORDS, F_AT_WORD),
            (AGE_CUES, F_AGE_CUE),
            (SOCIAL_SITES, F_SOCIAL),
            (DOT_WORDS, F_DOT_WORD),
            (cue_words(), name_flag(CUE)),
            (TITLES, name_flag(TITLE)),
            (ORG_WORDS, name_flag(ORG)),
            (SAINTS, name_flag(SAINT)),
        ])
    })
}

/// Words that introduce a date of birth.
const BIRTH_CUES: &[&str] = &[
    "født",
    "fødd",
    "fodt",
    "fødselsdato",
    "fødselsdatoen",
    "fødselsdag",
    "fødselsdagen",
    "bursdag",
    "bursdagen",
    "fdato",
    "f.dato",
    "dob",
    "born",
    "birthdate",
];

// ---------------------------------------------------------------------------------------
// Numbers, e-mail addresses and ages in words; social media
// ---------------------------------------------------------------------------------------

/// The digits in words, bokmål, nynorsk and English: (word, digit). «ett», «eitt», «ein»
/// and «syv» are other writings of one and seven.
pub(crate) const DIGIT_WORDS: &[(&str, u8)] = &[
    ("null", 0),
    ("zero", 0),
    ("en", 1),
    ("ein", 1),
    ("ett", 1),
    ("eitt", 1),
    ("one", 1),
    ("to", 2),
    ("two", 2),
    ("tre", 3),
    ("three", 3),
    ("fire", 4),
    ("four", 4),
    ("fem", 5),
    ("five", 5),
    ("seks", 6),
    ("six", 6),
    ("sju", 7),
    ("syv", 7),
    ("seven", 7),
    ("åtte", 8),
    ("atte", 8),
    ("eight", 8),
    ("ni", 9),
    ("nine", 9),
];

/// [`DIGIT_WORDS`]' words alone.
const DIGIT_WORDS_FLAT: &[&str] = &[
    "null", "zero", "en", "ein", "ett", "eitt", "one", "to", "two", "tre", "three", "fire", "four",
    "fem", "five", "seks", "six", "sju", "syv", "seven", "åtte", "atte", "eight", "ni", "nine",
];

/// The digit a word stands for ([`DIGIT_WORDS`]).
pub(crate) fn digit_word(low: &str) -> Option<u8> {
    DIGIT_WORDS.iter().find(|(w, _)| *w == low).map(|&(_, d)| d)
}

/// The at sign in words: «kari at gmail dot com», «kari krøllalfa gmail punktum com».
const AT_WORDS: &[&str] = &["at", "krøllalfa", "krollalfa", "alfakrøll", "alfakroll"];

/// The dot of a domain in words («gmail dot com», «gmail punktum com»).
pub(crate) const DOT_WORDS: &[&str] = &["dot", "punktum", "prikk"];

/// Words before an age and a date that give the birth date: «fyller 51 år 14. mars»,
/// «runder 60 den 3. mai», «blir 40 år i morgen, 2. juni».
const AGE_CUES: &[&str] = &[
    "fyller", "fylte", "fyllte", "fyllar", "fylde", "runder", "rundet", "rundar", "runda", "blir",
    "vert",
];

/// Social media sites whose addresses name a person's profile («instagram.com/kari»).
const SOCIAL_SITES: &[&str] = &[
    "instagram",
    "facebook",
    "fb",
    "twitter",
    "tiktok",
    "linkedin",
    "snapchat",
    "youtube",
    "threads",
    "github",
    "vk",
    "pinterest",
    "reddit",
    "tumblr",
    "flickr",
    "onlyfans",
    "bsky",
    "mastodon",
];

// ---------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------

/// Street-name endings (Norwegian street names: «-gata», «-veien», «-vegen», «-allé» …).
const STREET_SUFFIXES: &[&str] = &[
    "gata", "gaten", "gate", "veien", "vegen", "vei", "veg", "vn", "gt", "allé", "alle", "alléen",
    "plass", "plassen", "stien", "stig", "svingen", "bakken", "lia", "haugen", "ringen", "tunet",
    "løkka", "brekka", "toppen", "jordet", "åsen", "kroken", "terrasse", "torg", "torget",
    "bryggen", "brygge", "kaien", "smauet", "stredet", "stræde", "grenda", "vegen", "lien", "myra",
    "hagen", "lunden", "marka", "skogen", "enga", "kleiva", "krossen", "holmen", "nesset",
    "vollen", "parken", "sletta", "tun",
];
/// Stand-alone street words after a capitalised name («Kongens gate», «Ole Bulls plass»).
const STREET_WORDS: &[&str] = &[
    "gate", "gata", "vei", "veg", "vegen", "veien", "allé", "alle", "plass", "terrasse", "torg",
    "brygge", "stræde",
];

/// Words that open a street name before its main word («Gamle Drammensvei», «Nedre
/// Ullevål», «Dr. Holms vei», «Kong Oscars gate»).
const STREET_PREFIXES: &[&str] = &[
    "gamle",
    "gml",
    "nedre",
    "øvre",
    "ovre",
    "søndre",
    "nordre",
    "vestre",
    "østre",
    "store",
    "lille",
    "nye",
    "kong",
    "dronning",
    "prins",
    "prinsesse",
    "st",
    "sankt",
    "professor",
    "prof",
    "dr",
    "doktor",
    "biskop",
    "kaptein",
    "general",
    "fru",
    "fridtjof",
];

/// Qualifiers before a street name with a house number («Nedre Ullevål 9»).
const QUALIFIERS: &[&str] = &[
    "gamle", "nedre", "øvre", "ovre", "søndre", "nordre", "vestre", "østre",
];

/// Abbreviated endings («Storgt.», «Ringvn.»): only with their dot — «innlagt», «navn»
/// and many participles end the same way.
const ABBREVIATED_SUFFIXES: &[&str] = &["gt", "vn"];

/// For the tokenizer: a capitalised word (`low`: its lower case) that ends like a street name
/// (`dot`: a '.' follows it, for the abbreviated endings). The word's last two bytes tell
/// which suffix lengths can end it (most words: none); one hash lookup per such length.
// One caller: inlined there natively, as when it was a private function of its caller's
// module (the wasm package is one codegen unit, where LLVM decides alone).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn ends_like_street_name(low: &str, dot: bool) -> bool {
    type Endings = (
        rustc_hash::FxHashSet<&'static str>,
        rustc_hash::FxHashMap<[u8; 2], u32>,
    );
    static SET: std::sync::OnceLock<Endings> = std::sync::OnceLock::new();
    let (set, endings) = SET.get_or_init(|| {
        let set: rustc_hash::FxHashSet<&str> = STREET_SUFFIXES.iter().copied().collect();
        let mut endings = rustc_hash::FxHashMap::default();
        for s in STREET_SUFFIXES {
            if let [.., y, z] = s.as_bytes() {
                *endings.entry([*y, *z]).or_insert(0u32) |= 1u32 << s.len().min(31);
            }
        }
        (set, endings)
    });
    let Some(&lens) = (match low.as_bytes() {
        [.., y, z] => endings.get(&[*y, *z]),
        _ => None,
    }) else {
        return false;
    };
    (2..32).filter(|l| lens & (1 << l) != 0).any(|l| {
        low.len() > l + 2
            && low
                .get(low.len() - l..)
                .is_some_and(|suf| set.contains(suf))
            && (!ABBREVIATED_SUFFIXES.contains(&low.get(low.len() - l..).unwrap_or("")) || dot)
    })
}

/// Units and currencies written with a capital after a number («5000 IE», «60 Gy»): not
/// places after a postcode.
const UNITS: &[&str] = &[
    "ie", "iu", "e", "u", "me", "gy", "mbq", "gbq", "nok", "eur", "usd", "sek", "dkk", "gbp",
    "chf", "kr", "mg", "ml", "kg", "mmol", "mol", "l", "dl", "g", "mm", "cm", "km", "min", "t",
    "h", "hz", "kcal", "kj", "w", "kw", "v", "mv", "ms", "s",
];

// ---------------------------------------------------------------------------------------
// Record numbers
// ---------------------------------------------------------------------------------------

/// Words that introduce a record, journal, case or other personal number.
const RECORD_CUES: &[&str] = &[
    "journalnummer",
    "journalnr",
    "jnr",
    "pasientnummer",
    "pasientnr",
    "pasientid",
    "pid",
    "mrn",
    "saksnummer",
    "saksnr",
    "hospitalnummer",
    "personnummer",
    "personnr",
    "pnr",
    "fnr",
    "fødselsnummer",
    "fødselsnr",
    "dnr",
    "dnummer",
    "kontonummer",
    "kontonr",
    "konto",
    "medlemsnummer",
    "kundenummer",
    "forsikringsnummer",
    "polisenummer",
    "passnummer",
    "passnr",
    "førerkortnummer",
    "lisensnummer",
    "hpr",
    "hprnr",
    "reseptnummer",
    "henvisningsnummer",
    "epj",
    "dips",
    "journal",
];
