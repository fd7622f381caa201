//! A learned person-name finder: a linear classifier over capitalised words, with hashed
//! features of the word, its neighbours and its place in the sentence, and integer weights
//! trained on NorNE (`examples/train_names.rs`; figures in `src/privacy/names/model.md`).
//!
//! It complements the rules of [`super`]: the rules find listed
//! names, names after cue words and the patient's own name; the model finds the names the
//! lists do not hold (a surname alone, a foreign name, a first name at the start of a
//! sentence) from how names are written and used.
//!
//! How it runs: the text's words ([`words_into`]); every word that starts with a
//! capital letter is a candidate (lower-case words are never scored: in Norwegian a person's
//! name is capitalised); a candidate's features are hashed into a table of `i8` weights and
//! summed; a candidate whose sum reaches the model's threshold (one for the first word of a
//! sentence, one for the others) is a name word, unless it is written like no name
//! ([`written_unlike_a_name`], [`not_a_name`]); name words next to each other (spaces, an initial's dot,
//! a particle such as «van», «de» between) are one name, unless what is around it shows an
//! institution, a place, a reference or a drug ([`context`]). Linear in the text; no
//! allocation per word.

mod context;
pub mod features;
#[cfg(not(target_arch = "wasm32"))]
pub mod norne;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::lexicon::names::is_not_a_name_lower;
use std::sync::OnceLock;

use super::{NameHit, NameReason};
use crate::privacy::tokens::Tokens;
use features::{gap_after, gap_before, shape, Around, Info, Word};

/// Slots of [`Scratch`]'s memo of words.
const MEMO: usize = 1024;

/// The confidence of a name only the model found (the rules' range from 0.6 to 0.95).
pub const CONFIDENCE: f32 = 0.5;

/// The first four bytes of a weights file.
pub const MAGIC: [u8; 4] = *b"SVNF";
/// The version of the weights file's layout and of the features ([`features`]): a file of
/// another version is refused. Raise it with every change to the features.
pub const VERSION: u16 = 1;
/// Bytes before the weights: magic, version, feature set, hash bits, vocabulary bits, 2
/// reserved, the threshold inside a sentence and at its start (little-endian). After the
/// weights: the vocabulary filter, `1 << vocabulary bits` bits.
pub const HEADER: usize = 20;

/// Weights of a name finder, read from a weights file (see [`Model::to_bytes`]).
#[derive(Clone, Debug)]
pub struct Model<'a> {
    /// The features it uses ([`features::set`]).
    pub set: u16,
    /// log2 of the number of weights.
    pub bits: u8,
    /// The least score of a name word inside a sentence.
    pub threshold: i32,
    /// The least score of a name word that starts a sentence.
    pub threshold_start: i32,
    /// The weights, one byte each (an `i8`).
    weights: &'a [u8],
    /// The vocabulary filter ([`features::in_vocab`]); empty without [`features::set::VOCAB`].
    vocab: &'a [u8],
}

/// Why a weights file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not a weights file.
    Magic,
    /// Another version of the layout or the features.
    Version,
    /// The size does not match the header, or the header is out of range.
    Size,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelError::Magic => "not a name-finder weights file",
            ModelError::Version => "name-finder weights of another version",
            ModelError::Size => "name-finder weights of the wrong size",
        })
    }
}

impl std::error::Error for ModelError {}

/// A name found by the model: byte range in the text searched, and the highest score of its
/// words (the threshold or more).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub score: i32,
}

/// A word that starts with a capital letter, scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Its index among the text's words.
    pub word: usize,
    pub score: i32,
    /// [`features::shape`] and name-list flags ([`features::Info`]).
    pub shape: u8,
    pub lists: u8,
    /// It starts a sentence ([`features::starts_sentence`]).
    pub start: bool,
}

/// Name-list flags ([`features::Info::lists`]).
const FIRST: u8 = 1;
const SURNAME: u8 = 2;
const COMMON: u8 = 4;
const STOP: u8 = 8;
const ORG: u8 = 64;

