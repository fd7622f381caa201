//! The patient's own name, known from part 1: its parts in any order, case-insensitively,
//! with a genitive `s`, æøå-tolerant, and its initials next to a part or as a dotted run.

use super::disguised::{spell, Spelled};
use super::words::{gap, tokenize, Keep, KeyedWord};
use super::{NameHit, NameReason};
use crate::lexicon::is_common_word;
use crate::lexicon::names::key;
use crate::privacy::normalize::normalize;
use crate::privacy::pool;
use crate::privacy::tokens::Tokens;
use std::cell::Cell;

thread_local! {
    static MATCHED: Cell<Vec<Option<f32>>> = const { Cell::new(Vec::new()) };
}

/// The patient's full name from part 1, prepared for matching. `Debug` shows only how
/// many parts it has.
#[derive(Clone)]
pub struct PatientName {
    /// Keys of the name's parts: each word, and each part of a hyphenated word.
    parts: Vec<NamePart>,
    /// Upper-case initials of the space-separated words, in order.
    initials: Vec<char>,
    /// The first bytes of the parts' keys, a bit each: most words of a text start with
    /// another and are not compared.
    first_bytes: [u64; 4],
    /// The parts (without hyphens) as the letter view spells them ([`super::disguised`]).
    spelled: Vec<Spelled>,
}

#[derive(Clone)]
struct NamePart {
    key: String,
    /// An ordinary word too ("Per", "Liv") or very short: must be capitalised in the text
    /// unless next to another part of the name.
    weak: bool,
}

impl std::fmt::Debug for PatientName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PatientName")
            .field("parts", &self.parts.len())
            .finish_non_exhaustive()
    }
}

impl PatientName {
    /// Prepares `full_name` ("Kari Anne Nordmann-Hansen", also "Nordmann-Hansen, Kari
    /// Anne") for matching.
    pub fn new(full_name: &str) -> PatientName {
        let n = normalize(full_name);
        let mut parts: Vec<NamePart> = Vec::new();
        let mut initials = Vec::new();
        let mut keys = String::new();
        let mut spelled = Vec::new();
        let cx = Tokens::new(&n.text);
        for tok in tokenize(&n.text, &cx, &mut keys, Keep::All, None) {
            if let Some(c) = tok.text.chars().next() {
                initials.push(crate::letter_case::upper_char(c));
            }
            let mut add = |w: &str| {
                let k = key(w);
                if k.chars().count() >= 2 && !parts.iter().any(|p| p.key == k) {
                    let weak = k.chars().count() <= 2 || is_common_word(w);
                    parts.push(NamePart { key: k, weak });
                    if !w.contains('-') {
                        spelled.extend(spell(w, weak));
                    }
                }
            };
            add(tok.text);
            if tok.text.as_bytes().contains(&b'-') {
                tok.text.split('-').for_each(&mut add);
            }
        }
        let mut first_bytes = [0u64; 4];
        // The parts' first bytes, and the lead bytes of the scripts whose letters may look
        // like Latin ones (Greek, Cyrillic, IPA and phonetic small capitals, modifier
        // letters, letterlike and enclosed symbols, mathematical letters): a word starting
        // with one of these is looked at by the letter view (`super::disguised`); they are
        // rare in Norwegian text.
        let lookalike_leads = [
            0xC9, 0xCA, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1, 0xD3, 0xD4, 0xE1, 0xE2, 0xEA, 0xF0,
        ];
        let leads = if parts.is_empty() {
            &[][..]
        } else {
            &lookalike_leads[..]
        };
        for b in parts
            .iter()
            .filter_map(|p| p.key.bytes().next())
            .chain(leads.iter().copied())
        {
            if let Some(w) = first_bytes.get_mut(usize::from(b >> 6)) {
                *w |= 1 << (b & 63);
            }
        }
        PatientName {
            parts,
            initials,
            first_bytes,
            spelled,
        }
    }

    /// The parts as the letter view spells them.
    pub(super) fn spelled(&self) -> &[Spelled] {
        &self.spelled
    }

    /// `true` when no usable part was found (empty or one-letter name).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// `false` when no part's key starts with the first byte of `key` (then
    /// [`PatientName::match_key`] finds none).
    pub(super) fn may_start(&self, key: &[u8]) -> bool {
        key.first().is_some_and(|&b| {
            self.first_bytes
                .get(usize::from(b >> 6))
                .is_some_and(|w| w & (1 << (b & 63)) != 0)
        })
    }

