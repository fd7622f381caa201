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

use crate::lexicon::names::{list_flags, short_flags};

/// A word of a text: byte range and whether it starts with a capital letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub cap: bool,
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

/// What the features need of one word: hashes of its lower case (and, for the word whose
/// features are taken, of its first three and last three and two characters: zero
/// otherwise), its shape, length and name-list flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Info {
    /// 64 bits of the lower case's hash (the memo of words keys on it).
    pub key: u64,
    pub word: u32,
    pub pre3: u32,
    pub suf3: u32,
    pub suf2: u32,
    pub shape: u8,
    /// Letters, at most 15.
    pub len: u8,
    /// [`crate::privacy::names`] list flags (bit 0 first name … bit 7 «St.»), of the words
    /// whose lists the features read (the word and the ones right before and after);
    /// see [`Info::lists_of`].
    pub lists: u8,
}

/// The hash of a byte string ([`hash64`] folded to 32 bits).
pub fn hash_bytes(b: &[u8]) -> u32 {
    let h = hash64(b);
    (h ^ h >> 32) as u32
}

/// A 64-bit hash of a byte string: eight bytes at a time (little-endian, the last ones
/// padded with zeros), multiplied and folded, then the length; the same on every platform.
pub fn hash64(b: &[u8]) -> u64 {
    let mut h = Hash64::new();
    h.bytes(b);
    h.finish()
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// [`hash64`] of bytes given a few at a time.
#[derive(Clone, Copy)]
struct Hash64 {
    h: u64,
    /// Bytes not yet mixed in (little-endian), and how many.
    pending: u64,
    fill: u32,
    len: u64,
}

impl Hash64 {
    fn new() -> Hash64 {
        Hash64 {
            h: K,
            pending: 0,
            fill: 0,
            len: 0,
        }
    }
    #[inline]
    fn round(h: u64, x: u64) -> u64 {
        let h = (h ^ x).wrapping_mul(K);
        h ^ h >> 31
    }
    #[inline]
    fn byte(&mut self, x: u8) {
        self.pending |= u64::from(x) << (8 * self.fill);
        self.fill += 1;
        self.len += 1;
        if self.fill == 8 {
            self.h = Hash64::round(self.h, self.pending);
            (self.pending, self.fill) = (0, 0);
        }
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.byte(x);
        }
    }
    /// Eight bytes at once (`n` of them valid, the rest zero), when nothing is pending.
    #[inline]
    fn word(&mut self, x: u64, n: u32) {
        self.h = Hash64::round(self.h, x);
        self.len += u64::from(n);
    }
    fn finish(mut self) -> u64 {
        if self.fill > 0 {
            self.h = Hash64::round(self.h, self.pending);
        }
        let h = (self.h ^ self.len.wrapping_mul(0xFF51_AFD7_ED55_8CCD)).wrapping_mul(K);
        h ^ h >> 29
    }
}

