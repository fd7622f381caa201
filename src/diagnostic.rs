//! The diagnostic model every check in skjemavakt returns.
//!
//! Modelled on typst's batch diagnostics (all problems at once, each with severity, span,
//! message and hint) and on the `jsonschema` crate's errors (a JSON Pointer to the field).
//!
//! **A diagnostic cannot carry an input value.** There is no `value` field. Messages are
//! built from a [`Rule`]'s static templates (bokmål, nynorsk, English) and [`Arg`]s, and an
//! `Arg` is either a number or a `&'static str` — never text taken from the input. Spans
//! point *at* input (byte and UTF-16 offsets) without copying it. Keys of unknown JSON
//! members, which do come from the input, are masked by [`Pointer::key_masked`].

use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the stage: the form cannot move on until it is fixed.
    Error,
    /// Should be looked at; does not block.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// Stable lowercase name (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Message language. Bokmål is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norsk bokmål.
    #[default]
    Nb,
    /// Norsk nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// Parses a language tag (`nb`, `nn`, `en`, also `no`, `nob`, `nno`, `eng`, `en-GB` …).
    /// Unknown tags give `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        let primary = t.split(['-', '_']).next().unwrap_or("");
        match primary {
            "nb" | "no" | "nob" | "nor" => Some(Lang::Nb),
            "nn" | "nno" => Some(Lang::Nn),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag (`nb`, `nn`, `en`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }
}

/// A text in the three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts {
    pub nb: &'static str,
    pub nn: &'static str,
    pub en: &'static str,
}

impl Texts {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.nb,
            Lang::Nn => self.nn,
            Lang::En => self.en,
        }
    }
}

/// A governing document (a file in `shared/domain/`) or another named authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Document {
    /// `nye-metoder-tilgangsordningen.txt` — the national Tilgangsordningen.
    Tilgangsordningen,
    /// `helse-bergen-behandling-av-soknad-1.2.2.5-16.txt` — Helse Bergen's procedure.
    HelseBergen1_2_2_5_16,
    /// `helse-bergen-kjernegruppen-mandat.txt` — the core group's mandate.
    HelseBergenKjernegruppen,
    /// `BRIEF.md` — the project's digest of the domain.
    DomainBrief,
    /// Skatteetaten's rules for national identity numbers (folkeregisteret).
    Skatteetaten,
    /// skjemavakt's own product rules (limits, input format), documented in README.md.
    Skjemavakt,
}

impl Document {
    /// File name (or name) of the document, as cited.
    pub fn name(self) -> &'static str {
        match self {
            Document::Tilgangsordningen => "nye-metoder-tilgangsordningen.txt",
            Document::HelseBergen1_2_2_5_16 => "helse-bergen-behandling-av-soknad-1.2.2.5-16.txt",
            Document::HelseBergenKjernegruppen => "helse-bergen-kjernegruppen-mandat.txt",
            Document::DomainBrief => "BRIEF.md",
            Document::Skatteetaten => "Skatteetaten: fødselsnummer og d-nummer",
            Document::Skjemavakt => "skjemavakt README.md",
        }
    }
}

/// Where a rule comes from: a document and a section of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    pub document: Document,
    pub section: &'static str,
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Source", 2)?;
        st.serialize_field("document", self.document.name())?;
        st.serialize_field("section", self.section)?;
        st.end()
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.document.name(), self.section)
    }
}

impl PartialEq for Rule {
    /// Rules are identified by their code.
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}

/// A rule: one check, one stable code, one source, one message in three languages.
///
/// Rules are `static`s next to the code that checks them, so a reader finds the rule, its
/// source and its message in one place. Templates may contain `{name}` placeholders filled
/// from [`Arg`]s.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, dotted lowercase, e.g. `reference.date.future`. Never changes meaning.
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Where the rule comes from.
    pub source: Source,
    /// What is wrong.
    pub message: Texts,
    /// How to fix it.
    pub hint: Option<Texts>,
}

/// A message argument. Deliberately has no variant for owned or borrowed input text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A whole number (a count, a limit, a year bound).
    Int(i64),
    /// An amount in øre, shown as NOK in the language's writing.
    Nok(i64),
    /// A fixed text from the program (a field name, a code from a built-in table).
    Static(&'static str),
    /// A fixed text from the program in the three languages (a field's label).
    Text(&'static Texts),
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match *self {
            Arg::Int(n) => n.to_string(),
            Arg::Static(s) => s.to_string(),
            Arg::Text(t) => t.get(lang).to_string(),
            Arg::Nok(ore) => format_nok(ore, lang),
        }
    }
}

