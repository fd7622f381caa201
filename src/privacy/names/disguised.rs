//! Part 1's name however it is disguised: a letters-only view of the text in which the name's
//! parts are looked for.
//!
//! The view reads each letter as the Latin letter it looks like
//! ([`crate::lexicon::lookalike`]: Cyrillic and Greek twins, mathematical letters, small
//! capitals, letters in circles and squares, æ → ae, ø → o …), digits written among letters
//! as the letters they stand for (`K4ri N0rdm4nn`: 4 → a, 0 → o, 1 → i or l, 3 → e, 5 → s,
//! 7 → t, 8 → b), and passes over what stands between letters: combining marks (none),
//! markup tags, and up to three other characters (`K a r i`, `K.A.R.I`, `Nord.mann`,
//! `@karinordmann`, `#KariNordmann`, `…/kari.nordmann`). Normalising has already removed
//! zero-width characters and fillers and folded full-width letters.
//!
//! A part of the name is found where the view spells it (or one of its spellings: ø as o or
//! oe, å as a or aa, ä as ae or a, ü as u or ue, aa as a) from the start of a word:
//! - ending where a word ends (a gap, a capital after a small letter: `KariNordmann`, a
//!   digit), or where another part starts (`karinordmann`), or — a part that is not an
//!   ordinary word — in an inflection or a compound (`Nordmanns`, `Nordmannene`,
//!   `Nordmannfamilien`);
//! - split by spaces only into pieces of at most two letters (`K a r i`, `Ka ri`): «nord
//!   mann» is two words, «Nord.mann» one;
//! - a part of at most two letters or an ordinary word (Per, Liv, Lie: the lexicon's common
//!   words) only next to another part, joined or with a gap of at most three characters.
//!
//! Each start is tried against a bounded number of spellings of bounded length: linear time.
//! Findings are byte ranges of the (normalised) text from the first letter to the last.

use super::words::KeyedWord;
use super::{NameHit, NameReason, PatientName};
use crate::lexicon::lookalike::{digit_as_letter, fold_letter};
use crate::privacy::normalize::is_combining_mark;
use crate::privacy::tokens::{tag_end, Tokens};

/// Endings after a part that is not an ordinary word: the genitive, definite and plural
/// forms a surname takes as a family's name (bokmål and nynorsk: «Nordmanns»,
/// «Nordmannen», «Nordmannene», «Nordmannane»), and the words it is compounded with most.
const ENDINGS: &[&[u8]] = &[
    b"s",
    b"en",
    b"ens",
    b"ene",
    b"enes",
    b"er",
    b"ers",
    b"erne",
    b"ernes",
    b"ane",
    b"anes",
    b"familien",
    b"familie",
    b"familiens",
    b"familia",
    b"slekta",
    b"slekten",
    b"gutten",
    b"jenta",
    b"barna",
    b"huset",
    b"garden",
    b"gaarden",
];

/// The most spellings kept of one part.
const MAX_SPELLINGS: usize = 16;

/// One part of the name, as the view spells it.
#[derive(Clone)]
pub(super) struct Spelled {
    /// Its spellings: lower-case ASCII letters.
    spellings: Vec<Vec<u8>>,
    /// Not an ordinary word and longer than two letters: found alone, inflected and
    /// compounded.
    strong: bool,
}

