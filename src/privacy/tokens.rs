//! The scanner's one tokenizer: one linear pass splits a (normalised) text into words, digit
//! runs, spaces, line breaks and punctuation, each token with what the word lists know of it
//! ([`crate::lexicon`]), and the lower case of every word. The detectors
//! ([`super::detect`]) and the name finder ([`super::names`]) share the result,
//! `Tokens`. No regular expression and no backtracking: time is linear in the input.

use super::pool;
use crate::lexicon::detector_words::{
    ends_like_street_name, scan_lexicon, F_CONTEXT_ONLY, F_DIGIT_WORD, F_NAMES, F_STREET_PREFIX,
    F_UNIT,
};
use std::cell::Cell;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokenClass {
    Word,
    Digits,
    Space,
    Newline,
    Punct(char),
}

/// One token: 16 bytes, so that a long text's tokens stay small in the cache. A token ends
/// where the next one starts ([`Tokens::end`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    /// What the lexicon knows of a word ([`scan_lexicon`]), plus [`F_CAP`], [`F_STREETY`] and
    /// [`F_PLAIN`].
    flags: u32,
    /// The token's [`TokenClass`] ([`Token::tag_of`]).
    tag: u32,
}

impl Token {
    /// 0–3 for a word, digits, space, line break; a punctuation character's code point + 4.
    const fn tag_of(t: TokenClass) -> u32 {
        match t {
            TokenClass::Word => 0,
            TokenClass::Digits => 1,
            TokenClass::Space => 2,
            TokenClass::Newline => 3,
            TokenClass::Punct(c) => c as u32 + 4,
        }
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn t(&self) -> TokenClass {
        match self.tag {
            0 => TokenClass::Word,
            1 => TokenClass::Digits,
            2 => TokenClass::Space,
            3 => TokenClass::Newline,
            p => TokenClass::Punct(char::from_u32(p - 4).unwrap_or('\u{FFFD}')),
        }
    }
}

/// A word for [`super::names`] ([`Tokens::name_words`]).
#[derive(Clone, Copy)]
pub(crate) struct NameWord {
    /// The index of its first token.
    pub(crate) tok: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Starts with a capital letter.
    pub(crate) cap: bool,
    /// Lower-case ASCII letters and hyphens only.
    pub(crate) plain: bool,
    /// More than one token: letters joined over a hyphen or an apostrophe.
    pub(crate) joined: bool,
    /// The lexicon flags of its first token: for a plain word that is not joined, its
    /// name-list flags are `lex >> NAME_SHIFT` ([`scan_lexicon`]).
    pub(crate) lex: u32,
}

impl NameWord {
    /// One token of ASCII letters: its lower case is [`Tokens::lower_of`] its range.
    pub(crate) fn ascii(&self) -> bool {
        !self.joined && self.lex & F_HIGH == 0
    }
}

/// Set per token, not in the lexicon: the word has a letter outside ASCII,
const F_HIGH: u32 = 1 << 28;
/// is lower-case ASCII,
const F_PLAIN: u32 = 1 << 29;
/// starts with a capital letter,
const F_CAP: u32 = 1 << 30;
/// and is a capitalised street name («Storgata», «Storgt.»).
pub(super) const F_STREETY: u32 = 1 << 31;
/// An ASCII capital after the first letter («KariNordmann», «iPad»).
const F_INNER_CAP: u32 = (W_INNER as u32) << 25;

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
    is_letter(c).then(|| c.len_utf8())
}

/// A letter beyond ASCII, a combining mark (U+0300–U+036F: text in NFD, «Nguye\u{302}\u{303}n»
/// is one word), or a squared or circled letter (🅺, 🄺, 🇰: symbols to Unicode, letters to a
/// reader).
fn is_letter(c: char) -> bool {
    c.is_alphabetic()
        || ('\u{300}'..='\u{36F}').contains(&c)
        || crate::lexicon::lookalike::is_symbol_letter(c)
}

/// The most bytes a markup tag between two digit groups may take.
const MAX_TAG: usize = 64;

