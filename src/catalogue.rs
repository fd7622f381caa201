//! The rule catalogue: every rule skjemavakt checks, each listed once, grouped by the module
//! that defines it — for `skjemavakt rules`, the package's `rules()` and the rules page
//! (`docs/rules.md`, generated from here by [`markdown`]).
//!
//! A rule is defined with `rule!` beside the check that reports it, and its code's first word
//! names that module, or the folder it is in (`patient.*` in `src/forms/sections/patient.rs`,
//! `privacy.*` in a file of `src/privacy/`; a plural name gives the singular word: `cost.*` in
//! `costs.rs`, `form.*` in `forms/`). The tests below fail when a rule is defined but not
//! listed here, when a code is listed twice, or when a code's first word names neither the
//! module that defines it nor its folder; and when `docs/rules.md` is not what [`markdown`]
//! writes.
//!
//! ```
//! let all: Vec<_> = skjemavakt::catalogue::rules().collect();
//! assert!(all.iter().any(|r| r.code == "form.required"));
//! ```

use crate::diagnostic::{DocData, Rule};
use crate::forms::kinds::{hb, tilgang};
use crate::forms::sections::{
    application, approvals, costs, exceptionality, literature, patient, treatment,
};
use crate::privacy::kind;
use crate::submission::{gate, verify};
use crate::{forms, input, reference, registry};

/// The rules of one module.
#[derive(Debug)]
pub struct Module {
    /// The module's path in the crate (`forms::sections::patient`); its last part (or the one
    /// before, its folder) names the codes' first word.
    pub path: DocData<&'static str>,
    /// Its rules, in the order they are documented.
    pub rules: &'static [&'static Rule],
}