/// The spellings of the part `word` (one word of the name, no hyphen), or `None` when a
/// letter of it is not one the view reads.
pub(super) fn spell(word: &str, weak: bool) -> Option<Spelled> {
    let mut out: Vec<Vec<u8>> = vec![Vec::new()];
    let mut prev_a = false;
    for c in word.chars() {
        if c == '\'' || c == '\u{2019}' {
            continue;
        }
        let lower = crate::letter_case::lower_char(c);
        let alts: &[&[u8]] = match lower {
            'ø' | 'ö' => &[b"o", b"oe"],
            'å' => &[b"a", b"aa"],
            'ä' => &[b"ae", b"a"],
            'æ' => &[b"ae"],
            'ü' => &[b"u", b"ue"],
            // «Aasen» is written «Åsen» too.
            'a' if prev_a => &[b"a", b""],
            _ => &[],
        };
        prev_a = lower == 'a';
        let mut next: Vec<Vec<u8>> = Vec::new();
        if alts.is_empty() {
            let [x, y] = fold_letter(c)?;
            for mut s in out {
                s.push(x);
                if y != 0 {
                    s.push(y);
                }
                next.push(s);
            }
        } else {
            for s in &out {
                for alt in alts {
                    if next.len() < MAX_SPELLINGS {
                        let mut t = s.clone();
                        t.extend_from_slice(alt);
                        next.push(t);
                    }
                }
            }
        }
        out = next;
    }
    out.retain(|s| s.len() >= 2);
    let mut unique: Vec<Vec<u8>> = Vec::new();
    for s in out {
        if !unique.contains(&s) {
            unique.push(s);
        }
    }
    (!unique.is_empty()).then_some(Spelled {
        spellings: unique,
        strong: !weak,
    })
}

/// What stands between a unit of the view and the one before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing (or only combining marks).
    None,
    /// Signs or markup, no space.
    Sign,
    /// A space or a line break.
    Space,
}

/// One letter of the view.
#[derive(Clone, Copy)]
struct Unit {
    /// The letters it may be read as (a digit: one or two; a letter: one; 0: none).
    letters: [u8; 2],
    start: usize,
    end: usize,
    gap: Gap,
    digit: bool,
    upper: bool,
}

impl Unit {
    fn reads_as(&self, b: u8) -> bool {
        b != 0 && (self.letters[0] == b || self.letters[1] == b)
    }

    /// A word of the view starts at `self` (after `prev`): a gap before it, a capital after
    /// a small letter, a digit after a letter or the other way round.
    fn starts_word_after(&self, prev: &Unit) -> bool {
        self.gap != Gap::None || (self.upper && !prev.upper) || self.digit != prev.digit
    }
}

/// The view from a byte of the text: one [`Unit`] at a time.
#[derive(Clone)]
struct View<'a> {
    text: &'a str,
    pos: usize,
    /// The second letter of a letter read as two (æ → a, e).
    pending: Option<Unit>,
    /// The last unit was a letter or a digit read as one, with nothing after it yet.
    after_letter: bool,
}

/// A letter the view reads: a letter of any script, or a symbol letter.
fn letter_of(c: char) -> Option<[u8; 2]> {
    fold_letter(c).or_else(|| c.is_alphabetic().then_some([0, 0]))
}

