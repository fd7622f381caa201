//! The cost rules: one [`Rule`] per amount error, plus sign, plausibility, approximation and
//! duration notes, and the functions that turn findings into [`Diagnostic`]s.
//!
//! ```
//! use skjemavakt::money::{amount_error_diagnostic, Amount, AmountError, AMBIGUOUS};
//! use skjemavakt::{Lang, Pointer};
//! let err = Amount::parse("1.234").unwrap_err();
//! let d = amount_error_diagnostic(&err, Pointer::from_static("/costs/drug_per_month"));
//! assert_eq!(d.code(), "cost.amount.ambiguous");
//! assert_eq!(d.rule, &AMBIGUOUS);
//! assert!(!d.message(Lang::Nb).contains("1.234"));
//! ```

use crate::diagnostic::{Arg, Diagnostic, Document, Pointer, Rule, Severity, Source, Span, Texts};

use super::{Amount, AmountError, CostField, CostSummary, DurationUnparsed, ParsedAmount};

/// Tilgangsordningen, «Kostnader»: drug cost per month, other costs per month, extra
/// resources or savings.
const KOSTNADER: Source = Source {
    document: Document::Tilgangsordningen,
    section: "Fyll ut søknad, del 2: Kostnader",
};

/// Helse Bergen 1.2.2.5-16 §3.3 point 5: costs «beregnet på en tydelig måte, og med korrekt
/// prisgrunnlag».
const TYDELIG: Source = Source {
    document: Document::HelseBergen1_2_2_5_16,
    section: "3.3 Vurderingskriterier, punkt 5 (kostnader beregnet tydelig, korrekt prisgrunnlag)",
};

/// Tilgangsordningen, «Fyll ut søknad», behandling: «Forventet behandlingsvarighet».
const VARIGHET: Source = Source {
    document: Document::Tilgangsordningen,
    section: "Fyll ut søknad, del 2: Forventet behandlingsvarighet",
};

/// The upper limit for a plausible monthly cost: NOK 10 million (issue 4; a product limit).
pub const IMPLAUSIBLE_MONTHLY_ORE: i64 = 10_000_000 * 100;

/// `cost.amount.empty` — a required cost is missing. Source: Tilgangsordningen «Kostnader»
/// («Vurdering av ressursbruk må inngå»).
pub static EMPTY: Rule = Rule {
    code: "cost.amount.empty",
    severity: Severity::Error,
    source: KOSTNADER,
    message: Texts {
        nb: "Beløpet mangler.",
        nn: "Beløpet manglar.",
        en: "The amount is missing.",
    },
    hint: Some(Texts {
        nb: "Skriv beløpet i kroner per måned, f.eks. «125 000». Skriv 0 hvis det ikke er noen kostnad.",
        nn: "Skriv beløpet i kroner per månad, t.d. «125 000». Skriv 0 om det ikkje er nokon kostnad.",
        en: "Enter the amount in kroner per month, e.g. “125 000”. Enter 0 if there is no cost.",
    }),
};

/// `cost.amount.ambiguous` — «1.234» or «1,234»: thousands or decimals? Never guessed.
/// Source: Helse Bergen 1.2.2.5-16 §3.3 point 5 (costs calculated clearly).
pub static AMBIGUOUS: Rule = Rule {
    code: "cost.amount.ambiguous",
    severity: Severity::Error,
    source: TYDELIG,
    message: Texts {
        nb: "Beløpet kan leses på to måter: er punktumet eller kommaet tusenskille eller desimaltegn?",
        nn: "Beløpet kan lesast på to måtar: er punktumet eller kommaet tusenskilje eller desimalteikn?",
        en: "The amount can be read two ways: is the dot or comma a thousands separator or a decimal sign?",
    },
    hint: Some(Texts {
        nb: "Skriv tusener med mellomrom og øre med komma: «1 234» eller «1,23».",
        nn: "Skriv tusen med mellomrom og øre med komma: «1 234» eller «1,23».",
        en: "Write thousands with a space and øre after a comma: “1 234” or “1,23”.",
    }),
};

/// `cost.amount.currency` — another currency than NOK. Source: Helse Bergen 1.2.2.5-16 §3.3
/// point 5 («korrekt prisgrunnlag»); the form's costs are in kroner (Tilgangsordningen).
pub static CURRENCY: Rule = Rule {
    code: "cost.amount.currency",
    severity: Severity::Error,
    source: TYDELIG,
    message: Texts {
        nb: "Beløpet er i en annen valuta ({currency}) enn norske kroner.",
        nn: "Beløpet er i ein annan valuta ({currency}) enn norske kroner.",
        en: "The amount is in another currency ({currency}) than Norwegian kroner.",
    },
    hint: Some(Texts {
        nb: "Regn om til norske kroner og oppgi prisgrunnlaget (avtalepris eller maksimalpris).",
        nn: "Rekn om til norske kroner og oppgi prisgrunnlaget (avtalepris eller maksimalpris).",
        en: "Convert to Norwegian kroner and state the price basis (agreement price or maximum price).",
    }),
};