/// Written like no person's name, whatever its score: capitals only («EGFR», «RELIS», «IV»;
/// 13 of NorNE's 13 205 name tokens in training are), glued to digits («ROS1», «C34»), a
/// single letter without an initial's dot («Child-Pugh A», «vitamin D»), after a slash
/// («µg/L»), or an abbreviation («Tlf. 41 23 45 67»). Such words are not scored.
fn written_unlike_a_name(text: &str, w: &Word, shape: u8) -> bool {
    let bytes = text.as_bytes();
    let after = bytes.get(w.end).copied();
    let digit_after = match after {
        Some(b'-') => bytes.get(w.end + 1).is_some_and(u8::is_ascii_digit),
        b => b.is_some_and(|b| b.is_ascii_digit()),
    };
    let before = w.start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let glued_before = before.is_some_and(|b| b.is_ascii_digit() || b == b'/');
    // An abbreviation: a dot, then a small letter or a digit («Jfr. epikrise»); a name
    // before a full stop is followed by a capital or nothing.
    let abbreviation = after == Some(b'.')
        && text
            .get(w.end + 1..)
            .and_then(|r| r.trim_start_matches([' ', '\u{a0}']).chars().next())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let base = shape & !shape::JOINED;
    // A single letter is a name's initial only with its dot.
    let bare_letter = base == shape::INITIAL && after != Some(b'.');
    base == shape::CAPS || abbreviation || bare_letter || digit_after || glued_before
}

/// A word no person's name is made of, whatever its score: an organisation word or a word
/// ending like an institution's («Rikshospitalet»), an international drug name
/// («Osimertinib»), an ordinary word or stop word of the name lists that is no listed first
/// name or surname (eponyms such as «Crohn», «Parkinson», also in the genitive), or a word
/// of [`NOT_NAMES`] (a drug, a place, a month, a label): the rules find those only with
/// strong evidence, and so does the model. Such words are not scored. The verdict is kept
/// in the memo of words ([`Scratch`]).
fn not_a_name(text: &str, w: &Word, info: &Info, s: &mut Scratch) -> bool {
    if info.lists & ORG != 0
        || (info.lists & (COMMON | STOP) != 0 && info.lists & (FIRST | SURNAME) == 0)
    {
        return true;
    }
    if let (_, _, Some(v)) = s.memo(info, w.cap) {
        return v;
    }
    let low = &mut s.low;
    low.clear();
    low.extend(
        text.get(w.start..w.end)
            .unwrap_or("")
            .chars()
            .map(crate::letter_case::lower_char),
    );
    let v = is_not_a_name_lower(low) || context::institution_key(low) || context::drug_key(low);
    s.remember(info, w.cap, None, Some(v));
    v
}

/// `true` if `word` is on the not-names list (`src/lexicon/names/not_names.txt`: months,
/// drug brands, places, hospitals, organisations); `buf` is scratch space for its lower case.
pub fn is_not_a_name(word: &str, buf: &mut String) -> bool {
    buf.clear();
    buf.extend(word.chars().map(crate::letter_case::lower_char));
    is_not_a_name_lower(buf)
}

/// Lower-case words that join two name words into one name («Ludwig van Beethoven»,
/// «Charles de Gaulle», «Osama bin Laden»).
const PARTICLES: &[&str] = &[
    "af", "al", "bin", "da", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "van", "von", "zu",
];

/// The compiled-in weights (`src/privacy/names/model.bin`, rebuilt by `cargo run --release
/// --example train_names -- ../shared/data/norne`).
pub static WEIGHTS: &[u8] = include_bytes!("model.bin");

/// The compiled-in model; `None` only if [`WEIGHTS`] were of another version (a test makes
/// sure they are not).
pub fn builtin() -> Option<&'static Model<'static>> {
    static M: OnceLock<Option<Model<'static>>> = OnceLock::new();
    M.get_or_init(|| Model::parse(WEIGHTS).ok()).as_ref()
}

