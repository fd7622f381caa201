//! Words and their features for the learned name finder: the one definition that training
//! (`examples/train_names.rs`) and inference ([`super::Model`]) share.
//!
//! A text is a sequence of [`Word`]s (the privacy scanner's name words: letters, joined over
//! an inner hyphen or apostrophe; [`super::words_into`]); what lies between two words (spaces, punctuation,
//! digits, line breaks) is their *gap*, read for its class only ([`Gap`]), so that the
//! features do not depend on whether a comma has a space before it (NorNE's training split
//! has a space after every token, the development split only where the text had one).
//!
//! Every feature is a 32-bit hash of a template number and a value; the model keeps one
//! weight per hash bucket. Hashes are multiply-and-fold on eight bytes at a time
//! ([`hash_bytes`]) and a fixed finaliser on `u32` ([`mix`]): the same on
//! every platform, so that training is reproducible byte for byte.

/// A word of a text as the scanner's name finder sees it (`privacy::names`): byte range,
/// whether it starts with a capital letter, and what the lexicon knows of it (from the one
/// lookup the rules make too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub cap: bool,
    /// Name-list flags ([`crate::lexicon::names`]: bit 0 first name, 1 surname, 2 ordinary
    /// word that is also a name, 3 stop word, 4 cue word, 5 clinician's title, 6
    /// organisation word, 7 «St.»): every list for a capitalised word, the short lists
    /// (bits 4–7) for another.
    pub lists: u8,
    /// The lexicon's flags for the model ([`crate::lexicon::names::X_NOT_NAME`],
    /// [`crate::lexicon::names::X_GENITIVE_ORDINARY`]) of a capitalised word.
    pub extra: u8,
}

/// The class of the text between two words, or before the first / after the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Gap {
    /// Start or end of the text.
    Edge = 0,
    /// Spaces only.
    Space,
    /// A line break.
    Newline,
    /// `.`, `!` or `?` (the last sign before the word, or the first after it).
    Stop,
    Comma,
    Colon,
    /// `;`
    Semicolon,
    /// An opening quote or bracket: `«`, `"`, `(`, `[`, `'`, `“`.
    Open,
    /// A closing quote or bracket: `»`, `)`, `]`, `”`.
    Close,
    /// A hyphen or a dash.
    Dash,
    /// Digits.
    Digit,
    /// Any other sign (`/`, `&`, `%` …).
    Other,
}

fn sign(c: char) -> Gap {
    match c {
        '\n' | '\r' => Gap::Newline,
        '.' | '!' | '?' | '…' => Gap::Stop,
        ',' => Gap::Comma,
        ':' => Gap::Colon,
        ';' => Gap::Semicolon,
        '«' | '"' | '(' | '[' | '\'' | '“' | '{' | '‹' => Gap::Open,
        '»' | ')' | ']' | '”' | '}' | '›' => Gap::Close,
        '-' | '–' | '—' | '‐' | '−' => Gap::Dash,
        '0'..='9' => Gap::Digit,
        c if c.is_whitespace() => Gap::Space,
        _ => Gap::Other,
    }
}

/// The gap before a word: the class of its last sign (spaces skipped), and whether it
/// starts a sentence (start of text, a line break, or `.`/`!`/`?` anywhere in it).
pub fn gap_before(g: &str, at_start: bool) -> (Gap, bool) {
    let mut class = if at_start { Gap::Edge } else { Gap::Space };
    let mut boundary = at_start;
    for c in g.chars() {
        let s = sign(c);
        if s != Gap::Space {
            class = s;
        }
        boundary |= matches!(s, Gap::Newline | Gap::Stop);
    }
    (class, boundary)
}

/// The gap after a word: the class of its first sign (spaces skipped).
pub fn gap_after(g: &str, at_end: bool) -> Gap {
    g.chars()
        .map(sign)
        .find(|&s| s != Gap::Space)
        .unwrap_or(if at_end { Gap::Edge } else { Gap::Space })
}