impl<'a> View<'a> {
    fn new(text: &'a str, pos: usize) -> View<'a> {
        View {
            text,
            pos,
            pending: None,
            after_letter: false,
        }
    }

    /// The next unit, or `None` at the end of the text or after more than three characters
    /// between two letters.
    fn next_unit(&mut self) -> Option<Unit> {
        if let Some(u) = self.pending.take() {
            return Some(u);
        }
        let bytes = self.text.as_bytes();
        let (mut gap, mut between) = (Gap::None, 0);
        loop {
            // An ASCII letter: most of what the view reads, without decoding a character.
            let b = *bytes.get(self.pos)?;
            if b.is_ascii_alphabetic() {
                let at = self.pos;
                self.pos += 1;
                self.after_letter = true;
                return Some(Unit {
                    letters: [b | 0x20, 0],
                    start: at,
                    end: at + 1,
                    gap,
                    digit: false,
                    upper: b.is_ascii_uppercase(),
                });
            }
            let c = self.text.get(self.pos..)?.chars().next()?;
            let (at, len) = (self.pos, c.len_utf8());
            if is_combining_mark(c) {
                self.pos += len;
                continue;
            }
            if c == '<' {
                if let Some(end) = tag_end(bytes, at) {
                    self.pos = end;
                    if gap == Gap::None {
                        gap = Gap::Sign;
                    }
                    self.after_letter = false;
                    continue;
                }
            }
            let upper = c.is_uppercase();
            if let Some([x, y]) = letter_of(c) {
                self.pos += len;
                self.after_letter = true;
                let unit = Unit {
                    letters: [x, 0],
                    start: at,
                    end: at + len,
                    gap,
                    digit: false,
                    upper,
                };
                if y != 0 {
                    self.pending = Some(Unit {
                        letters: [y, 0],
                        gap: Gap::None,
                        ..unit
                    });
                }
                return Some(unit);
            }
            // A digit among letters: glued to a letter before it or after it.
            if c.is_ascii_digit() {
                let next_is_letter = self
                    .text
                    .get(at + 1..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|n| letter_of(n).is_some());
                if (self.after_letter && gap == Gap::None) || next_is_letter {
                    self.pos += 1;
                    self.after_letter = true;
                    return Some(Unit {
                        letters: digit_as_letter(c as u8),
                        start: at,
                        end: at + 1,
                        gap,
                        digit: true,
                        upper: false,
                    });
                }
            }
            self.pos += len;
            self.after_letter = false;
            between += 1;
            gap = if c.is_whitespace() || gap == Gap::Space {
                Gap::Space
            } else {
                Gap::Sign
            };
            if between > 3 {
                return None;
            }
        }
    }
}

/// A spelling found at a start: where it ends, and how the view goes on after it.
struct Spelt<'a> {
    end: usize,
    /// Ends where a word of the view ends.
    word_end: bool,
    /// The unit after the last letter (if any), and the view after that unit.
    next: Option<Unit>,
    rest: View<'a>,
}

/// `spelling` in the view from byte `from` of `text` (the first unit must start there with
/// no gap before it).
fn spelt_at<'a>(text: &'a str, from: usize, spelling: &[u8]) -> Option<Spelt<'a>> {
    let mut view = View::new(text, from);
    let (mut prev, mut piece, mut longest_piece, mut spaced) = (None::<Unit>, 0, 0, false);
    for &b in spelling {
        let u = view.next_unit()?;
        match prev {
            None if u.gap != Gap::None || u.start != from => return None,
            Some(_) if u.gap != Gap::None => {
                spaced |= u.gap == Gap::Space;
                piece = 0;
            }
            _ => {}
        }
        if !u.reads_as(b) {
            return None;
        }
        piece += 1;
        longest_piece = longest_piece.max(piece);
        prev = Some(u);
    }
    let last = prev?;
    let next = view.next_unit();
    let rest = view;
    let word_end = next.is_none_or(|n| n.starts_word_after(&last));
    // Split by spaces only into pieces of at most two letters, ending with a word.
    if spaced && (longest_piece > 2 || !word_end) {
        return None;
    }
    Some(Spelt {
        end: last.end,
        word_end,
        rest,
        next,
    })
}

/// An ending of [`ENDINGS`] glued to the view at `next` (then `rest`), up to the end of a
/// word: where it ends.
fn ending_after(next: Option<Unit>, rest: &View<'_>) -> Option<usize> {
    let first = next.filter(|u| u.gap == Gap::None && !u.digit)?;
    let mut units = vec![first];
    let mut view = rest.clone();
    let mut after = None;
    while units.len() <= 9 {
        match view.next_unit() {
            Some(u) if !u.starts_word_after(units.last().unwrap_or(&u)) => units.push(u),
            other => {
                after = Some(other);
                break;
            }
        }
    }
    after?;
    ENDINGS
        .iter()
        .any(|e| {
            e.len() == units.len()
                && e.iter()
                    .zip(&units)
                    .all(|(&b, u)| u.reads_as(b) && u.letters[1] == 0)
        })
        .then(|| units.last().map_or(0, |u| u.end))
}

