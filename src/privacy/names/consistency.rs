//! Document-level consistency: a name found once makes its parts names elsewhere in the
//! same document — in every field of an outgoing form, and throughout one long text. A
//! physician who writes «Barry Kidston» once and «Kidston» seven times has named the same
//! man eight times; the rules find the first (a first name and a surname), and only this
//! step finds the rest.
//!
//! [`NameParts::add`] takes the names found in a text (by any means: the patient's own name,
//! a cue word, the lists, the learned model) and keeps the key
//! ([`crate::lexicon::names::key`]) of each of their words: each part of a hyphenated name
//! too, the genitive's base («Kidstons» → «kidston») too. [`NameParts::find`] then walks a
//! text once and reports every word that starts with a capital letter (or is written in
//! capitals) whose key is a part, or its genitive — [`NameReason::Document`] when the name
//! it came from was found by the rules or part 1, [`NameReason::Model`] (a possible name)
//! when only the model found it. A part that is an ordinary word too («Per», «Dag»), on the
//! not-names list, or of two letters, counts only where it is not the first word of a
//! sentence. Lower-case words are never reported («strand» after «Kari Strand»), nor single
//! letters (initials are the patient rules' business, [`super::PatientName`]).
//!
//! Time: one pass over the text; a word's key is computed only when its first letter starts
//! some part. The scan runs this only when some name was found.

use super::{NameHit, NameReason};
use crate::lexicon::names::{classify_ext, key_into, COMMON, ORG, SAINT, STOP, X_NOT_NAME};

/// The confidence of a part of a name found elsewhere in the document by the rules or part 1
/// (the model's own confidence, [`super::model::CONFIDENCE`], for one only the model found).
pub const CONFIDENCE: f32 = 0.7;

/// What is known of a part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Part {
    /// Found in a name the rules or part 1 found (not only the model).
    sure: bool,
    /// An ordinary word too, on the not-names list, short, or found only by the model: not
    /// as a sentence's first word.
    weak: bool,
}

/// The parts of the names found in a document. `Debug` shows how many, never a name.
#[derive(Default)]
pub struct NameParts {
    /// By the hash of the part's key ([`KeyHash`]).
    parts: rustc_hash::FxHashMap<u64, Part>,
    /// The first three letters of the parts' keys, a bit each ([`prefix`]): most words
    /// start otherwise, and are passed over without being read to their end.
    prefixes: Vec<u64>,
    key: String,
}

impl std::fmt::Debug for NameParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameParts")
            .field("parts", &self.parts.len())
            .finish_non_exhaustive()
    }
}

/// A name found in a text: its byte range (end exclusive) and whether only the learned model
/// found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundName {
    pub start: usize,
    pub end: usize,
    pub model_only: bool,
}

impl NameParts {
    /// No parts yet.
    pub fn new() -> NameParts {
        NameParts::default()
    }

    /// `true` when no name was added: [`NameParts::find`] then finds nothing.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// `true` when both hold the same parts, each as sure and as weak: a text whose own
    /// names' parts are the document's has no more names to find with them.
    pub fn same_parts(&self, other: &NameParts) -> bool {
        self.parts == other.parts
    }

    /// Adds the parts of `names`, names found in `text`.
    pub fn add(&mut self, text: &str, names: &[FoundName]) {
        for n in names {
            let Some(span) = text.get(n.start..n.end) else {
                continue;
            };
            for_each_word(span, |s, e| {
                let Some(w) = span.get(s..e) else { return };
                // Lower-case words (particles, «van», «de») and initials are no parts.
                if !starts_upper(w) || w.chars().nth(1).is_none() {
                    return;
                }
                self.add_part(w, !n.model_only);
                if w.contains('-') {
                    for p in w.split('-') {
                        if starts_upper(p) && p.chars().nth(1).is_some() {
                            self.add_part(p, !n.model_only);
                        }
                    }
                }
            });
        }
    }

    /// Adds one word of a name (and, when it may be a genitive, its base).
    fn add_part(&mut self, w: &str, sure: bool) {
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        key_into(w, &mut key);
        self.insert(&key, sure);
        // «Kidstons»: «Kidston» is the name (five letters or more remain: «Hans», «Lars»
        // stay as they are).
        if let Some(base) = key.strip_suffix('s').filter(|b| b.chars().nth(4).is_some()) {
            self.insert(base, sure);
        }
        self.key = key;
    }