/// A markup tag at byte `at` (a '<') of a text: `<b>`, `</span>`, `<br/>`, `<font size="2">`. The
/// byte after its '>'.
pub(crate) fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'<') {
        return None;
    }
    let mut i = at + 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
    {
        i += 1;
    }
    if !matches!(bytes.get(i), Some(b'>' | b'/' | b' ')) {
        return None;
    }
    while i - at <= MAX_TAG {
        match *bytes.get(i)? {
            b'>' => return Some(i + 1),
            b'<' | b'\n' => return None,
            _ => i += 1,
        }
    }
    None
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

// Evaluated at compile time: an index out of bounds here is a build error, not a panic.
#[allow(clippy::indexing_slicing)]
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
    // Every `u8` is an index of the table: the compiler removes the check and the default.
    CLASS.get(usize::from(b)).copied().unwrap_or(C_PUNCT)
}

/// What [`word_end`] saw of a word.
const W_UPPER: u8 = 1; // an ASCII capital
const W_HIGH: u8 = 2; // a letter outside ASCII
const W_INNER: u8 = 4; // an ASCII capital after the first letter («KariNordmann»)

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
/// none before it reaches it: [`super::windows`] cuts long texts there.
fn tokenize(
    text: &str,
    range: std::ops::Range<usize>,
    mut toks: Vec<Token>,
    mut each: impl FnMut(usize, &mut Token, TokenClass, usize, Option<u8>),
) -> Vec<Token> {
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
            seen = Some(s | (u8::from(b < b'a') * W_UPPER) | ((s & W_UPPER) << 2));
            TokenClass::Word
        } else if c & C_SPACE != 0 {
            i = run_end(bytes, i + 1, C_SPACE);
            TokenClass::Space
        } else if c & C_PUNCT != 0 {
            i += 1;
            TokenClass::Punct(char::from(b))
        } else if c & C_DIGIT != 0 {
            i = run_end(bytes, i + 1, C_DIGIT);
            TokenClass::Digits
        } else if c & C_NEWLINE != 0 {
            i = run_end(bytes, i + 1, C_NEWLINE);
            TokenClass::Newline
        } else if let Some(len) = letter_at(text, bytes, i) {
            let (end, s) = word_end(text, bytes, i + len);
            i = end;
            seen = Some(s | W_HIGH | ((s & W_UPPER) << 2));
            TokenClass::Word
        } else {
            let c = text.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                TokenClass::Space
            } else {
                TokenClass::Punct(c)
            }
        };
        let mut tok = Token {
            start,
            flags: 0,
            tag: Token::tag_of(t),
        };
        each(toks.len(), &mut tok, t, i, seen);
        toks.push(tok);
    }
    toks
}

/// The scanner's view of a text: its tokens with what the word lists know of them, shared
/// by the detectors here and by [`super::names`].
pub(crate) struct Tokens<'a> {
    pub(super) text: &'a str,
    pub(super) toks: Vec<Token>,
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
    pub(super) interesting: Vec<usize>,
    /// Indices of the word tokens, for [`Tokens::name_words`].
    words: Vec<usize>,
    /// The digit chains that part 1's number may be near, as the detectors of numbers found
    /// them (`detect::national_id`), for the detector of part 1's number to look at again
    /// without walking every chain twice: `None` until they are known.
    pub(super) long_chains: Cell<Option<Vec<(usize, bool)>>>,
}

thread_local! {
    static TOKS: Cell<Vec<Token>> = const { Cell::new(Vec::new()) };
    static LOWER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    static INTERESTING: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
    static WORDS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
}

/// The buffers go back to the pool for the next scan ([`pool`]).
impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        pool::give(&TOKS, std::mem::take(&mut self.toks));
        pool::give_wiped(&LOWER, std::mem::take(&mut self.lower).into_bytes());
        pool::give(&INTERESTING, std::mem::take(&mut self.interesting));
        pool::give(&WORDS, std::mem::take(&mut self.words));
    }
}

/// The buffers [`Tokenized::tokenize`] fills: tokens, candidates, words.
type Bufs = (Vec<Token>, Vec<usize>, Vec<usize>);