/// Every module that defines rules, and its rules.
pub static MODULES: &[Module] = &[
    Module {
        path: DocData::new("input"),
        rules: &[
            &input::JSON,
            &input::TYPE,
            &input::OPTION,
            &input::TOO_LARGE,
        ],
    },
    Module {
        path: DocData::new("forms"),
        rules: &[
            &forms::KIND_MISSING,
            &forms::REQUIRED,
            &forms::UNKNOWN_FIELD,
            &forms::WRONG_TYPE,
            &forms::NOT_ALLOWED,
            &forms::TOO_LONG,
            &forms::TOO_LARGE,
            &forms::PLACEHOLDER,
            &forms::TOO_SHORT,
            &forms::SOURCE_EXPIRED,
        ],
    },
    Module {
        path: DocData::new("forms::sections::application"),
        rules: &[
            &application::CONSENT,
            &application::REFERENCE_TRUST,
            &application::NAME_FORMAT,
        ],
    },
    Module {
        path: DocData::new("forms::sections::patient"),
        rules: &[
            &patient::BIRTH_YEAR_FORMAT,
            &patient::BIRTH_YEAR_FUTURE,
            &patient::BIRTH_YEAR_IMPLAUSIBLE,
            &patient::NPR_FORMAT,
            &patient::NPR_IS_FNR,
            &patient::NPR_ACCOUNT,
            &patient::NPR_NAME,
            &patient::ONE_PATIENT,
        ],
    },
    Module {
        path: DocData::new("forms::sections::treatment"),
        rules: &[&treatment::NYE_METODER_ID, &treatment::GOAL_OTHER],
    },
    Module {
        path: DocData::new("forms::sections::costs"),
        rules: &[
            &costs::EMPTY,
            &costs::AMBIGUOUS,
            &costs::CURRENCY,
            &costs::INVALID,
            &costs::PRECISION,
            &costs::OVERFLOW,
            &costs::RANGE,
            &costs::PERIOD,
            &costs::NEGATIVE,
            &costs::IMPLAUSIBLE,
            &costs::APPROXIMATE,
            &costs::DURATION_UNPARSED,
            &costs::DURATION_RANGE,
            &costs::DRUG_ZERO,
            &costs::OTHER_ZERO,
            &costs::EXTRA_DESCRIPTION,
        ],
    },
    Module {
        path: DocData::new("forms::sections::exceptionality"),
        rules: &[
            &exceptionality::CRITERION_JUSTIFICATION,
            &exceptionality::CRITERION_NONE,
            &exceptionality::BENEFIT_LITERATURE,
            &exceptionality::BENEFIT_DOCUMENTATION,
            &exceptionality::SPECIAL_INVALID_GROUND,
            &exceptionality::SPECIAL_MAIN_GROUP,
            &exceptionality::CIRCUMSTANCES_GROUND,
        ],
    },
    Module {
        path: DocData::new("forms::sections::literature"),
        rules: &[&literature::LINK_FORMAT],
    },
    Module {
        path: DocData::new("forms::sections::approvals"),
        rules: &[
            &approvals::NOT_APPROVED,
            &approvals::NOT_COMPLETE,
            &approvals::HB_NOT_RECOMMENDED,
            &approvals::HB_REFUSED,
        ],
    },
    Module {
        path: DocData::new("forms::kinds::tilgang"),
        rules: &[
            &tilgang::NATIONAL_ID,
            &tilgang::NATIONAL_ID_SYNTHETIC,
            &tilgang::DATE,
            &tilgang::NOT_SIGNED,
        ],
    },
    Module {
        path: DocData::new("forms::kinds::hb"),
        rules: &[
            &hb::SELF_PAYMENT_RULE,
            &hb::SELF_PAYMENT_EXCEPTION,
            &hb::SUPPORT_NONE,
            &hb::LITERATURE_NONE,
            &hb::GROUP_LEVEL,
            &hb::GROUP_SIZE,
            &hb::TRIAL_NOT_CONSIDERED,
        ],
    },
    Module {
        path: DocData::new("reference"),
        rules: &[
            &reference::FORMAT,
            &reference::DATE_INVALID,
            &reference::DATE_FUTURE,
            &reference::DATE_EARLY,
            &reference::HF_UNKNOWN,
            &reference::HF_STRICT,
            &reference::HF_INVALID,
            &reference::HF_ALIAS,
            &reference::DEPT_INVALID,
            &reference::DEPT_NAME,
            &reference::DEPT_UNKNOWN,
            &reference::NOT_TEXT,
            &reference::MISMATCH,
        ],
    },
    Module {
        path: DocData::new("registry"),
        rules: &[&registry::TRUST_UNKNOWN],
    },
    Module {
        path: DocData::new("privacy::kind"),
        rules: &[
            &kind::NATIONAL_ID,
            &kind::POSSIBLE_NATIONAL_ID,
            &kind::ACCOUNT,
            &kind::EMAIL,
            &kind::PHONE,
            &kind::BIRTH_DATE,
            &kind::RECORD_NUMBER,
            &kind::ADDRESS,
            &kind::IP_ADDRESS,
            &kind::SOCIAL_HANDLE,
            &kind::VEHICLE_REGISTRATION,
            &kind::NAME,
        ],
    },
    Module {
        path: DocData::new("privacy::scan"),
        rules: &[&crate::privacy::PART1],
    },
    Module {
        path: DocData::new("privacy::keep"),
        rules: &[
            &crate::privacy::keep::INVALID,
            &crate::privacy::keep::STALE,
            &crate::privacy::keep::REFUSED_NATIONAL_ID,
            &crate::privacy::keep::REFUSED_PATIENT,
            &crate::privacy::keep::REFUSED_EMAIL,
            &crate::privacy::keep::REFUSED_ACCOUNT,
            &crate::privacy::keep::REFUSED_TEXT,
        ],
    },
    Module {
        path: DocData::new("submission::gate"),
        rules: &[
            &gate::NOT_OUTGOING,
            &gate::NOT_SCANNED,
            &gate::BIRTH_YEAR_MISMATCH,
            &gate::KEY_SHORT,
            &gate::NO_PSEUDONYM,
            &gate::DECIDED,
            &gate::PART1_NOT_SIGNED,
            &gate::PART1_DATE_AFTER,
        ],
    },
    Module {
        path: DocData::new("submission::verify"),
        rules: &[
            &verify::NOT_SEALED,
            &verify::DIGEST,
            &verify::CANONICAL,
            &verify::STRUCTURE,
            &verify::TIME,
        ],
    },
];

