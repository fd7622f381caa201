//! The privacy evaluation: recall per kind of identifier on a corpus of Norwegian clinical
//! text with planted identifiers, and the share of look-alikes kept.
//!
//! Source of the thresholds: the privacy-gate issue (issue 5, point 5) and Hardening II
//! (issue 17) — fail below 100 % recall on any kind of identifier, when more than 2 % of the
//! look-alikes are lost, or when precision (findings on a planted identifier of all
//! findings) falls below 98 % here or below [`PRECISION_FLOOR`] on NorNE. What must be found and what must survive: `BRIEF.md`, "Direct
//! identifiers"; nye-metoder-tilgangsordningen.txt ("Den interregionale vurderingskomitéen
//! skal ikke kunne identifisere pasienten"; part 2 holds the birth year only);
//! helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2 and footnote 2 (the NPR-ID is allowed).
//!
//! # Corpus files (tests/corpus/)
//! - `planted.txt`: hand-written sentences. `⟦kind:value⟧` marks a planted identifier
//!   (kind = [`FindingKind::as_str`]); the markers are stripped before scanning.
//! - `id_templates.txt`: sentences with `{ID}` (any grouping) or `{IDC}` (written without
//!   separators: inside a URL or an e-mail local part). The test fills them with generated
//!   numbers of every kind, in every grouping and every disguise.
//! - `lookalikes.txt`: `[category] sentence` — nothing in these may be flagged. Each line is
//!   also scanned in a disguised copy (NBSP for spaces, full-width digits).
//!
//! In every file: `#` starts a comment line; `@patient Name | 11 digits` sets the part 1
//! identity for the following lines (`@patient -` clears it; either side may be `-`);
//! `\n`, `\t` and `\u{XXXX}` are escapes; a line starting with `!` is a known miss: kept,
//! counted, and listed in the report.
//!
//! # Counting rule
//! A planted span is *found* when a finding of an accepted kind overlaps it:
//! `national_id` only by `national_id` (never by `possible_national_id`: a valid number
//! must be recognised as such); `possible_national_id` by `possible_national_id` or
//! `national_id`; `account` by `account`; every other kind by itself. A planted span that one
//! finding of another kind covers completely is counted separately as *covered* (it is
//! redacted, but under the wrong label) — it counts for recall of every kind except
//! `national_id`. Findings in planted lines that overlap no planted span are false positives
//! (reported, not asserted: some are true identifiers the corpus author did not mark).
//!
//! Failure messages name the corpus file and line number, never an identifier.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use skjemavakt::forms::schema::Privacy;
use skjemavakt::forms::FormKind;
use skjemavakt::ident::fnr;
use skjemavakt::privacy::{scan_document, scan_text, scan_with, Finding, Identity};
use skjemavakt::privacy::{Basis, FindingKind};

const PLANTED: &str = include_str!("corpus/planted.txt");
const ID_TEMPLATES: &str = include_str!("corpus/id_templates.txt");
const LOOKALIKES: &str = include_str!("corpus/lookalikes.txt");

/// The least precision over all findings on NorNE ([`precision_on_norne`]), a little under
/// the measured figure: a change that makes the scan flag ordinary text fails here. 90 % with
/// the lists and cues alone (92.6 % measured, name recall 45.8 %); 75 % with the learned name
/// finder (issue 21: 78.1 % measured, name recall 96.1 % — on `train` too, which it learned
/// from): it takes most of its false alarms on other capitalised names — organisations,
/// places, works («Stortinget», «Ap») — which are counted against it here; on ordinary words it
/// stays under [`ORDINARY_FA_CEILING`].
const PRECISION_FLOOR: f64 = 75.0;

/// The most name findings on ordinary (no entity) tokens of NorNE per 1 000 such tokens
/// ([`precision_on_norne`]; issue 21's target: 2).
const ORDINARY_FA_CEILING: f64 = 2.0;

/// The least share of NorNE's person names a name finding touches ([`precision_on_norne`]).
const NORNE_RECALL_FLOOR: f64 = 90.0;

// ---------------------------------------------------------------------------------------
// Corpus parsing
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Span {
    kind: FindingKind,
    start: usize,
    end: usize,
}

struct Case {
    /// "planted.txt:12" or "generated:fnr/dotted/zwsp #3".
    origin: String,
    text: String,
    planted: Vec<Span>,
    identity: Identity,
    known_miss: bool,
}

fn kind_named(name: &str) -> Option<FindingKind> {
    FindingKind::ALL.into_iter().find(|k| k.as_str() == name)
}