/// What tokenising a text gives ([`Tokens::new`]).
struct Tokenized {
    toks: Vec<Token>,
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

impl Tokenized {
    /// Tokenises `text[range]` with the lexicon's flags, `lower` being the text with ASCII
    /// lower-cased.
    fn tokenize(
        text: &str,
        range: std::ops::Range<usize>,
        lower: &str,
        (toks, mut interesting, mut words): Bufs,
    ) -> Tokenized {
        let bytes = text.as_bytes();
        let mut odd = Vec::new();
        let mut odd_buf = String::new();
        let mut fixes = Vec::new();
        let mut scratch = String::new();
        let lex = scan_lexicon();
        // The last word was a digit word («ni», «en»): the second of two in a row is where
        // the detector of numbers in words starts.
        let mut after_digit_word = false;
        let toks = tokenize(text, range, toks, |n, tok, t, end, seen| {
            let Some(seen) = seen else {
                let hexish =
                    |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_hexdigit() || *b == b':');
                if matches!(
                    t,
                    TokenClass::Digits | TokenClass::Punct('@' | '(' | '[' | '{' | '<')
                ) || (t == TokenClass::Punct(':')
                    // A colon between hex digits or colons: an IPv6 address may be here.
                    && hexish(bytes.get(end))
                    && tok.start.checked_sub(1).is_some_and(|p| hexish(bytes.get(p))))
                {
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
                scratch.extend(w.chars().map(crate::letter_case::lower_char));
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
            if flags & F_CAP != 0 && ends_like_street_name(low, bytes.get(end) == Some(&b'.')) {
                flags |= F_STREETY;
            }
            // Units, street prefixes, digit words, «at» and age words are context for other
            // tokens' detectors; they open none.
            let digit_word = flags & F_DIGIT_WORD != 0;
            let yes = flags
                & !(F_CAP | F_HIGH | F_NAMES | F_UNIT | F_STREET_PREFIX | F_CONTEXT_ONLY)
                != 0
                || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
                || (bytes.get(end) == Some(&b'-') && letter_at(text, bytes, end + 1).is_some())
                || (digit_word && after_digit_word);
            after_digit_word = digit_word;
            // W_INNER (4) << 25 is F_INNER_CAP: no branch.
            tok.flags |= flags | (u32::from(seen & W_INNER) << 25);
            if yes {
                interesting.push(n);
            }
        });
        Tokenized {
            toks,
            interesting,
            words,
            odd,
            odd_buf,
            fixes,
        }
    }
}

// The accessors are `#[inline]` natively: the detectors call them from their own modules,
// which are other codegen units, where ThinLTO left some of them as calls (counted with
// callgrind). The wasm package is one codegen unit; there LLVM decides alone, as before.
impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Tokens<'a> {
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
        let part = Tokenized::tokenize(text, 0..text.len(), &lower, bufs);
        Tokens::of(text, lower, part)
    }