/// `cost.amount.invalid` — not an amount. Source: Tilgangsordningen «Kostnader».
pub static INVALID: Rule = Rule {
    code: "cost.amount.invalid",
    severity: Severity::Error,
    source: KOSTNADER,
    message: Texts {
        nb: "Beløpet kan ikke leses som et kronebeløp.",
        nn: "Beløpet kan ikkje lesast som eit kronebeløp.",
        en: "The amount cannot be read as an amount of kroner.",
    },
    hint: Some(Texts {
        nb: "Skriv ett tall i kroner, f.eks. «125 000», «kr 125 000,50» eller «1,2 mill.». Forklaringer hører hjemme i et tekstfelt.",
        nn: "Skriv eitt tal i kroner, t.d. «125 000», «kr 125 000,50» eller «1,2 mill.». Forklaringar høyrer heime i eit tekstfelt.",
        en: "Enter one number in kroner, e.g. “125 000”, “kr 125 000,50” or “1,2 mill.”. Explanations belong in a text field.",
    }),
};

/// `cost.amount.precision` — finer than øre. Source: Helse Bergen 1.2.2.5-16 §3.3 point 5.
pub static PRECISION: Rule = Rule {
    code: "cost.amount.precision",
    severity: Severity::Error,
    source: TYDELIG,
    message: Texts {
        nb: "Beløpet har flere enn to desimaler.",
        nn: "Beløpet har fleire enn to desimalar.",
        en: "The amount has more than two decimals.",
    },
    hint: Some(Texts {
        nb: "Rund av til hele kroner eller øre (to desimaler), f.eks. «1 234,57».",
        nn: "Rund av til heile kroner eller øre (to desimalar), t.d. «1 234,57».",
        en: "Round to whole kroner or øre (two decimals), e.g. “1 234,57”.",
    }),
};

/// `cost.amount.overflow` — too large to compute with. Source: skjemavakt's limits.
pub static OVERFLOW: Rule = Rule {
    code: "cost.amount.overflow",
    severity: Severity::Error,
    source: Source {
        document: Document::Skjemavakt,
        section: "Kostnader: beløp lagres i øre som 64-biters heltall",
    },
    message: Texts {
        nb: "Beløpet er for stort til å regne med.",
        nn: "Beløpet er for stort til å rekne med.",
        en: "The amount is too large to compute with.",
    },
    hint: Some(Texts {
        nb: "Kontroller antall sifre; beløpet skal være kroner per måned.",
        nn: "Kontroller talet på siffer; beløpet skal vere kroner per månad.",
        en: "Check the number of digits; the amount is kroner per month.",
    }),
};

/// `cost.amount.period` — given per year/week/day where the form asks per month. Source:
/// Tilgangsordningen «Kostnader» («Legemiddelkostnader per måned», «Andre kostnader per
/// måned»).
pub static PERIOD: Rule = Rule {
    code: "cost.amount.period",
    severity: Severity::Error,
    source: KOSTNADER,
    message: Texts {
        nb: "Beløpet er oppgitt for en annen periode enn én måned.",
        nn: "Beløpet er oppgitt for ein annan periode enn éin månad.",
        en: "The amount is given for another period than one month.",
    },
    hint: Some(Texts {
        nb: "Søknaden spør om kostnad per måned. Regn om og skriv beløpet per måned.",
        nn: "Søknaden spør om kostnad per månad. Rekn om og skriv beløpet per månad.",
        en: "The application asks for the cost per month. Convert and enter the amount per month.",
    }),
};

/// `cost.amount.negative` — a negative amount in a field other than extra resources or
/// savings. Source: Tilgangsordningen «Kostnader» (only «potensielle innsparinger» can lower
/// the cost).
pub static NEGATIVE: Rule = Rule {
    code: "cost.amount.negative",
    severity: Severity::Error,
    source: KOSTNADER,
    message: Texts {
        nb: "Beløpet er negativt, men bare innsparinger kan være negative.",
        nn: "Beløpet er negativt, men berre innsparingar kan vere negative.",
        en: "The amount is negative, but only savings may be negative.",
    },
    hint: Some(Texts {
        nb: "Skriv kostnaden som et positivt beløp. En innsparing føres under «Behov for ekstra ressurser eller potensielle innsparinger».",
        nn: "Skriv kostnaden som eit positivt beløp. Ei innsparing skal førast under «Behov for ekstra ressursar eller potensielle innsparingar».",
        en: "Enter the cost as a positive amount. A saving belongs under “Need for extra resources or potential savings”.",
    }),
};

