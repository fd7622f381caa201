//! The rules that find names other than the patient's: a capitalised word after a cue word
//! («datter», «pasienten», «Fru») or a clinician's title; a known first name, alone or with
//! a (plausible) surname; an initial before a surname. Organisation names («Martina Hansens
//! Hospital») and saints («St. Olav») are not names.

use super::words::{gap, next_to, KeyedWord};
use super::{NameHit, NameReason};
use crate::lexicon::names::{CUE, FIRST, ORG, SAINT, STOP, SURNAME, SURNAME_SUFFIXES, TITLE};

/// Adds the names the rules find among `toks` (the words of `text`) to `hits`.
pub(super) fn names_by_rule(text: &str, toks: &[KeyedWord<'_>], hits: &mut Vec<NameHit>) {
    let mut i = 0;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        let k = t.key;
        let is_cue = t.is(CUE);
        let is_title = t.is(TITLE);
        // «Mr», «Mrs», «Ms», «Miss» only so written: «MR» is an MRI scan, «MS» multiple
        // sclerosis, «ms» milliseconds.
        let is_cue = is_cue
            && (!matches!(k, "mr" | "mrs" | "ms" | "miss")
                || matches!(t.text, "Mr" | "Mrs" | "Ms" | "Miss"));
        // 1. Cue word (or title) + capitalised name-like word.
        if is_cue || is_title {
            if let Some(n) = toks.get(i + 1) {
                let abbreviated = matches!(
                    k,
                    "pas" | "pt" | "dr" | "prof" | "hr" | "frk" | "mr" | "mrs" | "ms"
                );
                // «datteren kari», «datter melheim»: after a relation, a known first name
                // or surname in small letters that is no ordinary word; a surname that is
                // also a word («datter teigen») only right after the relation, and not a
                // first name or stop word too («datteren hans»: her, his).
                let g = gap(text, t, n);
                let small_name = (n.is(FIRST | SURNAME) && !n.common())
                    || (n.is(SURNAME) && !n.is(FIRST | STOP) && g.bytes().all(|b| b == b' '));
                if is_cue && !n.cap && relation(k) && cue_gap(g, false) && small_name {
                    let last = extend_small(text, toks, i + 1);
                    if let Some(l) = toks.get(last) {
                        hits.push(NameHit {
                            start: n.start,
                            end: tok_end(text, l),
                            confidence: 0.75,
                            reason: NameReason::CueWord,
                        });
                    }
                    i = last + 1;
                    continue;
                }
                if cue_gap(gap(text, t, n), abbreviated) && namelike(n) {
                    let last = extend(text, toks, i + 1, namelike);
                    let listed = (i + 1..=last)
                        .filter_map(|j| toks.get(j))
                        .any(|u| u.is(FIRST | SURNAME));
                    // "navn"/"heter"/"kalt" also name drugs and studies: a listed name only.
                    let generic = matches!(k, "navn" | "navnet" | "heter" | "kalt" | "kalles");
                    // "Pasienten" starts many sentences ("Pasienten Hb …", "Pasienten
                    // Foretrekker …"): after it, a listed name or two name-like words.
                    let weak = matches!(k, "pasient" | "pasienten" | "pasientens" | "pas" | "pt");
                    let ok = listed || (!generic && (!weak || last > i + 1));
                    if !in_org(text, toks, i + 1, last) && ok {
                        if let Some(l) = toks.get(last) {
                            let confidence = match (is_title, listed) {
                                (true, _) => 0.6,
                                (false, true) => 0.9,
                                (false, false) => 0.75,
                            };
                            hits.push(NameHit {
                                start: n.start,
                                end: tok_end(text, l),
                                confidence,
                                reason: NameReason::CueWord,
                            });
                        }
                    }
                    i = last + 1;
                    continue;
                }
            }
        }
        // 2. Known first name (+ surname).
        if t.cap && t.is(FIRST) && !is_cue && !is_title {
            let common = t.common();
            let next = toks.get(i + 1).filter(|n| name_gap(gap(text, t, n), false));
            let with_surname =
                next.is_some_and(|n| plausible_surname(n) || (n.is(FIRST) && !n.common()));
            let mid_sentence_cap = next.is_some_and(|n| !common && namelike(n) && !n.common());
            let last = if with_surname || mid_sentence_cap {
                extend(text, toks, i, namelike)
            } else {
                i
            };
            let confidence = if with_surname {
                0.9
            } else if mid_sentence_cap {
                0.75
            } else if !common && !is_acronym(t) {
                0.6
            } else {
                0.0
            };
            if confidence > 0.0 && !in_org(text, toks, i, last) {
                if let Some(l) = toks.get(last) {
                    hits.push(NameHit {
                        start: t.start,
                        end: tok_end(text, l),
                        confidence,
                        reason: NameReason::NameList,
                    });
                }
            }
            i = last + 1;
            continue;
        }
        // 3. An initial before a surname ("K. Hansen").
        if t.initial && t.cap {
            if let Some(n) = toks.get(i + 1) {
                if name_gap(gap(text, t, n), true) && n.is(SURNAME) && n.cap {
                    let last = extend(text, toks, i + 1, plausible_surname);
                    if let Some(l) = toks.get(last) {
                        hits.push(NameHit {
                            start: t.start,
                            end: tok_end(text, l),
                            confidence: 0.7,
                            reason: NameReason::NameList,
                        });
                    }
                    i = last + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// A cue word that names a relation («datteren», «nevøen»), not a word for the patient or a
/// naming verb or a form of address: after it a first name or surname in small letters is a
/// name.
fn relation(k: &str) -> bool {
    !matches!(
        k,
        "pasient"
            | "pasienten"
            | "pasientens"
            | "pas"
            | "pt"
            | "navn"
            | "navnet"
            | "heter"
            | "kalt"
            | "kalles"
            | "fru"
            | "frk"
            | "herr"
            | "hr"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
    )
}

/// [`extend`] over words in small letters after a first name: known first names and
/// surnames («datteren kari anne hansen»).
fn extend_small(text: &str, toks: &[KeyedWord<'_>], i: usize) -> usize {
    let mut last = i;
    while last < i + 3 {
        let (Some(a), Some(b)) = (toks.get(last), toks.get(last + 1)) else {
            break;
        };
        if !name_gap(gap(text, a, b), false) || b.cap || !b.is(FIRST | SURNAME) || b.common() {
            break;
        }
        last += 1;
    }
    last
}

/// Only spaces between two words of one name (an initial's '.' allowed).
fn name_gap(g: &str, after_initial: bool) -> bool {
    let g = if after_initial {
        g.strip_prefix('.').unwrap_or(g)
    } else {
        g
    };
    g.len() <= 3 && g.chars().all(|c| c == ' ') && (after_initial || !g.is_empty())
}

/// Between a cue word and the name: spaces, one ':' or ',' or an opening bracket/quote;
/// '.' only after an abbreviated cue ("pas.", "Dr."); a line break only after ':'.
fn cue_gap(g: &str, abbreviated: bool) -> bool {
    let mut g = g;
    if abbreviated {
        g = g.strip_prefix('.').unwrap_or(g);
    }
    if g.len() > 6 {
        return false;
    }
    let colon = g.as_bytes().contains(&b':');
    g.chars()
        .all(|c| matches!(c, ' ' | ':' | ',' | '(' | '"' | '«' | '\'') || (c == '\n' && colon))
        && !g.is_empty()
}

/// `true` for a word that may be a surname after a first name: in the list, or a
/// capitalised word with a surname suffix, not a stop word or common word.
fn plausible_surname(t: &KeyedWord<'_>) -> bool {
    if !t.cap || t.initial {
        return false;
    }
    if t.is(SURNAME) {
        return true;
    }
    let k = t.key;
    if t.common() || k.chars().nth(3).is_none() {
        return false;
    }
    let base = k.strip_suffix('s').unwrap_or(k);
    SURNAME_SUFFIXES
        .iter()
        .any(|s| base.ends_with(s) && base.len() > s.len() + 1)
}

/// `true` for a capitalised word that could be part of a name after a cue word: in a
/// name list, or not a stop/common word.
fn namelike(t: &KeyedWord<'_>) -> bool {
    if !t.cap {
        return false;
    }
    if t.initial || t.is(FIRST | SURNAME) {
        return true;
    }
    !t.common() && t.key.chars().nth(1).is_some() && !t.is(ORG)
}

/// An all-capitals word ("EMMA", "IDA" as study or score names): not a name on its own.
fn is_acronym(t: &KeyedWord<'_>) -> bool {
    t.text.chars().count() >= 2 && !t.text.chars().any(char::is_lowercase)
}

fn is_org_word(t: &KeyedWord<'_>) -> bool {
    t.is(ORG)
}

/// Extends a name that starts at token `i`: following capitalised name-like words joined by
/// spaces (max four words). Returns the index of the last token.
fn extend(
    text: &str,
    toks: &[KeyedWord<'_>],
    i: usize,
    accept: fn(&KeyedWord<'_>) -> bool,
) -> usize {
    let mut last = i;
    while last < i + 3 {
        let (Some(a), Some(b)) = (toks.get(last), toks.get(last + 1)) else {
            break;
        };
        if !name_gap(gap(text, a, b), a.initial) || !accept(b) || is_org_word(b) {
            break;
        }
        last += 1;
    }
    last
}

/// `true` if the name ending at token `last` is part of an organisation's name, or the
/// one starting at `first` follows "St."/"Sankt" — written as one name is, with spaces or a
/// dot between (not across other signs: «San~~. Olav» is no saint, whether or not «San» is
/// redacted as part of another name).
fn in_org(text: &str, toks: &[KeyedWord<'_>], first: usize, last: usize) -> bool {
    let after = toks
        .get(last)
        .zip(toks.get(last + 1))
        .is_some_and(|(l, n)| {
            next_to(l, n) && name_gap(gap(text, l, n), l.initial) && is_org_word(n)
        });
    let before = first
        .checked_sub(1)
        .and_then(|j| toks.get(j))
        .zip(toks.get(first))
        .is_some_and(|(p, f)| next_to(p, f) && name_gap(gap(text, p, f), true) && p.is(SAINT));
    after || before
}

/// End offset of token `t`, including the dot of an initial.
fn tok_end(text: &str, t: &KeyedWord<'_>) -> usize {
    if t.initial {
        (t.end + 1).min(text.len())
    } else {
        t.end
    }
}
