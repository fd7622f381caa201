//! A learned person-name finder: a linear classifier over capitalised words, with hashed
//! features of the word, its neighbours and its place in the sentence, and integer weights
//! trained on NorNE (`examples/train_names.rs`; figures in `src/privacy/names/model.md`).
//!
//! It complements the rules of [`super`]: the rules find listed names, names after cue
//! words and the patient's own name; the model finds the names the lists do not hold (a
//! surname alone, a foreign name, a first name at the start of a sentence) from how names
//! are written and used. Its names are findings like the rules' (they block the gate),
//! with their own basis ([`crate::privacy::Basis::Model`]) and a lower confidence
//! ([`CONFIDENCE`]): a possible name, the kind a physician is most likely to keep as a
//! false alarm.
//!
//! How it runs: the scanner's words ([`Word`]: the rules' tokenizer gives every word with
//! what the one lexicon lookup of it found, `names::words`); a word that starts with a
//! capital letter is a candidate (lower-case words are never scored: in Norwegian a person's
//! name is capitalised), unless it is written like no name ([`written_unlike_a_name`]) or
//! the lexicon knows it is none ([`not_a_name`]) — most capitalised words of clinical text
//! go no further. A candidate's features ([`features`]) are hashed into a table of integer
//! weights and summed; a candidate whose sum reaches the model's threshold (one for the
//! first word of a sentence, one for the others) is a name word; name words next to each
//! other (spaces, an initial's dot, a particle such as «van», «de» between) are one name,
//! unless what is around it shows an institution, a place, a reference, a drug or an eponym
//! ([`context`]). Linear in the text; no allocation per word.

pub(crate) mod context;
pub mod features;
#[cfg(not(target_arch = "wasm32"))]
pub mod norne;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use std::cell::Cell;
use std::sync::OnceLock;

use super::{NameHit, NameReason};
use crate::lexicon::names::{X_GENITIVE_ORDINARY, X_NOT_NAME};
use crate::privacy::tokens::Tokens;
pub use features::Word;
use features::{gap_after, gap_before, shape, Around, Info};

/// The confidence of a name only the model found (the rules' range from 0.6 to 0.95).
pub const CONFIDENCE: f32 = 0.5;

/// The first four bytes of a weights file.
pub const MAGIC: [u8; 4] = *b"SVNF";
/// The version of the weights file's layout and of the features ([`features`]): a file of
/// another version is refused. Raise it with every change to the features.
pub const VERSION: u16 = 2;
/// Bytes before the weights: magic, version, feature set, hash bits, vocabulary bits, 2
/// reserved, the threshold inside a sentence and at its start (little-endian). Then the
/// weights, one byte each, excess-128 (a weight of 0 is the byte 0x80: the package's
/// optimiser cuts runs of zero bytes out of the data and would split the table into a
/// thousand pieces, each with its own header). After the weights: the vocabulary filter,
/// `1 << vocabulary bits` bits.
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
    /// The weights, one byte each (excess-128).
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
    /// [`features::shape`] and name-list flags ([`Word::lists`]).
    pub shape: u8,
    pub lists: u8,
    /// It starts a sentence ([`features::starts_sentence`]).
    pub start: bool,
}

/// Name-list flags ([`Word::lists`]).
const FIRST: u8 = 1;
const SURNAME: u8 = 2;
const COMMON: u8 = 4;
const STOP: u8 = 8;
const CUE: u8 = 16;
const TITLE: u8 = 32;
const ORG: u8 = 64;

/// The name-list flags the model reads of a word: the lexicon's, with an ordinary word or
/// stop word in the genitive («Crohns») counted as an ordinary word.
fn lists(w: &Word) -> u8 {
    w.lists
        | if w.extra & X_GENITIVE_ORDINARY != 0 {
            COMMON
        } else {
            0
        }
}

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
            .and_then(|r| r.trim_start_matches(' ').chars().next())
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let base = shape & !shape::JOINED;
    // A single letter is a name's initial only with its dot.
    let bare_letter = base == shape::INITIAL && after != Some(b'.');
    base == shape::CAPS || abbreviation || bare_letter || digit_after || glued_before
}