    /// Matches a word's key against the parts: `Some(weak)` on a match.
    fn match_key(&self, k: &str) -> Option<bool> {
        if !self.may_start(k.as_bytes()) {
            return None;
        }
        let base = k.strip_suffix('s');
        self.parts
            .iter()
            .find(|p| p.key == k || base == Some(p.key.as_str()))
            .map(|p| p.weak)
    }

    /// `true` if a dotted initials token sequence ("K.A.N.", "K.N.") matches: all the
    /// initials, or the first and the last.
    fn match_initials(&self, letters: &[char]) -> bool {
        if letters.len() < 2 {
            return false;
        }
        let all = letters == self.initials.as_slice();
        let first_last = letters.len() == 2
            && self.initials.len() >= 2
            && letters.first() == self.initials.first()
            && letters.last() == self.initials.last();
        all || first_last
    }
}

/// Finds the patient's name parts in the tokens.
pub(super) fn patient_hits(
    text: &str,
    toks: &[KeyedWord<'_>],
    p: &PatientName,
    out: &mut Vec<NameHit>,
) {
    // Pass 1: strong matches, and weak ones (common words) that are capitalised.
    let mut matched = pool::take(&MATCHED);
    matched.extend(toks.iter().map(|t| match p.match_key(t.key) {
        Some(false) => Some(0.95),
        Some(true) if t.cap => Some(0.85),
        _ => None,
    }));
    // Pass 2: weak matches next to a strong one; initials ("K.") next to a match.
    for i in 0..toks.len() {
        if matched.get(i).copied().flatten().is_some() {
            continue;
        }
        let Some(t) = toks.get(i) else { continue };
        let near = |j: Option<usize>| {
            j.and_then(|j| matched.get(j).copied().flatten()).is_some()
                && j.and_then(|j| toks.get(j)).is_some_and(|u| {
                    let (a, b) = if u.start < t.start { (u, t) } else { (t, u) };
                    let g = gap(text, a, b);
                    g.len() <= 3 && g.chars().all(|c| matches!(c, ' ' | ',' | '.'))
                })
        };
        let adjacent = near(i.checked_sub(1)) || near(i.checked_add(1));
        if !adjacent {
            continue;
        }
        if p.match_key(t.key).is_some() {
            if let Some(m) = matched.get_mut(i) {
                *m = Some(0.85);
            }
        } else if t.initial
            && t.cap
            && t.text
                .chars()
                .next()
                .is_some_and(|c| p.initials.contains(&c))
        {
            if let Some(m) = matched.get_mut(i) {
                *m = Some(0.8);
            }
        }
    }
    // Dotted initials runs ("K.A.N."): consecutive one-letter tokens joined by '.'.
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        let mut letters = Vec::new();
        while let Some(t) = toks.get(j) {
            let joined = j == i || toks.get(j - 1).is_some_and(|u| gap(text, u, t) == ".");
            if !(t.initial && t.cap && joined) {
                break;
            }
            letters.extend(t.text.chars());
            j += 1;
        }
        if j > i + 1 && p.match_initials(&letters) {
            for m in matched.iter_mut().take(j).skip(i) {
                m.get_or_insert(0.8);
            }
        }
        i = j.max(i + 1);
    }
    // Merge runs of matched tokens (separated by spaces, commas or an initial's dot).
    let mut k = 0;
    while k < toks.len() {
        let Some(conf) = matched.get(k).copied().flatten() else {
            k += 1;
            continue;
        };
        let Some(first) = toks.get(k) else { break };
        let mut last = *first;
        let mut best = conf;
        let mut m = k + 1;
        while let (Some(t), Some(Some(c))) = (toks.get(m), matched.get(m).copied()) {
            let g = gap(text, &last, t);
            if !(g.len() <= 3 && g.chars().all(|ch| matches!(ch, ' ' | ',' | '.'))) {
                break;
            }
            best = best.max(c);
            last = *t;
            m += 1;
        }
        // An initial keeps its dot.
        let end = if last.initial { last.end + 1 } else { last.end };
        out.push(NameHit {
            start: first.start,
            end: end.min(text.len()),
            confidence: best,
            reason: NameReason::PatientName,
        });
        k = m;
    }
    pool::give(&MATCHED, matched);
}