/// A word's shape: how its letters are cased.
pub mod shape {
    /// Starts with a lower-case letter.
    pub const LOWER: u8 = 0;
    /// A capital, then lower case ("Kari", "Anne-Marie").
    pub const CAP: u8 = 1;
    /// Capitals only, two letters or more ("EGFR", "NAV").
    pub const CAPS: u8 = 2;
    /// One capital letter ("K" of "K. Hansen").
    pub const INITIAL: u8 = 3;
    /// A capital, lower case and another capital inside a part ("McDonald", "DiCaprio").
    pub const MIXED: u8 = 4;
    /// Lower case first, a capital later ("iPhone", "eGFR").
    pub const LOWER_MIXED: u8 = 5;
    /// Added when the word has a hyphen or apostrophe.
    pub const JOINED: u8 = 8;
}

/// What the features need of one word: hashes of its key (and, for the word whose features
/// are taken, of its first three and last three and two characters: zero otherwise), its
/// shape, length and name-list flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Info {
    pub word: u32,
    pub pre3: u32,
    pub suf3: u32,
    pub suf2: u32,
    pub shape: u8,
    /// Characters of its key, at most 15.
    pub len: u8,
    /// Name-list flags ([`Word::lists`]).
    pub lists: u8,
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A 64-bit hash of bytes given one at a time (multiply and fold, then the length): the
/// same on every platform, so that training is reproducible byte for byte.
#[derive(Clone, Copy)]
struct Hash64 {
    h: u64,
    len: u64,
}

impl Hash64 {
    fn new() -> Hash64 {
        Hash64 { h: K, len: 0 }
    }
    #[inline]
    fn byte(&mut self, x: u8) {
        let h = (self.h ^ u64::from(x)).wrapping_mul(K);
        self.h = h ^ h >> 29;
        self.len += 1;
    }
    /// 32 bits of the hash.
    fn finish(self) -> u32 {
        let h = (self.h ^ self.len.wrapping_mul(0xFF51_AFD7_ED55_8CCD)).wrapping_mul(K);
        let h = h ^ h >> 29;
        (h ^ h >> 32) as u32
    }
}

/// The hash of a word's key ([`Info::word`]).
pub fn word_hash(w: &str) -> u32 {
    Info::of(&crate::lexicon::names::key(w), 0, 0, false).word
}

/// A set of word hashes ([`word_hash`]) in `vocab` (a power of two of bytes): a Bloom
/// filter with two probes. Empty: nothing is in it.
pub fn in_vocab(vocab: &[u8], hash: u32) -> bool {
    let n = (vocab.len() * 8) as u32;
    if n == 0 {
        return false;
    }
    [hash, mix(0x0B10_0F11, hash)].iter().all(|&h| {
        let bit = (h & (n - 1)) as usize;
        vocab
            .get(bit / 8)
            .is_some_and(|b| b & (1 << (bit % 8)) != 0)
    })
}

/// Adds a word hash to a vocabulary filter ([`in_vocab`]).
pub fn add_to_vocab(vocab: &mut [u8], hash: u32) {
    let n = (vocab.len() * 8) as u32;
    for h in [hash, mix(0x0B10_0F11, hash)] {
        let bit = (h & n.wrapping_sub(1)) as usize;
        if let Some(b) = vocab.get_mut(bit / 8) {
            *b |= 1 << (bit % 8);
        }
    }
}

impl Info {
    /// The information of a word whose key is `key` ([`crate::lexicon::names::key`]: lower
    /// case, diacritics folded, so that «ØDEGÅRD» and «Odegaard» are one word to the model
    /// as to the lists), of shape `shape` ([`shape_of`]) and with name-list flags `lists`:
    /// hashes of the key and, with `affixes`, of its first three and last three and two
    /// characters; its length in characters. No allocation.
    pub fn of(key: &str, shape: u8, lists: u8, affixes: bool) -> Info {
        let b = key.as_bytes();
        let mut word = Hash64::new();
        for &x in b {
            word.byte(x);
        }
        let n = key.chars().count();
        let (mut pre3, mut suf3, mut suf2) = (0, 0, 0);
        if affixes {
            // Character boundaries: the first three characters' end, the last three's and
            // two's start.
            let at = |k: usize| key.char_indices().nth(k).map_or(b.len(), |(i, _)| i);
            let part = |from: usize, to: usize| {
                let mut h = Hash64::new();
                for &x in b.get(from..to).unwrap_or_default() {
                    h.byte(x);
                }
                h.finish()
            };
            pre3 = part(0, at(3));
            suf3 = part(at(n.saturating_sub(3)), b.len());
            suf2 = part(at(n.saturating_sub(2)), b.len());
        }
        Info {
            word: word.finish(),
            pre3,
            suf3,
            suf2,
            shape,
            len: n.min(15) as u8,
            lists,
        }
    }
}