/// What was found at a start: where it ends, and whether a part found alone is in it.
#[derive(Clone, Copy)]
struct Found {
    end: usize,
    strong: bool,
}

/// The longest run of parts of the name found from byte `from` ([`spelt_at`]): a part and
/// what ends it (a word's end, an ending, or another part glued on, `depth` deep at most).
fn parts_at(text: &str, from: usize, parts: &[Spelled], depth: u8) -> Option<Found> {
    // The first two letters of the view here, read once: most starts match no spelling's
    // first two letters, and are passed over without walking the view per spelling.
    let mut view = View::new(text, from);
    let first = view
        .next_unit()
        .filter(|u| u.start == from && u.gap == Gap::None)?;
    let second = view.next_unit();
    let mut best: Option<Found> = None;
    for part in parts {
        for spelling in &part.spellings {
            let (Some(&a), Some(&b)) = (spelling.first(), spelling.get(1)) else {
                continue;
            };
            if !first.reads_as(a) || !second.is_some_and(|u| u.reads_as(b)) {
                continue;
            }
            let Some(s) = spelt_at(text, from, spelling) else {
                continue;
            };
            let found = if s.word_end {
                Some(Found {
                    end: s.end,
                    strong: part.strong,
                })
            } else {
                let glued = match s.next {
                    Some(n) if depth < 6 && n.gap == Gap::None => {
                        parts_at(text, n.start, parts, depth + 1).map(|f| Found {
                            end: f.end,
                            strong: f.strong || part.strong,
                        })
                    }
                    _ => None,
                };
                glued.or_else(|| {
                    part.strong
                        .then(|| ending_after(s.next, &s.rest))
                        .flatten()
                        .map(|end| Found { end, strong: true })
                })
            };
            if let Some(f) = found {
                if best.is_none_or(|b| f.end > b.end || (f.end == b.end && f.strong)) {
                    best = Some(f);
                }
            }
        }
    }
    best
}

/// The first letter at byte `from` may be read as one of the parts' first letters
/// (`firsts`: a bit per letter a–z).
fn may_start(text: &str, from: usize, firsts: u32) -> bool {
    let bit = |b: u8| b.is_ascii_lowercase() && firsts & (1 << (b - b'a')) != 0;
    match text.as_bytes().get(from) {
        Some(&b) if b < 0x80 => may_start_byte(b, firsts),
        Some(_) => text
            .get(from..)
            .and_then(|r| r.chars().next())
            .and_then(fold_letter)
            .is_some_and(|[x, _]| bit(x)),
        None => false,
    }
}

/// Where the view may start a part (its first letter one of `firsts`, [`may_start`]): the
/// start of a word, a digit glued before a word («0la»), and an ASCII capital after a
/// small letter inside a word («HeiKari»). The words are those the name finder kept
/// (`words`: every word that starts with a part's first letter, a capital, a letter of
/// another script, or after digits, or has such a word joined on inside it); the others
/// cannot start a part. A word joined over hyphens and apostrophes («Anne-Nordmann»,
/// «Nordmann-fNordmann», «d'Kari») is as many words to the view: each of its words' starts
/// and inner capitals is a start, not only its first word's — else a part there is found
/// only once what stands before it is redacted (and the join with it broken), one more
/// per round of redaction. Each token is looked at once: linear time.
fn starts(cx: &Tokens<'_>, words: &[KeyedWord<'_>], firsts: u32, mut each: impl FnMut(usize)) {
    let text = cx.text();
    let bytes = text.as_bytes();
    // The ASCII bytes that may start a part: its first letters in either case, and the
    // digits that stand for them.
    let mut ascii = [false; 128];
    for (b, slot) in (0u8..).zip(ascii.iter_mut()) {
        *slot = may_start_byte(b, firsts);
    }
    let open = |start: usize| {
        let first = bytes.get(start).copied().unwrap_or(0);
        match ascii.get(usize::from(first)) {
            Some(&yes) => yes,
            None => may_start(text, start, firsts),
        }
    };
    for w in words {
        let k = w.tok;
        // A digit glued before the word, nothing glued before the digit.
        let digit = k
            .checked_sub(1)
            .filter(|&d| cx.is_digits(d))
            .filter(|&d| {
                !d.checked_sub(1)
                    .is_some_and(|p| cx.is_word(p) || cx.is_digits(p))
            })
            .map(|d| cx.start(d))
            .filter(|&d| may_start(text, d, firsts));
        if let Some(d) = digit {
            each(d);
        }
        for t in cx.word_tokens(k, w.end) {
            let start = cx.start(t);
            if open(start) {
                each(start);
            }
            // A capital inside the word.
            if cx.inner_capital(t) {
                let mut prev_lower = false;
                for (i, c) in cx.s(t).char_indices() {
                    if i > 0 && prev_lower && c.is_uppercase() && may_start(text, start + i, firsts)
                    {
                        each(start + i);
                    }
                    prev_lower = c.is_lowercase();
                }
            }
        }
    }
}