/// `cost.amount.implausible` — over NOK 10 million per month (warning). Source:
/// Tilgangsordningen «Kostnader» (costs that far exceed the threshold allow local rejection)
/// and Helse Bergen 1.2.2.5-16 §3.3 point 5 (correct price basis); the limit is issue 4's.
pub static IMPLAUSIBLE: Rule = Rule {
    code: "cost.amount.implausible",
    severity: Severity::Warning,
    source: TYDELIG,
    message: Texts {
        nb: "Beløpet er over {limit} per måned, som er uvanlig høyt.",
        nn: "Beløpet er over {limit} per månad, som er uvanleg høgt.",
        en: "The amount is over {limit} per month, which is unusually high.",
    },
    hint: Some(Texts {
        nb: "Kontroller at beløpet er per måned (ikke per år eller for hele behandlingen) og i kroner, ikke øre.",
        nn: "Kontroller at beløpet er per månad (ikkje per år eller for heile behandlinga) og i kroner, ikkje øre.",
        en: "Check that the amount is per month (not per year or for the whole treatment) and in kroner, not øre.",
    }),
};

/// `cost.amount.approximate` — written «ca. …» (warning). Source: Helse Bergen 1.2.2.5-16
/// §3.3 point 5 («beregnet på en tydelig måte»).
pub static APPROXIMATE: Rule = Rule {
    code: "cost.amount.approximate",
    severity: Severity::Warning,
    source: TYDELIG,
    message: Texts {
        nb: "Beløpet er oppgitt som omtrentlig.",
        nn: "Beløpet er oppgitt som omtrentleg.",
        en: "The amount is given as an approximation.",
    },
    hint: Some(Texts {
        nb: "Oppgi det beregnede beløpet og prisgrunnlaget (avtalepris eller maksimalpris) hvis det er kjent.",
        nn: "Oppgi det utrekna beløpet og prisgrunnlaget (avtalepris eller maksimalpris) om det er kjent.",
        en: "Give the calculated amount and its price basis (agreement price or maximum price) if known.",
    }),
};

/// `cost.duration.unparsed` — the expected duration is not a number of months, weeks or
/// years, so no total is computed (info). Source: Tilgangsordningen «Forventet
/// behandlingsvarighet».
pub static DURATION_UNPARSED: Rule = Rule {
    code: "cost.duration.unparsed",
    severity: Severity::Info,
    source: VARIGHET,
    message: Texts {
        nb: "Forventet behandlingsvarighet kan ikke regnes om til måneder, så totalkostnaden er ikke beregnet.",
        nn: "Forventa behandlingsvarigheit kan ikkje reknast om til månader, så totalkostnaden er ikkje rekna ut.",
        en: "The expected treatment duration cannot be converted to months, so the total cost is not computed.",
    },
    hint: Some(Texts {
        nb: "Hvis det er mulig, skriv varigheten som antall måneder, uker eller år, f.eks. «6 måneder».",
        nn: "Om det er mogleg, skriv varigheita som tal på månader, veker eller år, t.d. «6 månader».",
        en: "If possible, write the duration as a number of months, weeks or years, e.g. “6 måneder”.",
    }),
};

/// `cost.duration.range` — a range or upper bound; the total uses the upper bound (info).
/// Source: Tilgangsordningen «Forventet behandlingsvarighet».
pub static DURATION_RANGE: Rule = Rule {
    code: "cost.duration.range",
    severity: Severity::Info,
    source: VARIGHET,
    message: Texts {
        nb: "Varigheten er et intervall eller en øvre grense; totalkostnaden er regnet med den øvre grensen.",
        nn: "Varigheita er eit intervall eller ei øvre grense; totalkostnaden er rekna med den øvre grensa.",
        en: "The duration is a range or an upper bound; the total cost is computed with the upper bound.",
    },
    hint: None,
};

/// Every rule of this module, for catalogues and tests.
pub static RULES: [&Rule; 12] = [
    &EMPTY,
    &AMBIGUOUS,
    &CURRENCY,
    &INVALID,
    &PRECISION,
    &OVERFLOW,
    &PERIOD,
    &NEGATIVE,
    &IMPLAUSIBLE,
    &APPROXIMATE,
    &DURATION_UNPARSED,
    &DURATION_RANGE,
];

