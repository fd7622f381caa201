//! Reading NorNE (Norwegian text with every named entity annotated) and measuring a name
//! finder on it: the share of person names a finding touches and covers, and the false
//! alarms on ordinary words and on other named entities.
//!
//! NorNE: Jørgensen, Aasmoe, Ruud Husevåg, Øvrelid, Velldal, "NorNE: Annotating Named
//! Entities for Norwegian", LREC 2020. The files are read at run time from
//! `../shared/data/norne/` (train and dev only; the test split is held out): their
//! sentences may not be republished, so nothing of them is kept in the repository.
//!
//! Format: one token a line, `token<TAB>tag<TAB>space-after (1/0)`, an empty line between
//! sentences, `#` comment lines; tags are BIO over PER, ORG, LOC, GPE_LOC, GPE_ORG, PROD,
//! EVT, DRV and MISC.

use std::fmt;
use std::ops::Range;

/// What a token is in the annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Outside any named entity: an ordinary word or sign.
    O,
    /// Part of a person's name; `begin` for the first token of one.
    Per { begin: bool },
    /// Part of another named entity (organisation, place, product, event, derived, misc).
    Other,
}

/// One token of a sentence: its byte range in [`Sentence::text`] and its tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub tag: Tag,
}

/// A sentence rebuilt as text (tokens joined with a space where the annotation has one).
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub text: String,
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The person names: byte ranges from the first to the last token of each.
    pub fn person_names(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut inside = false;
        for t in &self.tokens {
            if let Tag::Per { begin } = t.tag {
                match out.last_mut() {
                    Some(last) if inside && !begin => last.end = t.end,
                    _ => out.push(t.start..t.end),
                }
            }
            inside = matches!(t.tag, Tag::Per { .. });
        }
        out
    }

    /// The byte range of each person token, with the name (index into
    /// [`Sentence::person_names`]) it belongs to.
    fn person_tokens(&self) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        let mut name = None::<usize>;
        let mut inside = false;
        for t in &self.tokens {
            if let Tag::Per { begin } = t.tag {
                let n = match name {
                    Some(n) if inside && !begin => n,
                    Some(n) => n + 1,
                    None => 0,
                };
                name = Some(n);
                out.push((n, t.start..t.end));
            }
            inside = matches!(t.tag, Tag::Per { .. });
        }
        out
    }
}

/// An error in a NorNE file: the line number (1-based) and what is wrong with it (never
/// the line's text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub what: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.what)
    }
}

impl std::error::Error for ParseError {}

/// Parses one NorNE file (its whole text).
pub fn parse(tsv: &str) -> Result<Vec<Sentence>, ParseError> {
    let mut out = Vec::new();
    let mut s = Sentence::default();
    let mut space = false;
    for (n, line) in tsv.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // A comment line; a token that starts with '#' («#hashtag») has its three columns.
        if line.starts_with('#') && !line.contains('\t') {
            continue;
        }
        if line.is_empty() {
            if !s.tokens.is_empty() {
                out.push(std::mem::take(&mut s));
            }
            space = false;
            continue;
        }
        let err = |what| ParseError { line: n + 1, what };
        let mut cols = line.split('\t');
        let (Some(word), Some(tag), Some(after), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(err("not three columns"));
        };
        if word.is_empty() {
            return Err(err("empty token"));
        }
        let tag = match tag {
            "O" => Tag::O,
            "B-PER" => Tag::Per { begin: true },
            "I-PER" => Tag::Per { begin: false },
            t if t.starts_with("B-") || t.starts_with("I-") => Tag::Other,
            _ => return Err(err("unknown tag")),
        };
        if space {
            s.text.push(' ');
        }
        let start = s.text.len();
        s.text.push_str(word);
        s.tokens.push(Token {
            start,
            end: s.text.len(),
            tag,
        });
        space = match after {
            "1" => true,
            "0" => false,
            _ => return Err(err("space-after is neither 1 nor 0")),
        };
    }
    if !s.tokens.is_empty() {
        out.push(s);
    }
    Ok(out)
}