/// [`Info::of`] the word `w` as written (its key computed here). A word of ASCII letters and
/// hyphens — most words — is read in one pass: its key is its lower case, and `key` is left
/// empty; another word's key is left in `key`.
pub fn info_of_word(w: &str, lists: u8, affixes: bool, key: &mut String) -> Info {
    let b = w.as_bytes();
    key.clear();
    if !b.iter().all(|&x| x.is_ascii_alphabetic() || x == b'-') {
        crate::lexicon::names::key_into(w, key);
        return Info::of(key, shape_of(w), lists, affixes);
    }
    let mut word = Hash64::new();
    let mut pre3 = Hash64::new();
    let mut last = [0u8; 3];
    let (mut upper, mut lower, mut letters) = (false, false, 0usize);
    let (mut first_lower, mut mixed, mut joined, mut prev_lower) = (false, false, false, false);
    for (k, &x) in b.iter().enumerate() {
        let c = if x == b'-' { x } else { x | 0x20 };
        word.byte(c);
        if k < 3 {
            pre3.byte(c);
        }
        last = [last[1], last[2], c];
        if x == b'-' {
            joined = true;
            prev_lower = false;
            continue;
        }
        let up = x.is_ascii_uppercase();
        first_lower |= letters == 0 && !up;
        upper |= up;
        lower |= !up;
        mixed |= up && prev_lower;
        prev_lower = !up;
        letters += 1;
    }
    let n = b.len();
    let tail = |k: usize| {
        let mut h = Hash64::new();
        for &x in last.get(3 - k.min(n)..).unwrap_or_default() {
            h.byte(x);
        }
        h.finish()
    };
    Info {
        word: word.finish(),
        pre3: if affixes { pre3.finish() } else { 0 },
        suf3: if affixes { tail(3) } else { 0 },
        suf2: if affixes { tail(2) } else { 0 },
        shape: shape_from(first_lower, letters, upper, lower, mixed, joined),
        len: n.min(15) as u8,
        lists,
    }
}

/// A word's shape ([`shape`]) from its letters' case.
pub fn shape_of(w: &str) -> u8 {
    let (mut upper, mut lower, mut letters) = (false, false, 0usize);
    let (mut first_lower, mut mixed, mut joined, mut prev_lower) = (false, false, false, false);
    for c in w.chars() {
        if matches!(c, '-' | '\'' | '\u{2019}') {
            joined = true;
            prev_lower = false;
            continue;
        }
        // A combining mark (text in NFD) belongs to the letter before it.
        if ('\u{300}'..='\u{36F}').contains(&c) {
            continue;
        }
        let (up, low) = if c.is_ascii() {
            (c.is_ascii_uppercase(), c.is_ascii_lowercase())
        } else {
            (c.is_uppercase(), !c.is_uppercase())
        };
        first_lower |= letters == 0 && low;
        upper |= up;
        lower |= low;
        mixed |= up && prev_lower;
        prev_lower = low;
        letters += 1;
    }
    shape_from(first_lower, letters, upper, lower, mixed, joined)
}

/// A shape ([`shape`]) from what was seen of a word's letters.
fn shape_from(
    first_lower: bool,
    letters: usize,
    upper: bool,
    lower: bool,
    mixed: bool,
    joined: bool,
) -> u8 {
    let base = if first_lower {
        if upper {
            shape::LOWER_MIXED
        } else {
            shape::LOWER
        }
    } else if letters == 1 {
        shape::INITIAL
    } else if !lower {
        shape::CAPS
    } else if mixed {
        shape::MIXED
    } else {
        shape::CAP
    };
    base | if joined { shape::JOINED } else { 0 }
}