/// Formats an amount in øre as NOK: `kr 12 345,50` (nb/nn, NBSP-free thin grouping with a
/// plain space) or `NOK 12,345.50` (en). Whole kroner are shown without decimals.
pub fn format_nok(ore: i64, lang: Lang) -> String {
    let neg = ore < 0;
    let abs = ore.unsigned_abs();
    let kr = abs / 100;
    let rest = abs % 100;
    let sep = if lang == Lang::En { ',' } else { ' ' };
    let digits = kr.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(ch);
    }
    let sign = if neg { "-" } else { "" };
    match (lang, rest) {
        (Lang::En, 0) => format!("{sign}NOK {grouped}"),
        (Lang::En, r) => format!("{sign}NOK {grouped}.{r:02}"),
        (_, 0) => format!("{sign}kr {grouped}"),
        (_, r) => format!("{sign}kr {grouped},{r:02}"),
    }
}

/// A JSON Pointer (RFC 6901) to the field a diagnostic is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Pointer(String);

impl Pointer {
    /// The whole document (`""`).
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// Parses a pointer written by the program (e.g. `"/patient/birth_year"`).
    pub fn from_static(p: &'static str) -> Pointer {
        Pointer(p.to_string())
    }

    /// Appends a member name known to the program.
    pub fn key(&self, key: &'static str) -> Pointer {
        let mut s = self.0.clone();
        push_escaped(&mut s, key);
        Pointer(s)
    }

    /// Appends a member name taken from the input. A name that could carry an identifier
    /// (anything but a short `[A-Za-z0-9_]` name with at most 4 digits) is written as `*`,
    /// so the input never reaches a path.
    pub fn key_masked(&self, key: &str) -> Pointer {
        self.key_masked_if(key, false)
    }

    /// As [`Pointer::key_masked`], and also masked when `personal` (the caller knows the name
    /// looks like a person's name, e.g. from the name lists).
    pub fn key_masked_if(&self, key: &str, personal: bool) -> Pointer {
        let safe = !personal
            && !key.is_empty()
            && key.len() <= 40
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && key.bytes().filter(u8::is_ascii_digit).count() <= 4;
        let mut s = self.0.clone();
        if safe {
            push_escaped(&mut s, key);
        } else {
            s.push_str("/*");
        }
        Pointer(s)
    }

    /// Appends an array index.
    pub fn index(&self, i: usize) -> Pointer {
        Pointer(format!("{}/{}", self.0, i))
    }

    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The reference tokens, unescaped (RFC 6901 §4).
    pub fn tokens(&self) -> impl Iterator<Item = String> + '_ {
        self.0.split('/').skip(1).map(unescape_token)
    }

    /// The value this pointer names in `doc` (RFC 6901 §4), for changing it.
    pub fn resolve_mut<'v>(&self, doc: &'v mut Value) -> Option<&'v mut Value> {
        self.tokens().try_fold(doc, |v, t| match v {
            Value::Object(m) => m.get_mut(&t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        })
    }
}

/// A reference token unescaped: `~1` → `/`, then `~0` → `~` (RFC 6901 §4). A plain loop:
/// `str::replace` links core's two-way searcher into the wasm package (1.5 KB).
fn unescape_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.clone().next() {
            Some('1') => {
                out.push('/');
                chars.next();
            }
            Some('0') => {
                out.push('~');
                chars.next();
            }
            _ => out.push('~'),
        }
    }
    out
}

fn push_escaped(s: &mut String, key: &str) {
    s.push('/');
    for ch in key.chars() {
        match ch {
            '~' => s.push_str("~0"),
            '/' => s.push_str("~1"),
            c => s.push(c),
        }
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(dokumentet)")
        } else {
            f.write_str(&self.0)
        }
    }
}

/// A location inside a text field: byte offsets (for Rust) and UTF-16 offsets (for JS).
/// `end` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub utf16_start: usize,
    pub utf16_end: usize,
}

impl Span {
    /// Builds a span from a byte range of `text`. Offsets that are out of range or not on a
    /// character boundary are moved outward to the nearest boundary inside the text.
    pub fn from_bytes(text: &str, start: usize, end: usize) -> Span {
        let mut start = start.min(text.len());
        while start > 0 && !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.clamp(start, text.len());
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        let utf16_start = utf16_len(text.get(..start).unwrap_or(""));
        let utf16_end = utf16_start + utf16_len(text.get(start..end).unwrap_or(""));
        Span {
            start,
            end,
            utf16_start,
            utf16_end,
        }
    }
}

