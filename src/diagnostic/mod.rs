//! The diagnostic model every check in skjemavakt returns.
//!
//! Modelled on typst's batch diagnostics (all problems at once, each with severity, span,
//! message and hint) and on the `jsonschema` crate's errors (a JSON Pointer to the field).
//!
//! **A diagnostic cannot carry an input value.** There is no `value` field. Messages are
//! built from a [`Rule`]'s static templates (bokmål, nynorsk, English) and [`Arg`]s, and an
//! `Arg` is either a number or a `&'static str` — never text taken from the input. Spans
//! point *at* input (byte and UTF-16 offsets) without copying it. Keys of unknown JSON
//! members, which do come from the input, are always masked ([`Pointer::unknown_member`],
//! [`Pointer::key_masked`]).
//!
//! - [`rule`] — [`Rule`], [`Source`], [`Document`], [`Texts`] and the macros that define them;
//! - [`pointer`](mod@pointer) — [`Pointer`];
//! - [`span`] — [`Span`], [`SpanCursor`].

pub mod pointer;
pub mod rule;
pub mod span;

pub use pointer::Pointer;
pub(crate) use rule::{rule, texts};
pub use rule::{DocData, Document, Rule, Source, Texts};
pub use span::{Span, SpanCursor};

use serde::Serialize;
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

    rule! {
        static R: "test.rule", Warning, Document::Tilgangsordningen.at("Kostnader");
        nb: "Beløpet {sum} er over {max} måneder.",
        nn: "Beløpet {sum} er over {max} månader.",
        en: "The amount {sum} exceeds {max} months.",
    }

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

    const SHARED: Texts = Texts {
        nb: "Felles råd.",
        nn: "Felles råd.",
        en: "Shared advice.",
    };

    rule! {
        static WITH_SHARED_HINT: "test.shared", Error, Document::Skjemavakt.at("Test");
        nb: "Melding.",
        nn: "Melding.",
        en: "Message.",
        hint: SHARED,
    }

    #[test]
    fn a_rule_may_share_a_hint() {
        let d = Diagnostic::new(&WITH_SHARED_HINT, Pointer::root());
        assert_eq!(d.hint(Lang::En).as_deref(), Some("Shared advice."));
        assert_eq!(Diagnostic::new(&R, Pointer::root()).hint(Lang::Nb), None);
    }

    #[test]
    fn unknown_placeholder_is_kept_and_unbalanced_brace_survives() {
        assert_eq!(fill("a {x} b {", &[], Lang::Nb), "a {x} b {");
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
