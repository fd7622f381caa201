//! The name finder's view of a text: its words (letters joined over inner hyphens and
//! apostrophes) with their lookup keys and what the name lists know of them, only those a
//! rule can act on.

use super::model::features::Word as ModelWord;
use super::PatientName;
use crate::lexicon::detector_words::NAME_SHIFT;
use crate::lexicon::names::{
    classify, classify_ext, classify_one_ext, key_into, short_lists, COMMON, CUE, FIRST, SHORT,
    STOP,
};
use crate::privacy::pool;
use crate::privacy::tokens::{NameWord, Tokens};
use std::cell::Cell;

/// One word of the text.
#[derive(Clone, Copy)]
pub(super) struct KeyedWord<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Its lookup key ([`crate::lexicon::names::key`]).
    pub(super) key: &'a str,
    /// What the lexicon knows of the key ([`crate::lexicon::names::classify`]); for a word that does not start
    /// with a capital only the cue, title and organisation flags (the rest is looked up
    /// when asked for).
    pub(super) flags: u8,
    /// Does not start with a capital: [`KeyedWord::is`] looks its name lists up on demand — most
    /// words of a text never are.
    pub(super) lazy: bool,
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
    /// A single letter directly followed by '.' ("K.").
    pub(super) initial: bool,
    /// Its number among the text's words ([`tokenize`] may leave words out).
    pub(super) ord: u32,
    /// The index of its first token in the scanner's tokens.
    pub(super) tok: usize,
}

impl KeyedWord<'_> {
    /// On any of the lists `flag` ([`crate::lexicon::names`]).
    pub(super) fn is(&self, flag: u8) -> bool {
        if self.lazy && flag & !SHORT != 0 {
            return classify(self.key) & flag != 0;
        }
        self.flags & flag != 0
    }
    /// An ordinary word or a stop word.
    pub(super) fn common(&self) -> bool {
        self.is(COMMON | STOP)
    }
}

/// Which words [`tokenize`] keeps.
#[derive(Clone, Copy)]
pub(super) enum Keep<'p> {
    /// Every word (a patient's name as given).
    All,
    /// Only the words a rule of [`find_names_in`] can look at (with this patient's name,
    /// if any): see [`tokenize`].
    Relevant(Option<&'p PatientName>),
}