thread_local! {
    /// The buffers of the last search on this thread, kept for the next.
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
    /// Set by [`rules_only`].
    static OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the model switched off on this thread, so that the privacy scanner finds
/// what its rules alone find: to measure what the model adds (training, evaluation). Texts
/// long enough to be scanned in windows on several threads (over 64 KB) are not covered.
pub fn rules_only<R>(f: impl FnOnce() -> R) -> R {
    let was = OFF.with(|o| o.replace(true));
    let r = f();
    OFF.with(|o| o.set(was));
    r
}

/// Names the compiled-in model finds in `text`, whose words (in order, as
/// [`words_into`] would give them) are `words`: the privacy scanner passes its
/// own. Buffers are kept per thread (the one holding name keys is wiped first).
pub fn find_in_words(text: &str, words: impl Iterator<Item = Word>) -> Vec<Hit> {
    let Some(m) = builtin().filter(|_| !OFF.with(std::cell::Cell::get)) else {
        return Vec::new();
    };
    let mut s = SCRATCH.try_with(std::cell::Cell::take).unwrap_or_default();
    let mut ws = std::mem::take(&mut s.words);
    ws.clear();
    ws.extend(words);
    let mut out = Vec::new();
    m.find_in(text, &ws, &mut s, &mut out);
    ws.clear();
    s.words = ws;
    // The key buffers held words of the text: zeroed before they are kept.
    // Only the slots written are cleared: a short field writes a few.
    for &slot in &s.memo_used {
        if let Some(e) = s.memo.get_mut(usize::from(slot)) {
            *e = (0, 0, 0, 0);
        }
    }
    s.memo_used.clear();
    for b in [&mut s.key, &mut s.low, &mut s.ctx] {
        let mut v = std::mem::take(b).into_bytes();
        v.fill(0);
        v.clear();
        *b = String::from_utf8(v).unwrap_or_default();
    }
    let _ = SCRATCH.try_with(|c| c.set(s));
    out
}

/// The model's names among the words of a text the scanner has split ([`Tokens`]), added to
/// `hits` as [`NameReason::Model`] (the rules' hits are merged with them after).
pub(crate) fn names_in(cx: &Tokens<'_>, hits: &mut Vec<NameHit>) {
    let words = cx.name_words().map(|w| Word {
        start: w.start,
        end: w.end,
        cap: w.cap,
    });
    hits.extend(
        find_in_words(cx.text(), words)
            .into_iter()
            .map(|h| NameHit {
                start: h.start,
                end: h.end,
                confidence: CONFIDENCE,
                reason: NameReason::Model,
            }),
    );
}

/// The words of `text` as the scanner splits them ([`Tokens::name_words`]), appended to
/// `out` (cleared first): what training and the tests give the model.
pub fn words_into(text: &str, out: &mut Vec<Word>) {
    out.clear();
    let cx = Tokens::new(text);
    out.extend(cx.name_words().map(|w| Word {
        start: w.start,
        end: w.end,
        cap: w.cap,
    }));
}

/// Reusable buffers of one search.
#[derive(Default)]
pub struct Scratch {
    words: Vec<Word>,
    key: String,
    /// A candidate's lower case ([`not_a_name`]).
    low: String,
    /// A neighbour's lower case ([`context`]).
    ctx: String,
    /// Information of recently seen words, by word index modulo 8 (index + 1, its
    /// information, whether with list flags).
    cache: [(usize, Info, bool); 8],
    /// Words' list flags and lexical verdicts, by a 64-bit hash of the word ([`MEMO`]
    /// slots; key, list flags with bit 8 set when known, verdict 0 unknown, 1 a name may
    /// be made of it, 2 none is). Zeroed after each search.
    memo: Vec<(u64, u16, u8, u8)>,
    /// The memo's slots written since it was last cleared.
    memo_used: Vec<u16>,
    cands: Vec<Candidate>,
}

impl Scratch {
    /// Forgets the words of the last text: call before the features of another text.
    pub fn new_text(&mut self) {
        self.cache = Default::default();
    }

    /// The memo's slot and key of a word: a word's list flags and lexical verdict are the
    /// same wherever it stands, and clinical text repeats its words.
    fn memo_slot(info: &Info, cap: bool) -> (usize, u64) {
        let key = info.key ^ u64::from(cap);
        ((key ^ key >> 29) as usize & (MEMO - 1), key)
    }

    /// What the memo holds of a word: its list flags and its lexical verdict
    /// ([`Candidate::not_a_name`]), each if known.
    fn memo(&self, info: &Info, cap: bool) -> (u64, Option<u8>, Option<bool>) {
        let (slot, key) = Scratch::memo_slot(info, cap);
        match self.memo.get(slot) {
            Some(&(k, lists, verdict, _)) if k == key && (lists != 0 || verdict != 0) => (
                key,
                (lists & 0x100 != 0).then_some(lists as u8),
                (verdict != 0).then_some(verdict == 2),
            ),
            _ => (key, None, None),
        }
    }

    /// Word `i` names an institution or an area ([`context::institution_key`]) or is an
    /// organisation word of the lists; kept in the memo.
    pub(crate) fn institution(&mut self, text: &str, words: &[Word], i: usize) -> bool {
        let info = self.info(text, words, i, true);
        if info.lists & ORG != 0 {
            return true;
        }
        let cap = words.get(i).is_some_and(|w| w.cap);
        let (slot, key) = Scratch::memo_slot(&info, cap);
        if let Some(&(k, _, _, inst)) = self.memo.get(slot) {
            if k == key && inst != 0 {
                return inst == 2;
            }
        }
        let w = words.get(i).copied().unwrap_or_default();
        self.ctx.clear();
        self.ctx.extend(
            text.get(w.start..w.end)
                .unwrap_or("")
                .chars()
                .map(crate::letter_case::lower_char),
        );
        let v = context::institution_key(&self.ctx);
        // Known list flags come with the entry (self.info above wrote them).
        if let Some(e) = self.memo.get_mut(slot) {
            if e.0 == key {
                e.3 = 1 + u8::from(v);
            }
        }
        v
    }

    fn remember(&mut self, info: &Info, cap: bool, lists: Option<u8>, verdict: Option<bool>) {
        let (slot, key) = Scratch::memo_slot(info, cap);
        if self.memo.len() < MEMO {
            self.memo.resize(MEMO, (0, 0, 0, 0));
        }
        if let Some(e) = self.memo.get_mut(slot) {
            if e.0 != key {
                if *e == (0, 0, 0, 0) && self.memo_used.len() < MEMO {
                    self.memo_used.push(slot as u16);
                }
                *e = (key, 0, 0, 0);
            }
            if let Some(l) = lists {
                e.1 = 0x100 | u16::from(l);
            }
            if let Some(v) = verdict {
                e.2 = 1 + u8::from(v);
            }
        }
    }

    /// The information of word `i` ([`Info`]), with its name-list flags if `lists`
    /// ([`Info::lists_of`]); kept for the next few words.
    pub(crate) fn info(&mut self, text: &str, words: &[Word], i: usize, lists: bool) -> Info {
        let slot = i % 8;
        if let Some(&(j, info, has)) = self.cache.get(slot) {
            if j == i + 1 && (has || !lists) {
                return info;
            }
        }
        let w = words.get(i).copied().unwrap_or_default();
        let t = text.get(w.start..w.end).unwrap_or("");
        let mut info = Info::of(t);
        if lists {
            let m = self.memo(&info, w.cap);
            info.lists = match m.1 {
                Some(l) => l,
                None => {
                    let l = Info::lists_of(t, w.cap, &mut self.key);
                    self.remember(&info, w.cap, Some(l), None);
                    l
                }
            };
        }
        if let Some(c) = self.cache.get_mut(slot) {
            // Stored as index + 1: a fresh cache (all zero) holds nothing.
            *c = (i + 1, info, lists);
        }
        info
    }
}

impl<'a> Model<'a> {
    /// Reads a weights file.
    pub fn parse(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        let head = bytes.get(..HEADER).ok_or(ModelError::Size)?;
        if head.get(..4) != Some(&MAGIC[..]) {
            return Err(ModelError::Magic);
        }
        let byte = |i: usize| head.get(i).copied().unwrap_or(0);
        let u16_at = |i: usize| u16::from_le_bytes([byte(i), byte(i + 1)]);
        let i32_at =
            |i: usize| i32::from_le_bytes([byte(i), byte(i + 1), byte(i + 2), byte(i + 3)]);
        if u16_at(4) != VERSION {
            return Err(ModelError::Version);
        }
        let set = u16_at(6);
        let (bits, vbits) = (byte(8), byte(9));
        // The sizes are checked before they are shifted by.
        if !(8..=24).contains(&bits) || !(vbits == 0 || (8..=24).contains(&vbits)) {
            return Err(ModelError::Size);
        }
        let n = 1usize << bits;
        let v = if vbits == 0 { 0 } else { (1usize << vbits) / 8 };
        if bytes.len() != HEADER + n + v {
            return Err(ModelError::Size);
        }
        let weights = bytes.get(HEADER..HEADER + n).unwrap_or_default();
        let vocab = bytes.get(HEADER + n..).unwrap_or_default();
        Ok(Model {
            set,
            bits,
            threshold: i32_at(12),
            threshold_start: i32_at(16),
            weights,
            vocab,
        })
    }

    /// The same weights with other thresholds (inside a sentence, at its start).
    pub fn with_thresholds(&self, threshold: i32, threshold_start: i32) -> Model<'a> {
        Model {
            threshold,
            threshold_start,
            ..self.clone()
        }
    }

    /// A weights file: header, `weights` (`1 << bits` of them) and the vocabulary filter
    /// (empty, or a power of two of at least 32 bytes).
    pub fn to_bytes(
        set: u16,
        bits: u8,
        thresholds: (i32, i32),
        weights: &[i8],
        vocab: &[u8],
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + weights.len() + vocab.len());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&set.to_le_bytes());
        out.push(bits);
        out.push(if vocab.is_empty() {
            0
        } else {
            (vocab.len() * 8).trailing_zeros() as u8
        });
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&thresholds.0.to_le_bytes());
        out.extend_from_slice(&thresholds.1.to_le_bytes());
        out.extend(weights.iter().map(|&w| w as u8));
        out.extend_from_slice(vocab);
        out
    }

    /// The weight bucket of a feature hash.
    pub fn bucket(bits: u8, hash: u32) -> usize {
        (hash >> (32 - u32::from(bits))) as usize
    }

    /// The weight of a feature hash.
    #[inline]
    fn weight(&self, hash: u32) -> i32 {
        self.weights
            .get(Model::bucket(self.bits, hash))
            .map_or(0, |&w| i32::from(w as i8))
    }

    /// The score of a word with these feature hashes.
    pub fn score(&self, feats: &[u32]) -> i32 {
        feats.iter().map(|&h| self.weight(h)).sum()
    }

    /// Names in `text` (it should be normalised, as the privacy scanner's text).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut s = Scratch::default();
        let mut words = std::mem::take(&mut s.words);
        words_into(text, &mut words);
        let mut out = Vec::new();
        self.find_in(text, &words, &mut s, &mut out);
        out
    }

    /// [`Model::find`] over the words of `text` (in order, as [`words_into`]
    /// gives them), hits appended to `out` in order.
    pub fn find_in(&self, text: &str, words: &[Word], s: &mut Scratch, out: &mut Vec<Hit>) {
        let mut cands = std::mem::take(&mut s.cands);
        cands.clear();
        self.scores_in(text, words, s, &mut cands);
        self.decode(text, words, &cands, s, out);
        cands.clear();
        s.cands = cands;
    }

    /// Every candidate word with its score, in order, appended to `out`: a word that
    /// starts with a capital letter, unless it is written like no name
    /// ([`written_unlike_a_name`]) or no name is made of it ([`not_a_name`]).
    pub fn scores_in(&self, text: &str, words: &[Word], s: &mut Scratch, out: &mut Vec<Candidate>) {
        s.new_text();
        for (i, w) in words.iter().enumerate() {
            if !w.cap {
                continue;
            }
            let info = s.info(text, words, i, true);
            if written_unlike_a_name(text, w, info.shape) || not_a_name(text, w, &info, s) {
                continue;
            }
            let a = around(self.set, self.vocab, text, words, i, s);
            let mut score = 0i32;
            features::features(&a, self.set, |h| score += self.weight(h));
            out.push(Candidate {
                word: i,
                score,
                shape: a.word.shape,
                lists: a.word.lists,
                start: features::starts_sentence(&a),
            });
        }
    }

    /// The names among scored candidates (`cands`, from [`Model::scores_in`]), appended to
    /// `out` in order.
    ///
    /// A candidate whose score reaches the threshold is a name word unless it is written
    /// like no name ([`written_unlike_a_name`], [`Candidate::not_a_name`]); name words next to each other are one
    /// name; a name of initials only, an ordinary word that is also a name alone at the
    /// start of a sentence, or one that what is around it shows to be no person's
    /// ([`context::not_a_person`]), is dropped.
    pub fn decode(
        &self,
        text: &str,
        words: &[Word],
        cands: &[Candidate],
        s: &mut Scratch,
        out: &mut Vec<Hit>,
    ) {
        let name = |c: &Candidate| {
            c.score
                >= if c.start {
                    self.threshold_start
                } else {
                    self.threshold
                }
        };
        let mut k = 0;
        while let Some(c) = cands.get(k) {
            k += 1;
            if !name(c) {
                continue;
            }
            let Some(first) = words.get(c.word) else {
                break;
            };
            let mut hit = Hit {
                start: first.start,
                end: word_end(text, words, c.word),
                score: c.score,
            };
            let mut last = c.word;
            let mut initials_only = c.shape & !shape::JOINED == shape::INITIAL;
            // Join the next name words: right after, or with a particle between.
            while let Some(d) = cands.get(k) {
                let j = d.word;
                let joined = if j == last + 1 {
                    name_gap(text, words, last, j)
                } else {
                    j == last + 2
                        && name_gap(text, words, last, last + 1)
                        && name_gap(text, words, last + 1, j)
                        && words.get(last + 1).is_some_and(|p| {
                            PARTICLES.contains(&text.get(p.start..p.end).unwrap_or(""))
                        })
                };
                if !joined || !name(d) {
                    break;
                }
                hit.end = word_end(text, words, j);
                hit.score = hit.score.max(d.score);
                initials_only &= d.shape & !shape::JOINED == shape::INITIAL;
                last = j;
                k += 1;
            }
            // An ordinary word that is also a name («Liv», «Per», «Sol») alone at the start
            // of a sentence: the rules want strong evidence for it, so does the model.
            let common_alone = last == c.word && c.start && c.lists & COMMON != 0;
            if !initials_only
                && !common_alone
                && !context::not_a_person(text, words, c.word, last, s)
            {
                out.push(hit);
            }
        }
    }
}