/// Which features a model uses (bits of [`super::Model`]'s header).
pub mod set {
    /// The word itself, its affixes, shape, length and name lists.
    pub const WORD: u16 = 1;
    /// The words next to it (one each side), their shapes and lists, and the gaps.
    pub const CONTEXT1: u16 = 2;
    /// The words two away.
    pub const CONTEXT2: u16 = 4;
    /// Position in the sentence combined with shape, lists and the word.
    pub const POSITION: u16 = 8;
    /// Pairs: the word with the next, the previous with the gap before.
    pub const PAIRS: u16 = 16;
    /// Whether the word is a known lower-case word (the model's vocabulary filter), with
    /// its position and shape.
    pub const VOCAB: u16 = 32;
    /// The features this build reads: every one natively (training compares them), in the
    /// wasm package those of the weights that ship (the others' code is left out; weights
    /// with others are refused).
    #[cfg(not(target_arch = "wasm32"))]
    pub const SUPPORTED: u16 = WORD | CONTEXT1 | CONTEXT2 | POSITION | PAIRS | VOCAB;
    #[cfg(target_arch = "wasm32")]
    pub const SUPPORTED: u16 = WORD | CONTEXT1 | POSITION | VOCAB;
}

/// Feature templates (the first argument of [`mix`]).
mod t {
    pub const BIAS: u32 = 1;
    pub const WORD: u32 = 2;
    pub const PRE3: u32 = 3;
    pub const SUF3: u32 = 4;
    pub const SUF2: u32 = 5;
    pub const SHAPE_LEN: u32 = 6;
    pub const LIST: u32 = 7;
    pub const LISTS: u32 = 8;
    pub const PREV: u32 = 9;
    pub const NEXT: u32 = 10;
    pub const PREV_SHAPE: u32 = 11;
    pub const NEXT_SHAPE: u32 = 12;
    pub const PREV_LIST: u32 = 13;
    pub const NEXT_LIST: u32 = 14;
    pub const GAP_BEFORE: u32 = 15;
    pub const GAP_AFTER: u32 = 16;
    pub const PREV2: u32 = 17;
    pub const NEXT2: u32 = 18;
    pub const POS_SHAPE: u32 = 19;
    pub const POS_LIST: u32 = 20;
    pub const POS_WORD: u32 = 21;
    pub const POS_NEXT_SHAPE: u32 = 22;
    pub const WORD_NEXT: u32 = 23;
    pub const PREV_GAP: u32 = 24;
    pub const GAP_NEXT: u32 = 25;
    pub const PREV2_SHAPE: u32 = 26;
    pub const NEXT2_SHAPE: u32 = 27;
    pub const POS_SUF3: u32 = 28;
    pub const POS_SUF2: u32 = 29;
    pub const VOCAB: u32 = 30;
}

/// The hash of feature template `t` with value `v`.
pub fn mix(t: u32, v: u32) -> u32 {
    let mut x = v ^ t.wrapping_mul(0x9E37_79B9);
    x ^= x >> 16;
    x = x.wrapping_mul(0x85EB_CA6B);
    x ^= x >> 13;
    x = x.wrapping_mul(0xC2B2_AE35);
    x ^ (x >> 16)
}

/// The neighbourhood of the word whose features are wanted.
pub struct Around {
    /// The word, and the words one and two before and after (None past the text's edge,
    /// and the words two away without [`set::CONTEXT2`]).
    pub word: Info,
    pub prev: Option<Info>,
    pub prev2: Option<Info>,
    pub next: Option<Info>,
    pub next2: Option<Info>,
    /// The gap before the word: its class and whether it starts a sentence.
    pub before: (Gap, bool),
    /// The gap after the word.
    pub after: Gap,
    /// The word is in the model's vocabulary of lower-case words ([`set::VOCAB`]).
    pub known: bool,
}

/// Does the word start a sentence? A boundary ([`gap_before`]) after a one-letter capital
/// word does not count: that is an initial's dot («K. Hansen»).
pub fn starts_sentence(a: &Around) -> bool {
    let (_, boundary) = a.before;
    let after_initial = a
        .prev
        .is_some_and(|p| p.shape & !shape::JOINED == shape::INITIAL);
    boundary && !after_initial
}

