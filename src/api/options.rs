//! The options every entry point accepts: `{ lang?, today?, config?, stage?, pseudonymKey?,
//! keep? }`.

use crate::diagnostic::{Diagnostic, Lang, Pointer};
use crate::forms::Stage;
use crate::input::OPTION;
use crate::registry::{Config, Registry};
use crate::Context;
use chrono::NaiveDate;
use serde_json::Value;

/// Options every entry point accepts: `{ lang?, today?, config?, stage?, pseudonymKey?,
/// keep? }`.
#[derive(Clone)]
pub struct Options {
    pub lang: Lang,
    pub today: NaiveDate,
    pub registry: Registry,
    /// The stage for `validate` (default `submission`).
    pub stage: Stage,
    /// The hospital's secret key for the patient pseudonym (hex), if given.
    pub key: Option<Vec<u8>>,
    /// The time now by the shell's clock (RFC 3339 with the local offset), for the seal's
    /// `sealedAt`; set by the shells, not an option of the JSON (`None`: not given).
    pub now: Option<String>,
    /// The findings kept as false alarms, as given (`keep`: `[{path, kind, span, reason,
    /// text?}]`); read by `scan`, `redact` and the gate with the patient's identity
    /// ([`crate::privacy::Keeps::from_json`]), which report what is wrong in it.
    pub keep: Value,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("lang", &self.lang)
            .field("today", &self.today)
            .field("stage", &self.stage)
            .field("key", &self.key.as_ref().map(|_| "(set)"))
            .field("now", &self.now)
            .field("keep", &self.keep.as_array().map(Vec::len))
            .finish()
    }
}

impl Options {
    /// Reads options from a JSON value; `today` defaults to `default_today` (the shell's
    /// clock). Problems become warnings at `/options/…` and the default is used.
    pub fn from_json(v: &Value, default_today: NaiveDate) -> (Options, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut opts = Options {
            lang: Lang::Nb,
            today: default_today,
            registry: Registry::builtin(),
            stage: Stage::Submission,
            key: None,
            now: None,
            keep: Value::Null,
        };
        let base = Pointer::root().key("options");
        let obj = match v {
            Value::Null => return (opts, diags),
            Value::Object(o) => o,
            _ => {
                diags.push(Diagnostic::new(&OPTION, base));
                return (opts, diags);
            }
        };
        for (k, val) in obj {
            match (k.as_str(), val) {
                (_, Value::Null) => {}
                ("lang", Value::String(s)) if Lang::parse(s).is_some() => {
                    opts.lang = Lang::parse(s).unwrap_or_default();
                }
                ("today", Value::String(s)) if crate::dates::parse_iso(s).is_some() => {
                    opts.today = crate::dates::parse_iso(s).unwrap_or(default_today);
                }
                ("config", c) => match Config::from_json(c) {
                    Ok(cfg) => opts.registry = Registry::with_config(&cfg),
                    Err(_) => diags.push(Diagnostic::new(&OPTION, base.key("config"))),
                },
                ("stage", Value::String(s)) if Stage::parse(s).is_some() => {
                    opts.stage = Stage::parse(s).unwrap_or(Stage::Submission);
                }
                ("pseudonymKey", Value::String(s)) if parse_hex(s).is_some() => {
                    opts.key = parse_hex(s);
                }
                ("keep", k) => opts.keep = k.clone(),
                ("lang", _) => diags.push(Diagnostic::new(&OPTION, base.key("lang"))),
                ("today", _) => diags.push(Diagnostic::new(&OPTION, base.key("today"))),
                ("stage", _) => diags.push(Diagnostic::new(&OPTION, base.key("stage"))),
                ("pseudonymKey", _) => {
                    diags.push(Diagnostic::new(&OPTION, base.key("pseudonymKey")))
                }
                (other, _) => diags.push(Diagnostic::new(&OPTION, base.key_masked(other))),
            }
        }
        (opts, diags)
    }

    /// The check context.
    pub fn context(&self) -> Context<'_> {
        Context::new(self.today, &self.registry)
    }
}

/// Parses a hex string (even length, 0-9a-fA-F) into bytes.
pub fn parse_hex(s: &str) -> Option<Vec<u8>> {
    let t = s.trim();
    if t.len() % 2 != 0 {
        return None;
    }
    (0..t.len())
        .step_by(2)
        .map(|i| t.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    #[test]
    fn options_are_read_and_bad_ones_reported() {
        let (o, d) = Options::from_json(
            &json!({"lang": "en", "today": "2025-01-02", "config": {"departments": ["ONK"]}}),
            today(),
        );
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.today, NaiveDate::from_ymd_opt(2025, 1, 2).unwrap());
        assert_eq!(o.registry.departments().map(<[String]>::len), Some(1));
        assert!(d.is_empty());
        let (o, d) = Options::from_json(&json!({"lang": 7, "today": "tomorrow", "x": 1}), today());
        assert_eq!((o.lang, o.today), (Lang::Nb, today()));
        let paths: Vec<_> = d.iter().map(|x| x.path.as_str().to_string()).collect();
        // An option's name from the input is never written.
        assert_eq!(paths, vec!["/options/lang", "/options/today", "/options/*"]);
        let (_, d) = Options::from_json(&json!("nb"), today());
        assert_eq!(d.len(), 1);
    }
}