/// The words of `text` ([`Tokens::name_words`]: letters, with inner hyphens and apostrophes,
/// "Anne-Marie", "O'Brien") with their keys and flags. The keys of words that are not plain
/// lower-case ASCII are written to `keys` first, which the tokens then borrow. Linear time.
///
/// With [`Keep::Relevant`], a word is kept only if some rule can act on it: it starts with
/// a capital, is on a short list (cue word, title, organisation word, «St.»), may be a part
/// of the patient's name (its key starts with a part's first byte, or a letter of another
/// script that looks like one; or digits are glued before it; or it has a capital inside:
/// «tKari»; or a word joined on inside it does: «Anne-Nordmann», «x-tKari»), or follows a capitalised
/// first name or a cue word (whose rules look at the next word's name lists). Every other
/// word is a lower-case word that no rule starts at, extends over or asks about; most words
/// of a text are such. Each token keeps its word number (`ord`), and the rules that look at
/// a neighbour either check the text between (which then holds the dropped word's
/// letters) or the numbers ([`next_to`]).
///
/// With `model`, every word (kept or not) is also appended there with what the lexicon
/// knows of it, for the learned name finder ([`super::model`]): the one lookup of a word
/// serves the rules and the model.
pub(super) fn tokenize<'a>(
    text: &'a str,
    cx: &'a Tokens<'_>,
    keys: &'a mut String,
    keep: Keep<'_>,
    mut model: Option<&mut Vec<ModelWord>>,
) -> Vec<KeyedWord<'a>> {
    let bytes = text.as_bytes();
    keys.clear();
    let small = short_lists();
    let (all, patient) = match keep {
        Keep::All => (true, None),
        Keep::Relevant(p) => (false, p),
    };
    let part_start = |k: &[u8]| patient.is_some_and(|p| p.may_start(k));
    // Digits glued before the word: a part of the name may start with them («0la»,
    // `super::disguised`).
    // A capital inside the word: a part may start there («tKari»).
    let after_digits = |tok: usize| {
        patient.is_some()
            && (tok.checked_sub(1).is_some_and(|p| cx.is_digits(p)) || cx.inner_capital(tok))
    };
    // A word joined on inside a word (over a hyphen or an apostrophe) that a part may start
    // at, or with a capital inside it: «Anne-Nordmann», «Nordmann-fNordmann» (a letter of
    // another script: maybe one that looks like a part's first letter).
    let joined_start = |w: &NameWord| {
        patient.is_some()
            && w.joined
            && cx.word_tokens(w.tok, w.end).skip(1).any(|k| {
                let b = bytes.get(cx.start(k)).copied().unwrap_or(0);
                !b.is_ascii() || part_start(&[b.to_ascii_lowercase()]) || cx.inner_capital(k)
            })
    };
    let mut words = pool::take(&WORDS);
    // The previous word was a capitalised first name, or a cue word (after which a first
    // name in small letters is a name: «datteren kari»).
    let mut after_first = false;
    for (ord, w) in cx.name_words().enumerate() {
        let ord = u32::try_from(ord).unwrap_or(u32::MAX);
        if w.plain && !w.joined {
            // Plain lower-case ASCII: the word is its own key, and its short-list flags
            // were looked up with the detectors' lexicon.
            let flags = (w.lex >> NAME_SHIFT) as u8 & SHORT;
            if let Some(m) = model.as_deref_mut() {
                m.push(ModelWord {
                    start: w.start,
                    end: w.end,
                    cap: false,
                    lists: flags,
                    extra: 0,
                });
            }
            let keep = all
                || flags != 0
                || after_first
                || part_start(bytes.get(w.start..w.end).unwrap_or_default())
                || after_digits(w.tok);
            after_first = flags & CUE != 0;
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
        let (flags, extra) = if w.cap && !w.joined {
            // One token of letters: no hyphen to look for.
            classify_one_ext(key)
        } else if w.cap {
            classify_ext(key)
        } else {
            (small.get(key) as u8, 0)
        };
        if let Some(m) = model.as_deref_mut() {
            m.push(ModelWord {
                start: w.start,
                end: w.end,
                cap: w.cap,
                lists: flags,
                extra,
            });
        }
        let keep = all
            || w.cap
            || flags != 0
            || after_first
            || part_start(key.as_bytes())
            || after_digits(w.tok)
            || joined_start(&w);
        after_first = (w.cap && flags & FIRST != 0) || flags & CUE != 0;
        let k1 = k0 + key.len();
        if keep {
            words.push((w, k0, k1, flags, ord));
        } else if !w.ascii() {
            keys.truncate(k0);
        }
    }
    let keys: &'a String = keys;
    let mut toks: Vec<KeyedWord<'a>> = pool::recycle(pool::take(&TOKS));
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
        toks.push(KeyedWord {
            start: w.start,
            end: w.end,
            text: text_w,
            key,
            flags,
            lazy: !w.cap,
            cap: w.cap,
            initial: text_w.chars().nth(1).is_none() && bytes.get(w.end) == Some(&b'.'),
            ord,
            tok: w.tok,
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
pub(super) fn next_to(a: &KeyedWord<'_>, b: &KeyedWord<'_>) -> bool {
    a.ord.checked_add(1) == Some(b.ord)
}

thread_local! {
    /// The word list of the last scan, kept for the next ([`pool`]).
    pub(super) static TOKS: Cell<Vec<KeyedWord<'static>>> = const { Cell::new(Vec::new()) };
    pub(super) static KEYS: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    static WORDS: Cell<Vec<Kept>> = const { Cell::new(Vec::new()) };
}

/// The text between two tokens.
pub(super) fn gap<'a>(text: &'a str, a: &KeyedWord<'_>, b: &KeyedWord<'_>) -> &'a str {
    text.get(a.end..b.start).unwrap_or("")
}