/// Decodes `\n`, `\t`, `\\` and `\u{XXXX}`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'), "bad \\u escape");
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                let cp = u32::from_str_radix(&hex, 16).expect("hex in \\u{}");
                out.push(char::from_u32(cp).expect("a char"));
            }
            other => panic!("unknown escape \\{other:?}"),
        }
    }
    out
}

/// Strips `⟦kind:value⟧` markers; returns the text and the planted spans.
fn strip_markers(line: &str, origin: &str) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(line.len());
    let mut spans = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('⟦') {
        text.push_str(&rest[..open]);
        let after = &rest[open + '⟦'.len_utf8()..];
        let close = after
            .find('⟧')
            .unwrap_or_else(|| panic!("{origin}: unclosed marker"));
        let inner = &after[..close];
        let (kind, value) = inner
            .split_once(':')
            .unwrap_or_else(|| panic!("{origin}: marker without kind"));
        let kind = kind_named(kind).unwrap_or_else(|| panic!("{origin}: unknown kind {kind}"));
        let start = text.len();
        text.push_str(value);
        spans.push(Span {
            kind,
            start,
            end: text.len(),
        });
        rest = &after[close + '⟧'.len_utf8()..];
    }
    text.push_str(rest);
    (text, spans)
}

/// Lines of a corpus file with the identity in force: (line number, known miss, text, id).
fn corpus_lines(file: &str) -> Vec<(usize, bool, String, Identity)> {
    let mut identity = Identity::none();
    let mut out = Vec::new();
    for (n, raw) in file.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(p) = line.strip_prefix("@patient") {
            let (name, id) = p.split_once('|').unwrap_or((p, "-"));
            let opt = |s: &str| {
                let s = s.trim();
                (s != "-" && !s.is_empty()).then(|| s.to_string())
            };
            identity = Identity::new(opt(name).as_deref(), opt(id).as_deref());
            continue;
        }
        let (known, body) = match line.strip_prefix('!') {
            Some(b) => (true, b),
            None => (false, line),
        };
        out.push((n + 1, known, unescape(body), identity.clone()));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Generated national identity numbers
// ---------------------------------------------------------------------------------------

/// xorshift64*: a fixed seed, so the corpus is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn digit(&mut self) -> u8 {
        (self.below(10)) as u8
    }
}

/// Check-digit weights (Skatteetaten, «Nytt fødselsnummer fra 2032», «Oppbygging av
/// fødselsnummer»; the same as in src/ident/fnr.rs).
const K1_W: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_W: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

fn wsum(d: &[u8], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(&d, &w)| u32::from(d) * w).sum()
}

/// Classic check digit: 11 - (sum mod 11), 11 → 0, 10 → none.
fn mod11(sum: u32) -> Option<u8> {
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k as u8),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gen {
    Fodselsnummer,
    DNumber,
    HNumber,
    FhNumber,
    Tenor,
    Dolly,
    From2032,
    /// Plausible date, wrong K2.
    Possible,
}

impl Gen {
    const ALL: [Gen; 8] = [
        Gen::Fodselsnummer,
        Gen::DNumber,
        Gen::HNumber,
        Gen::FhNumber,
        Gen::Tenor,
        Gen::Dolly,
        Gen::From2032,
        Gen::Possible,
    ];
    fn name(self) -> &'static str {
        match self {
            Gen::Fodselsnummer => "fnr",
            Gen::DNumber => "d-number",
            Gen::HNumber => "h-number",
            Gen::FhNumber => "fh-number",
            Gen::Tenor => "tenor",
            Gen::Dolly => "dolly",
            Gen::From2032 => "2032-rule",
            Gen::Possible => "possible",
        }
    }
}

/// A random date prefix DDMMYY with individual number, in a century the individual number
/// allows (Skatteetaten's table, see `fnr::century`).
fn date_and_individual(rng: &mut Rng) -> [u8; 9] {
    let year = 1930 + rng.below(95) as u32; // 1930..=2024
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    let individual = if year < 2000 {
        rng.below(500) as u32
    } else {
        500 + rng.below(500) as u32
    };
    let yy = year % 100;
    let n = [
        day / 10,
        day % 10,
        month / 10,
        month % 10,
        yy / 10,
        yy % 10,
        individual / 100,
        individual / 10 % 10,
        individual % 10,
    ];
    n.map(|x| x as u8)
}

fn finish_classic(nine: [u8; 9]) -> Option<[u8; 11]> {
    let k1 = mod11(wsum(&nine, &K1_W))?;
    let mut ten = [0u8; 10];
    ten[..9].copy_from_slice(&nine);
    ten[9] = k1;
    let k2 = mod11(wsum(&ten, &K2_W))?;
    let mut d = [0u8; 11];
    d[..10].copy_from_slice(&ten);
    d[10] = k2;
    Some(d)
}