/// The neighbourhood of word `i` of `words` in `text` that the features of `set` (and
/// vocabulary filter `vocab`) read.
fn around(set: u16, vocab: &[u8], text: &str, words: &[Word], i: usize, s: &mut Scratch) -> Around {
    let two = set & features::set::CONTEXT2 != 0;
    let mut word = s.info(text, words, i, true);
    let here = words.get(i).copied().unwrap_or_default();
    let affixes = Info::with_affixes(text.get(here.start..here.end).unwrap_or(""));
    (word.pre3, word.suf3, word.suf2) = (affixes.pre3, affixes.suf3, affixes.suf2);
    let prev = i.checked_sub(1).map(|j| s.info(text, words, j, true));
    let prev2 = i
        .checked_sub(2)
        .filter(|_| two)
        .map(|j| s.info(text, words, j, false));
    let next = (i + 1 < words.len()).then(|| s.info(text, words, i + 1, true));
    let next2 = (two && i + 2 < words.len()).then(|| s.info(text, words, i + 2, false));
    let from = i
        .checked_sub(1)
        .and_then(|j| words.get(j))
        .map_or(0, |p| p.end);
    let to = words.get(i + 1).map_or(text.len(), |n| n.start);
    Around {
        word,
        prev,
        prev2,
        next,
        next2,
        before: gap_before(text.get(from..here.start).unwrap_or(""), i == 0),
        after: gap_after(text.get(here.end..to).unwrap_or(""), i + 1 == words.len()),
        known: features::in_vocab(vocab, word.word),
    }
}