    fn insert(&mut self, key: &str, sure: bool) {
        if key.is_empty() {
            return;
        }
        let (flags, extra) = classify_ext(key);
        let weak =
            flags & (COMMON | STOP) != 0 || extra & X_NOT_NAME != 0 || key.chars().nth(2).is_none();
        let part = self
            .parts
            .entry(KeyHash::of(key.as_bytes()))
            .or_insert(Part { sure, weak: true });
        part.sure |= sure;
        // Weak until a name the rules or part 1 found holds it (and it is no ordinary word).
        part.weak &= weak || !sure;
        if self.prefixes.is_empty() {
            self.prefixes = vec![0; PREFIXES / 64];
        }
        let b = key.as_bytes();
        let mut mark = |p: usize| {
            if let Some(m) = self.prefixes.get_mut(p / 64) {
                *m |= 1 << (p % 64);
            }
        };
        mark(prefix(b));
        // A part of one or two letters has its genitive's third letter, «s».
        if b.len() <= 2 {
            let mut g = b.to_vec();
            g.push(b's');
            mark(prefix(&g));
        }
    }

    /// Some part may start with the first three letters of `key` (a key, or a word in any
    /// case; one with a letter beyond ASCII among its first three bytes always may).
    fn may_start(&self, key: &[u8]) -> bool {
        // A letter beyond ASCII among them: its key's letters are others (ø → o).
        if key.iter().take(3).any(|&b| b >= 0x80) {
            return true;
        }
        let p = prefix(key);
        self.prefixes
            .get(p / 64)
            .is_some_and(|m| m & (1 << (p % 64)) != 0)
    }

    /// The part a word is, or the genitive of, by the hashes of its key and of its key
    /// without a last «s» ([`KeyHash::of_word`]).
    fn part_of(&self, (whole, base): (u64, Option<u64>)) -> Option<Part> {
        self.parts
            .get(&whole)
            .copied()
            .or_else(|| base.and_then(|b| self.parts.get(&b).copied()))
    }

    /// The words of `text` that are parts of the names, outside `found` (findings in `text`,
    /// sorted by start): hits in order. One pass over the bytes; a word is looked at only
    /// when it starts with a capital whose key's first letter starts some part.
    pub fn find(&mut self, text: &str, found: &[(usize, usize)]) -> Vec<NameHit> {
        let mut out = Vec::new();
        if self.parts.is_empty() {
            return out;
        }
        let mut key = std::mem::take(&mut self.key);
        let mut next_found = found.iter().peekable();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut after_letter = false;
        while let Some(&b) = bytes.get(i) {
            // Eight bytes at a time past those that are neither an ASCII capital nor
            // beyond ASCII (most of a text); a capital there follows a lower-case letter or
            // another sign, which the byte before it tells.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let k = interesting(w);
                if k > 0 {
                    i += k;
                    after_letter = bytes.get(i - 1).is_some_and(u8::is_ascii_alphabetic);
                    continue;
                }
            }
            // A word starts here: a capital after no letter (ASCII: one whose lower case
            // starts some part).
            let starts = if b < 0x80 {
                let letter = b.is_ascii_alphabetic();
                let starts = letter
                    && !after_letter
                    && b.is_ascii_uppercase()
                    && self.may_start(bytes.get(i..).unwrap_or_default());
                if !starts {
                    after_letter = letter;
                    i += 1;
                    continue;
                }
                true
            } else {
                let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                let l = letter(c);
                if !(l && !after_letter && c.is_uppercase()) {
                    after_letter = l;
                    i += c.len_utf8();
                    continue;
                }
                true
            };
            let (s, e) = (i, word_end(text, i));
            (i, after_letter) = (e.max(i + 1), starts);
            let Some(w) = text.get(s..e) else { continue };
            while next_found.peek().is_some_and(|&&(_, fe)| fe <= s) {
                next_found.next();
            }
            if next_found.peek().is_some_and(|&&(fs, _)| fs < e) {
                continue;
            }
            let at_start = sentence_start(text, s);
            if let Some(hit) = self.hit(w, s, e, at_start, &mut key) {
                if !in_institution(text, s, e, &mut key) {
                    out.push(hit);
                }
                continue;
            }
            // Each part of a hyphenated word («Kidston-saken»).
            if !w.contains('-') {
                continue;
            }
            let mut from = s;
            let mut parts = w.split('-').peekable();
            while let Some(p) = parts.next() {
                let ps = from;
                from += p.len() + 1;
                // «Svein-lignende», «Cushing-aktig»: an eponym's compound.
                let eponym = parts.peek().is_some_and(|n| EPONYM_COMPOUNDS.contains(n));
                if starts_upper(p) && p.chars().nth(1).is_some() && !eponym {
                    let hit = self.hit(p, ps, ps + p.len(), at_start && ps == s, &mut key);
                    if hit.is_some() && !in_institution(text, s, e, &mut key) {
                        out.extend(hit);
                    }
                }
            }
        }
        self.key = key;
        out
    }

    /// A hit for word `w` at `start..end` if it is a part.
    fn hit(
        &self,
        w: &str,
        start: usize,
        end: usize,
        at_start: bool,
        key: &mut String,
    ) -> Option<NameHit> {
        if !self.may_start(w.as_bytes()) {
            return None;
        }
        let part = self.part_of(KeyHash::of_word(w, key))?;
        if part.weak && at_start {
            return None;
        }
        Some(NameHit {
            start,
            end,
            confidence: if part.sure {
                CONFIDENCE
            } else {
                super::model::CONFIDENCE
            },
            reason: if part.sure {
                NameReason::Document
            } else {
                NameReason::Model
            },
        })
    }
}