/// The feature hashes of a word in `set` ([`set`] bits), each given to `out` (training
/// keeps them; the model adds up their weights).
#[inline]
pub fn features(a: &Around, set: u16, mut out: impl FnMut(u32)) {
    let set = set & set::SUPPORTED;
    let w = &a.word;
    let start = u32::from(starts_sentence(a));
    let shape_of = |i: Option<Info>| i.map_or(0xFF, |i| u32::from(i.shape));
    let lists_of = |i: Option<Info>| i.map_or(0x1FF, |i| u32::from(i.lists));
    out(mix(t::BIAS, 0));
    if set & set::WORD != 0 {
        out(mix(t::WORD, w.word));
        out(mix(t::PRE3, w.pre3));
        out(mix(t::SUF3, w.suf3));
        out(mix(t::SUF2, w.suf2));
        out(mix(
            t::SHAPE_LEN,
            u32::from(w.shape) << 8 | u32::from(w.len),
        ));
        out(mix(t::LISTS, u32::from(w.lists)));
        for b in 0..8 {
            if w.lists & (1 << b) != 0 {
                out(mix(t::LIST, b));
            }
        }
    }
    if set & set::CONTEXT1 != 0 {
        out(mix(t::PREV, a.prev.map_or(0, |p| p.word)));
        out(mix(t::NEXT, a.next.map_or(0, |p| p.word)));
        out(mix(t::PREV_SHAPE, shape_of(a.prev)));
        out(mix(t::NEXT_SHAPE, shape_of(a.next)));
        out(mix(t::PREV_LIST, lists_of(a.prev)));
        out(mix(t::NEXT_LIST, lists_of(a.next)));
        out(mix(
            t::GAP_BEFORE,
            (a.before.0 as u32) << 1 | u32::from(a.before.1),
        ));
        out(mix(t::GAP_AFTER, a.after as u32));
    }
    if set & set::CONTEXT2 != 0 {
        out(mix(t::PREV2, a.prev2.map_or(0, |p| p.word)));
        out(mix(t::NEXT2, a.next2.map_or(0, |p| p.word)));
        out(mix(t::PREV2_SHAPE, shape_of(a.prev2)));
        out(mix(t::NEXT2_SHAPE, shape_of(a.next2)));
    }
    if set & set::POSITION != 0 {
        out(mix(t::POS_SHAPE, start << 8 | u32::from(w.shape)));
        out(mix(t::POS_LIST, start << 9 | u32::from(w.lists)));
        out(mix(t::POS_WORD, w.word ^ start));
        out(mix(t::POS_SUF3, w.suf3 ^ start));
        out(mix(t::POS_SUF2, w.suf2 ^ start));
        out(mix(
            t::POS_NEXT_SHAPE,
            start << 9 | shape_of(a.next) << 1 | u32::from(a.after == Gap::Space),
        ));
    }
    if set & set::VOCAB != 0 {
        let k = u32::from(a.known);
        out(mix(t::VOCAB, k << 9 | start << 8 | u32::from(w.shape)));
        out(mix(
            t::VOCAB,
            1 << 12 | k << 9 | start << 8 | u32::from(w.lists),
        ));
    }
    if set & set::PAIRS != 0 {
        out(mix(
            t::WORD_NEXT,
            w.word.wrapping_mul(31) ^ a.next.map_or(0, |p| p.word),
        ));
        out(mix(
            t::PREV_GAP,
            a.prev.map_or(0, |p| p.word).wrapping_mul(31) ^ a.before.0 as u32,
        ));
        out(mix(
            t::GAP_NEXT,
            (a.after as u32) << 16 ^ shape_of(a.next) << 8 ^ lists_of(a.next),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let mut w = Vec::new();
        super::super::words_into(text, &mut w);
        w.iter().map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn words_join_over_inner_hyphens_and_apostrophes() {
        assert_eq!(
            texts("K. Anne-Marie O'Brien- (Ødegård), KEYNOTE-189 x-"),
            ["K", "Anne-Marie", "O'Brien", "Ødegård", "KEYNOTE", "x"]
        );
    }

    #[test]
    fn shapes() {
        let s = shape_of;
        assert_eq!(s("kari"), shape::LOWER);
        assert_eq!(s("Kari"), shape::CAP);
        assert_eq!(s("Anne-Marie"), shape::CAP | shape::JOINED);
        assert_eq!(s("EGFR"), shape::CAPS);
        assert_eq!(s("K"), shape::INITIAL);
        assert_eq!(s("McDonald"), shape::MIXED);
        assert_eq!(s("eGFR"), shape::LOWER_MIXED);
        assert_eq!(s("Ødegård"), shape::CAP);
        assert_eq!(s("NGUYỄN"), shape::CAPS);
        // A combining mark is part of its letter (NFD): «Å» is one letter, an initial.
        assert_eq!(s("A\u{30A}"), shape::INITIAL);
        assert_eq!(s("Nguye\u{302}\u{303}n"), shape::CAP);
    }

    #[test]
    fn hashes_are_of_the_lexicons_keys() {
        let i = |w: &str| Info::of(&crate::lexicon::names::key(w), shape_of(w), 0, true);
        // The same word in any case, with or without its diacritics, in NFC or NFD, is one
        // word to the model, as to the lists.
        for (a, b) in [
            ("ØDEGÅRD", "Odegaard"),
            ("Nguyễn", "NGUYEN"),
            ("Nguye\u{302}\u{303}n", "nguyen"),
            ("Åse", "A\u{30A}se"),
            ("O'Brien", "obrien"),
        ] {
            let (x, y) = (i(a), i(b));
            assert_eq!(
                (x.word, x.pre3, x.suf3, x.suf2, x.len),
                (y.word, y.pre3, y.suf3, y.suf2, y.len),
                "{a} {b}"
            );
        }
        assert_eq!(
            (i("Hansen").suf3, i("Hansen").suf2),
            (i("OLSEN").suf3, i("Olsen").suf2)
        );
        assert_eq!(i("Kristian").pre3, i("kristin").pre3);
        assert_eq!(i("Øystein").pre3, i("oys").pre3);
        assert_ne!(i("Hansen").suf3, i("Hansen").suf2);
        assert_ne!(i("Hansen").word, i("Hanson").word);
        // Affixes of a key with a letter beyond the folded ones are whole characters.
        assert_eq!(i("Жанна").suf2, i("ЖАННА").suf2);
        // Without affixes, only the word's hash.
        let plain = Info::of("hansen", shape::CAP, 2, false);
        assert_eq!(
            (plain.pre3, plain.word, plain.lists),
            (0, word_hash("HANSEN"), 2)
        );
        let mut v = vec![0u8; 64];
        add_to_vocab(&mut v, word_hash("behandling"));
        assert!(in_vocab(&v, word_hash("Behandling")) && !in_vocab(&v, word_hash("Steinnes")));
        assert!(!in_vocab(&[], word_hash("behandling")));
    }

    /// The one-pass reading of an ASCII word gives what the key and the shape give.
    #[test]
    fn ascii_words_in_one_pass() {
        let mut key = String::new();
        let letters = ["a", "B", "-", "x", "Y", "q", "-"];
        let mut checked = 0;
        // Every word of up to five of these signs.
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for w in &words {
                for l in letters {
                    next.push(format!("{w}{l}"));
                }
            }
            words.extend(next.iter().cloned());
            words.dedup();
            if words.len() > 20_000 {
                break;
            }
        }
        for w in words.iter().chain(&[
            "Hansen".to_string(),
            "Anne-Marie".to_string(),
            "McDonald".to_string(),
        ]) {
            for affixes in [false, true] {
                let general = Info::of(&crate::lexicon::names::key(w), shape_of(w), 3, affixes);
                assert_eq!(info_of_word(w, 3, affixes, &mut key), general, "{w:?}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
        // Beyond ASCII, and with an apostrophe: through the key.
        for w in ["Ødegård", "O'Brien", "Nguye\u{302}\u{303}n"] {
            let general = Info::of(&crate::lexicon::names::key(w), shape_of(w), 0, true);
            assert_eq!(info_of_word(w, 0, true, &mut key), general, "{w}");
        }
    }

    #[test]
    fn gaps_ignore_spaces() {
        assert_eq!(gap_before(" . ", false), (Gap::Stop, true));
        assert_eq!(gap_before(".", false), (Gap::Stop, true));
        assert_eq!(gap_before(". «", false), (Gap::Open, true));
        assert_eq!(gap_before(" , ", false), (Gap::Comma, false));
        assert_eq!(gap_before("", true), (Gap::Edge, true));
        assert_eq!(gap_after(" , ", false), Gap::Comma);
        assert_eq!(gap_after("", true), Gap::Edge);
    }
}