/// How many consecutive sentences make a document ([`documents`]).
pub const DOCUMENT_SENTENCES: usize = 10;

/// The sentences joined into documents of `n` consecutive sentences each: NorNE marks no
/// document boundaries, so consecutive sentences of its (ordered) splits stand in for a
/// paragraph of one text — the length of a free-text field of an application. A document
/// may straddle two of the original texts. A sentence that ends with «.», «!», «?», «…» or
/// «:» is followed by a space, any other (a headline, a byline, an item of a list) by a
/// line break, as it stood in its text.
pub fn documents(sentences: &[Sentence], n: usize) -> Vec<Sentence> {
    sentences
        .chunks(n.max(1))
        .map(|group| {
            let mut doc = Sentence::default();
            for s in group {
                if !doc.text.is_empty() {
                    let ended = doc
                        .text
                        .trim_end_matches(['»', '"', ')', '\'', '”'])
                        .ends_with(['.', '!', '?', '…', ':']);
                    doc.text.push(if ended { ' ' } else { '\n' });
                }
                let shift = doc.text.len();
                doc.text.push_str(&s.text);
                doc.tokens.extend(s.tokens.iter().map(|t| Token {
                    start: t.start + shift,
                    end: t.end + shift,
                    tag: t.tag,
                }));
            }
            doc
        })
        .collect()
}

/// What a name finder did on a set of sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    pub sentences: usize,
    /// Person names.
    pub names: usize,
    /// Person names that a finding overlaps.
    pub touched: usize,
    /// Person names every token of which findings cover completely.
    pub covered: usize,
    /// Ordinary (O) tokens, and those a finding overlaps.
    pub o_tokens: usize,
    pub o_flagged: usize,
    /// Tokens of other named entities (not persons), and those a finding overlaps.
    pub other_tokens: usize,
    pub other_flagged: usize,
}

impl Scores {
    /// Share of person names touched, in per cent.
    pub fn touched_pct(&self) -> f64 {
        pct(self.touched, self.names)
    }
    /// Share of person names fully covered, in per cent.
    pub fn covered_pct(&self) -> f64 {
        pct(self.covered, self.names)
    }
    /// False alarms per 1 000 ordinary tokens.
    pub fn o_per_1000(&self) -> f64 {
        per_1000(self.o_flagged, self.o_tokens)
    }
    /// False alarms per 1 000 tokens of other named entities.
    pub fn other_per_1000(&self) -> f64 {
        per_1000(self.other_flagged, self.other_tokens)
    }
    /// Adds another set's counts.
    pub fn add(&mut self, o: &Scores) {
        self.sentences += o.sentences;
        self.names += o.names;
        self.touched += o.touched;
        self.covered += o.covered;
        self.o_tokens += o.o_tokens;
        self.o_flagged += o.o_flagged;
        self.other_tokens += o.other_tokens;
        self.other_flagged += o.other_flagged;
    }
}

impl fmt::Display for Scores {
    /// `touched % | fully covered % | FA/1000 O | FA/1000 other entities (n names)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:5.1} % | {:5.1} % | {:5.2} | {:6.2} | {} names",
            self.touched_pct(),
            self.covered_pct(),
            self.o_per_1000(),
            self.other_per_1000(),
            self.names
        )
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn per_1000(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        1000.0 * a as f64 / b as f64
    }
}