/// Codes renamed when rules moved to the module their first word names (issue 16): old code
/// → new code. A page that matched on an old code should match on the new one.
pub static RENAMED: &[(&str, &str)] = &[
    ("field.health_trust.unknown", "registry.trust.unknown"),
    ("field.birth_year.format", "patient.birth_year.format"),
    ("field.birth_year.future", "patient.birth_year.future"),
    (
        "field.birth_year.implausible",
        "patient.birth_year.implausible",
    ),
    ("field.npr_id.format", "patient.npr_id.format"),
    (
        "field.npr_id.is_national_id",
        "patient.npr_id.is_national_id",
    ),
    ("tilgang.single_patient", "patient.single"),
    (
        "field.nye_metoder_id.format",
        "treatment.nye_metoder_id.format",
    ),
    ("tilgang.goal.other", "treatment.goal.other"),
    ("tilgang.consent", "application.consent"),
    ("tilgang.reference.trust", "application.reference.trust"),
    (
        "tilgang.criterion.justification",
        "exceptionality.criterion.justification",
    ),
    ("tilgang.criterion.none", "exceptionality.criterion.none"),
    (
        "tilgang.benefit.literature",
        "exceptionality.benefit.literature",
    ),
    ("field.literature.link", "literature.link"),
    (
        "field.national_id.invalid",
        "tilgang.del1.national_id.invalid",
    ),
    (
        "field.national_id.synthetic",
        "tilgang.del1.national_id.synthetic",
    ),
    ("field.date.invalid", "tilgang.del1.date.invalid"),
];

/// Every rule, each once, module by module.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    MODULES.iter().flat_map(|m| m.rules.iter().copied())
}

/// The module a rule is listed under.
pub fn module_of(rule: &Rule) -> Option<&'static Module> {
    MODULES.iter().find(|m| m.rules.contains(&rule))
}

/// The source file of a module of the catalogue (`forms::sections::patient` →
/// `src/forms/sections/patient.rs`; a module with submodules in the catalogue is its
/// `mod.rs`: `forms` → `src/forms/mod.rs`).
pub fn file_of(module_path: &str) -> String {
    let parts: Vec<&str> = module_path.split(':').filter(|p| !p.is_empty()).collect();
    let base = format!("src/{}", parts.join("/"));
    let parent = format!("{module_path}::");
    if MODULES.iter().any(|m| m.path.get().starts_with(&parent)) {
        format!("{base}/mod.rs")
    } else {
        format!("{base}.rs")
    }
}

