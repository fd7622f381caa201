//! What is allowed on purpose and suppresses overlapping findings: the NPR-ID after its
//! label (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2, footnote 2), Nye metoder
//! IDs, NCT study IDs, PMIDs, EudraCT numbers, ISBNs, DOIs and URLs. A valid national
//! identity number is never allowed, and a possible one not inside a link.

use super::{FindingKind, Hit};
use crate::lexicon::detector_words::{F_ID, F_LINK, F_NPR, F_STUDY};
use crate::privacy::tokens::{TokenClass, Tokens};

/// A span allowed on purpose; `link` for URLs and DOIs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Allowed {
    start: usize,
    end: usize,
    link: bool,
}

/// Allowed spans opened by the candidate tokens `cands`; `next`: tokens before it are inside
/// a span already found (carried from one block of candidates to the next).
pub(super) fn allowed_spans(
    cx: &Tokens,
    cands: &[usize],
    next: &mut usize,
    out: &mut Vec<Allowed>,
) {
    let span = |start: usize, end: usize| Allowed {
        start,
        end,
        link: false,
    };
    let n = cx.toks.len();
    for &i in cands {
        // Only a word on a list, «10.» of a DOI, or «978»/«979» of an ISBN can open an
        // allowed span.
        if i < *next
            || (cx.flags(i) & (F_NPR | F_STUDY | F_LINK | F_ID) == 0
                && !(cx.is_digits(i) && matches!(cx.len(i), 2 | 3)))
        {
            continue;
        }
        // ISBN-13: «978-82-450-1234-5», «ISBN 978 82 02 12345 6» (its check digit holds).
        if let Some(end) = isbn13(cx, i) {
            out.push(span(cx.start(i), cx.end(end)));
            *next = end + 1;
            continue;
        }
        let low = cx.low(i);
        // NPR-ID: «NPR-ID: 12ab-…», «NPR-nr 1234», «NPR 1234» (1.2.2.5-16 §3.2 fotnote 2).
        if low == "npr" {
            let mut j = i + 1;
            if (cx.is(j, TokenClass::Punct('-')) || cx.is(j, TokenClass::Space))
                && matches!(cx.low(j + 1), "id" | "nr" | "nummer" | "nummeret")
            {
                j += 2;
            }
            if cx.is(j, TokenClass::Punct('.')) {
                j += 1;
            }
            j = cx.skip_space(j);
            if cx.is(j, TokenClass::Punct(':')) {
                j = cx.skip_space(j + 1);
            }
            let first = j;
            while j < n
                && (cx.is_word(j) || cx.is_digits(j) || cx.is(j, TokenClass::Punct('-')))
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
            && cx.is(i + 2, TokenClass::Punct('_'))
            && cx.is_digits(i + 3)
        {
            out.push(span(cx.start(i), cx.end(i + 3)));
        }
        // NCT study IDs, EudraCT, an ISBN after its label (ISBN-10 too).
        if (low == "nct" && cx.is_digits(i + 1) && cx.start(i + 1) == cx.end(i))
            || matches!(low, "pmid" | "eudract" | "isbn")
        {
            let mut j = i + 1;
            while j < n
                && (cx.is_digits(j)
                    || cx.is(j, TokenClass::Space)
                    || cx.is(j, TokenClass::Punct(':'))
                    || cx.is(j, TokenClass::Punct('-')))
                && j <= i + 8
            {
                j += 1;
            }
            out.push(span(cx.start(i), cx.end(j.saturating_sub(1).max(i))));
        }
        // URLs and DOIs: to the next white space.
        let is_url = matches!(low, "http" | "https") && cx.is(i + 1, TokenClass::Punct(':'));
        let is_doi = cx.s(i) == "10"
            && cx.is(i + 1, TokenClass::Punct('.'))
            && cx.is_digits(i + 2)
            && cx.len(i + 2) >= 4
            && cx.is(i + 3, TokenClass::Punct('/'));
        if is_url || is_doi || low == "doi" && cx.is(i + 1, TokenClass::Punct(':')) {
            let mut j = i;
            while j < n && !matches!(cx.t(j), Some(TokenClass::Space | TokenClass::Newline)) {
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

/// An ISBN-13 from the digit run `i` («978» or «979»): runs joined by single hyphens or
/// spaces, 13 digits, the check digit right (ISO 2108: weights 1 and 3, the sum a
/// multiple of ten). Its last token.
fn isbn13(cx: &Tokens, i: usize) -> Option<usize> {
    if !matches!(cx.s(i), "978" | "979") {
        return None;
    }
    let (mut k, mut n, mut sum) = (i, 0u32, 0u32);
    loop {
        for b in cx.s(k).bytes() {
            let w = if n % 2 == 0 { 1 } else { 3 };
            sum += u32::from(b.wrapping_sub(b'0')) * w;
            n += 1;
        }
        if n >= 13 {
            break;
        }
        let sep = matches!(
            cx.t(k + 1),
            Some(TokenClass::Punct('-') | TokenClass::Space)
        ) && cx.len(k + 1) == 1;
        if !sep || !cx.is_digits(k + 2) {
            return None;
        }
        k += 2;
    }
    (n == 13 && sum % 10 == 0).then_some(k)
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

/// Drops the findings that overlap a span allowed on purpose: every kind but a valid
/// national identity number and a social media profile, which are never allowed; a link
/// (URL, DOI) does not hide a possible national identity number either (a number in a link's path or query is still the patient's:
/// «…/pasient?fnr=…»).
pub(super) fn drop_allowed(hits: &mut Vec<Hit>, allowed: &[Allowed]) {
    let every = Intervals::new(allowed.iter().map(|a| (a.start, a.end)));
    let not_links = Intervals::new(allowed.iter().filter(|a| !a.link).map(|a| (a.start, a.end)));
    hits.retain(|h| match h.kind {
        // A profile address points at a person, in a link too.
        FindingKind::NationalId | FindingKind::SocialHandle => true,
        FindingKind::PossibleNationalId => !not_links.overlaps(h.start, h.end),
        _ => !every.overlaps(h.start, h.end),
    });
}