    /// The context of `text` from its tokens (`part`, the whole text's) and `lower`, its
    /// ASCII lower case (the other words' lower case is written in here).
    fn of(text: &'a str, mut lower: String, part: Tokenized) -> Tokens<'a> {
        for &(start, a, b) in &part.fixes {
            let end = start + (b - a);
            if let Some(low) = part.odd_buf.get(a..b) {
                if lower.is_char_boundary(start) && lower.is_char_boundary(end) {
                    lower.replace_range(start..end, low);
                }
            }
        }
        Tokens {
            text,
            toks: part.toks,
            lower,
            odd: part.odd,
            odd_buf: part.odd_buf,
            interesting: part.interesting,
            words: part.words,
            long_chains: Cell::new(None),
        }
    }
    /// The text's words as [`super::names`] sees them: letters joined over inner hyphens
    /// and apostrophes («Anne-Marie», «O'Brien»), with their start, end, whether they start
    /// with a capital and whether they are plain lower-case ASCII (hyphens allowed).
    pub(crate) fn name_words(&self) -> impl Iterator<Item = NameWord> + '_ {
        const HYPHEN: u32 = Token::tag_of(TokenClass::Punct('-'));
        const APOSTROPHE: u32 = Token::tag_of(TokenClass::Punct('\''));
        const QUOTE: u32 = Token::tag_of(TokenClass::Punct('\u{2019}'));
        const WORD: u32 = Token::tag_of(TokenClass::Word);
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
                tok: i,
                start: first.start,
                end,
                cap: first.flags & F_CAP != 0,
                plain,
                joined: j > i + 1,
                lex: first.flags,
            });
        })
    }
    /// The word tokens of a name word ([`Tokens::name_words`]) whose first token is `tok` and
    /// which ends at byte `end`: one, or those joined over hyphens and apostrophes
    /// («Anne», «Marie» of «Anne-Marie»), in order.
    pub(super) fn word_tokens(&self, tok: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        (tok..)
            .take_while(move |&k| k < self.toks.len() && self.start(k) < end)
            .filter(move |&k| self.is_word(k))
    }
    /// Token `i` is a word with an ASCII capital after its first letter («KariNordmann»).
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn inner_capital(&self, i: usize) -> bool {
        self.has(i, F_INNER_CAP)
    }
    /// The text the tokens were taken from.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }
    /// The lower case of `text[start..end]`, where that is a word of ASCII letters
    /// ([`NameWord::ascii`]).
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(crate) fn lower_of(&self, start: usize, end: usize) -> &str {
        self.lower.get(start..end).unwrap_or("")
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn t(&self, i: usize) -> Option<TokenClass> {
        self.toks.get(i).map(Token::t)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn s(&self, i: usize) -> &'a str {
        self.text.get(self.start(i)..self.end(i)).unwrap_or("")
    }
    /// A word's lower case (other tokens as they are).
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn low(&self, i: usize) -> &str {
        if !self.odd.is_empty() {
            if let Ok(k) = self.odd.binary_search_by_key(&i, |o| o.0) {
                let (_, a, b) = self.odd.get(k).copied().unwrap_or_default();
                return self.odd_buf.get(a..b).unwrap_or("");
            }
        }
        self.lower.get(self.start(i)..self.end(i)).unwrap_or("")
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn is(&self, i: usize, t: TokenClass) -> bool {
        self.tok(i).is_some_and(|x| x.tag == Token::tag_of(t))
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.is(i, TokenClass::Word)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn is_digits(&self, i: usize) -> bool {
        self.is(i, TokenClass::Digits)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn len(&self, i: usize) -> usize {
        self.end(i) - self.start(i)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.has(i, F_CAP)
    }
    /// `true` if token `i` has any of the lexicon `flags`.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn has(&self, i: usize, flags: u32) -> bool {
        self.tok(i).is_some_and(|t| t.flags & flags != 0)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn flags(&self, i: usize) -> u32 {
        self.tok(i).map_or(0, |t| t.flags)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn all_caps(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().all(char::is_uppercase)
    }
    /// Next index after spaces.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn skip_space(&self, mut i: usize) -> usize {
        while self.is(i, TokenClass::Space) {
            i += 1;
        }
        i
    }
    /// Previous non-space index before `i`.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn prev_non_space(&self, i: usize) -> Option<usize> {
        let mut j = i.checked_sub(1)?;
        while self.is(j, TokenClass::Space) {
            j = j.checked_sub(1)?;
        }
        Some(j)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn start(&self, i: usize) -> usize {
        self.tok(i).map_or(self.text.len(), |t| t.start)
    }
    /// Where token `i` ends: where the next one starts.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn end(&self, i: usize) -> usize {
        self.tok(i + 1).map_or(self.text.len(), |t| t.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-bytes-at-a-time word end agrees with a letter-by-letter walk: every
    /// ASCII byte and some non-ASCII letters and non-letters, at every place of a word
    /// longer and shorter than eight bytes.
    #[test]
    fn word_end_agrees_with_a_walk() {
        let reference = |text: &str, from: usize| -> (usize, u8) {
            let mut seen = 0;
            let mut end = from;
            for c in text.get(from..).unwrap_or("").chars() {
                if !is_letter(c) {
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
        inserts.extend(
            [
                "æ", "Ø", "×", "÷", "é", "ß", "\u{2019}", "€", "ж", "\u{303}", "ễ",
            ]
            .map(String::from),
        );
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
