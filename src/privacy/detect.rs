//! Detectors for direct identifiers in (normalised) text.
//!
//! One linear pass splits the text into tokens (words, digit runs, spaces, line breaks,
//! punctuation); each detector then looks at short windows of tokens. No regular expression
//! and no backtracking: time is linear in the input, and the wasm stays small.
//!
//! What is found (BRIEF.md, "Direct identifiers"; nye-metoder-tilgangsordningen.txt, "Den
//! interregionale vurderingskomitéen skal ikke kunne identifisere pasienten";
//! helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2): national identity numbers of every
//! kind in every grouping, and 11-digit numbers with a plausible birth date whose check
//! digits fail ("possible"); phone numbers; e-mail addresses; bank account numbers and IBANs;
//! IP addresses; street addresses, PO boxes and postcode + place; full dates of birth after
//! a cue word (or equal to the patient's own birth date); record numbers after a cue word.
//! Names are found by [`super::names`].
//!
//! What is allowed on purpose and suppresses overlapping findings (except a valid national
//! identity number, which is never allowed, and a possible one inside a link): the NPR-ID
//! after its label, Nye metoder IDs, NCT study IDs, PMIDs, DOIs and URLs.
//!
//! Where findings overlap the highest-priority kind wins; when the loser is a number that
//! sticks out of the winner, the winner is widened so that redaction leaves no digits.
//! Measured on the corpus in `tests/corpus/` by `tests/privacy_eval.rs`.
//!
//! ```
//! use skjemavakt::privacy::detect::{detect, Detectors, Kind, PatientFacts};
//! let all = Detectors { all: true, literature_only: false };
//! // python-stdnum: 26111593816 is valid; SWIFT IBAN Registry: NO93 8601 1117 947.
//! let text = "Fnr 261115 938\u{2009}16, IBAN NO93 8601 1117 947, kari(at)example.no; ID2023_013.";
//! let kinds: Vec<Kind> = detect(text, all, &PatientFacts::default())
//!     .iter()
//!     .map(|h| h.kind)
//!     .collect();
//! assert_eq!(kinds, [Kind::NationalId, Kind::Account, Kind::Email]);
//! ```

use super::pool;
use crate::ident;
use chrono::NaiveDate;
use std::cell::Cell;

/// What kind of identifier a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A valid national identity number (fødselsnummer, D-, H-, FH-number, synthetic).
    NationalId,
    /// 11 digits with a plausible birth date whose check digits fail.
    PossibleNationalId,
    /// A bank account number or IBAN.
    Account,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A full date of birth.
    BirthDate,
    /// A record, journal or case number.
    RecordNumber,
    /// A street address, PO box, or postcode with place.
    Address,
    /// An IP address.
    IpAddress,
    /// A person's name.
    Name,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 10] = [
        Kind::NationalId,
        Kind::PossibleNationalId,
        Kind::Account,
        Kind::Email,
        Kind::Phone,
        Kind::BirthDate,
        Kind::RecordNumber,
        Kind::Address,
        Kind::IpAddress,
        Kind::Name,
    ];

    /// Stable name (`national_id`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::NationalId => "national_id",
            Kind::PossibleNationalId => "possible_national_id",
            Kind::Account => "account",
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::BirthDate => "birth_date",
            Kind::RecordNumber => "record_number",
            Kind::Address => "address",
            Kind::IpAddress => "ip_address",
            Kind::Name => "name",
        }
    }

    /// Priority when findings overlap (lower wins).
    pub(crate) fn priority(self) -> u8 {
        match self {
            Kind::NationalId => 0,
            Kind::Email => 1,
            Kind::Account => 2,
            Kind::BirthDate => 3,
            Kind::Phone => 4,
            Kind::PossibleNationalId => 5,
            Kind::RecordNumber => 6,
            Kind::IpAddress => 7,
            Kind::Address => 8,
            Kind::Name => 9,
        }
    }
}

/// A finding in the normalised text (byte offsets, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub confidence: f32,
}

/// Which detectors run on a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detectors {
    /// Everything.
    pub all: bool,
    /// Only numbers and addresses that never belong in a literature reference (national IDs,
    /// e-mail, accounts).
    pub literature_only: bool,
}

/// Facts about the patient known from part 1, to find their own identifiers.
#[derive(Clone, Copy, Debug, Default)]
pub struct PatientFacts {
    /// The patient's birth date.
    pub birth_date: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    Word,
    Digits,
    Space,
    Newline,
    Punct(char),
}

/// One token: 16 bytes, so that a long text's tokens stay small in the cache. A token ends
/// where the next one starts ([`Ctx::end`]).
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    /// What the lexicon knows of a word ([`lexicon`]), plus [`F_CAP`], [`F_STREETY`] and
    /// [`F_PLAIN`].
    flags: u32,
    /// The token's [`T`] ([`Tok::tag_of`]).
    tag: u32,
}

impl Tok {
    /// 0–3 for a word, digits, space, line break; a punctuation character's code point + 4.
    const fn tag_of(t: T) -> u32 {
        match t {
            T::Word => 0,
            T::Digits => 1,
            T::Space => 2,
            T::Newline => 3,
            T::Punct(c) => c as u32 + 4,
        }
    }
    fn t(&self) -> T {
        match self.tag {
            0 => T::Word,
            1 => T::Digits,
            2 => T::Space,
            3 => T::Newline,
            p => T::Punct(char::from_u32(p - 4).unwrap_or('\u{FFFD}')),
        }
    }
}

/// A word for [`super::names`] ([`Ctx::name_words`]).
#[derive(Clone, Copy)]
pub(crate) struct NameWord {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Starts with a capital letter.
    pub(crate) cap: bool,
    /// Lower-case ASCII letters and hyphens only.
    pub(crate) plain: bool,
    /// More than one token: letters joined over a hyphen or an apostrophe.
    pub(crate) joined: bool,
    /// The lexicon flags of its first token: for a plain word that is not joined, its
    /// name-list flags are `lex >> NAME_SHIFT` ([`lexicon`]).
    pub(crate) lex: u32,
}

impl NameWord {
    /// One token of ASCII letters: its lower case is [`Ctx::lower_of`] its range.
    pub(crate) fn ascii(&self) -> bool {
        !self.joined && self.lex & F_HIGH == 0
    }
}

/// Where the name finder's word-list flags ([`super::names`]: cue words, titles,
/// organisation words, «St.») sit in a token's flags: one lookup per word serves both.
pub(crate) const NAME_SHIFT: u32 = 16;
/// The name-list flags in a token's flags (they open no detector here).
const F_NAMES: u32 = 0xFF << NAME_SHIFT;

/// Lexicon flags: which word lists a (lower-cased) word is on. One hash lookup per word
/// replaces a string comparison per list and token in every detector.
const F_NPR: u32 = 1;
const F_STUDY: u32 = 1 << 1; // nct, pmid, eudract
const F_LINK: u32 = 1 << 2; // http, https, doi
const F_ID: u32 = 1 << 3; // «ID2023_013»
const F_BIRTH: u32 = 1 << 4;
const F_BIRTH_F: u32 = 1 << 5; // «f.»
const F_STREET_WORD: u32 = 1 << 6;
const F_STREET_PREFIX: u32 = 1 << 7;
const F_QUALIFIER: u32 = 1 << 8;
const F_POSTCODE_LABEL: u32 = 1 << 9;
const F_POSTBOX: u32 = 1 << 10;
const F_RESIDENCE: u32 = 1 << 11;
const F_UNIT: u32 = 1 << 12;
const F_RECORD: u32 = 1 << 13;
/// Set per token, not in the lexicon: the word has a letter outside ASCII,
const F_HIGH: u32 = 1 << 28;
/// is lower-case ASCII,
const F_PLAIN: u32 = 1 << 29;
/// starts with a capital letter,
const F_CAP: u32 = 1 << 30;
/// and is a capitalised street name («Storgata», «Storgt.»).
const F_STREETY: u32 = 1 << 31;

/// A letter at byte `i` (ASCII and Latin-1 fast paths): its length in bytes.
fn letter_at(text: &str, bytes: &[u8], i: usize) -> Option<usize> {
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return b.is_ascii_alphabetic().then_some(1);
    }
    if b == 0xC3 {
        // U+00C0–U+00FF: letters but × (C3 97) and ÷ (C3 B7).
        let n = *bytes.get(i + 1)?;
        return (n != 0x97 && n != 0xB7).then_some(2);
    }
    let c = text.get(i..)?.chars().next()?;
    c.is_alphabetic().then(|| c.len_utf8())
}

/// Byte classes of the tokenizer, one bit each: the tokenizer tests bits in order of how
/// common each class is, and so predicts its branches well (a `match` on the class became a
/// jump table that was mispredicted at half the tokens).
const C_LETTER: u8 = 1;
const C_DIGIT: u8 = 2;
const C_SPACE: u8 = 4;
const C_NEWLINE: u8 = 8;
const C_HIGH: u8 = 16;
const C_PUNCT: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [C_PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            C_HIGH
        } else if c.is_ascii_alphabetic() {
            C_LETTER
        } else if c.is_ascii_digit() {
            C_DIGIT
        } else if c == b' ' || c == b'\t' {
            C_SPACE
        } else if c == b'\n' || c == b'\r' {
            C_NEWLINE
        } else {
            C_PUNCT
        };
        b += 1;
    }
    t
};

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// What [`word_end`] saw of a word.
const W_UPPER: u8 = 1; // an ASCII capital
const W_HIGH: u8 = 2; // a letter outside ASCII

/// The end of the word whose letters continue at byte `i`, and what it saw ([`W_UPPER`],
/// [`W_HIGH`]).
fn word_end(text: &str, bytes: &[u8], mut i: usize) -> (usize, u8) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let mut seen = 0;
    loop {
        // Eight bytes at a time: the ASCII letters among them as bit masks, so that where a
        // word ends costs no branch per letter (such a branch was mispredicted at the end
        // of almost every word).
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            // Each byte's low seven bits with 0x20 set (ASCII letters folded to lower
            // case): adding never carries into the next byte.
            let x = (w & (ONES * 0x7F)) | (ONES * 0x20);
            let from_a = x.wrapping_add(ONES * (0x80 - u64::from(b'a')));
            let past_z = x.wrapping_add(ONES * (0x80 - u64::from(b'z') - 1));
            let letters = from_a & !past_z & !w & HIGH;
            let n = (!letters & HIGH).trailing_zeros() as usize / 8;
            let upper = letters & ((!w & (ONES * 0x20)) << 2);
            let within = 1u64.checked_shl(8 * n as u32).map_or(u64::MAX, |b| b - 1);
            if upper & within != 0 {
                seen |= W_UPPER;
            }
            i += n;
            if n == 8 {
                continue;
            }
        }
        match bytes.get(i) {
            Some(&b) if b < 0x80 => {
                if class(b) != C_LETTER {
                    return (i, seen);
                }
                seen |= u8::from(b < b'a') * W_UPPER;
                i += 1;
            }
            Some(_) => match letter_at(text, bytes, i) {
                Some(len) => {
                    seen |= W_HIGH;
                    i += len;
                }
                None => return (i, seen),
            },
            None => return (i, seen),
        }
    }
}

/// The end of the run of bytes of class `c` from byte `i`.
fn run_end(bytes: &[u8], mut i: usize, c: u8) -> usize {
    while bytes.get(i).is_some_and(|&b| class(b) == c) {
        i += 1;
    }
    i
}