/// Second parts of a hyphenated word that make the first an eponym («Parkinson-lignende»),
/// not a person of the document.
const EPONYM_COMPOUNDS: &[&str] = &[
    "lignende",
    "liknande",
    "liknende",
    "aktig",
    "aktige",
    "type",
    "typen",
    "syndrom",
    "syndromet",
    "sykdom",
    "sykdommen",
    "sjukdom",
    "sjukdommen",
];

/// Bits of [`NameParts::prefixes`]: five bits of each of three letters.
const PREFIXES: usize = 1 << 15;

/// The bit of the first three bytes of a key (or of a word of ASCII letters, in any case:
/// five bits of a letter do not see its case); a byte after the word's letters counts as
/// none.
fn prefix(key: &[u8]) -> usize {
    let mut p = 0;
    let mut ended = false;
    for k in 0..3 {
        let b = key.get(k).copied().unwrap_or(0);
        ended |= !(b.is_ascii_alphabetic() || b >= 0x80);
        p = p << 5 | if ended { 0 } else { usize::from(b & 31) };
    }
    p
}

/// How many of the eight bytes of `w` (little-endian) come before the first that is an ASCII
/// capital or beyond ASCII: 8 when none is.
fn interesting(w: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Each byte's low seven bits plus an offset: bit 7 tells «at least 'A'», «above 'Z'».
    let low = w & (ONES * 0x7F);
    let from_a = low.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let past_z = low.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let capital = from_a & !past_z & !w & HIGH;
    ((capital | (w & HIGH)).trailing_zeros() / 8) as usize
}

/// A 64-bit hash of a key's bytes (multiply and fold): the parts are kept by it, and a
/// word's is computed from the text without building its key when the word is of ASCII
/// letters and hyphens.
struct KeyHash {
    h: u64,
}