/// The feature hashes of word `i` of `words` in `text` with feature set `set` (and
/// vocabulary filter `vocab`), and whether the word starts a sentence. Shared with
/// training.
pub fn features_at(
    set: u16,
    vocab: &[u8],
    text: &str,
    words: &[Word],
    i: usize,
    s: &mut Scratch,
) -> (Vec<u32>, bool) {
    let a = around(set, vocab, text, words, i, s);
    let mut feats = Vec::new();
    features::features(&a, set, |h| feats.push(h));
    (feats, features::starts_sentence(&a))
}

/// The end of word `i`, with the dot of an initial («K.»).
fn word_end(text: &str, words: &[Word], i: usize) -> usize {
    let Some(w) = words.get(i) else { return 0 };
    let one_letter = text
        .get(w.start..w.end)
        .is_some_and(|t| t.chars().nth(1).is_none());
    if one_letter && text.as_bytes().get(w.end) == Some(&b'.') {
        w.end + 1
    } else {
        w.end
    }
}

/// Only spaces (at most three, no line break) between words `a` and `b`, after an
/// initial's dot if `a` is one.
fn name_gap(text: &str, words: &[Word], a: usize, b: usize) -> bool {
    let (Some(wa), Some(wb)) = (words.get(a), words.get(b)) else {
        return false;
    };
    let from = word_end(text, words, a);
    let g = text.get(from..wb.start).unwrap_or("");
    let initial = from > wa.end;
    g.len() <= 3 && g.bytes().all(|b| b == b' ') && (initial || !g.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_in_weights_find_names_and_keep_clinical_words() {
        let m = builtin().expect("the compiled-in weights");
        let found = |t: &str| {
            m.find(t)
                .iter()
                .map(|h| t[h.start..h.end].to_string())
                .collect::<Vec<_>>()
        };
        // Names the rules do not know: a surname alone, a foreign name.
        assert_eq!(
            found("Steinnes ble informert om prøvesvaret."),
            ["Steinnes"]
        );
        assert_eq!(
            found("Han har snakket med Philippe Claudel om saken."),
            ["Philippe Claudel"]
        );
        for t in [
            "Pasienten har fått Keytruda i to år.",
            "Henvist til Haukeland universitetssjukehus.",
            "Crohns sykdom og Hodgkins lymfom.",
            "KRAS G12C påvist, EGFR negativ.",
            "Beslutningsforum for nye metoder har besluttet.",
            "Mandag 3. mars startet behandlingen.",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn long_and_odd_texts_do_not_panic() {
        let m = builtin().expect("the compiled-in weights");
        for t in [
            "",
            "K.",
            "Ø",
            "A-",
            "’",
            &"Kari Nordmann ".repeat(2000),
            &"Ab-Cd'Ef ".repeat(500),
            &"x".repeat(100_000),
        ] {
            let hits = m.find(t);
            assert!(hits.windows(2).all(|w| w[0].end <= w[1].start));
            assert!(hits
                .iter()
                .all(|h| t.is_char_boundary(h.start) && t.is_char_boundary(h.end)));
        }
    }
}
