//! The rule catalogue, as the shells list it.

use crate::diagnostic::{Rule, Severity, Source, Texts};
use serde::Serialize;

/// Every rule the library knows, each once: the rule catalogue ([`crate::catalogue`]).
pub fn catalogue() -> Vec<&'static Rule> {
    crate::catalogue::rules().collect()
}

/// A rule in the catalogue, serialisable (all languages).
#[derive(Clone, Debug, Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub source: Source,
    pub message: Texts3,
    pub hint: Option<Texts3>,
}

/// The three texts of a message, serialisable.
#[derive(Clone, Debug, Serialize)]
pub struct Texts3 {
    pub nb: &'static str,
    pub nn: &'static str,
    pub en: &'static str,
}

impl From<Texts> for Texts3 {
    fn from(t: Texts) -> Texts3 {
        Texts3 {
            nb: t.nb,
            nn: t.nn,
            en: t.en,
        }
    }
}

/// The catalogue in serialisable form.
pub fn catalogue_info() -> Vec<RuleInfo> {
    catalogue()
        .into_iter()
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            source: r.source,
            message: r.message.into(),
            hint: r.hint.map(Into::into),
        })
        .collect()
}