impl KeyHash {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    fn new() -> KeyHash {
        KeyHash { h: KeyHash::K }
    }
    fn byte(&mut self, b: u8) {
        let h = (self.h ^ u64::from(b)).wrapping_mul(KeyHash::K);
        self.h = h ^ h >> 31;
    }
    fn finish(&self) -> u64 {
        let h = self.h.wrapping_mul(KeyHash::K);
        h ^ h >> 29
    }
    fn of(key: &[u8]) -> u64 {
        let mut h = KeyHash::new();
        key.iter().for_each(|&b| h.byte(b));
        h.finish()
    }
    /// The hashes of the key of word `w`, and of that key without a last «s» when at least
    /// two letters remain (a genitive); `key` is scratch space for a word beyond ASCII.
    fn of_word(w: &str, key: &mut String) -> (u64, Option<u64>) {
        let b = w.as_bytes();
        if !b.iter().all(|&x| x.is_ascii_alphabetic() || x == b'-') {
            key.clear();
            key_into(w, key);
            let base = key
                .strip_suffix('s')
                .filter(|b| b.chars().nth(1).is_some())
                .map(|b| KeyHash::of(b.as_bytes()));
            return (KeyHash::of(key.as_bytes()), base);
        }
        let mut h = KeyHash::new();
        let mut before_last = 0;
        for &x in b {
            before_last = h.finish();
            h.byte(if x == b'-' { x } else { x | 0x20 });
        }
        let genitive = b.len() > 2 && b.last().is_some_and(|&z| z | 0x20 == b's');
        (h.finish(), genitive.then_some(before_last))
    }
}

/// The word at `start..end` is part of an institution's or a place's name, as the rules and
/// the model see it: after «St.»/«Sankt» or an institution's word («Universitetssykehuset
/// Nord-Norge»), or before (up to three more capitalised words, then) an organisation word
/// or a word ending like an institution («Martina Hansens Hospital», «St. Olavs hospital»,
/// «Haukeland universitetssjukehus»). `key` is scratch space.
fn in_institution(text: &str, start: usize, end: usize, key: &mut String) -> bool {
    let institution = |w: &str, key: &mut String| {
        key.clear();
        key_into(w, key);
        classify_ext(key).0 & ORG != 0 || super::model::context::institution_key(key)
    };
    // The word before (an abbreviation's dot and spaces between).
    let before = text.get(..start).unwrap_or("");
    let before = before.trim_end_matches(' ');
    let before = before.strip_suffix('.').unwrap_or(before);
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| letter(c))
        .last()
        .map_or(before.len(), |(i, _)| i);
    if let Some(p) = before.get(from..).filter(|p| !p.is_empty()) {
        key.clear();
        key_into(p, key);
        if classify_ext(key).0 & SAINT != 0 || institution(p, key) {
            return true;
        }
    }
    // The words after: spaces only between.
    let mut at = end;
    for _ in 0..4 {
        let rest = text.get(at..).unwrap_or("");
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        if gap == 0 || gap > 3 {
            return false;
        }
        let s = at + gap;
        let e = word_end(text, s);
        let Some(w) = text.get(s..e).filter(|w| !w.is_empty()) else {
            return false;
        };
        if institution(w, key) {
            return true;
        }
        if !starts_upper(w) {
            return false;
        }
        at = e;
    }
    false
}

/// Starts with an upper-case letter.
fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        }
    })
}

/// A letter (or a combining mark, text in NFD), as the scanner's tokenizer reads them.
fn letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c)
    }
}