/// Where each module's rules apply, in a few words, for the rules page (which adds the field
/// paths the forms declare). Not in [`Module`]: the wasm package has no use for it.
const ABOUT: &[(&str, &str)] = &[
    ("input", "What the shells hand to the library: JSON text, options, plain text."),
    ("forms", "Every form: the `form` member, each field's presence, type, value and length, unknown members, the document's size."),
    ("forms::sections::application", "\"Om søknaden\": the sending health trust, the applicant (a name only), the consent, the reference number."),
    ("forms::sections::patient", "\"Om pasienten\": the birth year, the NPR-ID (never a national identity number, an account or a name), one patient per application."),
    ("forms::sections::treatment", "\"Omsøkt behandling\": the Nye metoder ID and the treatment goal."),
    ("forms::sections::costs", "\"Kostnader\": each amount, and the cost summary over the expected duration."),
    ("forms::sections::exceptionality", "\"Kriterier for klinisk eksepsjonalitet\": the three criteria and their justification."),
    ("forms::sections::literature", "\"Relevant litteratur\": each entry's link."),
    ("forms::sections::approvals", "\"Forankring og anbefaling\": both approvals (the approvers' names only) and the form confirmed complete, at submission."),
    ("forms::kinds::tilgang", "Tilgangsordningen part 1: the patient's national identity number, the date, the signature."),
    ("forms::kinds::hb", "Helse Bergen's forms: self-payment, professional support, literature, clinical trial, the patient group and its size."),
    ("reference", "The reference number `ÅÅÅÅ-MM-DD-HF-Avdeling` that links part 1 and part 2 (in the forms, and checked or built on its own)."),
    ("registry", "The health trusts skjemavakt knows (built in and configured)."),
    ("privacy::kind", "Every string and number of what leaves the hospital: direct identifiers, found by the privacy scan (a span marks each finding); one rule per kind of identifier."),
    ("privacy::scan", "A scan or redaction asked of part 1, which holds the patient's identifiers on purpose and never leaves."),
    ("privacy::keep", "A finding kept as a false alarm (`options.keep`, `--keep`): malformed or stale keeps, and the kinds that are never kept."),
    ("submission::gate", "The submission gate: part 1 against part 2, what could not be scanned, and the pseudonym key."),
    ("submission::verify", "A sealed package before it is printed (`render`): its digest, its canonical JSON, its form."),
];

/// The command that regenerates `docs/rules.md`.
pub const REGENERATE: &str = "cargo run --example rules_doc > docs/rules.md";