/// Builds many spans over one text in linear total time: offsets are counted on from the
/// previous span instead of from the start of the text. Spans must come in non-decreasing
/// order of `start` for that; an earlier `start` restarts the count (correct, just slower).
pub struct SpanCursor<'a> {
    text: &'a str,
    byte: usize,
    units: usize,
}

impl<'a> SpanCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> SpanCursor<'a> {
        SpanCursor {
            text,
            byte: 0,
            units: 0,
        }
    }

    /// The span of a byte range, as [`Span::from_bytes`] would give it.
    pub fn span(&mut self, start: usize, end: usize) -> Span {
        let mut start = start.min(self.text.len());
        while start > 0 && !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.clamp(start, self.text.len());
        while end < self.text.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        if start < self.byte {
            self.byte = 0;
            self.units = 0;
        }
        self.units += utf16_len(self.text.get(self.byte..start).unwrap_or(""));
        self.byte = start;
        let utf16_end = self.units + utf16_len(self.text.get(start..end).unwrap_or(""));
        Span {
            start,
            end,
            utf16_start: self.units,
            utf16_end,
        }
    }
}

/// UTF-16 code units of `s`, counted on bytes: one per byte that starts a character, and a
/// second for each four-byte character (a surrogate pair) — eight bytes at a time.
/// Decoding every character was a tenth of the time of scanning long text.
fn utf16_len(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let chunks = s.as_bytes().chunks_exact(8);
    let tail = chunks.remainder();
    let mut units = 0;
    for c in chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
        // Continuation bytes are 10xxxxxx; four-byte leads are 11110xxx.
        let continuation = w & HIGH & !(w << 1);
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    for &b in tail {
        units += usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0);
    }
    units
}

/// One problem found in a document or a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The rule that fired.
    pub rule: &'static Rule,
    /// Severity (usually the rule's; a stage may raise or lower it).
    pub severity: Severity,
    /// Where in the document.
    pub path: Pointer,
    /// Message arguments (never input text).
    pub args: Vec<(&'static str, Arg)>,
    /// Where inside the field's text, for text findings.
    pub span: Option<Span>,
    /// For identifier findings: how sure the detector is (0–1).
    pub confidence: Option<f32>,
}

impl Diagnostic {
    /// A diagnostic for `rule` at `path`, with the rule's severity.
    pub fn new(rule: &'static Rule, path: Pointer) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.severity,
            path,
            args: Vec::new(),
            span: None,
            confidence: None,
        }
    }

    /// Adds a message argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Diagnostic {
        self.args.push((name, value));
        self
    }

    /// Sets the span inside the field's text.
    pub fn span(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    /// Overrides the severity.
    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// Sets a detector's confidence.
    pub fn confidence(mut self, c: f32) -> Diagnostic {
        self.confidence = Some(c.clamp(0.0, 1.0));
        self
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// The message in `lang`, with arguments filled in.
    pub fn message(&self, lang: Lang) -> String {
        fill(self.rule.message.get(lang), &self.args, lang)
    }

    /// The hint in `lang`, if the rule has one.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        self.rule.hint.map(|h| fill(h.get(lang), &self.args, lang))
    }

    /// The serialisable form in one language.
    pub fn render(&self, lang: Lang) -> Rendered {
        Rendered {
            code: self.rule.code,
            severity: self.severity,
            path: self.path.clone(),
            message: self.message(lang),
            hint: self.hint(lang),
            source: self.rule.source,
            span: self.span,
            confidence: self.confidence,
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `error[reference.format] /reference: message` in bokmål.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity.as_str(),
            self.rule.code,
            self.path,
            self.message(Lang::Nb)
        )
    }
}

/// A diagnostic rendered in one language, as sent to JS and printed as JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rendered {
    pub code: &'static str,
    pub severity: Severity,
    pub path: Pointer,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// Renders a list of diagnostics in one language.
pub fn render_all(diags: &[Diagnostic], lang: Lang) -> Vec<Rendered> {
    diags.iter().map(|d| d.render(lang)).collect()
}

/// True when any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