/// Splits `text[range]` into tokens and calls `each` on every token as it is pushed (its
/// index, end, and for a word what [`word_end`] saw). One pass over the bytes, a table
/// lookup per byte. A token starts at a letter or digit after a space or a line break, and
/// none before it reaches it: [`super::chunks`] cuts long texts there.
fn tokenize(
    text: &str,
    range: std::ops::Range<usize>,
    mut toks: Vec<Tok>,
    mut each: impl FnMut(usize, &mut Tok, T, usize, Option<u8>),
) -> Vec<Tok> {
    // Prose has a token every 2–3 bytes: room for one every 2 saves copying the vector.
    toks.reserve(range.len() / 2 + 1);
    let bytes = text.as_bytes();
    let mut i = range.start;
    while let Some(&b) = bytes.get(i).filter(|_| i < range.end) {
        let start = i;
        let mut seen = None;
        let c = class(b);
        let t = if c & C_LETTER != 0 {
            let (end, s) = word_end(text, bytes, i + 1);
            i = end;
            seen = Some(s | (u8::from(b < b'a') * W_UPPER));
            T::Word
        } else if c & C_SPACE != 0 {
            i = run_end(bytes, i + 1, C_SPACE);
            T::Space
        } else if c & C_PUNCT != 0 {
            i += 1;
            T::Punct(char::from(b))
        } else if c & C_DIGIT != 0 {
            i = run_end(bytes, i + 1, C_DIGIT);
            T::Digits
        } else if c & C_NEWLINE != 0 {
            i = run_end(bytes, i + 1, C_NEWLINE);
            T::Newline
        } else if let Some(len) = letter_at(text, bytes, i) {
            let (end, s) = word_end(text, bytes, i + len);
            i = end;
            seen = Some(s | W_HIGH);
            T::Word
        } else {
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                T::Space
            } else {
                T::Punct(c)
            }
        };
        let mut tok = Tok {
            start,
            flags: 0,
            tag: Tok::tag_of(t),
        };
        each(toks.len(), &mut tok, t, i, seen);
        toks.push(tok);
    }
    toks
}

/// A name-list flag of [`super::names`] as a token flag ([`NAME_SHIFT`]).
const fn name_flag(f: u8) -> u32 {
    (f as u32) << NAME_SHIFT
}

/// The word lists of the detectors, and the name finder's short lists (looked up here
/// for lower-case ASCII words, which are their own name key): one lookup per word.
fn lexicon() -> &'static super::lexicon::WordFlags<u32> {
    static LEX: std::sync::OnceLock<super::lexicon::WordFlags<u32>> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        super::lexicon::WordFlags::new(&[
            (&["npr"], F_NPR),
            (&["nct", "pmid", "eudract"], F_STUDY),
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
            (super::names::CUES, name_flag(super::names::CUE)),
            (super::names::TITLES, name_flag(super::names::TITLE)),
            (super::names::ORG_WORDS, name_flag(super::names::ORG)),
            (super::names::SAINTS, name_flag(super::names::SAINT)),
        ])
    })
}

/// The scanner's view of a text: its tokens with what the word lists know of them, shared
/// by the detectors here and by [`super::names`].
pub(crate) struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The text with every word in lower case, byte for byte where `text` is (a word whose
    /// lower case is longer or shorter is in `odd` instead).
    lower: String,
    /// Words whose lower case has another length in bytes (İ, ẞ): token index and range in
    /// `odd_buf`.
    odd: Vec<(usize, usize, usize)>,
    odd_buf: String,
    /// Indices of the tokens where a detector can start: digit runs, words on a list,
    /// street names, at signs and brackets, two capitals (IBAN), hyphenated compounds.
    /// Detectors walk this list instead of every token: in ordinary prose most tokens are
    /// none of these.
    interesting: Vec<usize>,
    /// Indices of the word tokens, for [`Ctx::name_words`].
    words: Vec<usize>,
}

thread_local! {
    static TOKS: Cell<Vec<Tok>> = const { Cell::new(Vec::new()) };
    static LOWER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    static INTERESTING: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
    static WORDS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
}

/// The buffers go back to the pool for the next scan ([`pool`]).
impl Drop for Ctx<'_> {
    fn drop(&mut self) {
        pool::give(&TOKS, std::mem::take(&mut self.toks));
        pool::give_wiped(&LOWER, std::mem::take(&mut self.lower).into_bytes());
        pool::give(&INTERESTING, std::mem::take(&mut self.interesting));
        pool::give(&WORDS, std::mem::take(&mut self.words));
    }
}

/// The buffers [`Part::tokenize`] fills: tokens, candidates, words.
type Bufs = (Vec<Tok>, Vec<usize>, Vec<usize>);

/// What tokenising a text gives ([`Ctx::new`]).
struct Part {
    toks: Vec<Tok>,
    interesting: Vec<usize>,
    words: Vec<usize>,
    odd: Vec<(usize, usize, usize)>,
    /// Where the lower case of a word lies in `odd_buf`: for the words of `odd`, and for
    /// those in `fixes`.
    odd_buf: String,
    /// Words whose lower case is as long as the word but not its ASCII lower case (Ø, É):
    /// start in the text and range in `odd_buf`, written into the lower-case text after.
    fixes: Vec<(usize, usize, usize)>,
}

impl Part {
    /// Tokenises `text[range]` with the lexicon's flags, `lower` being the text with ASCII
    /// lower-cased.
    fn tokenize(
        text: &str,
        range: std::ops::Range<usize>,
        lower: &str,
        (toks, mut interesting, mut words): Bufs,
    ) -> Part {
        let bytes = text.as_bytes();
        let mut odd = Vec::new();
        let mut odd_buf = String::new();
        let mut fixes = Vec::new();
        let mut scratch = String::new();
        let lex = lexicon();
        let toks = tokenize(text, range, toks, |n, tok, t, end, seen| {
            let Some(seen) = seen else {
                if matches!(t, T::Digits | T::Punct('@' | '(' | '[')) {
                    interesting.push(n);
                }
                return;
            };
            let start = tok.start;
            words.push(n);
            let w = text.get(start..end).unwrap_or("");
            let mut flags = 0;
            let low = if seen == 0 {
                // Lower-case ASCII: the word is its own lower case.
                tok.flags |= F_PLAIN;
                w
            } else if seen & W_HIGH == 0 {
                if bytes.get(start).is_some_and(u8::is_ascii_uppercase) {
                    flags |= F_CAP;
                }
                lower.get(start..end).unwrap_or("")
            } else {
                flags |= F_HIGH;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    flags |= F_CAP;
                }
                scratch.clear();
                scratch.extend(w.chars().map(crate::case::lower_char));
                if scratch.len() != w.len() {
                    let from = odd_buf.len();
                    odd_buf.push_str(&scratch);
                    odd.push((n, from, odd_buf.len()));
                } else if lower.get(start..end) != Some(scratch.as_str()) {
                    let from = odd_buf.len();
                    odd_buf.push_str(&scratch);
                    fixes.push((start, from, odd_buf.len()));
                }
                scratch.as_str()
            };
            flags |= lex.get(low);
            if flags & F_CAP != 0 && street_suffix(low, bytes.get(end) == Some(&b'.')) {
                flags |= F_STREETY;
            }
            // Units and street prefixes are context for other tokens' detectors; they
            // open none.
            let yes = flags & !(F_CAP | F_HIGH | F_NAMES | F_UNIT | F_STREET_PREFIX) != 0
                || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
                || (bytes.get(end) == Some(&b'-') && letter_at(text, bytes, end + 1).is_some());
            tok.flags |= flags;
            if yes {
                interesting.push(n);
            }
        });
        Part {
            toks,
            interesting,
            words,
            odd,
            odd_buf,
            fixes,
        }
    }
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(text: &'a str) -> Ctx<'a> {
        // ASCII letters lower-cased in one pass; other letters word by word (`fixes`).
        // The kept buffer is cleared, so valid UTF-8 without a check; pushing a `str` and
        // lower-casing ASCII keep it so.
        let mut lower = String::from_utf8(pool::take(&LOWER)).unwrap_or_default();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let bufs = (
            pool::take(&TOKS),
            pool::take(&INTERESTING),
            pool::take(&WORDS),
        );
        let part = Part::tokenize(text, 0..text.len(), &lower, bufs);
        Ctx::of(text, lower, part)
    }

    /// The context of `text` from its tokens (`part`, the whole text's) and `lower`, its
    /// ASCII lower case (the other words' lower case is written in here).
    fn of(text: &'a str, mut lower: String, part: Part) -> Ctx<'a> {
        for &(start, a, b) in &part.fixes {
            let end = start + (b - a);
            if let Some(low) = part.odd_buf.get(a..b) {
                if lower.is_char_boundary(start) && lower.is_char_boundary(end) {
                    lower.replace_range(start..end, low);
                }
            }
        }
        Ctx {
            text,
            toks: part.toks,
            lower,
            odd: part.odd,
            odd_buf: part.odd_buf,
            interesting: part.interesting,
            words: part.words,
        }
    }
    /// The text's words as [`super::names`] sees them: letters joined over inner hyphens
    /// and apostrophes («Anne-Marie», «O'Brien»), with their start, end, whether they start
    /// with a capital and whether they are plain lower-case ASCII (hyphens allowed).
    pub(crate) fn name_words(&self) -> impl Iterator<Item = NameWord> + '_ {
        const HYPHEN: u32 = Tok::tag_of(T::Punct('-'));
        const APOSTROPHE: u32 = Tok::tag_of(T::Punct('\''));
        const QUOTE: u32 = Tok::tag_of(T::Punct('\u{2019}'));
        const WORD: u32 = Tok::tag_of(T::Word);
        let mut words = self.words.iter();
        // Tokens before this one are part of a word already given.
        let mut from = 0;
        std::iter::from_fn(move || loop {
            let i = *words.next()?;
            if i < from {
                continue;
            }
            let first = self.tok(i)?;
            let mut plain = first.flags & F_PLAIN != 0;
            let mut end = self.end(i);
            let mut j = i + 1;
            while let Some(tag) = self.tok(j).map(|t| t.tag) {
                if tag != HYPHEN && tag != APOSTROPHE && tag != QUOTE {
                    break;
                }
                let Some(next) = self.tok(j + 1).filter(|t| t.tag == WORD) else {
                    break;
                };
                plain &= tag == HYPHEN && next.flags & F_PLAIN != 0;
                end = self.end(j + 1);
                j += 2;
            }
            from = j;
            return Some(NameWord {
                start: first.start,
                end,
                cap: first.flags & F_CAP != 0,
                plain,
                joined: j > i + 1,
                lex: first.flags,
            });
        })
    }
    /// The text the tokens were taken from.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }
    /// The lower case of `text[start..end]`, where that is a word of ASCII letters
    /// ([`NameWord::ascii`]).
    pub(crate) fn lower_of(&self, start: usize, end: usize) -> &str {
        self.lower.get(start..end).unwrap_or("")
    }
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    fn t(&self, i: usize) -> Option<T> {
        self.toks.get(i).map(Tok::t)
    }
    fn s(&self, i: usize) -> &'a str {
        self.text.get(self.start(i)..self.end(i)).unwrap_or("")
    }
    /// A word's lower case (other tokens as they are).
    fn low(&self, i: usize) -> &str {
        if !self.odd.is_empty() {
            if let Ok(k) = self.odd.binary_search_by_key(&i, |o| o.0) {
                let (_, a, b) = self.odd.get(k).copied().unwrap_or_default();
                return self.odd_buf.get(a..b).unwrap_or("");
            }
        }
        self.lower.get(self.start(i)..self.end(i)).unwrap_or("")
    }
    fn is(&self, i: usize, t: T) -> bool {
        self.tok(i).is_some_and(|x| x.tag == Tok::tag_of(t))
    }
    fn is_word(&self, i: usize) -> bool {
        self.is(i, T::Word)
    }
    fn is_digits(&self, i: usize) -> bool {
        self.is(i, T::Digits)
    }
    fn len(&self, i: usize) -> usize {
        self.end(i) - self.start(i)
    }
    fn capitalised(&self, i: usize) -> bool {
        self.has(i, F_CAP)
    }
    /// `true` if token `i` has any of the lexicon `flags`.
    fn has(&self, i: usize, flags: u32) -> bool {
        self.tok(i).is_some_and(|t| t.flags & flags != 0)
    }
    fn flags(&self, i: usize) -> u32 {
        self.tok(i).map_or(0, |t| t.flags)
    }
    fn all_caps(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().all(char::is_uppercase)
    }
    /// Next index after spaces.
    fn skip_space(&self, mut i: usize) -> usize {
        while self.is(i, T::Space) {
            i += 1;
        }
        i
    }
    /// Previous non-space index before `i`.
    fn prev_non_space(&self, i: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        while self.is(j, T::Space) {
            j = j.checked_sub(1)?;
        }
        Some(j)
    }
    fn start(&self, i: usize) -> usize {
        self.tok(i).map_or(self.text.len(), |t| t.start)
    }
    /// Where token `i` ends: where the next one starts.
    fn end(&self, i: usize) -> usize {
        self.tok(i + 1).map_or(self.text.len(), |t| t.start)
    }
}

