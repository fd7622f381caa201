//! Detectors for direct identifiers in (normalised) text.
//!
//! The tokenizer (`privacy::tokens`) splits the text once into words, digit runs, spaces,
//! line breaks and punctuation; each detector then looks at short windows of tokens from the
//! candidates the tokenizer marked. No regular expression and no backtracking: time is linear
//! in the input, and the wasm stays small.
//!
//! One module per detector family: `national_id` (chains of digit runs: national identity
//! numbers, possible ones, and the windows handed to `account` and `phone`), `near_miss`
//! (part 1's number mistyped, look-alike letters among digits), `account` (Norwegian account
//! numbers, IBANs), `phone`, `email`, `spelled` (numbers in digit words), `ip`,
//! `birth_date`, `address`, `record` (record numbers), `handle` (social media handles),
//! `vehicle` (number plates); `allowed` finds what is allowed on purpose and `overlap`
//! resolves findings that overlap. `numbers` and `context` run the two groups of
//! detectors over the candidate tokens, `finish` puts their findings together.
//!
//! What is found (BRIEF.md, "Direct identifiers"; nye-metoder-tilgangsordningen.txt, "Den
//! interregionale vurderingskomitéen skal ikke kunne identifisere pasienten";
//! helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2): national identity numbers of every
//! kind in every grouping, and 11-digit numbers with a plausible birth date whose check
//! digits fail ("possible"); phone numbers, Norwegian and foreign; e-mail addresses, also
//! with the at sign and dots in words; bank account numbers and IBANs; IP addresses (IPv4,
//! IPv6); street addresses, PO boxes and postcode + place; full dates of birth after a cue
//! word (or equal to the patient's own birth date, or an age with its day); record numbers
//! after a cue word; social media handles; number plates. Names are found by
//! [`super::names`]. SECURITY.md ("The text scan") lists the disguises each one folds.
//!
//! What is allowed on purpose and suppresses overlapping findings (except a valid national
//! identity number, which is never allowed, and a possible one inside a link): the NPR-ID
//! after its label, Nye metoder IDs, NCT study IDs, PMIDs, EudraCT numbers, ISBNs, DOIs and
//! URLs.
//!
//! Where findings overlap the highest-priority kind wins; when the loser is a number that
//! sticks out of the winner, the winner is widened so that redaction leaves no digits.
//! Measured on the corpus in `tests/corpus/` by `tests/privacy_eval.rs`.
//!
//! ```
//! use skjemavakt::privacy::detect::{detect, Detectors, PatientFacts};
//! use skjemavakt::privacy::FindingKind;
//! let all = Detectors { all: true, literature_only: false };
//! // python-stdnum: 26111593816 is valid; SWIFT IBAN Registry: NO93 8601 1117 947.
//! let text = "Fnr 261115 938\u{2009}16, IBAN NO93 8601 1117 947, kari(at)example.no; ID2023_013.";
//! let kinds: Vec<FindingKind> = detect(text, all, &PatientFacts::default())
//!     .iter()
//!     .map(|h| h.kind)
//!     .collect();
//! assert_eq!(kinds, [FindingKind::NationalId, FindingKind::Account, FindingKind::Email]);
//! ```

mod account;
mod address;
mod allowed;
mod birth_date;
mod email;
mod handle;
mod ip;
mod national_id;
mod near_miss;
mod overlap;
mod phone;
mod record;
mod spelled;
#[cfg(test)]
mod tests;
mod vehicle;

pub use overlap::{resolve_overlaps, widen_to_words};

use super::tokens::{TokenClass, Tokens};
use super::{Basis, FindingKind};
use crate::ident::fnr::NationalId;
use chrono::NaiveDate;

/// A finding in the normalised text (byte offsets, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: FindingKind,
    pub confidence: f32,
    /// Why it was found.
    pub basis: Basis,
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

/// Facts about the patient known from part 1, to find their own identifiers. `Debug` shows
/// only which are known.
#[derive(Clone, Copy, Default)]
pub struct PatientFacts {
    /// The patient's birth date.
    pub birth_date: Option<NaiveDate>,
    /// The patient's national identity number: found mistyped or disguised too
    /// (`near_miss`).
    pub national_id: Option<NationalId>,
}

impl std::fmt::Debug for PatientFacts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PatientFacts")
            .field("birth_date", &self.birth_date.is_some())
            .field("national_id", &self.national_id.is_some())
            .finish()
    }
}

impl PatientFacts {
    /// What part 1's valid national identity number tells: the number and its birth date.
    pub fn of(national_id: Option<&NationalId>) -> PatientFacts {
        PatientFacts {
            birth_date: national_id.and_then(NationalId::birth_date),
            national_id: national_id.copied(),
        }
    }
}