/// Runs `find` on each sentence's text and counts. `find` returns byte ranges of the
/// findings in the text it is given (in any order, overlaps allowed).
pub fn evaluate<F>(sentences: &[Sentence], mut find: F) -> Scores
where
    F: FnMut(&str) -> Vec<Range<usize>>,
{
    let mut sc = Scores::default();
    let mut covered = Vec::new();
    for s in sentences {
        let found = find(&s.text);
        sc.sentences += 1;
        // Bytes covered by some finding.
        covered.clear();
        covered.resize(s.text.len(), false);
        for r in &found {
            for c in covered.iter_mut().take(r.end).skip(r.start) {
                *c = true;
            }
        }
        let touches = |r: &Range<usize>| found.iter().any(|f| f.start < r.end && r.start < f.end);
        let names = s.person_names();
        sc.names += names.len();
        sc.touched += names.iter().filter(|r| touches(r)).count();
        let mut whole = vec![true; names.len()];
        for (n, r) in s.person_tokens() {
            let all = covered.get(r.clone()).is_some_and(|c| c.iter().all(|&b| b));
            if let Some(w) = whole.get_mut(n) {
                *w &= all;
            }
        }
        sc.covered += whole.iter().filter(|&&w| w).count();
        for t in &s.tokens {
            let hit = touches(&(t.start..t.end));
            match t.tag {
                Tag::O => {
                    sc.o_tokens += 1;
                    sc.o_flagged += usize::from(hit);
                }
                Tag::Other => {
                    sc.other_tokens += 1;
                    sc.other_flagged += usize::from(hit);
                }
                Tag::Per { .. } => {}
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    // Invented sentences in NorNE's format (no NorNE text here).
    const SAMPLE: &str = "# comment\n#Lege\tO\t1\nKari\tB-PER\t1\nNordmann\tI-PER\t1\nbor\tO\t1\ni\tO\t1\nBergen\tB-GPE_LOC\t0\n.\tO\t1\n\nOla\tB-PER\t1\nog\tO\t1\nPer\tB-PER\t1\nHansen\tI-PER\t0\n.\tO\t1\n";

    #[test]
    fn sentences_are_rebuilt_with_their_spaces() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "#Lege Kari Nordmann bor i Bergen.");
        assert_eq!(s[1].text, "Ola og Per Hansen.");
        let names: Vec<&str> = s[1]
            .person_names()
            .into_iter()
            .map(|r| &s[1].text[r])
            .collect();
        assert_eq!(names, ["Ola", "Per Hansen"]);
    }

    #[test]
    fn documents_join_sentences_and_keep_the_names() {
        let s = parse(SAMPLE).unwrap();
        let d = documents(&s, 10);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].text,
            "#Lege Kari Nordmann bor i Bergen. Ola og Per Hansen."
        );
        let headline =
            parse("Hansen\tB-PER\t1\nsier\tO\t1\nnei\tO\t1\n\nHun\tO\t1\nkom\tO\t1\n").unwrap();
        assert_eq!(documents(&headline, 10)[0].text, "Hansen sier nei\nHun kom");
        let names: Vec<&str> = d[0]
            .person_names()
            .into_iter()
            .map(|r| &d[0].text[r])
            .collect();
        assert_eq!(names, ["Kari Nordmann", "Ola", "Per Hansen"]);
        assert_eq!(documents(&s, 1).len(), 2);
    }

    #[test]
    fn bad_lines_are_reported_by_number() {
        assert_eq!(
            parse("a\tB-PER\t1\nb\tX\t1\n").unwrap_err(),
            ParseError {
                line: 2,
                what: "unknown tag"
            }
        );
        assert_eq!(parse("a\tO\n").unwrap_err().what, "not three columns");
    }

    #[test]
    fn touched_covered_and_false_alarms_are_counted() {
        let s = parse(SAMPLE).unwrap();
        // «Nordmann» only (touched, not covered), «Bergen» (other entity), «og» (ordinary),
        // «Per Hansen» whole.
        let sc = evaluate(&s, |t| {
            ["Nordmann", "Bergen", "og", "Per Hansen"]
                .iter()
                .filter_map(|w| t.find(w).map(|i| i..i + w.len()))
                .collect()
        });
        assert_eq!((sc.names, sc.touched, sc.covered), (3, 2, 1));
        assert_eq!((sc.o_tokens, sc.o_flagged), (6, 1));
        assert_eq!((sc.other_tokens, sc.other_flagged), (1, 1));
    }
}