/// The rule an amount error belongs to.
pub fn rule_for(err: &AmountError) -> &'static Rule {
    match err {
        AmountError::Empty => &EMPTY,
        AmountError::Ambiguous { .. } => &AMBIGUOUS,
        AmountError::ForeignCurrency { .. } => &CURRENCY,
        AmountError::Invalid { .. } => &INVALID,
        AmountError::TooPrecise { .. } => &PRECISION,
        AmountError::TooLarge => &OVERFLOW,
        AmountError::Period { .. } => &PERIOD,
    }
}

/// The diagnostic for an amount error at `path` (no span: see
/// [`amount_error_diagnostic_in`]).
pub fn amount_error_diagnostic(err: &AmountError, path: Pointer) -> Diagnostic {
    let d = Diagnostic::new(rule_for(err), path);
    match err {
        AmountError::ForeignCurrency { currency, .. } => {
            d.arg("currency", Arg::Static(currency.code()))
        }
        _ => d,
    }
}

/// The diagnostic for an amount error found in `text`, with a span on the offending
/// character when the error has a position.
pub fn amount_error_diagnostic_in(err: &AmountError, path: Pointer, text: &str) -> Diagnostic {
    let d = amount_error_diagnostic(err, path);
    match err.position() {
        Some(at) if at < text.len() => {
            let end = text
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or(at, |c| at + c.len_utf8());
            d.span(Span::from_bytes(text, at, end))
        }
        _ => d,
    }
}

/// `cost.amount.negative` when `amount` is below zero in a field that may not be negative.
pub fn check_sign(amount: Amount, field: CostField, path: Pointer) -> Option<Diagnostic> {
    (amount.is_negative() && !field.may_be_negative()).then(|| Diagnostic::new(&NEGATIVE, path))
}

/// `cost.amount.implausible` when `amount` (per month) is over NOK 10 million.
pub fn check_plausible(amount: Amount, path: Pointer) -> Option<Diagnostic> {
    (amount.ore() > IMPLAUSIBLE_MONTHLY_ORE).then(|| {
        Diagnostic::new(&IMPLAUSIBLE, path).arg("limit", Arg::Nok(IMPLAUSIBLE_MONTHLY_ORE))
    })
}

/// Checks one cost field's JSON value: parse, sign, plausibility, approximation. Returns the
/// amount when it could be read, and every diagnostic.
///
/// ```
/// use serde_json::json;
/// use skjemavakt::money::{check_cost_field, CostField};
/// use skjemavakt::Pointer;
/// let (a, d) = check_cost_field(&json!("ca. 40 000"), CostField::Other, Pointer::from_static("/o"));
/// assert_eq!(a.unwrap().kroner(), 40_000);
/// assert_eq!(d[0].code(), "cost.amount.approximate");
/// let (a, d) = check_cost_field(&json!(-500), CostField::Drug, Pointer::from_static("/d"));
/// assert!(a.is_some() && d[0].code() == "cost.amount.negative");
/// ```
pub fn check_cost_field(
    value: &serde_json::Value,
    field: CostField,
    path: Pointer,
) -> (Option<Amount>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    match super::from_json_detailed(value) {
        Err(e) => {
            let d = match value.as_str() {
                Some(text) => amount_error_diagnostic_in(&e, path, text),
                None => amount_error_diagnostic(&e, path),
            };
            out.push(d);
            (None, out)
        }
        Ok(ParsedAmount {
            amount,
            approximate,
            ..
        }) => {
            out.extend(check_sign(amount, field, path.clone()));
            out.extend(check_plausible(amount, path.clone()));
            if approximate {
                out.push(Diagnostic::new(&APPROXIMATE, path));
            }
            (Some(amount), out)
        }
    }
}

/// `cost.duration.unparsed` (info) for a duration that gives no total.
pub fn duration_unparsed_diagnostic(_reason: DurationUnparsed, path: Pointer) -> Diagnostic {
    Diagnostic::new(&DURATION_UNPARSED, path)
}

/// Diagnostics of a summary: `cost.amount.implausible` on the monthly total at `path`, and
/// `cost.duration.range` at `duration_path` when a range's upper bound was used.
pub fn summary_diagnostics(
    summary: &CostSummary,
    path: Pointer,
    duration_path: Pointer,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    out.extend(check_plausible(summary.monthly_total, path));
    if summary.duration.is_some_and(|d| d.is_upper_bound()) {
        out.push(Diagnostic::new(&DURATION_RANGE, duration_path));
    }
    out
}