/// Token `k` is a word written as a redaction placeholder is («[TELEFON]», «[IP-ADRESSE]»,
/// [`FindingKind::placeholder`]): the scanner's own output is no cue word, or a number after a
/// redacted one would be found only once the text had been redacted.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn in_placeholder(cx: &Tokens, k: usize) -> bool {
    // «[WORD]», or «[IP-ADRESSE]»: capitals between brackets, at most one hyphen inside.
    let open = cx.is(k.wrapping_sub(1), TokenClass::Punct('['))
        || (cx.is(k.wrapping_sub(1), TokenClass::Punct('-'))
            && cx.is(k.wrapping_sub(3), TokenClass::Punct('[')));
    let close = cx.is(k + 1, TokenClass::Punct(']'))
        || (cx.is(k + 1, TokenClass::Punct('-')) && cx.is(k + 3, TokenClass::Punct(']')));
    open && close && cx.all_caps(k)
}

/// Finds identifiers in `text` (already normalised by [`super::normalize`]).
pub fn detect(text: &str, which: Detectors, patient: &PatientFacts) -> Vec<Hit> {
    let cx = Tokens::new(text);
    finish(numbers(&cx, which), context(&cx, which, patient))
}

/// What [`numbers`] finds: findings, and the spans allowed on purpose.
pub(crate) struct Numbers {
    hits: Vec<Hit>,
    allowed: Vec<allowed::Allowed>,
}

/// Calls `each` on the candidate tokens, a block at a time. Every detector of a group runs
/// over one block before the next block: the tokens they look at stay in the processor's
/// cache (one pass per detector over a long text's tokens was bound by memory, not by the
/// work).
fn by_blocks(cx: &Tokens, each: &mut dyn FnMut(&[usize])) {
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
/// they could run side by side; [`finish`] puts their findings together as
/// if one had run after the other.
pub(crate) fn numbers(cx: &Tokens, which: Detectors) -> Numbers {
    let mut hits = Vec::new();
    let mut allowed = Vec::new();
    let (mut next_allowed, mut next_chain) = (0, [0, 0]);
    let mut chain = national_id::Chain::default();
    let mut long = national_id::LongChains::new();
    by_blocks(cx, &mut |cands| {
        allowed::allowed_spans(cx, cands, &mut next_allowed, &mut allowed);
        national_id::digit_chains(
            cx,
            cands,
            &mut next_chain,
            which,
            &mut chain,
            &mut long,
            &mut hits,
        );
        account::ibans(cx, cands, &mut hits);
        email::emails(cx, cands, &mut hits);
    });
    // For part 1's number ([`context`]), on the same tokens.
    cx.long_chains.set(Some(long));
    Numbers { hits, allowed }
}

/// The second group of detectors: part 1's own number mistyped or disguised (in every
/// field), and (all but literature fields) IP addresses, birth dates, addresses and record
/// numbers.
pub(crate) fn context(cx: &Tokens, which: Detectors, patient: &PatientFacts) -> Vec<Hit> {
    let mut hits = Vec::new();
    if patient.national_id.is_some() {
        // The chains [`numbers`] found on these tokens, or (when it has not run) every one.
        match cx.long_chains.take() {
            Some(long) => national_id::part1_in_long_chains(cx, &long, patient, &mut hits),
            None => {
                let mut next_chain = [0, 0];
                let mut chain = national_id::Chain::default();
                by_blocks(cx, &mut |cands| {
                    national_id::part1_numbers(
                        cx,
                        cands,
                        &mut next_chain,
                        patient,
                        &mut chain,
                        &mut hits,
                    );
                });
            }
        }
    }
    if which.all && !which.literature_only {
        let (mut next_ip, mut next_ipv6, mut next_words) = (0, 0, 0);
        by_blocks(cx, &mut |cands| {
            ip::ip_addresses(cx, cands, &mut next_ip, &mut hits);
            ip::ipv6_addresses(cx, cands, &mut next_ipv6, &mut hits);
            spelled::numbers_in_words(cx, cands, &mut next_words, patient, &mut hits);
            birth_date::birth_dates(cx, cands, patient, &mut hits);
            address::addresses(cx, cands, &mut hits);
            record::record_numbers(cx, cands, &mut hits);
            vehicle::plates(cx, cands, &mut hits);
            handle::handles(cx, cands, &mut hits);
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
    allowed::drop_allowed(&mut hits, &allowed);
    resolve_overlaps(hits)
}

/// A word of money next to the digit run from token `first` to `last` («kr», «beløp»,
/// «mill», «12 000,-»): an amount, not an identifier.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(super) fn money_context(cx: &Tokens, first: usize, last: usize) -> bool {
    let before = cx.prev_non_space(first).map(|p| cx.low(p)).unwrap_or("");
    let after_i = cx.skip_space(last + 1);
    let after = cx.low(after_i);
    matches!(
        before,
        "kr" | "nok" | "kroner" | "beløp" | "beløpet" | "pris" | "sum" | "totalt" | "eur" | "usd"
    ) || matches!(
        after,
        "kr" | "nok" | "kroner" | "mill" | "millioner" | "tusen"
    ) || (cx.is(last + 1, TokenClass::Punct(',')) && cx.is(last + 2, TokenClass::Punct('-')))
}