/// The hash of `c` encoded in UTF-8, given to `h`.
#[inline]
fn hash_char(h: &mut Hash64, c: char) {
    if c.is_ascii() {
        h.byte(c as u8);
    } else {
        let mut buf = [0u8; 4];
        h.bytes(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// The hash of a word's lower case ([`Info::word`]).
pub fn word_hash(w: &str) -> u32 {
    Info::of(w).word
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
    /// The information of word `w` (its name-list flags with [`Info::lists_of`]): hashes of
    /// its lower case, its shape and length in characters (a hyphen or apostrophe counts
    /// as one).
    pub fn of(w: &str) -> Info {
        if w.is_ascii() {
            Info::of_ascii(w.as_bytes())
        } else {
            Info::of_chars(w, false)
        }
    }

    /// [`Info::of`] with the hashes of the first three and the last three and two
    /// characters (which only the word whose features are taken needs).
    pub fn with_affixes(w: &str) -> Info {
        if !w.is_ascii() {
            return Info::of_chars(w, true);
        }
        let b = w.as_bytes();
        let n = b.len();
        let part = |from: usize, to: usize| {
            let mut h = Hash64::new();
            for &x in b.get(from..to).unwrap_or_default() {
                h.byte(x | 0x20);
            }
            let h = h.finish();
            (h ^ h >> 32) as u32
        };
        Info {
            pre3: part(0, n.min(3)),
            suf3: part(n - n.min(3), n),
            suf2: part(n - n.min(2), n),
            ..Info::of_ascii(b)
        }
    }

    /// [`Info::of`] a word of ASCII letters, hyphens and apostrophes, eight bytes at a
    /// time: setting bit 5 lower-cases the letters and leaves the others as they are.
    fn of_ascii(b: &[u8]) -> Info {
        const LOW: u64 = 0x2020_2020_2020_2020;
        const SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        // Bytes of `v` equal to `x`, as 0x80 in each (exact, no borrow).
        let eq = |v: u64, x: u8| {
            let t = v ^ (0x0101_0101_0101_0101 * u64::from(x));
            !(((t & SEVEN) + SEVEN) | t | SEVEN)
        };
        let mut h = Hash64::new();
        let (mut upper, mut lower, mut joined, mut mixed) = (false, false, false, false);
        let mut prev_lower = false; // the last byte of the previous eight
        for chunk in b.chunks(8) {
            let n = chunk.len() as u32;
            let valid = if n == 8 {
                u64::MAX
            } else {
                (1u64 << (8 * n)) - 1
            };
            let v = match <[u8; 8]>::try_from(chunk) {
                Ok(x) => u64::from_le_bytes(x),
                Err(_) => chunk.iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x)),
            };
            h.word((v | LOW) & valid, n);
            // Joiners as 0x20 in their byte; capitals and small letters likewise.
            let join = (eq(v, b'-') | eq(v, b'\'')) >> 2 & valid;
            let up = !v & LOW & valid;
            let small = v & LOW & !join & valid;
            upper |= up != 0;
            lower |= small != 0;
            joined |= join != 0;
            mixed |= up & (small << 8 | u64::from(prev_lower) << 5) != 0;
            prev_lower = (small >> (8 * (n - 1))) & 0x20 != 0;
        }
        let n = b.len();
        let first_lower = b.first().is_some_and(|&x| x & 0x20 != 0);
        let key = h.finish();
        Info {
            key,
            word: (key ^ key >> 32) as u32,
            // A word with a hyphen has letters on both sides: one byte is one letter.
            shape: shape_of(first_lower, n, upper, lower, mixed, joined),
            len: n.min(15) as u8,
            ..Info::default()
        }
    }

    /// [`Info::of`] (with the affixes' hashes if `affixes`) a character at a time, for a
    /// word beyond ASCII; no allocation.
    fn of_chars(w: &str, affixes: bool) -> Info {
        let mut word = Hash64::new();
        let mut pre3 = Hash64::new();
        // The last three characters in lower case.
        let mut last = ['\0'; 3];
        let mut n = 0usize;
        let (mut upper, mut letters, mut joined, mut mixed) = (0usize, 0usize, false, false);
        let (mut prev_lower, mut first_lower) = (false, false);
        for c in w.chars() {
            let l = if matches!(c, '-' | '\'' | '\u{2019}') {
                joined = true;
                prev_lower = false;
                c
            } else {
                let l = crate::letter_case::lower_char(c);
                let up = l != c || c.is_uppercase();
                first_lower |= n == 0 && !up;
                upper += usize::from(up);
                letters += 1;
                mixed |= up && prev_lower;
                prev_lower = !up;
                l
            };
            hash_char(&mut word, l);
            if n < 3 {
                hash_char(&mut pre3, l);
            }
            last = [last[1], last[2], l];
            n += 1;
        }
        let tail = |k: usize| {
            let mut h = Hash64::new();
            for &c in last.iter().skip(3 - k.min(n)) {
                hash_char(&mut h, c);
            }
            let h = h.finish();
            (h ^ h >> 32) as u32
        };
        let fold = |h: Hash64| {
            let h = h.finish();
            (h ^ h >> 32) as u32
        };
        let key = word.finish();
        Info {
            key,
            word: (key ^ key >> 32) as u32,
            pre3: if affixes { fold(pre3) } else { 0 },
            suf3: if affixes { tail(3) } else { 0 },
            suf2: if affixes { tail(2) } else { 0 },
            shape: shape_of(
                first_lower,
                letters,
                upper > 0,
                upper < letters,
                mixed,
                joined,
            ),
            len: n.min(15) as u8,
            lists: 0,
        }
    }

    /// The name-list flags of word `w` ([`Info::lists`]): all of them for a word that
    /// starts with a capital, the short lists only (cue word, title, organisation word,
    /// «St.») for one that does not. `buf` is scratch space for the lists' key.
    pub fn lists_of(w: &str, cap: bool, buf: &mut String) -> u8 {
        if cap {
            list_flags(w, buf)
        } else {
            short_flags(w, buf)
        }
    }
}

/// A word's shape from what [`Info::of`] saw: whether it starts with a small letter, its
/// letters, whether it has capitals and small letters, a capital right after a small letter,
/// a hyphen or apostrophe.
fn shape_of(
    first_lower: bool,
    n: usize,
    upper: bool,
    lower: bool,
    inner: bool,
    joined: bool,
) -> u8 {
    let base = if first_lower {
        if upper {
            shape::LOWER_MIXED
        } else {
            shape::LOWER
        }
    } else if n == 1 {
        shape::INITIAL
    } else if !lower {
        shape::CAPS
    } else if inner {
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
        let mut buf = String::new();
        let s = |w: &str| Info::of(w).shape;
        assert_eq!(s("kari"), shape::LOWER);
        assert_eq!(s("Kari"), shape::CAP);
        assert_eq!(s("Anne-Marie"), shape::CAP | shape::JOINED);
        assert_eq!(s("EGFR"), shape::CAPS);
        assert_eq!(s("K"), shape::INITIAL);
        assert_eq!(s("McDonald"), shape::MIXED);
        assert_eq!(s("eGFR"), shape::LOWER_MIXED);
        assert_eq!(s("Ødegård"), shape::CAP);
        // The same word in other cases has the same hash; list flags come from the lists.
        let a = Info::with_affixes("ØDEGÅRD");
        let b = Info::with_affixes("ødegård");
        assert_eq!((a.word, a.suf3, a.pre3), (b.word, b.suf3, b.pre3));
        for w in ["Ødegård", "Anne-Marie", "O'Brien", "kari"] {
            assert_eq!(word_hash(w), Info::of(w).word, "{w}");
        }
        // Endings and beginnings: the same letters give the same hash, in any case.
        let i = Info::with_affixes;
        assert_eq!(
            (i("Hansen").suf3, i("Hansen").suf2),
            (i("OLSEN").suf3, i("Olsen").suf2)
        );
        assert_eq!(i("Kristian").pre3, i("kristin").pre3);
        assert_eq!(i("Ødegård").suf3, i("GÅRD").suf3);
        assert_eq!(i("Øystein").pre3, i("øys").pre3);
        assert_ne!(i("Hansen").suf3, i("Hansen").suf2);
        assert_ne!(i("Hansen").word, i("Hanson").word);
        // The ASCII way (eight bytes at a time) gives what the other gives.
        let long = "AbcDe-f'G".repeat(7);
        for w in [
            "Kari",
            "O'Brien",
            "Anne-Marie",
            "x",
            "Al",
            "McDonald",
            "EGFR",
            "iPhone",
            "Abcdefgh",
            "AbcdefgH",
            "abcdefghI",
            "Hans-PETTER",
            &long,
        ] {
            assert_eq!(i(w), Info::of_chars(w, true), "{w}");
            assert_eq!(Info::of(w), Info::of_chars(w, false), "{w}");
            assert_eq!(
                Info::of(w).word,
                hash_bytes(crate::letter_case::lower(w).as_bytes()),
                "{w}"
            );
        }
        let mut v = vec![0u8; 64];
        add_to_vocab(&mut v, word_hash("behandling"));
        assert!(in_vocab(&v, word_hash("Behandling")) && !in_vocab(&v, word_hash("Steinnes")));
        assert!(!in_vocab(&[], word_hash("behandling")));
        assert_eq!(Info::lists_of("Kari", true, &mut buf) & 1, 1);
        assert_eq!(Info::lists_of("Hansen", true, &mut buf) & 2, 2);
        assert_eq!(Info::lists_of("mor", false, &mut buf) & 16, 16);
        assert_eq!(Info::lists_of("kari", false, &mut buf), 0);
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