/// A word no person's name is made of, whatever its score, by what the lexicon knows of it
/// (from the lookup the rules made): an organisation word, a cue word or a clinician's title
/// («Pasienten», «Datter», «Overlege»), an ordinary word or stop word of
/// the name lists that is no listed first name or surname (eponyms such as «Crohn»,
/// «Parkinson», also in the genitive), or a word of the not-names list (a drug, a place, a
/// month, a label: `src/lexicon/names/not_names.txt`). The rules find those only with
/// strong evidence, and so does the model. Such words are not scored.
fn not_a_name(w: &Word) -> bool {
    let l = lists(w);
    l & (ORG | CUE | TITLE) != 0
        || (l & (COMMON | STOP) != 0 && l & (FIRST | SURNAME) == 0)
        || w.extra & X_NOT_NAME != 0
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

/// What of the name finder runs on this thread ([`rules_only`], [`without_consistency`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    All,
    NoConsistency,
    RulesOnly,
}

thread_local! {
    /// The buffers of the last search on this thread, kept for the next.
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
    /// The words of the last search ([`crate::privacy::pool`]).
    pub(super) static WORDS: Cell<Vec<Word>> = const { Cell::new(Vec::new()) };
    static MODE: Cell<Mode> = const { Cell::new(Mode::All) };
}

fn with_mode<R>(mode: Mode, f: impl FnOnce() -> R) -> R {
    let was = MODE.with(|m| m.replace(mode));
    let r = f();
    MODE.with(|m| m.set(was));
    r
}

/// Runs `f` with the model and the document-level consistency of names
/// ([`super::consistency`]) switched off on this thread, so that the privacy scanner finds
/// what its rules alone find: to measure what the model adds (training, evaluation). Texts
/// long enough to be scanned in windows on several threads (over 64 KB) are not covered.
pub fn rules_only<R>(f: impl FnOnce() -> R) -> R {
    with_mode(Mode::RulesOnly, f)
}

/// Runs `f` with the model on and the document-level consistency of names switched off on
/// this thread (evaluation; see [`rules_only`]).
pub fn without_consistency<R>(f: impl FnOnce() -> R) -> R {
    with_mode(Mode::NoConsistency, f)
}

/// The model runs on this thread (not in [`rules_only`]).
pub(crate) fn enabled() -> bool {
    MODE.with(Cell::get) != Mode::RulesOnly
}

/// Document-level consistency runs on this thread (not in [`rules_only`] nor
/// [`without_consistency`]).
pub(crate) fn consistency_enabled() -> bool {
    MODE.with(Cell::get) == Mode::All
}

/// The model's names among `words` (all the words of `text`, from the rules' tokenizer),
/// added to `hits` as [`NameReason::Model`] (the rules' hits are merged with them after).
pub(super) fn names_in(text: &str, words: &[Word], hits: &mut Vec<NameHit>) {
    let Some(m) = builtin() else { return };
    // Nothing to score: no candidate (most short fields).
    if !words.iter().any(|w| w.cap) {
        return;
    }
    let mut s = SCRATCH.try_with(Cell::take).unwrap_or_default();
    let mut found = std::mem::take(&mut s.hits);
    m.find_in(text, words, &mut s, &mut found);
    hits.extend(found.drain(..).map(|h| NameHit {
        start: h.start,
        end: h.end,
        confidence: CONFIDENCE,
        reason: NameReason::Model,
    }));
    s.hits = found;
    // The key buffer held a word of the text: zeroed before it is kept.
    let mut key = std::mem::take(&mut s.key).into_bytes();
    key.fill(0);
    key.clear();
    s.key = String::from_utf8(key).unwrap_or_default();
    let _ = SCRATCH.try_with(|c| c.set(s));
}