fn generate(kind: Gen, rng: &mut Rng) -> [u8; 11] {
    loop {
        let mut nine = date_and_individual(rng);
        let out = match kind {
            Gen::Fodselsnummer => finish_classic(nine),
            Gen::DNumber => {
                nine[0] += 4;
                finish_classic(nine)
            }
            Gen::HNumber => {
                nine[2] += 4;
                finish_classic(nine)
            }
            Gen::Tenor => {
                nine[2] += 8;
                finish_classic(nine)
            }
            Gen::Dolly => {
                nine[0] += 4;
                nine[2] += 4;
                finish_classic(nine)
            }
            Gen::FhNumber => {
                nine[0] = 8 + (rng.below(2) as u8);
                for d in nine.iter_mut().skip(1) {
                    *d = rng.digit();
                }
                finish_classic(nine)
            }
            Gen::From2032 => {
                // K1 such that (sum + K1) mod 11 is 1, 2 or 3 (Skatteetaten, «Beregning k1»).
                let r = 1 + rng.below(3) as u32;
                let s = wsum(&nine, &K1_W) % 11;
                let k1 = (r + 11 - s) % 11;
                (k1 <= 9).then_some(()).and_then(|_| {
                    let mut ten = [0u8; 10];
                    ten[..9].copy_from_slice(&nine);
                    ten[9] = k1 as u8;
                    let k2 = mod11(wsum(&ten, &K2_W))?;
                    let mut d = [0u8; 11];
                    d[..10].copy_from_slice(&ten);
                    d[10] = k2;
                    Some(d)
                })
            }
            Gen::Possible => finish_classic(nine).map(|mut d| {
                d[10] = (d[10] + 1 + rng.below(9) as u8) % 10;
                d
            }),
        };
        if let Some(d) = out {
            return d;
        }
    }
}

fn digits_str(d: &[u8; 11]) -> String {
    d.iter().map(|&x| char::from(b'0' + x)).collect()
}