/// Where the word that starts at byte `i` of `text` ends: letters, joined over an inner
/// hyphen or apostrophe («Anne-Marie», «O'Brien»), as the scanner's name words.
fn word_end(text: &str, i: usize) -> usize {
    let mut end = i;
    let mut chars = text.get(i..).unwrap_or("").chars().peekable();
    while let Some(c) = chars.next() {
        if letter(c) {
            end += c.len_utf8();
            continue;
        }
        let joins =
            matches!(c, '-' | '\'' | '\u{2019}') && chars.peek().is_some_and(|&d| letter(d));
        if !joins {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// Calls `f` with the byte range of every word of `text` ([`word_end`]).
fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        if letter(c) {
            let e = word_end(text, i);
            f(i, e);
            i = e.max(i + c.len_utf8());
        } else {
            i += c.len_utf8();
        }
    }
}

/// The word at byte `at` is the first of a sentence: before it (spaces, opening quotes and
/// brackets skipped) the start of the text, a line break, or «.», «!», «?», «:».
fn sentence_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    match before
        .chars()
        .rev()
        .find(|&c| !matches!(c, ' ' | '\t' | '«' | '"' | '(' | '[' | '\'' | '“'))
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '\n' | '\r' | '•' | '-' | '–'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, names: &[&str], model_only: bool) -> Vec<(String, NameReason)> {
        let spans: Vec<FoundName> = names
            .iter()
            .map(|n| {
                let s = text.find(n).unwrap();
                FoundName {
                    start: s,
                    end: s + n.len(),
                    model_only,
                }
            })
            .collect();
        let mut parts = NameParts::new();
        parts.add(text, &spans);
        let taken: Vec<(usize, usize)> = spans.iter().map(|f| (f.start, f.end)).collect();
        parts
            .find(text, &taken)
            .iter()
            .map(|h| (text[h.start..h.end].to_string(), h.reason))
            .collect()
    }

    #[test]
    fn a_surname_found_once_is_found_everywhere() {
        let text = "Barry Kidston ble innlagt. Kidston fikk smertestillende, og KIDSTONS kone \
                    ringte. Kidston-saken er drøftet. Vi ringte kidston.";
        let hits = found(text, &["Barry Kidston"], false);
        assert_eq!(
            hits,
            [
                ("Kidston".to_string(), NameReason::Document),
                ("KIDSTONS".to_string(), NameReason::Document),
                ("Kidston".to_string(), NameReason::Document),
            ]
        );
        // Only the model found it: a possible name, and only inside a sentence.
        assert_eq!(
            found(text, &["Barry Kidston"], true),
            [("KIDSTONS".to_string(), NameReason::Model)]
        );
    }

    #[test]
    fn genitive_and_hyphenated_parts() {
        let text = "Kidstons datter er pårørende. Senere kom Kidston. Hansen ringte om \
                    Nordmann-Hansen.";
        assert_eq!(
            found(text, &["Kidstons"], false),
            [("Kidston".to_string(), NameReason::Document)]
        );
        let text = "Kari Nordmann-Hansen ble henvist. Hansen ringte. Nordmanns mor kom.";
        let hits: Vec<String> = found(text, &["Kari Nordmann-Hansen"], false)
            .into_iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(hits, ["Hansen", "Nordmanns"]);
    }

    #[test]
    fn ordinary_words_count_only_inside_a_sentence() {
        // «Per» is an ordinary word too: not as a sentence's first word.
        let text = "Per Hansen ble informert. Per dag gis to tabletter. Senere ringte Per.";
        let hits: Vec<String> = found(text, &["Per Hansen"], false)
            .into_iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(hits, ["Per"]);
        assert_eq!(
            &text[text.rfind("Per").unwrap()..text.rfind("Per").unwrap() + 3],
            "Per"
        );
    }

    #[test]
    fn latin_letters_in_any_case_and_form() {
        let text = "Nguyễn Văn An ble henvist. NGUYỄN ringte. Nguye\u{302}\u{303}n kom. Nguyen er informert.";
        let hits: Vec<String> = found(text, &["Nguyễn Văn An"], false)
            .into_iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(hits, ["NGUYỄN", "Nguye\u{302}\u{303}n", "Nguyen"]);
    }

    #[test]
    fn institutions_and_saints_are_no_names() {
        let text = "Olav Hansen ble henvist. Han var innlagt på St. Olavs hospital og på Martina \
                    Hansens Hospital, og Hansen ringte.";
        let hits: Vec<String> = found(text, &["Olav Hansen"], false)
            .into_iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(hits, ["Hansen"]);
    }

    #[test]
    fn a_name_only_the_model_found_counts_only_inside_a_sentence() {
        let text = "Siden mars er hun bedre. Siden ble lagt ut. Vi møtte Siden i går.";
        let spans = [FoundName {
            start: 0,
            end: 5,
            model_only: true,
        }];
        let mut parts = NameParts::new();
        parts.add(text, &spans);
        let hits: Vec<&str> = parts
            .find(text, &[(0, 5)])
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(hits, ["Siden"]);
        assert_eq!(
            parts.find(text, &[(0, 5)])[0].start,
            text.rfind("Siden").unwrap()
        );
    }

    #[test]
    fn debug_shows_no_name() {
        let mut parts = NameParts::new();
        parts.add(
            "Kari Nordmann",
            &[FoundName {
                start: 0,
                end: 13,
                model_only: false,
            }],
        );
        let d = format!("{parts:?}");
        assert!(!d.contains("ari") && !d.contains("ordmann"), "{d}");
    }
}