/// The words of `text` as the scanner's name finder sees them, appended to `out` (cleared
/// first): what training and the tests give the model.
pub fn words_into(text: &str, out: &mut Vec<Word>) {
    out.clear();
    let cx = Tokens::new(text);
    let mut keys = String::new();
    let _ = super::words::tokenize(
        text,
        &cx,
        &mut keys,
        super::words::Keep::Relevant(None),
        Some(out),
    );
}

/// Reusable buffers of one search.
#[derive(Default)]
pub struct Scratch {
    /// A word's key ([`crate::lexicon::names::key_into`]), for the endings of
    /// institutions and drugs ([`context`]).
    key: String,
    cands: Vec<Candidate>,
    hits: Vec<Hit>,
}

impl Scratch {
    /// The key of word `w` of `text`, in [`Scratch::key`].
    fn key_of(&mut self, text: &str, w: &Word) -> &str {
        self.key.clear();
        crate::lexicon::names::key_into(text.get(w.start..w.end).unwrap_or(""), &mut self.key);
        &self.key
    }

    /// Word `i` names an institution or an area by its ending or start
    /// ([`context::institution_key`]) or is an organisation word of the lists.
    pub(crate) fn institution(&mut self, text: &str, words: &[Word], i: usize) -> bool {
        let Some(w) = words.get(i) else { return false };
        w.lists & ORG != 0 || context::institution_key(self.key_of(text, w))
    }
}

/// The information of word `i` (with its affixes) if it is a candidate: it starts with a
/// capital letter, and the lexicon does not know it is no name ([`not_a_name`]), it is not
/// written like no name ([`written_unlike_a_name`]), it does not end like an institution or
/// a drug ([`context::institution_key`], [`context::drug_key`]), and it is not the first
/// word of a sentence that is on no name list and in the vocabulary of lower-case words
/// (`vocab`: «Siden», «Neste», «Tidligere» — most capitalised words of prose). `key` is
/// scratch space. Training takes its examples from the same words.
pub(crate) fn candidate(
    text: &str,
    words: &[Word],
    i: usize,
    vocab: &[u8],
    key: &mut String,
) -> Option<Info> {
    let w = words.get(i).filter(|w| w.cap && !not_a_name(w))?;
    let t = text.get(w.start..w.end).unwrap_or("");
    let word = features::info_of_word(t, lists(w), true, key);
    if written_unlike_a_name(text, w, word.shape) {
        return None;
    }
    // The vocabulary before the endings: it rules out most capitalised words of prose, and
    // costs a hash lookup where the endings compare strings.
    if word.lists & (FIRST | SURNAME) == 0 && features::in_vocab(vocab, word.word) {
        let prev = i.checked_sub(1).and_then(|j| words.get(j));
        let before = text.get(prev.map_or(0, |p| p.end)..w.start).unwrap_or("");
        let (_, boundary) = gap_before(before, prev.is_none());
        let after_initial = prev.is_some_and(|p| {
            let pt = text.get(p.start..p.end).unwrap_or("");
            features::shape_of(pt) & !shape::JOINED == shape::INITIAL
        });
        if boundary && !after_initial {
            return None;
        }
    }
    // The key, or the word itself when it is its key in ASCII letters (any case).
    let k = if key.is_empty() { t } else { key.as_str() };
    if context::institution_key(k) || context::drug_key(k) {
        return None;
    }
    Some(word)
}