/// Token `k` is a word written as a redaction placeholder is («[TELEFON]», «[IP-ADRESSE]»,
/// [`super::placeholder`]): the scanner's own output is no cue word, or a number after a
/// redacted one would be found only once the text had been redacted.
fn in_placeholder(cx: &Ctx, k: usize) -> bool {
    // «[WORD]», or «[IP-ADRESSE]»: capitals between brackets, at most one hyphen inside.
    let open = cx.is(k.wrapping_sub(1), T::Punct('['))
        || (cx.is(k.wrapping_sub(1), T::Punct('-')) && cx.is(k.wrapping_sub(3), T::Punct('[')));
    let close =
        cx.is(k + 1, T::Punct(']')) || (cx.is(k + 1, T::Punct('-')) && cx.is(k + 3, T::Punct(']')));
    open && close && cx.all_caps(k)
}

/// Finds identifiers in `text` (already normalised by [`super::normalize`]).
pub fn detect(text: &str, which: Detectors, patient: &PatientFacts) -> Vec<Hit> {
    detect_in(&Ctx::new(text), which, patient)
}

/// [`detect`] on a text already split into tokens (shared with [`super::names`]).
pub(crate) fn detect_in(cx: &Ctx, which: Detectors, patient: &PatientFacts) -> Vec<Hit> {
    finish(numbers(cx, which), context(cx, which, patient))
}

/// What [`numbers`] finds: findings, and the spans allowed on purpose.
pub(crate) struct Numbers {
    hits: Vec<Hit>,
    allowed: Vec<Allowed>,
}

/// Calls `each` on the candidate tokens, a block at a time. Every detector of a group runs
/// over one block before the next block: the tokens they look at stay in the processor's
/// cache (one pass per detector over a long text's tokens was bound by memory, not by the
/// work).
fn by_blocks(cx: &Ctx, each: &mut dyn FnMut(&[usize])) {
    let mut blocks = cx.interesting.chunks(256).peekable();
    while let Some(cands) = blocks.next() {
        // Load the next block's tokens first: loads that no branch waits for run side by
        // side, where the detectors' own first loads of each token (long texts' tokens
        // are out of the cache by now) would wait one after another.
        if let Some(next) = blocks.peek() {
            let bytes = cx.text.as_bytes();
            let touched = next.iter().fold(0, |acc, &i| {
                let t = cx.tok(i).map_or(0, |t| t.start);
                acc ^ t ^ usize::from(bytes.get(t).copied().unwrap_or(0))
            });
            std::hint::black_box(touched);
        }
        each(cands);
    }
}

/// The first group of detectors: the spans allowed on purpose, digit chains (national
/// identity numbers, phone and account numbers), IBANs and e-mail addresses. The two groups
/// ([`numbers`], [`context`]) find different kinds and share nothing but the tokens, so
/// they can run side by side ([`super::par`]); [`finish`] puts their findings together as
/// if one had run after the other.
pub(crate) fn numbers(cx: &Ctx, which: Detectors) -> Numbers {
    let mut hits = Vec::new();
    let mut allowed = Vec::new();
    let (mut next_allowed, mut next_chain) = (0, 0);
    by_blocks(cx, &mut |cands| {
        allowed_spans(cx, cands, &mut next_allowed, &mut allowed);
        digit_chains(cx, cands, &mut next_chain, which, &mut hits);
        ibans(cx, cands, &mut hits);
        emails(cx, cands, &mut hits);
    });
    Numbers { hits, allowed }
}

/// The second group of detectors (all but literature fields): IP addresses, birth dates,
/// addresses and record numbers.
pub(crate) fn context(cx: &Ctx, which: Detectors, patient: &PatientFacts) -> Vec<Hit> {
    let mut hits = Vec::new();
    if which.all && !which.literature_only {
        let mut next_ip = 0;
        by_blocks(cx, &mut |cands| {
            ip_addresses(cx, cands, &mut next_ip, &mut hits);
            birth_dates(cx, cands, patient, &mut hits);
            addresses(cx, cands, &mut hits);
            record_numbers(cx, cands, &mut hits);
        });
    }
    hits
}

/// The findings of both groups, where not allowed on purpose, overlaps resolved. The
/// groups find different kinds, and [`resolve_overlaps`] orders findings of one kind only
/// by their place among each other: the same result in whatever order the groups ran.
pub(crate) fn finish(numbers: Numbers, context: Vec<Hit>) -> Vec<Hit> {
    let Numbers { mut hits, allowed } = numbers;
    hits.extend(context);
    // Allowed spans suppress everything but valid national identity numbers; a link
    // (URL, DOI) does not hide a possible one either (a number in a link's path or query
    // is still the patient's: «…/pasient?fnr=…»).
    let every = Intervals::new(allowed.iter().map(|a| (a.start, a.end)));
    let not_links = Intervals::new(allowed.iter().filter(|a| !a.link).map(|a| (a.start, a.end)));
    hits.retain(|h| match h.kind {
        Kind::NationalId => true,
        Kind::PossibleNationalId => !not_links.overlaps(h.start, h.end),
        _ => !every.overlaps(h.start, h.end),
    });
    resolve_overlaps(hits)
}

/// Widens each finding to whole words: letters or digits glued to either end are taken in
/// («Solberg374 …» where only «Solberg» is a name). Redaction then never leaves half a word
/// whose neighbour changed — a digit run glued to a name is not a phone number, but the
/// same run after «[NAVN]» would be. Overlaps that widening creates are resolved again.
pub fn widen_to_words(text: &str, hits: Vec<Hit>) -> Vec<Hit> {
    let alnum = |c: char| c.is_alphanumeric();
    let mut widened = false;
    let out: Vec<Hit> = hits
        .into_iter()
        .map(|mut h| {
            while let Some(c) = text.get(..h.start).and_then(|r| r.chars().next_back()) {
                if !alnum(c) {
                    break;
                }
                h.start -= c.len_utf8();
                widened = true;
            }
            while let Some(c) = text.get(h.end..).and_then(|r| r.chars().next()) {
                if !alnum(c) {
                    break;
                }
                h.end += c.len_utf8();
                widened = true;
            }
            h
        })
        .collect();
    if widened {
        resolve_overlaps(out)
    } else {
        out
    }
}