/// The rules page (`docs/rules.md`): every rule with its code, severity, where it applies
/// (the field paths and form kinds the forms declare), its source, and its message and hint
/// in bokmål and English; the index and the renamed codes.
pub fn markdown() -> String {
    use crate::forms::FormKind;
    use std::fmt::Write;
    let declared: Vec<(FormKind, Vec<(&'static Rule, String)>)> = FormKind::ALL
        .iter()
        .map(|k| (*k, forms::reports(*k)))
        .collect();
    let anchor = |code: &str| code.chars().filter(|&c| c != '.').collect::<String>();
    let n = rules().count();
    let mut s = String::new();
    let _ = writeln!(s, "# Rules\n");
    let _ = writeln!(
        s,
        "<!-- Generated from the rule catalogue (src/catalogue.rs) by `{REGENERATE}`. \
         Do not edit by hand: a test fails when this file is out of date. -->\n"
    );
    let _ = writeln!(
        s,
        "Every rule skjemavakt checks: {n} rules. A diagnostic carries its rule's code, a JSON \
         Pointer to the field, a severity, the rule's source (document and section) and its \
         message and hint in bokmål, nynorsk and English. Shown here in bokmål and English; \
         `{{name}}` is filled in with a number, a limit or a field's label — never with a value \
         taken from the input.\n"
    );
    let _ = writeln!(
        s,
        "A code's first word names the module that defines the rule, or the folder it is in \
         (`patient.*` in `src/forms/sections/patient.rs`; a plural name gives the singular \
         word: `cost.*` in `costs.rs`, `form.*` in `forms/`); the index below gives each \
         rule's file. Codes are stable; the codes renamed \
         when the rules moved are listed under [Renamed codes](#renamed-codes). Severities: \
         **error** blocks the stage, **warning** should be looked at, **info** is for \
         information.\n"
    );
    let _ = writeln!(s, "## Sources\n");
    let _ = writeln!(s, "| Document | Version | Valid until |");
    let _ = writeln!(s, "|---|---|---|");
    for d in crate::diagnostic::Document::ALL {
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            d.name(),
            d.version().unwrap_or("–"),
            d.valid_until().unwrap_or("–")
        );
    }
    let _ = writeln!(
        s,
        "\nA check on a day after a source's validity says so once (`form.source_expired`, \
         info).\n"
    );
    let _ = writeln!(s, "## Index\n");
    let _ = writeln!(s, "| Code | Severity | Defined in |");
    let _ = writeln!(s, "|---|---|---|");
    for m in MODULES {
        for r in m.rules {
            let _ = writeln!(
                s,
                "| [`{}`](#{}) | {} | `{}` |",
                r.code,
                anchor(r.code),
                r.severity.as_str(),
                file_of(m.path.get())
            );
        }
    }
    let _ = writeln!(s, "\n## Renamed codes\n");
    let _ = writeln!(s, "| Old code | New code |");
    let _ = writeln!(s, "|---|---|");
    for (old, new) in RENAMED {
        let _ = writeln!(s, "| `{old}` | [`{new}`](#{}) |", anchor(new));
    }
    for m in MODULES {
        let _ = writeln!(s, "\n## `{}` — `{}`\n", m.path.get(), file_of(m.path.get()));
        let about = ABOUT
            .iter()
            .find(|(p, _)| *p == m.path.get())
            .map_or("", |(_, a)| a);
        let _ = writeln!(s, "{about}");
        for r in m.rules {
            let _ = writeln!(s, "\n### `{}`\n", r.code);
            let _ = writeln!(s, "- **Severity:** {}", r.severity.as_str());
            // Where the forms declare it: each path once, with the kinds that have it.
            let mut at: Vec<(String, Vec<&'static str>)> = Vec::new();
            for (kind, reports) in &declared {
                for (rule, path) in reports {
                    if *rule != *r {
                        continue;
                    }
                    match at.iter_mut().find(|(p, _)| p == path) {
                        Some((_, kinds)) if !kinds.contains(&kind.as_str()) => {
                            kinds.push(kind.as_str())
                        }
                        Some(_) => {}
                        None => at.push((path.clone(), vec![kind.as_str()])),
                    }
                }
            }
            if !at.is_empty() {
                let _ = writeln!(s, "- **Applies to:**");
                for (path, kinds) in at {
                    let _ = writeln!(s, "  - `{path}` ({})", kinds.join(", "));
                }
            }
            let _ = writeln!(
                s,
                "- **Source:** {} — {}",
                r.source.document.name(),
                r.source.section
            );
            let _ = writeln!(s, "- **Message (nb):** {}", r.message.nb);
            if let Some(h) = r.hint {
                let _ = writeln!(s, "- **Hint (nb):** {}", h.nb);
            }
            let _ = writeln!(s, "- **Message (en):** {}", r.message.en);
            if let Some(h) = r.hint {
                let _ = writeln!(s, "- **Hint (en):** {}", h.en);
            }
        }
    }
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};
    use std::path::Path;

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }

    /// Every rule defined in `src/**/*.rs` outside test modules: (file, code). Rules are
    /// found by the one mechanism (`rule! { … static NAME: "code", …`); any other definition
    /// (a `Rule { … }` literal, another macro) fails.
    fn defined() -> Vec<(String, String)> {
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut out = Vec::new();
        for (file, text) in files {
            let lines: Vec<&str> = text.lines().collect();
            // Test modules (`mod tests {` … `}` at the start of a line, as rustfmt writes
            // them) may define rules of their own.
            let mut in_tests = false;
            for (i, line) in lines.iter().enumerate() {
                if *line == "mod tests {" {
                    in_tests = true;
                } else if in_tests && *line == "}" {
                    in_tests = false;
                }
                let t = line.trim_start();
                if in_tests || t.starts_with("//") {
                    continue;
                }
                if t.starts_with("rule! {") {
                    let decl = lines[i + 1..]
                        .iter()
                        .find(|l| l.contains("static "))
                        .unwrap_or_else(|| panic!("{file}:{}: rule! without static", i + 1));
                    let code = decl
                        .split('"')
                        .nth(1)
                        .unwrap_or_else(|| panic!("{file}:{}: rule! without code", i + 1));
                    out.push((file.clone(), code.to_string()));
                } else if t.contains(": Rule = Rule {") || t.contains("_rule!(") {
                    panic!(
                        "{file}:{}: a rule defined another way than `rule!` — use `rule!`",
                        i + 1
                    );
                }
            }
        }
        out
    }

    #[test]
    fn every_defined_rule_is_in_the_catalogue_and_every_listed_rule_is_defined_once() {
        let defined = defined();
        // The scan must see the rules (not pass on an empty list).
        assert!(defined.len() >= 70, "only {} rules found", defined.len());
        let listed: HashSet<&str> = rules().map(|r| r.code).collect();
        for (file, code) in &defined {
            assert!(
                listed.contains(code.as_str()),
                "{code} is defined in {file} but not listed in src/catalogue.rs"
            );
        }
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, code) in &defined {
            *count.entry(code).or_default() += 1;
        }
        for code in &listed {
            assert_eq!(
                count.get(code),
                Some(&1),
                "{code} is listed but defined {} times",
                count.get(code).unwrap_or(&0)
            );
        }
    }

    #[test]
    fn codes_are_unique_and_named_after_their_module() {
        let mut seen = HashSet::new();
        let defined = defined();
        for m in MODULES {
            let file = file_of(m.path.get());
            // The module's name and the name of the module it is in (its folder).
            let names: Vec<&str> = m.path.get().rsplit("::").take(2).collect();
            for r in m.rules {
                assert!(seen.insert(r.code), "{} is listed twice", r.code);
                let first = r.code.split('.').next().unwrap();
                assert!(
                    names
                        .iter()
                        .any(|n| *n == first || n.strip_suffix('s') == Some(first)),
                    "{}: the first word names neither its module {} nor the module's folder",
                    r.code,
                    m.path.get()
                );
                assert!(
                    defined.iter().any(|(f, c)| *f == file && c == r.code),
                    "{} is listed under {} but not defined in {file}",
                    r.code,
                    m.path.get()
                );
            }
        }
    }

    #[test]
    fn every_module_says_where_its_rules_apply() {
        for m in MODULES {
            assert!(
                ABOUT
                    .iter()
                    .any(|(p, a)| *p == m.path.get() && !a.is_empty()),
                "{}",
                m.path.get()
            );
        }
    }

    #[test]
    fn every_rule_is_translated_and_cites_its_source() {
        for r in rules() {
            for t in std::iter::once(r.message).chain(r.hint) {
                assert!(
                    !t.nb.is_empty() && !t.nn.is_empty() && !t.en.is_empty(),
                    "{}",
                    r.code
                );
            }
            assert!(!r.source.section.is_empty(), "{}", r.code);
            let parts: Vec<&str> = r.code.split('.').collect();
            assert!(
                parts.len() >= 2
                    && parts.iter().all(|p| !p.is_empty()
                        && p.bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())),
                "{}: codes are dotted lowercase",
                r.code
            );
        }
    }

    #[test]
    fn renamed_codes_point_at_rules_and_old_codes_are_gone() {
        let listed: HashSet<&str> = rules().map(|r| r.code).collect();
        for (old, new) in RENAMED {
            assert!(listed.contains(new), "{new}");
            assert!(!listed.contains(old), "{old}");
        }
    }

    #[test]
    fn declared_paths_name_rules_of_the_catalogue() {
        let listed: HashSet<&str> = rules().map(|r| r.code).collect();
        for kind in crate::forms::FormKind::ALL {
            for (rule, path) in forms::reports(kind) {
                assert!(listed.contains(rule.code), "{}", rule.code);
                assert!(path.starts_with('/'), "{path}");
            }
        }
    }

    #[test]
    fn the_rules_page_is_up_to_date() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == markdown(),
            "docs/rules.md is out of date; regenerate it with `{REGENERATE}`"
        );
    }
}