/// The information of word `i` ([`Info`]); `key` is scratch space for its key.
fn info(text: &str, words: &[Word], i: usize, affixes: bool, key: &mut String) -> Info {
    let w = words.get(i).copied().unwrap_or_default();
    features::info_of_word(
        text.get(w.start..w.end).unwrap_or(""),
        lists(&w),
        affixes,
        key,
    )
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
        if set & !features::set::SUPPORTED != 0 {
            return Err(ModelError::Version);
        }
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
        out.extend(weights.iter().map(|&w| w as u8 ^ 0x80));
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
            .map_or(0, |&w| i32::from(w) - 128)
    }

    /// The score of a word with these feature hashes.
    pub fn score(&self, feats: &[u32]) -> i32 {
        feats.iter().map(|&h| self.weight(h)).sum()
    }

    /// Names in `text` (it should be normalised, as the privacy scanner's text).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut words = Vec::new();
        words_into(text, &mut words);
        let mut out = Vec::new();
        self.find_in(text, &words, &mut Scratch::default(), &mut out);
        out
    }

    /// [`Model::find`] over the words of `text` ([`words_into`]), hits appended to `out` in
    /// order.
    pub fn find_in(&self, text: &str, words: &[Word], s: &mut Scratch, out: &mut Vec<Hit>) {
        let mut cands = std::mem::take(&mut s.cands);
        cands.clear();
        self.scores_in(text, words, s, &mut cands);
        self.decode(text, words, &cands, s, out);
        cands.clear();
        s.cands = cands;
    }

    /// Every candidate word with its score, in order, appended to `out`: a word that
    /// starts with a capital letter, unless the lexicon knows it is no name
    /// ([`not_a_name`]), it is written like no name ([`written_unlike_a_name`]), or it ends
    /// like an institution or a drug ([`context::institution_key`], [`context::drug_key`]).
    pub fn scores_in(&self, text: &str, words: &[Word], s: &mut Scratch, out: &mut Vec<Candidate>) {
        for i in 0..words.len() {
            let Some(word) = candidate(text, words, i, self.vocab, &mut s.key) else {
                continue;
            };
            let a = around(self.set, self.vocab, text, words, i, word, &mut s.key);
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
    /// A candidate whose score reaches the threshold is a name word; name words next to each
    /// other are one name. Dropped: a name of initials only; an ordinary word that is also
    /// a name alone at the start of a sentence; a sentence's first word, on no name list,
    /// before a listed first name («Ringte Ingrid Hansen»: the name is the rest); a name
    /// that what is around it shows to be no person's ([`context::not_a_person`]).
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
            let mut first = c.word;
            let mut last = c.word;
            let mut score = c.score;
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
                // A sentence's first word on no list before a listed first name is no
                // part of the name.
                if first == c.word
                    && j == c.word + 1
                    && c.start
                    && c.lists & (FIRST | SURNAME) == 0
                    && d.lists & FIRST != 0
                {
                    first = j;
                    score = d.score;
                    initials_only = d.shape & !shape::JOINED == shape::INITIAL;
                } else {
                    score = score.max(d.score);
                    initials_only &= d.shape & !shape::JOINED == shape::INITIAL;
                }
                last = j;
                k += 1;
            }
            // An ordinary word that is also a name («Liv», «Per», «Sol») alone at the start
            // of a sentence: the rules want strong evidence for it, so does the model.
            let common_alone = last == c.word && c.start && c.lists & COMMON != 0;
            if initials_only || common_alone || context::not_a_person(text, words, first, last, s) {
                continue;
            }
            if let Some(w) = words.get(first) {
                out.push(Hit {
                    start: w.start,
                    end: word_end(text, words, last),
                    score,
                });
            }
        }
    }
}

/// The neighbourhood of word `i` of `words` in `text` (whose information is `word`) that
/// the features of `set` (and vocabulary filter `vocab`) read; `key` is scratch space.
fn around(
    set: u16,
    vocab: &[u8],
    text: &str,
    words: &[Word],
    i: usize,
    word: Info,
    key: &mut String,
) -> Around {
    let two = set & features::set::SUPPORTED & features::set::CONTEXT2 != 0;
    let here = words.get(i).copied().unwrap_or_default();
    let mut near = |j: Option<usize>| j.map(|j| info(text, words, j, false, key));
    let prev = near(i.checked_sub(1));
    let prev2 = near(i.checked_sub(2).filter(|_| two));
    let next = near(Some(i + 1).filter(|&j| j < words.len()));
    let next2 = near(Some(i + 2).filter(|&j| two && j < words.len()));
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
) -> (Vec<u32>, bool) {
    let mut key = String::new();
    let word = info(text, words, i, true, &mut key);
    let a = around(set, vocab, text, words, i, word, &mut key);
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