/// A named rewriting of an identifier's text.
type Rewrite = (&'static str, fn(&str) -> String);

/// Groupings of an 11-digit number as people write them.
const STYLES: &[Rewrite] = &[
    ("compact", |s| s.to_string()),
    ("6-5 space", |s| format!("{} {}", &s[..6], &s[6..])),
    ("6-5 dash", |s| format!("{}-{}", &s[..6], &s[6..])),
    ("dotted", |s| {
        format!(
            "{}.{}.{} {} {}",
            &s[..2],
            &s[2..4],
            &s[4..6],
            &s[6..9],
            &s[9..]
        )
    }),
    ("spaced", |s| {
        format!(
            "{} {} {} {} {}",
            &s[..2],
            &s[2..4],
            &s[4..6],
            &s[6..9],
            &s[9..]
        )
    }),
    ("mixed", |s| {
        format!(
            "{}.{}.{}-{} {}",
            &s[..2],
            &s[2..4],
            &s[4..6],
            &s[6..9],
            &s[9..]
        )
    }),
    ("line break", |s| format!("{}\n{}", &s[..6], &s[6..])),
    ("4-4-3", |s| format!("{} {} {}", &s[..4], &s[4..8], &s[8..])),
    ("6 / 5", |s| format!("{} / {}", &s[..6], &s[6..])),
];

fn map_digits(s: &str, zero: u32) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Puts `ins` after the n-th character (or at the end).
fn insert_after(s: &str, n: usize, ins: &str) -> String {
    let at = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    format!("{}{}{}", &s[..at], ins, &s[at..])
}

fn spaces_or_insert(s: &str, with: &str) -> String {
    if s.contains(' ') {
        s.replace(' ', with)
    } else {
        insert_after(s, 6, with)
    }
}

/// Disguises: how identifiers hide in pasted text.
const DISGUISES: &[Rewrite] = &[
    ("plain", |s| s.to_string()),
    ("zero-width spaces", |s| {
        s.chars().flat_map(|c| [c, '\u{200B}']).collect()
    }),
    ("soft hyphen", |s| insert_after(s, 4, "\u{AD}")),
    ("nbsp", |s| spaces_or_insert(s, "\u{A0}")),
    ("thin space", |s| spaces_or_insert(s, "\u{2009}")),
    ("narrow nbsp", |s| spaces_or_insert(s, "\u{202F}")),
    ("full-width digits", |s| map_digits(s, 0xFF10)),
    ("arabic-indic digits", |s| map_digits(s, 0x660)),
    ("devanagari digits", |s| map_digits(s, 0x966)),
    ("math bold digits", |s| map_digits(s, 0x1D7CE)),
    ("html entities", |s| {
        insert_after(&spaces_or_insert(s, "&nbsp;"), 2, "&#x200B;")
    }),
    ("bidi marks", |s| {
        format!("\u{200F}{}\u{200E}", insert_after(s, 5, "\u{202B}\u{202C}"))
    }),
    ("word joiner", |s| insert_after(s, 3, "\u{2060}")),
];

fn generated_cases() -> Vec<Case> {
    let templates: Vec<(usize, bool, String, Identity)> = corpus_lines(ID_TEMPLATES);
    let spaced: Vec<&(usize, bool, String, Identity)> =
        templates.iter().filter(|t| t.2.contains("{ID}")).collect();
    let compact: Vec<&(usize, bool, String, Identity)> =
        templates.iter().filter(|t| t.2.contains("{IDC}")).collect();
    assert!(!spaced.is_empty() && !compact.is_empty());
    let mut rng = Rng(0x5EED_2025_0000_0001);
    let mut out = Vec::new();
    let mut n = 0usize;
    for kind in Gen::ALL {
        for (sname, style) in STYLES {
            for (dname, disguise) in DISGUISES {
                let d = generate(kind, &mut rng);
                check_generated(kind, &d);
                let id = disguise(&style(&digits_str(&d)));
                let tpl = spaced[n % spaced.len()];
                n += 1;
                out.push(fill(tpl, &id, "{ID}", kind, &format!("{sname}/{dname}")));
            }
        }
        // Inside URLs and e-mail local parts: written without separators.
        for (dname, disguise) in DISGUISES.iter().take(7) {
            for tpl in &compact {
                let d = generate(kind, &mut rng);
                check_generated(kind, &d);
                let id = disguise(&digits_str(&d));
                out.push(fill(tpl, &id, "{IDC}", kind, &format!("compact/{dname}")));
            }
        }
    }
    out
}

/// The generator must produce what it claims (checked against the library's validator).
fn check_generated(kind: Gen, d: &[u8; 11]) {
    let v = fnr::validate_digits(d);
    match kind {
        Gen::Possible => assert!(v.is_err(), "generator: possible number is valid"),
        _ => {
            let id = v.unwrap_or_else(|e| panic!("generator {}: {e}", kind.name()));
            let expected = match kind {
                Gen::Fodselsnummer | Gen::Tenor => fnr::NationalIdKind::Fodselsnummer,
                Gen::DNumber | Gen::Dolly => fnr::NationalIdKind::DNumber,
                Gen::HNumber => fnr::NationalIdKind::HNumber,
                Gen::FhNumber => fnr::NationalIdKind::FhNumber,
                Gen::From2032 => id.kind(),
                Gen::Possible => unreachable!(),
            };
            assert_eq!(id.kind(), expected, "generator {}", kind.name());
            if kind == Gen::From2032 {
                assert_eq!(id.check_rule(), fnr::CheckRule::From2032);
            }
            if kind == Gen::Tenor {
                assert_eq!(id.synthetic(), Some(fnr::Synthetic::Tenor));
            }
            if kind == Gen::Dolly {
                assert_eq!(id.synthetic(), Some(fnr::Synthetic::Dolly));
            }
        }
    }
}

fn fill(
    tpl: &(usize, bool, String, Identity),
    id: &str,
    placeholder: &str,
    kind: Gen,
    how: &str,
) -> Case {
    let (line, known, text, identity) = tpl;
    let planted_kind = if kind == Gen::Possible {
        FindingKind::PossibleNationalId
    } else {
        FindingKind::NationalId
    };
    let marked = text.replacen(placeholder, &format!("⟦{}:{id}⟧", planted_kind.as_str()), 1);
    let (stripped, spans) = strip_markers(&marked, "id_templates.txt");
    Case {
        origin: format!("id_templates.txt:{line} [{} {how}]", kind.name()),
        text: stripped,
        planted: spans,
        identity: identity.clone(),
        known_miss: *known,
    }
}

/// Cited public vectors, in a few sentences each.
fn public_vector_cases() -> Vec<Case> {
    // Skatteetaten, «Nytt fødselsnummer fra 2032» (02013299997, 30108299920, 30108299939);
    // Skatteetaten Tenor test population (17912099997, 57912075186); python-stdnum
    // tests/test_no_fodselsnummer.doctest (26111593816 valid, 26111593817 bad K2).
    let vectors = [
        ("02013299997", FindingKind::NationalId),
        ("30108299920", FindingKind::NationalId),
        ("30108299939", FindingKind::NationalId),
        ("17912099997", FindingKind::NationalId),
        ("57912075186", FindingKind::NationalId),
        ("26111593816", FindingKind::NationalId),
        ("26111593817", FindingKind::PossibleNationalId),
    ];
    let mut out = Vec::new();
    for (v, kind) in vectors {
        for (sname, style) in STYLES {
            let text = format!(
                "Pasienten har fødselsnummer ⟦{}:{}⟧ i journalen.",
                kind.as_str(),
                style(v)
            );
            let (text, planted) = strip_markers(&text, "public vectors");
            out.push(Case {
                origin: format!("public vector {} ({sname})", &v[..6]),
                text,
                planted,
                identity: Identity::none(),
                known_miss: false,
            });
        }
    }
    out
}

fn planted_cases() -> Vec<Case> {
    corpus_lines(PLANTED)
        .into_iter()
        .map(|(line, known, text, identity)| {
            let origin = format!("planted.txt:{line}");
            let (text, planted) = strip_markers(&text, &origin);
            assert!(!planted.is_empty(), "{origin}: no planted span");
            Case {
                origin,
                text,
                planted,
                identity,
                known_miss: known,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------

fn accepts(planted: FindingKind, found: FindingKind) -> bool {
    match planted {
        FindingKind::NationalId => found == FindingKind::NationalId,
        FindingKind::PossibleNationalId => {
            matches!(
                found,
                FindingKind::PossibleNationalId | FindingKind::NationalId
            )
        }
        k => k == found,
    }
}

#[derive(Default)]
struct Tally {
    planted: usize,
    found: usize,
    covered: usize,
    partial: usize,
}

enum Outcome {
    Found { partial: bool },
    Covered,
    Missed,
}

fn judge(text: &str, p: &Span, findings: &[Finding]) -> Outcome {
    let overlapping: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.span.start < p.end && p.start < f.span.end)
        .collect();
    if overlapping.iter().any(|f| accepts(p.kind, f.kind)) {
        // Partial when a letter or digit of the span is left outside every finding
        // (invisible characters and separators at the edges do not count).
        let partial = text
            .get(p.start..p.end)
            .unwrap_or("")
            .char_indices()
            .filter(|(_, c)| c.is_alphanumeric())
            .any(|(i, _)| {
                let at = p.start + i;
                !overlapping
                    .iter()
                    .any(|f| f.span.start <= at && at < f.span.end)
            });
        return Outcome::Found { partial };
    }
    if p.kind != FindingKind::NationalId
        && overlapping
            .iter()
            .any(|f| f.span.start <= p.start && p.end <= f.span.end)
    {
        return Outcome::Covered;
    }
    Outcome::Missed
}

struct Report {
    tallies: BTreeMap<FindingKind, Tally>,
    misses: Vec<String>,
    known_misses: Vec<String>,
    now_found: Vec<String>,
    false_positives: Vec<String>,
    partial: Vec<String>,
    cases: usize,
    /// Every finding in the planted lines.
    findings: usize,
}

fn evaluate(cases: &[Case]) -> Report {
    let mut r = Report {
        tallies: BTreeMap::new(),
        misses: Vec::new(),
        known_misses: Vec::new(),
        now_found: Vec::new(),
        false_positives: Vec::new(),
        partial: Vec::new(),
        cases: cases.len(),
        findings: 0,
    };
    for c in cases {
        let findings = scan_text(&c.text, &c.identity);
        r.findings += findings.len();
        let mut all_found = true;
        for p in &c.planted {
            let t = r.tallies.entry(p.kind).or_default();
            t.planted += 1;
            match judge(&c.text, p, &findings) {
                Outcome::Found { partial } => {
                    t.found += 1;
                    if partial {
                        t.partial += 1;
                        r.partial
                            .push(format!("{} ({})", c.origin, p.kind.as_str()));
                    }
                }
                Outcome::Covered => t.covered += 1,
                Outcome::Missed => {
                    all_found = false;
                    let m = format!("{} ({})", c.origin, p.kind.as_str());
                    if c.known_miss {
                        r.known_misses.push(m);
                    } else {
                        r.misses.push(m);
                    }
                }
            }
        }
        if c.known_miss && all_found {
            r.now_found.push(c.origin.clone());
        }
        for f in &findings {
            if !c
                .planted
                .iter()
                .any(|p| f.span.start < p.end && p.start < f.span.end)
            {
                r.false_positives
                    .push(format!("{} ({})", c.origin, f.kind.as_str()));
            }
        }
    }
    r
}

struct LookalikeResult {
    by_category: BTreeMap<String, (usize, usize)>,
    lost: Vec<String>,
    total: usize,
    kept: usize,
    /// Every finding in the look-alikes (each a false positive).
    findings: usize,
}

/// A disguised copy of a look-alike: spaces → NBSP, ASCII digits → full-width.
fn disguise_lookalike(s: &str) -> String {
    map_digits(&s.replace(' ', "\u{A0}"), 0xFF10)
}

fn evaluate_lookalikes() -> LookalikeResult {
    let mut r = LookalikeResult {
        by_category: BTreeMap::new(),
        lost: Vec::new(),
        total: 0,
        kept: 0,
        findings: 0,
    };
    for (line, known, text, identity) in corpus_lines(LOOKALIKES) {
        let (cat, body) = text
            .strip_prefix('[')
            .and_then(|t| t.split_once("] "))
            .unwrap_or_else(|| panic!("lookalikes.txt:{line}: missing [category]"));
        for (variant, body) in [
            ("", body.to_string()),
            (" (disguised)", disguise_lookalike(body)),
        ] {
            let findings = scan_text(&body, &identity);
            r.findings += findings.len();
            let e = r.by_category.entry(cat.to_string()).or_default();
            e.0 += 1;
            r.total += 1;
            if findings.is_empty() {
                e.1 += 1;
                r.kept += 1;
            } else {
                let kinds: Vec<&str> = findings.iter().map(|f| f.kind.as_str()).collect();
                let mark = if known { " [known]" } else { "" };
                r.lost.push(format!(
                    "lookalikes.txt:{line}{variant} [{cat}] flagged as {}{mark}",
                    kinds.join(", ")
                ));
            }
        }
    }
    r
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn all_cases() -> Vec<Case> {
    let mut cases = planted_cases();
    cases.extend(generated_cases());
    cases.extend(public_vector_cases());
    cases
}

#[test]
fn privacy_evaluation() {
    let cases = all_cases();
    let r = evaluate(&cases);
    let l = evaluate_lookalikes();

    let mut out = String::new();
    let _ = writeln!(out, "\nPrivacy evaluation: {} planted cases", r.cases);
    let _ = writeln!(
        out,
        "{:<22} {:>8} {:>8} {:>8} {:>8} {:>9}",
        "kind", "planted", "found", "covered", "partial", "recall"
    );
    let (mut tp, mut tf) = (0, 0);
    for (k, t) in &r.tallies {
        let counted = t.found
            + if *k == FindingKind::NationalId {
                0
            } else {
                t.covered
            };
        tp += t.planted;
        tf += counted;
        let _ = writeln!(
            out,
            "{:<22} {:>8} {:>8} {:>8} {:>8} {:>8.2}%",
            k.as_str(),
            t.planted,
            t.found,
            t.covered,
            t.partial,
            pct(counted, t.planted)
        );
    }
    let overall = pct(tf, tp);
    let _ = writeln!(out, "{:<22} {:>8} {:>8} {:>26.2}%", "all", tp, tf, overall);
    let _ = writeln!(
        out,
        "\nLook-alikes: {} scanned, {} kept ({:.2}%), {} lost",
        l.total,
        l.kept,
        pct(l.kept, l.total),
        l.total - l.kept
    );
    for (cat, (n, kept)) in &l.by_category {
        let _ = writeln!(out, "  {cat:<28} {kept:>4}/{n:<4}");
    }
    let _ = writeln!(
        out,
        "\nFalse positives in planted lines (findings overlapping no planted span): {}",
        r.false_positives.len()
    );
    // Precision: the findings that overlap a planted identifier, of every finding in the
    // planted lines and the look-alikes (precision on real text: `precision_on_norne`).
    let all_findings = r.findings + l.findings;
    let right = r.findings - r.false_positives.len();
    let precision = pct(right, all_findings);
    let _ = writeln!(
        out,
        "Precision: {right} of {all_findings} findings ({precision:.2}%)"
    );
    for s in &r.false_positives {
        let _ = writeln!(out, "  {s}");
    }
    for (title, list) in [
        ("Misses", &r.misses),
        ("Known misses (marked ! in the corpus)", &r.known_misses),
        ("Known misses now found (remove the mark)", &r.now_found),
        ("Found but only partly covered", &r.partial),
        ("Look-alikes lost", &l.lost),
    ] {
        let _ = writeln!(out, "\n{title}: {}", list.len());
        for s in list.iter() {
            let _ = writeln!(out, "  {s}");
        }
    }
    println!("{out}");

    let nid = r
        .tallies
        .get(&FindingKind::NationalId)
        .expect("national IDs planted");
    assert_eq!(
        nid.found, nid.planted,
        "recall on national identity numbers below 100 % (see the report above)"
    );
    // Recall over precision for identifiers: every kind planted is found (issue 17).
    for (k, t) in &r.tallies {
        let counted = t.found
            + if *k == FindingKind::NationalId {
                0
            } else {
                t.covered
            };
        assert_eq!(
            counted,
            t.planted,
            "recall on {} below 100 % (see the report above)",
            k.as_str()
        );
    }
    assert!(
        overall >= 100.0,
        "overall recall {overall:.2}% below 100 % (see the report above)"
    );
    assert!(precision >= 98.0, "precision {precision:.2}% on the corpus");
    let lost = pct(l.total - l.kept, l.total);
    assert!(lost <= 2.0, "{lost:.2}% of look-alikes lost (max 2 %)");
    // Each kind the issue lists is planted at least a few times.
    for k in [
        FindingKind::NationalId,
        FindingKind::PossibleNationalId,
        FindingKind::Name,
        FindingKind::Phone,
        FindingKind::Email,
        FindingKind::Address,
        FindingKind::BirthDate,
        FindingKind::Account,
        FindingKind::RecordNumber,
    ] {
        let n = r.tallies.get(&k).map_or(0, |t| t.planted);
        assert!(n >= 10, "only {n} planted {}", k.as_str());
    }
    assert!(l.total >= 400, "only {} look-alikes", l.total);
}

/// Clinicians' names in their own fields, the NPR-ID field, literature and the birth year
/// field: the valid example forms produce no finding at all.
#[test]
fn example_forms_have_no_findings() {
    for name in [
        "tilgang-del2-valid.json",
        "hb-exception-single-valid.json",
        "hb-exception-group-valid.json",
        "hb-offlabel-single-valid.json",
        "hb-offlabel-group-valid.json",
    ] {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let kind = FormKind::parse(doc["form"].as_str().unwrap()).unwrap();
        let part1 = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        let found = scan_document(&doc, kind, &part1);
        let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
        assert!(found.is_empty(), "{name}: findings in {paths:?}");
    }
}

/// A clinician's name is allowed in its own field, but a patient's identifiers are not.
#[test]
fn allowed_name_fields_keep_names_but_not_numbers() {
    let id = Identity::none();
    for t in [
        "Overlege Ingrid Solberg",
        "Avdelingssjef Per Olav Haugland",
        "Fagdirektør Marte Lie",
        "LIS Ole-Martin Ødegård",
    ] {
        assert!(scan_with(t, Privacy::AllowedName, &id).is_empty(), "{t}");
        // The same name in free text after a title is reported (low confidence).
        assert!(!scan_text(t, &id).is_empty(), "{t}");
    }
    // python-stdnum tests/test_no_fodselsnummer.doctest: 26111593816 is valid.
    let f = scan_with("Ingrid Solberg 26111593816", Privacy::AllowedName, &id);
    assert_eq!(
        f.iter().map(|f| f.kind).collect::<Vec<_>>(),
        vec![FindingKind::NationalId]
    );
}

/// The counting rule itself: a miss is a miss, a wrong kind is not recall for national IDs.
#[test]
fn scoring_rule_is_strict_for_national_ids() {
    let p = Span {
        kind: FindingKind::NationalId,
        start: 0,
        end: 11,
    };
    let f = |kind, start, end| Finding {
        kind,
        span: skjemavakt::Span::from_bytes("26111593816", start, end),
        confidence: 0.5,
        basis: Basis::Pattern,
    };
    assert!(matches!(
        judge(
            "26111593816",
            &p,
            &[f(FindingKind::PossibleNationalId, 0, 11)]
        ),
        Outcome::Missed
    ));
    assert!(matches!(
        judge("26111593816", &p, &[f(FindingKind::NationalId, 0, 6)]),
        Outcome::Found { partial: true }
    ));
    assert!(matches!(judge("26111593816", &p, &[]), Outcome::Missed));
    let q = Span {
        kind: FindingKind::Phone,
        start: 0,
        end: 8,
    };
    assert!(matches!(
        judge("26111593816", &q, &[f(FindingKind::RecordNumber, 0, 11)]),
        Outcome::Covered
    ));
}

/// Spans of findings in a long text with characters outside the BMP and non-ASCII letters:
/// the UTF-16 offsets equal `Span::from_bytes` (the scanner counts them incrementally).
#[test]
fn utf16_offsets_in_long_text_match_from_bytes() {
    let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
    let mut text = String::new();
    for i in 0..200 {
        // python-stdnum: 26111593816 is valid.
        let _ = write!(
            text,
            "Ødegård 😀 𝟐 tlf 912 34 {:03} – Kari, fnr 261115 93816. ",
            i % 1000
        );
    }
    let found = scan_text(&text, &id);
    assert!(found.len() >= 400, "{}", found.len());
    for f in &found {
        let expected = skjemavakt::Span::from_bytes(&text, f.span.start, f.span.end);
        assert_eq!(f.span, expected);
    }
}

/// Precision on real Norwegian text: NorNE (newspaper, blog, parliament and report text with
/// every person name annotated, `/work/shared/data/norne/`, read at run time and skipped
/// when absent; the sentences never enter the repository). Every sentence is scanned without
/// part 1. A name finding that overlaps a person name (`PER`) is right; one that does not is
/// a false positive (an organisation, a place, a word). The other kinds have no annotation
/// in NorNE: their findings are counted per kind and each counts against precision (news
/// text holds few phone numbers, no national identity numbers). Name recall on the person
/// names is printed too (a name in news text is often a public figure's, alone, with no cue:
/// the name finder is built for part 2's text, where the lists and cues are what it has).
#[test]
fn precision_on_norne() {
    let dir = std::env::var("SKJEMAVAKT_NORNE")
        .unwrap_or_else(|_| format!("{}/../shared/data/norne", env!("CARGO_MANIFEST_DIR")));
    let files = [
        "nob-train.tsv",
        "nob-dev.tsv",
        "nno-train.tsv",
        "nno-dev.tsv",
    ];
    let none = Identity::none();
    let (mut sentences, mut per, mut per_found) = (0usize, 0usize, 0usize);
    let (mut name_right, mut name_wrong) = (0usize, 0usize);
    let (mut ordinary, mut on_ordinary) = (0usize, 0usize);
    let mut others: BTreeMap<&str, usize> = BTreeMap::new();
    let mut read = 0;
    for f in files {
        let Ok(data) = std::fs::read_to_string(format!("{dir}/{f}")) else {
            continue;
        };
        read += 1;
        for sent in data.split("\n\n") {
            let mut text = String::new();
            let mut names: Vec<(usize, usize)> = Vec::new();
            // Every entity's tokens (any tag but O), and the ordinary tokens' count.
            let mut entity: Vec<(usize, usize)> = Vec::new();
            for line in sent.lines().filter(|l| !l.starts_with('#')) {
                let mut it = line.split('\t');
                let (Some(tok), Some(tag), Some(space)) = (it.next(), it.next(), it.next()) else {
                    continue;
                };
                let start = text.len();
                text.push_str(tok);
                if tag == "O" {
                    ordinary += 1;
                } else {
                    entity.push((start, text.len()));
                }
                match (tag, names.last_mut()) {
                    ("I-PER", Some(last)) => last.1 = text.len(),
                    ("B-PER" | "I-PER", _) => names.push((start, text.len())),
                    _ => {}
                }
                if space == "1" {
                    text.push(' ');
                }
            }
            if text.is_empty() {
                continue;
            }
            sentences += 1;
            let found = scan_text(&text, &none);
            per += names.len();
            per_found += names
                .iter()
                .filter(|&&(s, e)| {
                    found
                        .iter()
                        .any(|f| f.kind == FindingKind::Name && f.span.start < e && s < f.span.end)
                })
                .count();
            for f in &found {
                if f.kind == FindingKind::Name {
                    if names
                        .iter()
                        .any(|&(s, e)| f.span.start < e && s < f.span.end)
                    {
                        name_right += 1;
                    } else {
                        name_wrong += 1;
                        if !entity
                            .iter()
                            .any(|&(s, e)| f.span.start < e && s < f.span.end)
                        {
                            on_ordinary += 1;
                        }
                    }
                } else {
                    *others.entry(f.kind.as_str()).or_default() += 1;
                }
            }
        }
    }
    if read == 0 {
        println!("NorNE not found at {dir}: precision on real text not measured");
        return;
    }
    let other: usize = others.values().sum();
    let all = name_right + name_wrong + other;
    let precision = pct(name_right, all);
    println!(
        "\nNorNE ({read} files, {sentences} sentences, {per} person names): {all} findings\n\
         name findings on a person name {name_right}, elsewhere {name_wrong} \
         (name precision {:.2}%)\n\
         findings of other kinds (no annotation, counted as false): {other} {others:?}\n\
         precision over all findings {precision:.2}%; name recall on person names {:.2}%",
        pct(name_right, name_right + name_wrong),
        pct(per_found, per)
    );
    let per_1000 = on_ordinary as f64 * 1000.0 / ordinary.max(1) as f64;
    println!(
        "name findings on ordinary tokens: {on_ordinary} ({per_1000:.2} per 1 000 of {ordinary}); \
         on other named entities: {}",
        name_wrong - on_ordinary
    );
    assert!(sentences > 1000 && per > 500, "NorNE read incompletely");
    assert!(
        precision >= PRECISION_FLOOR,
        "precision {precision:.2}% on NorNE"
    );
    assert!(
        per_1000 <= ORDINARY_FA_CEILING,
        "{per_1000:.2} name findings per 1 000 ordinary tokens of NorNE"
    );
    let recall = pct(per_found, per);
    assert!(
        recall >= NORNE_RECALL_FLOOR,
        "name recall {recall:.2}% on NorNE"
    );
}