/// [`may_start`] for an ASCII byte.
fn may_start_byte(b: u8, firsts: u32) -> bool {
    let bit = |b: u8| b.is_ascii_lowercase() && firsts & (1 << (b - b'a')) != 0;
    if b.is_ascii_alphabetic() {
        bit(b | 0x20)
    } else {
        b.is_ascii_digit() && digit_as_letter(b).into_iter().any(bit)
    }
}

/// Part 1's name disguised in the text of `cx` (see the module documentation).
pub(super) fn disguised_hits(
    cx: &Tokens<'_>,
    words: &[KeyedWord<'_>],
    p: &PatientName,
    out: &mut Vec<NameHit>,
) {
    let parts = p.spelled();
    if parts.is_empty() {
        return;
    }
    let mut firsts = 0u32;
    for s in parts.iter().flat_map(|p| &p.spellings) {
        if let Some(&b) = s.first().filter(|b| b.is_ascii_lowercase()) {
            firsts |= 1 << (b - b'a');
        }
    }
    let text = cx.text();
    let mut found: Vec<(usize, Found)> = Vec::new();
    // Starts inside a run already found are not tried again: linear however the parts
    // repeat.
    let mut covered_to = 0;
    starts(cx, words, firsts, |from| {
        if from < covered_to {
            return;
        }
        if let Some(f) = parts_at(text, from, parts, 0) {
            covered_to = f.end;
            found.push((from, f));
        }
    });
    // A part found alone (strong) is reported; a weak one only within a few characters of
    // one that is.
    let near = |a: usize, b: usize| {
        b >= a
            && b - a <= 3
            && text
                .get(a..b)
                .is_some_and(|g| !g.chars().any(char::is_alphanumeric))
    };
    for (k, &(start, f)) in found.iter().enumerate() {
        let keep = f.strong
            || k.checked_sub(1)
                .and_then(|j| found.get(j))
                .is_some_and(|&(_, g)| g.strong && near(g.end, start))
            || found
                .get(k + 1)
                .is_some_and(|&(s, g)| g.strong && near(f.end, s));
        if keep {
            out.push(NameHit {
                start,
                end: f.end,
                confidence: 0.9,
                reason: NameReason::PatientName,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_norwegian_letters() {
        let s = spell("Øvrebø", false).unwrap();
        let got: Vec<String> = s
            .spellings
            .iter()
            .map(|v| String::from_utf8(v.clone()).unwrap())
            .collect();
        for want in ["ovrebo", "oevreboe", "ovreboe", "oevrebo"] {
            assert!(got.iter().any(|g| g == want), "{want}: {got:?}");
        }
        let s = spell("Aasen", false).unwrap();
        assert!(s.spellings.iter().any(|v| v == b"asen"));
        assert!(s.spellings.iter().any(|v| v == b"aasen"));
        assert!(spell("Иван", false).is_none());
    }
}