fn fill(template: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        match after.find('}') {
            Some(close) => {
                let name = after.get(..close).unwrap_or("");
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, a)) => out.push_str(&a.render(lang)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(rest.get(open..).unwrap_or(""));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static R: Rule = Rule {
        code: "test.rule",
        severity: Severity::Warning,
        source: Source {
            document: Document::Tilgangsordningen,
            section: "Kostnader",
        },
        message: Texts {
            nb: "Beløpet {sum} er over {max} måneder.",
            nn: "Beløpet {sum} er over {max} månader.",
            en: "The amount {sum} exceeds {max} months.",
        },
        hint: None,
    };

    #[test]
    fn fills_arguments_per_language() {
        let d = Diagnostic::new(&R, Pointer::root().key("costs"))
            .arg("sum", Arg::Nok(12_345_050))
            .arg("max", Arg::Int(12));
        assert_eq!(
            d.message(Lang::Nb),
            "Beløpet kr 123 450,50 er over 12 måneder."
        );
        assert_eq!(
            d.message(Lang::En),
            "The amount NOK 123,450.50 exceeds 12 months."
        );
        assert_eq!(d.path.as_str(), "/costs");
        assert_eq!(d.severity, Severity::Warning);
    }

    #[test]
    fn unknown_placeholder_is_kept_and_unbalanced_brace_survives() {
        assert_eq!(fill("a {x} b {", &[], Lang::Nb), "a {x} b {");
    }

    #[test]
    fn pointer_escapes_and_masks() {
        let p = Pointer::root().key("a/b").key("c~d").index(3);
        assert_eq!(p.as_str(), "/a~1b/c~0d/3");
        // Tokens come back unescaped; "~01" is "~1" (RFC 6901 §4: ~1 first, then ~0).
        assert_eq!(p.tokens().collect::<Vec<_>>(), ["a/b", "c~d", "3"]);
        let odd = Pointer::root().key("~1").key("x~");
        assert_eq!(odd.as_str(), "/~01/x~0");
        assert_eq!(odd.tokens().collect::<Vec<_>>(), ["~1", "x~"]);
        let mut doc = serde_json::json!({"a/b": {"c~d": [0, 1, 2, "t"]}, "~1": {"x~": 5}});
        *p.resolve_mut(&mut doc).unwrap() = serde_json::json!("u");
        assert_eq!(doc["a/b"]["c~d"][3], "u");
        assert_eq!(odd.resolve_mut(&mut doc).map(|v| v.clone()), Some(5.into()));
        assert!(Pointer::root()
            .key("a/b")
            .index(9)
            .resolve_mut(&mut doc)
            .is_none());
        assert!(Pointer::root().key("nope").resolve_mut(&mut doc).is_none());
        assert_eq!(
            Pointer::root().key_masked("patient_name").as_str(),
            "/patient_name"
        );
        assert_eq!(Pointer::root().key_masked("26111593816").as_str(), "/*");
        assert_eq!(Pointer::root().key_masked("Kari Nordmann").as_str(), "/*");
    }

    #[test]
    fn span_has_utf16_offsets() {
        let t = "Født på Ål 😀 x";
        let start = t.find('x').unwrap_or(0);
        let s = Span::from_bytes(t, start, start + 1);
        // "Født på Ål " = 11 UTF-16 units, emoji = 2, space = 1.
        assert_eq!(s.utf16_start, 14);
        assert_eq!(s.utf16_end, 15);
        // Offsets inside a character are moved to a boundary, out of range are clamped.
        let s2 = Span::from_bytes(t, 2, 1000);
        assert!(t.is_char_boundary(s2.start) && s2.end == t.len());
    }

    #[test]
    fn utf16_length_counted_on_bytes_agrees_with_decoding() {
        // One character of every UTF-8 length, and the edges of each length's range.
        let chars = [
            'a', '\u{7F}', '\u{80}', 'ø', '\u{7FF}', '\u{800}', '€', '\u{FFFF}',
        ];
        let more = ['\u{10000}', '😀', '\u{10FFFF}'];
        let t: String = chars.iter().chain(&more).cycle().take(200).collect();
        for (a, _) in t.char_indices() {
            let s = &t[a..];
            assert_eq!(utf16_len(s), s.encode_utf16().count());
        }
    }

    #[test]
    fn span_cursor_agrees_with_from_bytes() {
        let t = "æ😀 a ø 😀😀 b";
        let ranges = [(0, 2), (2, 6), (7, 8), (9, 11), (12, 20), (3, 5), (22, 23)];
        let mut c = SpanCursor::new(t);
        for (s, e) in ranges {
            assert_eq!(c.span(s, e), Span::from_bytes(t, s, e), "{s}..{e}");
        }
    }

    #[test]
    fn nok_formatting() {
        assert_eq!(format_nok(0, Lang::Nb), "kr 0");
        assert_eq!(format_nok(-150_000, Lang::Nb), "-kr 1 500");
        assert_eq!(format_nok(100_000_000, Lang::En), "NOK 1,000,000");
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::parse("nb-NO"), Some(Lang::Nb));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse("NN"), Some(Lang::Nn));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