/// Byte intervals sorted by start, with the running maximum of their ends: "does anything
/// overlap [s, e)?" in O(log n), so that many findings against many allowed spans stay
/// linear-logarithmic (a long text has thousands of both).
struct Intervals {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Intervals {
    fn new(it: impl Iterator<Item = (usize, usize)>) -> Intervals {
        let mut v: Vec<(usize, usize)> = it.collect();
        // Usually in order already (spans are found left to right); the crate's one sort
        // keeps the wasm package small.
        if !v.is_sorted() {
            crate::sort::sort_by(&mut v, Ord::cmp);
        }
        let mut max = 0;
        let max_end = v
            .iter()
            .map(|&(_, e)| {
                max = max.max(e);
                max
            })
            .collect();
        Intervals {
            starts: v.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        // Intervals starting before `e`; one of them overlaps iff the largest end > s.
        let n = self.starts.partition_point(|&x| x < e);
        n.checked_sub(1)
            .and_then(|i| self.max_end.get(i))
            .is_some_and(|&m| m > s)
    }
}

/// Keeps the best finding where findings overlap (priority, then confidence, then length).
/// When the loser is a number that sticks out of the winner, the winner is widened to cover
/// both. The result is sorted and never overlaps. O(n log n).
///
/// Findings that overlap no other (nearly all: a long text with thousands of findings has
/// a few overlapping groups) are kept as they are; each group of findings that overlap
/// one another, directly or through others, is resolved alone ([`resolve_group`]). No
/// finding of one group can touch another group's, widened or not: the same result as
/// resolving all at once, at a fraction of the cost.
pub fn resolve_overlaps(hits: Vec<Hit>) -> Vec<Hit> {
    // Each finding with its place in `hits`: ties keep that order, as a stable sort would.
    let mut hits: Vec<(Hit, usize)> = hits.into_iter().zip(0..).collect();
    sort_hits(&mut hits, true);
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut rest: &[(Hit, usize)] = &hits;
    while let Some(((first, _), _)) = rest.split_first() {
        let mut end = first.end;
        let mut last_start = first.start;
        // The group: every next finding that starts before the group's end (or where the
        // last one starts: two empty findings at one place are one group).
        let n = 1 + rest
            .iter()
            .skip(1)
            .take_while(|(h, _)| {
                let inside = h.start < end || h.start == last_start;
                end = end.max(h.end);
                last_start = h.start;
                inside
            })
            .count();
        let n = n.min(rest.len());
        let (group, tail) = rest.split_at(n);
        match group {
            [(h, _)] => out.push(*h),
            _ => resolve_group(group, &mut out),
        }
        rest = tail;
    }
    out
}

/// Sorts findings by start (`by_start`) or by how good they are (priority, then
/// confidence, then length); ties by their place, so any sort gives the same order. The
/// wasm package uses the crate's small sort ([`crate::sort`]: no copy of the standard
/// library's sort code for findings); natively the standard library's, which is quicker on
/// the thousands of findings of a long text.
// A `Vec` for the crate's sort in the wasm package; natively a slice would do.
#[cfg_attr(not(target_arch = "wasm32"), allow(clippy::ptr_arg))]
fn sort_hits(hits: &mut Vec<(Hit, usize)>, by_start: bool) {
    let cmp = |(a, i): &(Hit, usize), (b, j): &(Hit, usize)| {
        let order = if by_start {
            a.start.cmp(&b.start)
        } else {
            a.kind
                .priority()
                .cmp(&b.kind.priority())
                .then(b.confidence.total_cmp(&a.confidence))
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        };
        order.then(i.cmp(j))
    };
    #[cfg(target_arch = "wasm32")]
    crate::sort::sort_by(hits, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    hits.sort_by(cmp);
}

/// [`resolve_overlaps`] for one group of overlapping findings, appended to `out` by start.
fn resolve_group(group: &[(Hit, usize)], out: &mut Vec<Hit>) {
    let mut group = group.to_vec();
    sort_hits(&mut group, false);
    // Kept findings by start. Before widening they are disjoint, so the one that can
    // overlap [s, e) is the last starting before e — or, after a widening, the one before
    // it; the final pass merges whatever widening made overlap.
    let mut kept: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for &(h, _) in group.iter() {
        let hit_key = kept
            .range(..h.end)
            .rev()
            .take(2)
            .find(|(_, k)| h.start < k.end && k.start < h.end)
            .map(|(&key, _)| key);
        match hit_key {
            None => {
                // Two findings with the same start: the earlier (better) one stays.
                kept.entry(h.start).or_insert(h);
            }
            // A finding that sticks out of the one that wins would leave a piece behind,
            // to be found anew once the winner is redacted: digits («261115 93816@…» where
            // the e-mail starts at «93816»), or an e-mail's local part that runs back into
            // another address. The winner covers both.
            Some(key) => {
                if let Some(mut k) = kept.remove(&key) {
                    k.start = k.start.min(h.start);
                    k.end = k.end.max(h.end);
                    kept.insert(k.start, k);
                }
            }
        }
    }
    let from = out.len();
    for h in kept.into_values() {
        // Only this group's findings merge (earlier ones end before it starts); the merged
        // finding keeps the kind that wins.
        let own = out.len() > from;
        match out.last_mut() {
            Some(last) if own && h.start < last.end => {
                last.end = last.end.max(h.end);
                if h.kind.priority() < last.kind.priority() {
                    last.kind = h.kind;
                    last.confidence = h.confidence;
                }
            }
            _ => out.push(h),
        }
    }
}

/// A span allowed on purpose; `link` for URLs and DOIs.
#[derive(Clone, Copy, Debug)]
struct Allowed {
    start: usize,
    end: usize,
    link: bool,
}

/// Allowed spans opened by the candidate tokens `cands`; `next`: tokens before it are inside
/// a span already found (carried from one block of candidates to the next).
fn allowed_spans(cx: &Ctx, cands: &[usize], next: &mut usize, out: &mut Vec<Allowed>) {
    let span = |start: usize, end: usize| Allowed {
        start,
        end,
        link: false,
    };
    let n = cx.toks.len();
    for &i in cands {
        // Only a word on a list, or «10.» of a DOI, can open an allowed span.
        if i < *next
            || (cx.flags(i) & (F_NPR | F_STUDY | F_LINK | F_ID) == 0
                && !(cx.is_digits(i) && cx.len(i) == 2))
        {
            continue;
        }
        let low = cx.low(i);
        // NPR-ID: «NPR-ID: 12ab-…», «NPR-nr 1234», «NPR 1234» (1.2.2.5-16 §3.2 fotnote 2).
        if low == "npr" {
            let mut j = i + 1;
            if (cx.is(j, T::Punct('-')) || cx.is(j, T::Space))
                && matches!(cx.low(j + 1), "id" | "nr" | "nummer" | "nummeret")
            {
                j += 2;
            }
            if cx.is(j, T::Punct('.')) {
                j += 1;
            }
            j = cx.skip_space(j);
            if cx.is(j, T::Punct(':')) {
                j = cx.skip_space(j + 1);
            }
            let first = j;
            while j < n
                && (cx.is_word(j) || cx.is_digits(j) || cx.is(j, T::Punct('-')))
                && cx.end(j) - cx.start(first) <= 36
            {
                j += 1;
            }
            if j > first {
                out.push(span(cx.start(i), cx.end(j - 1)));
                *next = j;
                continue;
            }
        }
        // Nye metoder ID: ID2023_013.
        if cx.s(i) == "ID"
            && cx.is_digits(i + 1)
            && cx.len(i + 1) == 4
            && cx.is(i + 2, T::Punct('_'))
            && cx.is_digits(i + 3)
        {
            out.push(span(cx.start(i), cx.end(i + 3)));
        }
        // NCT study IDs, EudraCT.
        if (low == "nct" && cx.is_digits(i + 1) && cx.start(i + 1) == cx.end(i))
            || (low == "pmid" || low == "eudract")
        {
            let mut j = i + 1;
            while j < n
                && (cx.is_digits(j)
                    || cx.is(j, T::Space)
                    || cx.is(j, T::Punct(':'))
                    || cx.is(j, T::Punct('-')))
                && j <= i + 8
            {
                j += 1;
            }
            out.push(span(cx.start(i), cx.end(j.saturating_sub(1).max(i))));
        }
        // URLs and DOIs: to the next white space.
        let is_url = matches!(low, "http" | "https") && cx.is(i + 1, T::Punct(':'));
        let is_doi = cx.s(i) == "10"
            && cx.is(i + 1, T::Punct('.'))
            && cx.is_digits(i + 2)
            && cx.len(i + 2) >= 4
            && cx.is(i + 3, T::Punct('/'));
        if is_url || is_doi || low == "doi" && cx.is(i + 1, T::Punct(':')) {
            let mut j = i;
            while j < n && !matches!(cx.t(j), Some(T::Space | T::Newline)) {
                j += 1;
            }
            out.push(Allowed {
                start: cx.start(i),
                end: cx.end(j.saturating_sub(1).max(i)),
                link: true,
            });
            *next = j;
            continue;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Digit chains: national identity numbers, accounts, phone numbers
// ---------------------------------------------------------------------------------------

/// A separator between digit groups: one to three tokens of space, '.', '-', '/', or one
/// line break, at most three bytes (not counting a line break's spaces).
fn separator_end(cx: &Ctx, i: usize) -> Option<usize> {
    let mut j = i;
    let mut bytes = 0;
    let mut newlines = 0;
    while j < i + 4 {
        match cx.t(j) {
            Some(T::Space) => bytes += cx.len(j).min(2),
            Some(T::Newline) => newlines += 1,
            Some(T::Punct('.' | '-' | '/')) => bytes += 1,
            _ => break,
        }
        j += 1;
    }
    (j > i && bytes <= 3 && newlines <= 1 && cx.is_digits(j)).then_some(j)
}

fn digits_of(cx: &Ctx, runs: &[usize]) -> Vec<u8> {
    runs.iter()
        .flat_map(|&r| cx.s(r).bytes().map(|b| b.wrapping_sub(b'0')))
        .collect()
}

fn money_context(cx: &Ctx, first: usize, last: usize) -> bool {
    let before = cx.prev_non_space(first).map(|p| cx.low(p)).unwrap_or("");
    let after_i = cx.skip_space(last + 1);
    let after = cx.low(after_i);
    matches!(
        before,
        "kr" | "nok" | "kroner" | "beløp" | "beløpet" | "pris" | "sum" | "totalt" | "eur" | "usd"
    ) || matches!(
        after,
        "kr" | "nok" | "kroner" | "mill" | "millioner" | "tusen"
    ) || (cx.is(last + 1, T::Punct(',')) && cx.is(last + 2, T::Punct('-')))
}

fn phone_context(cx: &Ctx, first: usize) -> bool {
    // A cue word among the three tokens before.
    let mut j = first;
    for _ in 0..6 {
        let Some(p) = j.checked_sub(1) else { break };
        j = p;
        if matches!(
            cx.low(j),
            "tlf"
                | "tel"
                | "telefon"
                | "telefonnummer"
                | "telefonnr"
                | "mobil"
                | "mob"
                | "mobilnummer"
                | "mobilnr"
                | "ring"
                | "ringes"
                | "nås"
                | "phone"
                | "sms"
                | "kontakt"
                | "kontaktes"
                | "pårørende"
                | "nummer"
        ) && !in_placeholder(cx, j)
        {
            return true;
        }
    }
    false
}

fn digit_chains(
    cx: &Ctx,
    cands: &[usize],
    next: &mut usize,
    which: Detectors,
    hits: &mut Vec<Hit>,
) {
    for &i in cands {
        if i < *next || !cx.is_digits(i) {
            continue;
        }
        // Collect the chain of digit runs starting here (at most 13: no allocation).
        let mut runs = [i; 13];
        let mut len = 1;
        let mut j = i;
        while let Some(next) = separator_end(cx, j + 1) {
            if let Some(r) = runs.get_mut(len) {
                *r = next;
            }
            len += 1;
            j = next;
            if len > 12 {
                break;
            }
        }
        check_chain(cx, runs.get(..len).unwrap_or_default(), which, hits);
        *next = j + 1;
    }
}

fn grouping(cx: &Ctx, runs: &[usize]) -> Vec<usize> {
    runs.iter().map(|&r| cx.len(r)).collect()
}

fn seps_are(cx: &Ctx, runs: &[usize], allowed: &[char]) -> bool {
    runs.windows(2).all(|w| {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => return true,
        };
        (a + 1..b).all(|k| match cx.t(k) {
            Some(T::Space) => allowed.contains(&' '),
            Some(T::Newline) => allowed.contains(&'\n'),
            Some(T::Punct(c)) => allowed.contains(&c),
            _ => false,
        })
    })
}

fn check_chain(cx: &Ctx, runs: &[usize], which: Detectors, hits: &mut Vec<Hit>) {
    let before = hits.len();
    // Windows of runs with 11 digits first, then 8: an 8-digit window that overlaps an
    // 11-digit national identity number (or a possible one) is a part of it, not a phone
    // number — unless a country prefix or a cue word says so. A window beside it in the same
    // chain («20000000-01010000000») is a number of its own.
    let mut elevens = before..before;
    for wanted in [11, 8] {
        if wanted == 8 {
            elevens = before..hits.len();
        }
        for a in 0..runs.len() {
            let mut total = 0;
            for b in a..runs.len() {
                total += runs.get(b).map_or(0, |&r| cx.len(r));
                if total > wanted {
                    break;
                }
                let (Some(sub), Some(&first), Some(&last)) =
                    (runs.get(a..=b), runs.get(a), runs.get(b))
                else {
                    continue;
                };
                let (start, end) = (cx.start(first), cx.end(last));
                if total == 11 && wanted == 11 {
                    eleven(cx, sub, first, last, start, end, which, hits);
                }
                if total == 8 && wanted == 8 && which.all && !which.literature_only {
                    let in_eleven = hits
                        .get(elevens.clone())
                        .unwrap_or_default()
                        .iter()
                        .any(|h| h.start < end && start < h.end);
                    eight(cx, sub, first, last, start, end, in_eleven, hits);
                }
            }
        }
    }
    // «+4791234567», «004791234567»: a phone number glued to its country prefix.
    if let ([run], true) = (runs, which.all && !which.literature_only) {
        glued_phone(cx, *run, hits);
    }
}

fn glued_phone(cx: &Ctx, run: usize, hits: &mut Vec<Hit>) {
    let s = cx.s(run);
    let plus = run.checked_sub(1).is_some_and(|p| cx.is(p, T::Punct('+')));
    let number = match (s.len(), plus) {
        (10, true) => s.strip_prefix("47"),
        (12, false) => s.strip_prefix("0047"),
        _ => None,
    };
    let letter_around = run
        .checked_sub(1 + usize::from(plus))
        .is_some_and(|p| cx.is_word(p))
        || cx.is_word(run + 1);
    if number.is_some_and(ident::phone::is_valid) && !letter_around {
        hits.push(Hit {
            start: cx.start(run).saturating_sub(usize::from(plus)),
            end: cx.end(run),
            kind: Kind::Phone,
            confidence: 0.95,
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn eleven(
    cx: &Ctx,
    sub: &[usize],
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    which: Detectors,
    hits: &mut Vec<Hit>,
) {
    let d = digits_of(cx, sub);
    let Ok(arr) = <[u8; 11]>::try_from(d.as_slice()) else {
        return;
    };
    if ident::fnr::validate_digits(&arr).is_ok() {
        hits.push(Hit {
            start,
            end,
            kind: Kind::NationalId,
            confidence: 0.99,
        });
        return;
    }
    if ident::account::validate_digits(&arr).is_ok() {
        hits.push(Hit {
            start,
            end,
            kind: Kind::Account,
            confidence: 0.9,
        });
        return;
    }
    if !which.all || which.literature_only {
        return;
    }
    let lens = grouping(cx, sub);
    // Amount-like groupings (2-3-3-3) and lists of short numbers are not national IDs.
    let amount_like = lens.len() >= 3 && lens.iter().skip(1).all(|&l| l == 3);
    let prefix: Option<[u8; 6]> = arr.get(..6).and_then(|p| p.try_into().ok());
    let letter_before = first.checked_sub(1).is_some_and(|p| cx.is_word(p));
    let letter_after = cx.is_word(last + 1);
    // A plausible birth date (FH-numbers, first digit 8/9, carry none and do not count).
    if prefix.is_some_and(|p| p[0] < 8 && ident::fnr::plausible_birth_prefix(&p))
        && !amount_like
        && !letter_before
        && !letter_after
        && !money_context(cx, first, last)
        && (seps_are(cx, sub, &[' ', '.', '-', '\n'])
            // «261115/93816»: a slash only between the date and the personal number.
            || (lens.as_slice() == [6, 5] && seps_are(cx, sub, &[' ', '/'])))
    {
        hits.push(Hit {
            start,
            end,
            kind: Kind::PossibleNationalId,
            confidence: 0.6,
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn eight(
    cx: &Ctx,
    sub: &[usize],
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    in_eleven: bool,
    hits: &mut Vec<Hit>,
) {
    let lens = grouping(cx, sub);
    // +47 / 0047 / (+47) prefix directly before?
    let mut s = start;
    let mut prefixed = false;
    // «+47-912-34-567»: look past one dash.
    let before = cx.prev_non_space(first).map(|p| {
        if cx.is(p, T::Punct('-')) {
            cx.prev_non_space(p).unwrap_or(p)
        } else {
            p
        }
    });
    if let Some(p) = before {
        let ps = cx.s(p);
        if (ps == "47" && p.checked_sub(1).is_some_and(|q| cx.is(q, T::Punct('+')))) || ps == "0047"
        {
            prefixed = true;
            s = if ps == "47" {
                cx.start(p - 1)
            } else {
                cx.start(p)
            };
        } else if cx.is(p, T::Punct(')'))
            && p >= 3
            && cx.s(p - 1) == "47"
            && cx.is(p - 2, T::Punct('+'))
            && cx.is(p - 3, T::Punct('('))
        {
            // (+47) 912 34 567
            prefixed = true;
            s = cx.start(p - 3);
        }
    }
    let cue = phone_context(cx, first);
    // Phone groupings in Norway: 8, 3-2-3, 2-2-2-2, 4-4, 2-3-3, 3-5. With a cue word or a
    // country prefix any grouping by spaces or dashes counts (text pasted from other
    // systems splits numbers oddly).
    let shaped = matches!(
        lens.as_slice(),
        [8] | [3, 2, 3] | [2, 2, 2, 2] | [4, 4] | [2, 3, 3] | [3, 5]
    );
    // A line break inside the number only with a cue or a prefix («Ring 912⏎34 567»).
    let dotted_shape = matches!(lens.as_slice(), [3, 2, 3] | [2, 2, 2, 2] | [4, 4] | [3, 5]);
    let seps_ok = seps_are(cx, sub, &[' ', '-'])
        || ((prefixed || cue) && seps_are(cx, sub, &[' ', '-', '\n']))
        // «Tlf. 912.34.567»: dots only with a cue and in a phone grouping (never a date).
        || ((prefixed || cue) && dotted_shape && seps_are(cx, sub, &[' ', '-', '.']));
    if !(shaped || prefixed || cue) || !seps_ok || (in_eleven && !prefixed && !cue) {
        return;
    }
    let text: String = digits_of(cx, sub)
        .iter()
        .map(|d| char::from(b'0' + d))
        .collect();
    if !ident::phone::is_valid(&text) {
        return;
    }
    let letter_before = first.checked_sub(1).is_some_and(|p| cx.is_word(p));
    if letter_before || cx.is_word(last + 1) {
        return;
    }
    if !prefixed && !cue && money_context(cx, first, last) {
        return;
    }
    // A bare 8-digit number that could be a date (ddmmyyyy) is a phone number only with a cue.
    if !prefixed && !cue && lens.as_slice() == [8] && looks_like_ddmmyyyy(&text) {
        return;
    }
    let confidence = if prefixed || cue { 0.95 } else { 0.8 };
    hits.push(Hit {
        start: s,
        end,
        kind: Kind::Phone,
        confidence,
    });
}

fn looks_like_ddmmyyyy(t: &str) -> bool {
    let n = |r: std::ops::Range<usize>| t.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!((n(0..2), n(2..4), n(4..8)), (Some(d), Some(m), Some(y)) if (1..=31).contains(&d) && (1..=12).contains(&m) && (1900..=2100).contains(&y))
}

// ---------------------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------------------

/// IBANs of any country: two capital letters, two check digits and 11–30 letters or digits,
/// written compact or in groups separated by single spaces; the ISO 7064 MOD 97-10 check
/// must hold (ISO 13616-1; SWIFT «IBAN Registry»: Norway has 15 characters, e.g.
/// `NO93 8601 1117 947`). The Norwegian account inside is also found on its own by the
/// digit chains; the IBAN finding covers the whole.
fn ibans(cx: &Ctx, cands: &[usize], hits: &mut Vec<Hit>) {
    let bytes = cx.text.as_bytes();
    for &i in cands {
        let Some(tok) = cx.tok(i) else { continue };
        let country = cx.s(i);
        let starts = tok.t() == T::Word
            && country.len() == 2
            && country.bytes().all(|b| b.is_ascii_uppercase())
            && cx.is_digits(i + 1)
            && !i
                .checked_sub(1)
                .is_some_and(|p| cx.is_word(p) || cx.is_digits(p));
        if !starts {
            continue;
        }
        // Walk the characters: alphanumerics, single spaces between groups.
        let mut chars: Vec<u8> = Vec::with_capacity(34);
        let mut best = None;
        let mut p = tok.start;
        while let Some(&b) = bytes.get(p) {
            if b.is_ascii_digit() || b.is_ascii_uppercase() {
                chars.push(b);
                p += 1;
                if chars.len() > 34 {
                    break;
                }
                let boundary = !bytes.get(p).is_some_and(|n| n.is_ascii_alphanumeric());
                if boundary && chars.len() >= 15 && mod97_ok(&chars) {
                    best = Some(p);
                }
            } else if b == b' '
                && bytes.get(p + 1).is_some_and(|n| n.is_ascii_alphanumeric())
                && chars.len() >= 4
            {
                p += 1;
            } else {
                break;
            }
        }
        // Check digits must be digits.
        let digits_ok = chars
            .get(2..4)
            .is_some_and(|c| c.iter().all(u8::is_ascii_digit));
        if let (Some(end), true) = (best, digits_ok) {
            hits.push(Hit {
                start: tok.start,
                end,
                kind: Kind::Account,
                confidence: 0.95,
            });
        }
    }
}

/// ISO 7064 MOD 97-10 on an IBAN (the first four characters moved to the end, letters as
/// 10–35, remainder 1). `chars` are ASCII digits and capitals.
fn mod97_ok(chars: &[u8]) -> bool {
    let (head, tail) = (chars.get(..4), chars.get(4..));
    let (Some(head), Some(tail)) = (head, tail) else {
        return false;
    };
    let mut r: u32 = 0;
    for &c in tail.iter().chain(head) {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r == 1
}

// ---------------------------------------------------------------------------------------
// E-mail, IP
// ---------------------------------------------------------------------------------------

/// The last token of an at sign starting at token `i`: `@`, or the written-out «(at)»,
/// «[at]», «(a)» that people use to hide an address from robots.
fn at_sign(cx: &Ctx, i: usize) -> Option<usize> {
    if cx.is(i, T::Punct('@')) {
        return Some(i);
    }
    let spelled = (cx.is(i, T::Punct('(')) && cx.is(i + 2, T::Punct(')')))
        || (cx.is(i, T::Punct('[')) && cx.is(i + 2, T::Punct(']')));
    (spelled && matches!(cx.low(i + 1), "at" | "a" | "alfa" | "krøllalfa")).then_some(i + 2)
}

/// A token that can be part of an e-mail's local part (besides its dots).
fn glued_to_email(cx: &Ctx, k: usize) -> bool {
    cx.is_word(k)
        || cx.is_digits(k)
        || matches!(cx.t(k), Some(T::Punct('_' | '-' | '+' | '%' | '\'')))
}

fn emails(cx: &Ctx, cands: &[usize], hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    for &i in cands {
        let Some(at_end) = at_sign(cx, i) else {
            continue;
        };
        let local_ok = |k: usize| glued_to_email(cx, k) || cx.is(k, T::Punct('.'));
        let mut a = i;
        while a > 0 && local_ok(a - 1) {
            a -= 1;
        }
        // A dot before the address is punctuation («se .kari@…»), not the local part's.
        while a < i && cx.is(a, T::Punct('.')) {
            a += 1;
        }
        let mut b = at_end + 1;
        while b < n
            && (cx.is_word(b)
                || cx.is_digits(b)
                || cx.is(b, T::Punct('.'))
                || cx.is(b, T::Punct('-')))
        {
            b += 1;
        }
        if a == i || b == at_end + 1 {
            spaced_email(cx, i, at_end, hits);
            continue;
        }
        let spelled = at_end != i;
        longest_email(cx, a, i, at_end, b, spelled, hits);
    }
}

/// The token ends a piece of an e-mail address: a dot, hyphen or other separator.
fn email_separator(cx: &Ctx, k: usize) -> bool {
    matches!(cx.t(k), Some(T::Punct('.' | '-' | '_' | '+' | '\'' | '%')))
}

/// The longest valid address in tokens `a..b` around the at sign `at..=at_end`, cut at
/// separators: the local part may start after one, the domain end before one. What is glued
/// to an address on either side («kari@f.no.20000000», «…@f.no-Nordmann»,
/// «Nordmann-kari@…») may make the whole invalid; once it was redacted, the rest would be
/// found. At most 4 starts and 16 ends are tried (a local part has at most 64 bytes and a
/// domain 253, RFC 5321 §4.5.3.1), so that glued runs cannot make this slow.
#[allow(clippy::too_many_arguments)]
fn longest_email(
    cx: &Ctx,
    a: usize,
    at: usize,
    at_end: usize,
    b: usize,
    spelled: bool,
    hits: &mut Vec<Hit>,
) {
    let (local_end, domain_start) = (cx.start(at), cx.end(at_end));
    let mut starts = 0;
    for s_tok in a..at {
        let start_ok = (s_tok == a || email_separator(cx, s_tok - 1))
            && !email_separator(cx, s_tok)
            && local_end - cx.start(s_tok) <= 64;
        if !start_ok {
            continue;
        }
        starts += 1;
        if starts > 4 {
            return;
        }
        // Ends (exclusive) from the whole run back to each separator, trailing separators
        // trimmed (a sentence's full stop).
        let (mut e_tok, mut ends) = (b, 0);
        loop {
            while e_tok > at_end + 1 && email_separator(cx, e_tok - 1) {
                e_tok -= 1;
            }
            if e_tok <= at_end + 1 || ends >= 16 {
                break;
            }
            let (s, e) = (cx.start(s_tok), cx.end(e_tok - 1));
            if e - domain_start <= 253 {
                ends += 1;
                let local = cx.text.get(s..local_end).unwrap_or("");
                let domain = cx.text.get(domain_start..e).unwrap_or("");
                let mut cand = String::with_capacity(local.len() + domain.len() + 1);
                cand.push_str(local);
                cand.push('@');
                cand.push_str(domain);
                // A spelled-out at sign needs a dotted domain («kari(at)gmail.com»).
                if ident::email::is_valid(&cand) && (!spelled || domain.contains('.')) {
                    hits.push(Hit {
                        start: s,
                        end: e,
                        kind: Kind::Email,
                        confidence: if spelled { 0.85 } else { 0.95 },
                    });
                    return;
                }
            }
            // Back to the separator before.
            e_tok -= 1;
            while e_tok > at_end + 1 && !email_separator(cx, e_tok) {
                e_tok -= 1;
            }
        }
    }
}

/// An e-mail address written with spaces around its dots and at sign, to get past filters:
/// «kari . nordmann @ gmail . com». Words joined by ` . `, ` @ ` (or a spelled at sign), and
/// a domain of at least two words joined by dots; the joined form must be a valid address.
fn spaced_email(cx: &Ctx, at: usize, at_end: usize, hits: &mut Vec<Hit>) {
    // Token `k` when it is a word or number, skipping one space token before it
    // (direction -1) or after it (+1).
    let part = |k: Option<usize>| k.filter(|&k| cx.is_word(k) || cx.is_digits(k));
    let step = |k: usize, back: bool| -> Option<usize> {
        let k = if back { k.checked_sub(1)? } else { k + 1 };
        if cx.is(k, T::Space) && cx.len(k) <= 2 {
            if back {
                k.checked_sub(1)
            } else {
                Some(k + 1)
            }
        } else {
            Some(k)
        }
    };
    let dot = |k: Option<usize>| k.filter(|&k| cx.is(k, T::Punct('.')));
    // Words joined by dots from the token next to `k`, walking back or forth (at most six).
    let chain = |k: usize, back: bool| -> Option<Vec<usize>> {
        let mut cur = part(step(k, back))?;
        let mut out = vec![cur];
        while out.len() < 6 {
            let Some(w) = dot(step(cur, back)).and_then(|d| part(step(d, back))) else {
                break;
            };
            out.push(w);
            cur = w;
        }
        Some(out)
    };
    // Local part: word (. word)* before the at sign; domain: word (. word)+ after it.
    let (Some(mut local), Some(domain)) = (chain(at, true), chain(at_end, false)) else {
        return;
    };
    let Some(&first) = local.last() else {
        return;
    };
    let before = at.checked_sub(1);
    let spaced = !before.is_some_and(|k| cx.is(k, T::Punct('.')))
        && (before.is_some_and(|k| cx.is(k, T::Space)) || cx.is(at_end + 1, T::Space));
    if domain.len() < 2 || !spaced {
        return;
    }
    // Whatever is glued to either end belongs to the address, as in the ordinary form
    // («01010000000tlf @ …»): redaction must not leave a piece that is found anew.
    let glued = |k: usize| glued_to_email(cx, k);
    let mut from = first;
    while from > 0 && glued(from - 1) {
        from -= 1;
    }
    local.reverse();
    let piece = |a: usize, b: usize| cx.text.get(cx.start(a)..cx.end(b)).unwrap_or("");
    let mut local_part = String::new();
    for (n, &k) in local.iter().enumerate() {
        if n > 0 {
            local_part.push('.');
        }
        local_part.push_str(if k == first {
            piece(from, first)
        } else {
            cx.s(k)
        });
    }
    // The longest valid address, as for the ordinary form: the domain is cut back word by
    // word (at least two) until the joined form is an address.
    let mut domain = domain.as_slice();
    while domain.len() >= 2 {
        let Some(&last) = domain.last() else { break };
        let mut to = last;
        while cx.is_word(to + 1) || cx.is_digits(to + 1) || cx.is(to + 1, T::Punct('-')) {
            to += 1;
        }
        let mut cand = local_part.clone();
        cand.push('@');
        for (n, &k) in domain.iter().enumerate() {
            if n > 0 {
                cand.push('.');
            }
            cand.push_str(if k == last { piece(last, to) } else { cx.s(k) });
        }
        if ident::email::is_valid(&cand) {
            hits.push(Hit {
                start: cx.start(from),
                end: cx.end(to),
                kind: Kind::Email,
                confidence: 0.8,
            });
            return;
        }
        domain = domain.get(..domain.len() - 1).unwrap_or_default();
    }
}

fn ip_addresses(cx: &Ctx, cands: &[usize], next: &mut usize, hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    for &i in cands {
        if i < *next || i + 6 > n || !cx.is_digits(i) {
            continue;
        }
        let octet = |k: usize| {
            cx.is_digits(k) && cx.len(k) <= 3 && cx.s(k).parse::<u16>().is_ok_and(|v| v <= 255)
        };
        let is_ip = octet(i)
            && (0..3).all(|k| cx.is(i + 1 + 2 * k, T::Punct('.')) && octet(i + 2 + 2 * k))
            && !i.checked_sub(1).is_some_and(|p| {
                matches!(
                    cx.t(p),
                    Some(T::Punct('.' | '-' | '/')) | Some(T::Digits) | Some(T::Word)
                )
            })
            && !matches!(
                cx.t(i + 7),
                Some(T::Punct('-' | '/')) | Some(T::Digits) | Some(T::Word)
            )
            && !(cx.is(i + 7, T::Punct('.')) && cx.is_digits(i + 8));
        if is_ip {
            hits.push(Hit {
                start: cx.start(i),
                end: cx.end(i + 6),
                kind: Kind::IpAddress,
                confidence: 0.8,
            });
            *next = i + 7;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------------------

const MONTHS: [&[&str]; 12] = [
    &["januar", "jan"],
    &["februar", "feb", "febr"],
    &["mars", "mar"],
    &["april", "apr"],
    &["mai"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["desember", "des"],
];

fn month_of(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// Parses a date starting at token `i`: `14.03.1974`, `14/3-74`, `14.3.74`, `1974-03-14`,
/// `140374`, `14031974`, `14. mars 1974`. Returns (day, month, year-or-2-digit, last token).
fn parse_date_at(cx: &Ctx, i: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    if !cx.is_digits(i) {
        return None;
    }
    let num = |k: usize| cx.s(k).parse::<u32>().ok();
    let sep = |k: usize| matches!(cx.t(k), Some(T::Punct('.' | '/' | '-')));
    let len = cx.len(i);
    // yyyy-mm-dd
    if len == 4 && sep(i + 1) && cx.is_digits(i + 2) && sep(i + 3) && cx.is_digits(i + 4) {
        let (y, m, d) = (num(i)?, num(i + 2)?, num(i + 4)?);
        return Some((d, m, i32::try_from(y).ok(), i + 4));
    }
    if len <= 2 {
        let d = num(i)?;
        // dd.mm.yy(yy), dd/mm-yy
        if sep(i + 1)
            && cx.is_digits(i + 2)
            && cx.len(i + 2) <= 2
            && sep(i + 3)
            && cx.is_digits(i + 4)
        {
            let (m, y) = (num(i + 2)?, num(i + 4)?);
            let yl = cx.len(i + 4);
            if yl == 2 || yl == 4 {
                let year = if yl == 4 { i32::try_from(y).ok() } else { None };
                return Some((d, m, year, i + 4));
            }
        }
        // 14. mars 1974 / 14 mars 1974
        let mut k = i + 1;
        if cx.is(k, T::Punct('.')) {
            k += 1;
        }
        k = cx.skip_space(k);
        if let Some(m) = month_of(cx.low(k)) {
            let mut y = cx.skip_space(k + 1);
            if cx.is(y, T::Punct('.')) {
                y = cx.skip_space(y + 1);
            }
            if cx.is_digits(y) && matches!(cx.len(y), 2 | 4) {
                let year = if cx.len(y) == 4 {
                    num(y).and_then(|v| i32::try_from(v).ok())
                } else {
                    None
                };
                return Some((d, m, year, y));
            }
            return Some((d, m, None, k));
        }
    }
    if len == 6 || len == 8 {
        let s = cx.s(i);
        let p = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
        let (d, m) = (p(0..2)?, p(2..4)?);
        let year = if len == 8 {
            p(4..8).and_then(|v| i32::try_from(v).ok())
        } else {
            None
        };
        return Some((d, m, year, i));
    }
    None
}

fn valid_day_month(d: u32, m: u32, year: Option<i32>) -> bool {
    (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, d).is_some()
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

fn is_birth_cue(cx: &Ctx, i: usize) -> bool {
    let f = cx.flags(i);
    if f & F_BIRTH != 0 {
        return !in_placeholder(cx, i);
    }
    // «f. 14.03.1974», «f.dato»: a lone f followed by a dot.
    f & F_BIRTH_F != 0
        && cx.is(i + 1, T::Punct('.'))
        && !i.checked_sub(1).is_some_and(|p| cx.is_word(p))
}

fn birth_dates(cx: &Ctx, cands: &[usize], patient: &PatientFacts, hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    for &i in cands {
        // With a cue word: any full date in the next few tokens.
        if is_birth_cue(cx, i) {
            let mut k = i + 1;
            let mut steps = 0;
            while k < n && steps < 8 {
                let skip = matches!(
                    cx.t(k),
                    Some(T::Space | T::Punct('.' | ':' | ',' | '(' | '/'))
                ) || matches!(
                    cx.low(k),
                    "den" | "d" | "er" | "var" | "dato" | "i" | "on" | "date" | "of" | "alder"
                );
                if !skip {
                    break;
                }
                k += 1;
                steps += 1;
            }
            if let Some((d, m, y, last)) = parse_date_at(cx, k) {
                // A bare year («født 1974», «født i 1974») is the birth year: allowed.
                if valid_day_month(d, m, y) {
                    hits.push(Hit {
                        start: cx.start(k),
                        end: cx.end(last),
                        kind: Kind::BirthDate,
                        confidence: 0.95,
                    });
                }
            }
        }
        // The patient's own birth date in any writing.
        if let Some(bd) = patient.birth_date {
            use chrono::Datelike;
            // What `parse_date_at` would take from this token must fit the date before it
            // is parsed: the year (yyyy-mm-dd), the day (d, dd) or the day's two digits
            // (ddmmyy, ddmmyyyy). Most numbers of a text are none of these.
            let s = cx.s(i);
            let fits = match s.len() {
                1 | 2 => s.parse::<u32>().is_ok_and(|d| d == bd.day()),
                4 => s.parse::<i32>().is_ok_and(|y| y == bd.year()),
                6 | 8 => s.get(..2).and_then(|d| d.parse::<u32>().ok()) == Some(bd.day()),
                _ => false,
            };
            if !fits {
                continue;
            }
            if let Some((d, m, y, last)) = parse_date_at(cx, i) {
                let year_matches = match y {
                    Some(y) => y == bd.year(),
                    None => {
                        // two-digit year
                        let yy = cx.s(last).parse::<i32>().ok();
                        yy.is_none_or(|yy| yy == bd.year() % 100) || cx.len(last) != 2
                    }
                };
                if d == bd.day()
                    && m == bd.month()
                    && year_matches
                    && (y.is_some() || cx.len(last) == 2 || cx.len(i) == 6)
                {
                    hits.push(Hit {
                        start: cx.start(i),
                        end: cx.end(last),
                        kind: Kind::BirthDate,
                        confidence: 0.9,
                    });
                }
            }
        }
    }
}

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

fn street_word(cx: &Ctx, i: usize) -> bool {
    cx.has(i, F_STREETY)
}

/// For [`Ctx::new`]: a capitalised word (`low`: its lower case) that ends like a street name
/// (`dot`: a '.' follows it, for the abbreviated endings). The word's last two bytes tell
/// which suffix lengths can end it (most words: none); one hash lookup per such length.
fn street_suffix(low: &str, dot: bool) -> bool {
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

fn house_number(cx: &Ctx, i: usize) -> Option<usize> {
    // «12», «12B», «12 B», «12-14»
    if !cx.is_digits(i) || cx.len(i) > 4 {
        return None;
    }
    let mut last = i;
    if cx.is_word(i + 1) && cx.len(i + 1) == 1 {
        last = i + 1;
    } else if (cx.is(i + 1, T::Space)
        && cx.is_word(i + 2)
        && cx.len(i + 2) == 1
        && cx.all_caps(i + 2))
        || (cx.is(i + 1, T::Punct('-')) && cx.is_digits(i + 2) && cx.len(i + 2) <= 4)
    {
        last = i + 2;
    }
    Some(last)
}

fn addresses(cx: &Ctx, cands: &[usize], hits: &mut Vec<Hit>) {
    let opens =
        F_STREETY | F_STREET_WORD | F_POSTCODE_LABEL | F_QUALIFIER | F_POSTBOX | F_RESIDENCE;
    for &i in cands {
        if cx.flags(i) & opens == 0 && !cx.is_digits(i) {
            continue;
        }
        // «Storgata 12», «Kongens gate 5B», «Ole Bulls plass 3».
        let mut start_tok = None;
        if street_word(cx, i) {
            start_tok = Some(i);
        } else if cx.has(i, F_STREET_WORD)
            && i >= 2
            && cx.is(i - 1, T::Space)
            && cx.capitalised(i - 2)
        {
            let mut s = i - 2;
            // Include one more capitalised word («Ole Bulls plass»).
            if s >= 2 && cx.is(s - 1, T::Space) && cx.capitalised(s - 2) {
                s -= 2;
            }
            start_tok = Some(s);
        }
        if let Some(mut s) = start_tok {
            // «Gamle Drammensvei», «Vestre Torggaten», «Dr. Holms vei»: a leading
            // qualifier or title is part of the street name.
            if let Some(p) = cx.prev_non_space(s) {
                let p = if cx.is(p, T::Punct('.')) {
                    p.saturating_sub(1)
                } else {
                    p
                };
                if cx.capitalised(p) && cx.has(p, F_STREET_PREFIX) {
                    s = p;
                }
            }
            let k = cx.skip_space(i + 1 + usize::from(cx.is(i + 1, T::Punct('.'))));
            if let Some(last) = house_number(cx, k) {
                let mut end = cx.end(last);
                // «, 5021 Bergen»
                let mut p = last + 1;
                if cx.is(p, T::Punct(',')) {
                    p += 1;
                }
                p = cx.skip_space(p);
                if cx.is_digits(p)
                    && cx.len(p) == 4
                    && cx.is(p + 1, T::Space)
                    && cx.capitalised(p + 2)
                {
                    end = cx.end(p + 2);
                }
                hits.push(Hit {
                    start: cx.start(s),
                    end,
                    kind: Kind::Address,
                    confidence: 0.85,
                });
            }
        }
        // «Postnummer 5007», «postnr. 5007»: a postcode after its label, place or not.
        if cx.has(i, F_POSTCODE_LABEL) {
            let k = cx.skip_space(i + 1 + usize::from(cx.is(i + 1, T::Punct('.'))));
            let k = if cx.is(k, T::Punct(':')) {
                cx.skip_space(k + 1)
            } else {
                k
            };
            if cx.is_digits(k) && cx.len(k) == 4 {
                hits.push(Hit {
                    start: cx.start(k),
                    end: cx.end(k),
                    kind: Kind::Address,
                    confidence: 0.8,
                });
            }
        }
        // «Nedre Ullevål 9»: a street qualifier, a capitalised name and a house number.
        if cx.capitalised(i)
            && cx.has(i, F_QUALIFIER)
            && !cx
                .s(i + 4)
                .parse::<u32>()
                .is_ok_and(|v| (1900..=2099).contains(&v))
            && cx.is(i + 1, T::Space)
            && cx.capitalised(i + 2)
            && cx.is(i + 3, T::Space)
        {
            if let Some(last) = house_number(cx, i + 4) {
                hits.push(Hit {
                    start: cx.start(i),
                    end: cx.end(last),
                    kind: Kind::Address,
                    confidence: 0.7,
                });
            }
        }
        // «Postboks 123»
        if cx.has(i, F_POSTBOX) {
            let k = cx.skip_space(i + 1 + usize::from(cx.is(i + 1, T::Punct('.'))));
            if cx.is_digits(k) {
                hits.push(Hit {
                    start: cx.start(i),
                    end: cx.end(k),
                    kind: Kind::Address,
                    confidence: 0.85,
                });
            }
        }
        // «5021 Bergen», «0150 OSLO»: four digits and a capitalised place.
        if cx.is_digits(i)
            && cx.len(i) == 4
            && cx.is(i + 1, T::Space)
            && cx.capitalised(i + 2)
            && cx.len(i + 2) >= 2
            && !cx.has(i + 2, F_UNIT)
        {
            let value = cx.s(i).parse::<u32>().unwrap_or(0);
            let yearish = (1900..=2099).contains(&value);
            let prev = i.checked_sub(1).map(|p| cx.t(p));
            let glued = matches!(
                prev,
                Some(Some(T::Word | T::Digits | T::Punct('.' | '-' | '/' | ':')))
            );
            let address_cue = address_context(cx, i);
            if !glued
                && !money_context(cx, i, i)
                && (!yearish || cx.all_caps(i + 2) || address_cue)
                && value >= 1
            {
                hits.push(Hit {
                    start: cx.start(i),
                    end: cx.end(i + 2),
                    kind: Kind::Address,
                    confidence: if address_cue { 0.85 } else { 0.7 },
                });
            }
        }
        // «bor i Fana», «bosatt på Nesttun», «adresse: Fjellveien»: a place named after a
        // residence cue (geographic units smaller than a region, BRIEF.md).
        // «bor på gården Nordre Haug i Vestre Toten»: a farm or holding word before the
        // name, and a place it lies in after it.
        if cx.has(i, F_RESIDENCE) {
            let mut k = cx.skip_space(i + 1);
            while let Some((p, e)) = residence_place(cx, k) {
                hits.push(Hit {
                    start: cx.start(p),
                    end: cx.end(e),
                    kind: Kind::Address,
                    confidence: 0.6,
                });
                k = cx.skip_space(e + 1);
            }
        }
    }
}

/// A place after «i»/«på» at token `k` (optionally behind a farm word such as «gården»):
/// the first and last token of its one or two capitalised words.
fn residence_place(cx: &Ctx, k: usize) -> Option<(usize, usize)> {
    if !matches!(cx.low(k), "i" | "på" | "paa") {
        return None;
    }
    let mut p = cx.skip_space(k + 1);
    if matches!(
        cx.low(p),
        "gården"
            | "garden"
            | "gardsbruket"
            | "gårdsbruket"
            | "bruket"
            | "småbruket"
            | "plassen"
            | "øya"
            | "øyen"
            | "holmen"
            | "bygda"
            | "grenda"
            | "tunet"
    ) {
        p = cx.skip_space(p + 1);
    }
    if !cx.capitalised(p) || matches!(cx.low(p), "norge" | "norway") {
        return None;
    }
    let e = if cx.is(p + 1, T::Space) && cx.capitalised(p + 2) {
        p + 2
    } else {
        p
    };
    Some((p, e))
}

fn address_context(cx: &Ctx, i: usize) -> bool {
    let from = i.saturating_sub(12);
    (from..i).any(|k| {
        matches!(
            cx.low(k),
            "adresse"
                | "adressen"
                | "bor"
                | "bosatt"
                | "postnummer"
                | "postnr"
                | "poststed"
                | "bustad"
        ) && !in_placeholder(cx, k)
            || street_word(cx, k)
    })
}

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

fn record_cue(w: &str) -> bool {
    lexicon().get(w) & F_RECORD != 0
}

fn record_numbers(cx: &Ctx, cands: &[usize], hits: &mut Vec<Hit>) {
    let n = cx.toks.len();
    let mut joined = String::new();
    for &i in cands {
        let mut cue = cx.has(i, F_RECORD) && !in_placeholder(cx, i);
        if !cue && !cx.is(i + 1, T::Punct('-')) {
            continue;
        }
        let mut k = i + 1;
        // «pasient-id», «journal-nr», «d-nummer», «EPJ-nummer»: the joined form first.
        if cx.is(i + 1, T::Punct('-')) && cx.is_word(i + 2) {
            joined.clear();
            joined.push_str(cx.low(i));
            joined.push_str(cx.low(i + 2));
            if record_cue(&joined)
                || matches!(joined.as_str(), "pasientid" | "journalnr" | "dnummer")
                || (cue && matches!(cx.low(i + 2), "nr" | "nummer" | "id" | "no"))
            {
                cue = true;
                k = i + 3;
            }
        }
        if !cue {
            continue;
        }
        // Skip «nr», «.», «:», spaces, «er».
        let mut steps = 0;
        while k < n && steps < 6 {
            let skip = matches!(cx.t(k), Some(T::Space | T::Punct('.' | ':' | '#')))
                || matches!(cx.low(k), "nr" | "er" | "no" | "number" | "nummer");
            if !skip {
                break;
            }
            k += 1;
            steps += 1;
        }
        let first = k;
        let mut digits = 0;
        while k < n
            && (cx.is_word(k)
                || cx.is_digits(k)
                || cx.is(k, T::Punct('-'))
                || cx.is(k, T::Punct('/')))
            && cx.end(k) - cx.start(first) <= 40
        {
            if cx.is_digits(k) {
                digits += cx.len(k);
            }
            k += 1;
            // A space inside a grouped number («12345 678»).
            if cx.is(k, T::Space) && cx.is_digits(k + 1) && cx.is_digits(k - 1) {
                k += 1;
            }
        }
        if k > first && digits >= 3 {
            hits.push(Hit {
                start: cx.start(first),
                end: cx.end(k - 1),
                kind: Kind::RecordNumber,
                confidence: 0.85,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Detectors = Detectors {
        all: true,
        literature_only: false,
    };

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        detect(text, ALL, &PatientFacts::default())
            .into_iter()
            .map(|h| (h.kind, text.get(h.start..h.end).unwrap_or("")))
            .collect()
    }

    #[test]
    fn national_ids_in_every_grouping() {
        // python-stdnum tests/test_no_fodselsnummer.doctest: 26111593816 is valid.
        for t in [
            "26111593816",
            "261115 93816",
            "26.11.15 938 16",
            "261115-93816",
            "26 11 15 938 16",
            "261115\n93816",
        ] {
            let text = format!("Pasienten (fnr {t}) kom inn.");
            let k = kinds(&text);
            assert_eq!(k.len(), 1, "{t}: {k:?}");
            assert_eq!(k[0].0, Kind::NationalId, "{t}");
            assert_eq!(k[0].1.chars().filter(char::is_ascii_digit).count(), 11);
        }
    }

    #[test]
    fn mistyped_number_with_plausible_date_is_possible() {
        // 26111593817: bad K2 (python-stdnum).
        assert_eq!(
            kinds("ref 26111593817 ."),
            vec![(Kind::PossibleNationalId, "26111593817")]
        );
        // Implausible date prefix: not reported.
        assert!(kinds("ordre 99999999999").is_empty());
        // Amount grouping: not reported.
        assert!(kinds("kr 12 345 678 901").is_empty());
    }

    #[test]
    fn phones() {
        for t in [
            "tlf 912 34 567",
            "+47 91234567",
            "0047 22 12 34 56",
            "mobil: 91 23 45 67",
            "ring 4444 5555",
        ] {
            let k = kinds(t);
            assert_eq!(k.len(), 1, "{t}: {k:?}");
            assert_eq!(k[0].0, Kind::Phone, "{t}");
        }
        assert_eq!(
            kinds("+47 912 34 567").first().map(|x| x.1),
            Some("+47 912 34 567")
        );
        // Amounts, dates and lab values are not phone numbers.
        for t in [
            "kr 12 345 678",
            "14.03.2024",
            "12345678 kr",
            "Hb 12.3",
            "dato 14032024",
            "12 345 678,-",
        ] {
            assert!(
                kinds(t).iter().all(|x| x.0 != Kind::Phone),
                "{t}: {:?}",
                kinds(t)
            );
        }
    }

    #[test]
    fn emails_and_ips() {
        assert_eq!(
            kinds("skriv til kari.nordmann@example.no."),
            vec![(Kind::Email, "kari.nordmann@example.no")]
        );
        assert_eq!(
            kinds("logget fra 192.168.10.23 i går"),
            vec![(Kind::IpAddress, "192.168.10.23")]
        );
        // A dot before the address is not its local part's.
        assert_eq!(
            kinds("se .kari@example.no"),
            vec![(Kind::Email, "kari@example.no")]
        );
        // A domain that runs on into a number is cut back to the address in it.
        assert_eq!(
            kinds("kari@example.no.20000000 x").first(),
            Some(&(Kind::Email, "kari@example.no"))
        );
        // A label or local part too long to be one (over 63 or 64 bytes): the address
        // is what is left once it is cut off at a separator.
        let long = "x".repeat(70);
        let glued = format!("kari@example.no-{long} og {long}-ola@example.no");
        assert_eq!(
            kinds(&glued),
            vec![
                (Kind::Email, "kari@example.no"),
                (Kind::Email, "ola@example.no")
            ]
        );
        // Document ids and versions are not IP addresses.
        assert!(kinds("prosedyre 1.2.2.5-16 gjelder").is_empty());
    }

    #[test]
    fn emails_written_with_spaces() {
        for (t, want) in [
            (
                "E-post: kari . nordmann @ gmail . com (med mellomrom)",
                "kari . nordmann @ gmail . com",
            ),
            ("svar til ola @ online.no i dag", "ola @ online.no"),
            (
                "skriv kari.nordmann @ example . no.",
                "kari.nordmann @ example . no",
            ),
            ("skriv til ola (at) online . no", "ola (at) online . no"),
        ] {
            assert_eq!(kinds(t), vec![(Kind::Email, want)], "{t}");
        }
        // An at sign between words that do not make an address with a dotted domain.
        for t in [
            "møte kl. 10 @ avdelingen",
            "pris 5 @ 3 . 2 mg",
            "Hb 12 . 3 @ 08 . 00",
            "se @ over",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn residence_with_farm_and_municipality() {
        assert_eq!(
            kinds("Bor på gården Nordre Haug i Vestre Toten."),
            vec![
                (Kind::Address, "Nordre Haug"),
                (Kind::Address, "Vestre Toten")
            ]
        );
        assert_eq!(kinds("bor i Fana i 20 år"), vec![(Kind::Address, "Fana")]);
        assert_eq!(
            kinds("bosatt i Bergen i Norge"),
            vec![(Kind::Address, "Bergen")]
        );
        // The cue is needed: a farm named without one is not an address.
        assert!(kinds("på gården ble det brukt").is_empty());
    }

    #[test]
    fn birth_dates_need_a_cue_or_the_patients_date() {
        for t in [
            "født 14.03.1974",
            "f. 14/3-74",
            "fødselsdato: 1974-03-14",
            "født den 14. mars 1974",
            "f. 140374",
        ] {
            let k = kinds(t);
            assert_eq!(
                k.iter().map(|x| x.0).collect::<Vec<_>>(),
                vec![Kind::BirthDate],
                "{t}"
            );
        }
        // The birth year alone is allowed; event dates are allowed.
        assert!(kinds("født 1974").is_empty());
        assert!(kinds("født i 1974, behandling startet 12.03.2024").is_empty());
        let facts = PatientFacts {
            birth_date: NaiveDate::from_ymd_opt(1974, 3, 14),
        };
        let h = detect("Kontroll 14.03.1974 og 15.03.2024", ALL, &facts);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].kind, Kind::BirthDate);
    }

    #[test]
    fn words_whose_lower_case_is_shorter_are_looked_up_in_lower_case() {
        // ẞ (3 bytes) lower-cases to ß (2), İ (2) to i (1): such a word's lower case is
        // kept beside the text's; the street ending, the capital and the offsets still hold.
        for street in ["ẞtorgata", "İnnergata", "Storgata"] {
            let text = format!("Hun bor i {street} 12B, 5021 Bergen. NPR-ID: 12ab");
            assert_eq!(
                kinds(&text).first().map(|x| (x.0, x.1.to_owned())),
                Some((Kind::Address, format!("{street} 12B, 5021 Bergen"))),
                "{street}"
            );
        }
        // Ø in capitals lower-cases to ø (as long): «FØDT» is the cue «født».
        assert_eq!(
            kinds("Pasienten er FØDT 14.03.1974."),
            [(Kind::BirthDate, "14.03.1974")]
        );
        let cx = Ctx::new("ẞTRASSE og İZMIR, Storgt. 5 FØDT");
        let lows: Vec<&str> = (0..cx.toks.len())
            .filter(|&i| cx.is_word(i))
            .map(|i| cx.low(i))
            .collect();
        assert_eq!(lows, ["ßtrasse", "og", "izmir", "storgt", "født"]);
    }

    #[test]
    fn addresses_and_postcodes() {
        assert_eq!(
            kinds("Hun bor i Storgata 12B, 5021 Bergen.")
                .first()
                .map(|x| (x.0, x.1)),
            Some((Kind::Address, "Storgata 12B, 5021 Bergen"))
        );
        assert_eq!(
            kinds("adresse Kongens gate 5").first().map(|x| x.1),
            Some("Kongens gate 5")
        );
        assert_eq!(
            kinds("Postboks 1400").first().map(|x| x.0),
            Some(Kind::Address)
        );
        assert_eq!(
            kinds("sendt til 0150 OSLO").first().map(|x| x.0),
            Some(Kind::Address)
        );
        // Doses and years are not postcodes.
        assert!(kinds("4000 mg daglig. I 2024 Pasienten")
            .iter()
            .all(|x| x.0 != Kind::Address));
    }

    #[test]
    fn record_numbers_after_cues() {
        assert_eq!(
            kinds("journalnr. 123456").first().map(|x| (x.0, x.1)),
            Some((Kind::RecordNumber, "123456"))
        );
        assert_eq!(
            kinds("Pasient-ID: AB-778899").first().map(|x| x.1),
            Some("AB-778899")
        );
        assert!(kinds("journalnotat fra 2023").is_empty());
    }

    #[test]
    fn allowed_items_survive() {
        for t in [
            "NPR-ID: 12345678",
            "NPR-ID 4f1c2a9e-77b0-4a8e-9d33-123456789abc",
            "ID2023_013",
            "NCT01234567",
            "PMID: 33306283",
            "https://doi.org/10.1056/NEJMoa2034577",
            "10.1016/S0140-6736(20)30183-5",
            "ATC L01FF02, ICD-10 C34.1",
            "Dosering 200 mg hver 3. uke, kreatinin 85 µmol/L",
            "kr 125 000 per måned",
            "behandling startet 12.03.2024",
            "org.nr. 983 974 724",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
        }
        // A national ID is never allowed, not even after an NPR label.
        assert_eq!(
            kinds("NPR-ID: 26111593816").first().map(|x| x.0),
            Some(Kind::NationalId)
        );
    }

    #[test]
    fn ibans_compact_grouped_and_foreign() {
        // SWIFT IBAN Registry examples: Norway NO9386011117947, Germany DE89370400440532013000.
        for t in [
            "IBAN NO93 8601 1117 947 oppgitt",
            "IBAN: NO9386011117947.",
            "konto DE89 3704 0044 0532 0130 00 i Tyskland",
        ] {
            let k = kinds(t);
            assert_eq!(k.len(), 1, "{t}: {k:?}");
            assert_eq!(k[0].0, Kind::Account, "{t}");
            assert!(
                k[0].1.ends_with(['7', '0']) && k[0].1.len() >= 15,
                "{t}: {k:?}"
            );
        }
        // A wrong check digit is no IBAN (and the account inside fails mod 11 too).
        assert!(kinds("NO94 8601 1117 948")
            .iter()
            .all(|x| x.0 != Kind::Account));
    }

    #[test]
    fn phone_edge_cases() {
        assert_eq!(
            kinds("Kontakt: +4791234567").first().map(|x| x.1),
            Some("+4791234567")
        );
        assert_eq!(
            kinds("Ring 912\n34 567 etter kl 16").first().map(|x| x.0),
            Some(Kind::Phone)
        );
        assert_eq!(
            kinds("Tlf. 912.34.567").first().map(|x| x.0),
            Some(Kind::Phone)
        );
        assert_eq!(
            kinds("Tlf. +47-912-34-567").first().map(|x| x.1),
            Some("+47-912-34-567")
        );
        // Without a cue, line breaks and dots do not make a phone number; a date never.
        assert!(kinds("912\n34 567").is_empty());
        assert!(kinds("Kontakt 22.03.2024 om svar").is_empty());
        // 8 digits inside an 11-digit number with a plausible date are part of it
        // (python-stdnum: 26111593817 has a bad K2): one possible ID, no phone.
        assert_eq!(
            kinds("ref 2611 1593 817 her")
                .iter()
                .map(|x| x.0)
                .collect::<Vec<_>>(),
            vec![Kind::PossibleNationalId]
        );
    }

    #[test]
    fn possible_ids_in_links_and_with_a_slash() {
        // 26111593817: python-stdnum's bad-K2 example.
        let k = kinds("https://dips.example.no/pasient?fnr=26111593817&vis=1");
        assert_eq!(
            k.iter().map(|x| x.1).collect::<Vec<_>>(),
            vec!["26111593817"]
        );
        assert_eq!(
            kinds("saken 261115/93817 ble").first().map(|x| x.0),
            Some(Kind::PossibleNationalId)
        );
        // Other numbers in links stay allowed.
        assert!(kinds("https://pubmed.ncbi.nlm.nih.gov/38197815/").is_empty());
    }

    #[test]
    fn address_edge_cases() {
        // Participles ending in -gt and units are not streets or places.
        assert!(kinds("Innlagt 14.03.2024 kl. 10:45.").is_empty());
        assert!(kinds("5000 IE dalteparin").is_empty());
        assert_eq!(
            kinds("Adresse: Storgt. 15").first().map(|x| x.1),
            Some("Storgt. 15")
        );
        assert_eq!(
            kinds("Adresse Gamle Drammensvei 110").first().map(|x| x.1),
            Some("Gamle Drammensvei 110")
        );
        assert_eq!(
            kinds("Adresse: Nedre Ullevål 9").first().map(|x| x.1),
            Some("Nedre Ullevål 9")
        );
        assert_eq!(kinds("Postnummer 5007").first().map(|x| x.1), Some("5007"));
        assert!(kinds("Nedre Eiker 2024 har en ordning").is_empty());
    }

    #[test]
    fn spelled_at_signs_and_joined_record_cues() {
        assert_eq!(
            kinds("Kontakt kari(at)gmail.com i dag")
                .first()
                .map(|x| (x.0, x.1)),
            Some((Kind::Email, "kari(at)gmail.com"))
        );
        assert!(kinds("Svar sendt (a) til fastlege").is_empty());
        assert_eq!(
            kinds("Journal-nr: 334455").first().map(|x| (x.0, x.1)),
            Some((Kind::RecordNumber, "334455"))
        );
    }

    #[test]
    fn birthday_and_age_labels() {
        assert_eq!(
            kinds("Fødselsdato/alder: 14.03.1974 (50 år)")
                .first()
                .map(|x| x.1),
            Some("14.03.1974")
        );
        assert_eq!(
            kinds("Bursdag 14. mars").first().map(|x| x.0),
            Some(Kind::BirthDate)
        );
    }

    /// The eight-bytes-at-a-time word end agrees with a letter-by-letter walk: every
    /// ASCII byte and some non-ASCII letters and non-letters, at every place of a word
    /// longer and shorter than eight bytes.
    /// [`resolve_overlaps`] as it was before groups: every finding at once, as one group.
    fn resolve_all_at_once(hits: Vec<Hit>) -> Vec<Hit> {
        let all: Vec<(Hit, usize)> = hits.into_iter().zip(0..).collect();
        let mut out = Vec::new();
        if !all.is_empty() {
            resolve_group(&all, &mut out);
        }
        out
    }

    #[test]
    fn groups_resolve_as_all_at_once() {
        let kinds = [
            Kind::NationalId,
            Kind::PossibleNationalId,
            Kind::Phone,
            Kind::Email,
            Kind::Address,
            Kind::Name,
            Kind::BirthDate,
        ];
        let mut rnd = crate::privacy::testing::rng(0x1234_5678_9ABC_DEF1);
        let mut overlapping = 0;
        for _ in 0..20_000 {
            // Few findings on a short stretch: many overlap, some are empty, some share a
            // start, ties in confidence and length are common.
            let n = rnd(9);
            let span = 1 + rnd(60);
            let hits: Vec<Hit> = (0..n)
                .map(|_| {
                    let start = rnd(span);
                    Hit {
                        start,
                        end: start + rnd(12),
                        kind: kinds[rnd(kinds.len())],
                        confidence: [0.6, 0.9, 1.0][rnd(3)],
                    }
                })
                .collect();
            let once = resolve_all_at_once(hits.clone());
            overlapping += usize::from(once.len() < hits.len());
            assert_eq!(resolve_overlaps(hits.clone()), once, "{hits:?}");
        }
        assert!(overlapping > 5_000, "{overlapping}");
    }

    #[test]
    fn word_end_agrees_with_a_walk() {
        let reference = |text: &str, from: usize| -> (usize, u8) {
            let mut seen = 0;
            let mut end = from;
            for c in text.get(from..).unwrap_or("").chars() {
                if !c.is_alphabetic() {
                    break;
                }
                seen |= if c.is_ascii() {
                    u8::from(c.is_ascii_uppercase()) * W_UPPER
                } else {
                    W_HIGH
                };
                end += c.len_utf8();
            }
            (end, seen)
        };
        let mut inserts: Vec<String> = (0u8..128).map(|b| char::from(b).to_string()).collect();
        inserts.extend(["æ", "Ø", "×", "÷", "é", "ß", "\u{2019}", "€", "ж"].map(String::from));
        let mut checked = 0;
        for base in ["abcdefghijklmnopqr", "ABCDEFGHIJKLMNOPQR", "xY"] {
            for at in 0..=base.len() {
                for ins in &inserts {
                    let text = format!("{}{ins}{}", &base[..at], &base[at..]);
                    let got = word_end(&text, text.as_bytes(), 1);
                    assert_eq!(got, reference(&text, 1), "{text:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 4000, "{checked}");
    }
}
