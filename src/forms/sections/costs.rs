//! "Kostnader": the drug cost per month (agreement price, or the maximum price for new
//! substances), other costs per month and extra resources or savings — each amount read
//! exactly by its field's check ([`CHECK_DRUG`], [`CHECK_OTHER`], [`CHECK_EXTRA`]), and the
//! cost summary: the monthly total and the total over the expected duration.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Kostnader", and
//! helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3 point 5 ("estimerte kostnadene …
//! beregnet på en tydelig måte, og med korrekt prisgrunnlag"). Amounts and durations are parsed
//! by [`crate::money`]; the rules (`cost.*`) are here.
//!
//! ```
//! use skjemavakt::forms::sections::costs::{amount_error_diagnostic, AMBIGUOUS};
//! use skjemavakt::money::Amount;
//! use skjemavakt::{Lang, Pointer};
//! let err = Amount::parse("1.234").unwrap_err();
//! let d = amount_error_diagnostic(&err, Pointer::from_static("/costs/drug_per_month"));
//! assert_eq!(d.code(), "cost.amount.ambiguous");
//! assert_eq!(d.rule, &AMBIGUOUS);
//! assert!(!d.message(Lang::Nb).contains("1.234"));
//! ```

use crate::diagnostic::{
    rule, texts, Arg, Diagnostic, DocData, Document, Pointer, Rule, Source, Span,
};
use crate::forms::schema::{get_str, ptr, Check, Field, Privacy, Req, Ty, Walk};
use crate::money::{
    self, Amount, AmountError, CostAmounts, CostField, Duration, DurationUnparsed, ParsedAmount,
};
use serde::Serialize;
use serde_json::Value;

/// Part 2, "Kostnader" (the fields).
pub const SOURCE: Source =
    Document::Tilgangsordningen.at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Kostnader");
/// Helse Bergen §3.3.
pub const SOURCE_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier");

/// Tilgangsordningen, «Kostnader»: drug cost per month, other costs per month, extra
/// resources or savings.
const KOSTNADER: Source = Document::Tilgangsordningen.at("Fyll ut søknad, del 2: Kostnader");

/// Helse Bergen 1.2.2.5-16 §3.3 point 5: costs «beregnet på en tydelig måte, og med korrekt
/// prisgrunnlag».
const TYDELIG: Source = Document::HelseBergen1_2_2_5_16
    .at("3.3 Vurderingskriterier, punkt 5 (kostnader beregnet tydelig, korrekt prisgrunnlag)");

/// Tilgangsordningen, «Fyll ut søknad», behandling: «Forventet behandlingsvarighet».
const VARIGHET: Source =
    Document::Tilgangsordningen.at("Fyll ut søknad, del 2: Forventet behandlingsvarighet");

/// skjemavakt's limit: amounts are kept in øre as 64-bit integers.
const SOURCE_I64: Source =
    Document::Skjemavakt.at("Kostnader: beløp lagres i øre som 64-biters heltall");

/// The upper limit for a plausible monthly cost: NOK 10 million (issue 4; a product limit).
pub const IMPLAUSIBLE_MONTHLY_ORE: i64 = 10_000_000 * 100;

/// The largest amount accepted at all, per month, either way: NOK 100 million (a product
/// limit, ten times [`IMPLAUSIBLE_MONTHLY_ORE`]). Beyond it an amount is no cost but a
/// mistake — or another number: eleven digits of kroner are the length of a national
/// identity number, so such a value is never read as an amount, and no figure of it is shown.
pub const MAX_MONTHLY_ORE: i64 = 100_000_000 * 100;

rule! {
    /// `cost.amount.empty` — a required cost is missing. Source: Tilgangsordningen «Kostnader»
    /// («Vurdering av ressursbruk må inngå»).
    pub static EMPTY: "cost.amount.empty", Error, KOSTNADER;
    nb: "Beløpet mangler.",
    nn: "Beløpet manglar.",
    en: "The amount is missing.",
    hint_nb: "Skriv beløpet i kroner per måned, f.eks. «125 000». Skriv 0 hvis det ikke er noen kostnad.",
    hint_nn: "Skriv beløpet i kroner per månad, t.d. «125 000». Skriv 0 om det ikkje er nokon kostnad.",
    hint_en: "Enter the amount in kroner per month, e.g. “125 000”. Enter 0 if there is no cost.",
}

rule! {
    /// `cost.amount.ambiguous` — «1.234» or «1,234»: thousands or decimals? Never guessed.
    /// Source: Helse Bergen 1.2.2.5-16 §3.3 point 5 (costs calculated clearly).
    pub static AMBIGUOUS: "cost.amount.ambiguous", Error, TYDELIG;
    nb: "Beløpet kan leses på to måter: er punktumet eller kommaet tusenskille eller desimaltegn?",
    nn: "Beløpet kan lesast på to måtar: er punktumet eller kommaet tusenskilje eller desimalteikn?",
    en: "The amount can be read two ways: is the dot or comma a thousands separator or a decimal sign?",
    hint_nb: "Skriv tusener med mellomrom og øre med komma: «1 234» eller «1,23».",
    hint_nn: "Skriv tusen med mellomrom og øre med komma: «1 234» eller «1,23».",
    hint_en: "Write thousands with a space and øre after a comma: “1 234” or “1,23”.",
}

rule! {
    /// `cost.amount.currency` — another currency than NOK. Source: Helse Bergen 1.2.2.5-16 §3.3
    /// point 5 («korrekt prisgrunnlag»); the form's costs are in kroner (Tilgangsordningen).
    pub static CURRENCY: "cost.amount.currency", Error, TYDELIG;
    nb: "Beløpet er i en annen valuta ({currency}) enn norske kroner.",
    nn: "Beløpet er i ein annan valuta ({currency}) enn norske kroner.",
    en: "The amount is in another currency ({currency}) than Norwegian kroner.",
    hint_nb: "Regn om til norske kroner og oppgi prisgrunnlaget (avtalepris eller maksimalpris).",
    hint_nn: "Rekn om til norske kroner og oppgi prisgrunnlaget (avtalepris eller maksimalpris).",
    hint_en: "Convert to Norwegian kroner and state the price basis (agreement price or maximum price).",
}

rule! {
    /// `cost.amount.invalid` — not an amount. Source: Tilgangsordningen «Kostnader».
    pub static INVALID: "cost.amount.invalid", Error, KOSTNADER;
    nb: "Beløpet kan ikke leses som et kronebeløp.",
    nn: "Beløpet kan ikkje lesast som eit kronebeløp.",
    en: "The amount cannot be read as an amount of kroner.",
    hint_nb: "Skriv ett tall i kroner, f.eks. «125 000», «kr 125 000,50» eller «1,2 mill.». Forklaringer hører hjemme i et tekstfelt.",
    hint_nn: "Skriv eitt tal i kroner, t.d. «125 000», «kr 125 000,50» eller «1,2 mill.». Forklaringar høyrer heime i eit tekstfelt.",
    hint_en: "Enter one number in kroner, e.g. “125 000”, “kr 125 000,50” or “1,2 mill.”. Explanations belong in a text field.",
}

rule! {
    /// `cost.amount.precision` — finer than øre. Source: Helse Bergen 1.2.2.5-16 §3.3 point 5.
    pub static PRECISION: "cost.amount.precision", Error, TYDELIG;
    nb: "Beløpet har flere enn to desimaler.",
    nn: "Beløpet har fleire enn to desimalar.",
    en: "The amount has more than two decimals.",
    hint_nb: "Rund av til hele kroner eller øre (to desimaler), f.eks. «1 234,57».",
    hint_nn: "Rund av til heile kroner eller øre (to desimalar), t.d. «1 234,57».",
    hint_en: "Round to whole kroner or øre (two decimals), e.g. “1 234,57”.",
}

rule! {
    /// `cost.amount.overflow` — too large to compute with. Source: skjemavakt's limits.
    pub static OVERFLOW: "cost.amount.overflow", Error, SOURCE_I64;
    nb: "Beløpet er for stort til å regne med.",
    nn: "Beløpet er for stort til å rekne med.",
    en: "The amount is too large to compute with.",
    hint_nb: "Kontroller antall sifre; beløpet skal være kroner per måned.",
    hint_nn: "Kontroller talet på siffer; beløpet skal vere kroner per månad.",
    hint_en: "Check the number of digits; the amount is kroner per month.",
}

rule! {
    /// `cost.amount.range` — beyond [`MAX_MONTHLY_ORE`] either way. Source: skjemavakt's limits
    /// (an amount of eleven digits of kroner is no monthly cost).
    pub static RANGE: "cost.amount.range", Error, SOURCE_I64;
    nb: "Beløpet er over {limit} per måned og kan ikke være en kostnad per måned.",
    nn: "Beløpet er over {limit} per månad og kan ikkje vere ein kostnad per månad.",
    en: "The amount is over {limit} per month and cannot be a cost per month.",
    hint_nb: "Kontroller antall sifre; beløpet skal være kroner per måned.",
    hint_nn: "Kontroller talet på siffer; beløpet skal vere kroner per månad.",
    hint_en: "Check the number of digits; the amount is kroner per month.",
}

rule! {
    /// `cost.amount.period` — given per year/week/day where the form asks per month. Source:
    /// Tilgangsordningen «Kostnader» («Legemiddelkostnader per måned», «Andre kostnader per
    /// måned»).
    pub static PERIOD: "cost.amount.period", Error, KOSTNADER;
    nb: "Beløpet er oppgitt for en annen periode enn én måned.",
    nn: "Beløpet er oppgitt for ein annan periode enn éin månad.",
    en: "The amount is given for another period than one month.",
    hint_nb: "Søknaden spør om kostnad per måned. Regn om og skriv beløpet per måned.",
    hint_nn: "Søknaden spør om kostnad per månad. Rekn om og skriv beløpet per månad.",
    hint_en: "The application asks for the cost per month. Convert and enter the amount per month.",
}

rule! {
    /// `cost.amount.negative` — a negative amount in a field other than extra resources or
    /// savings. Source: Tilgangsordningen «Kostnader» (only «potensielle innsparinger» can lower
    /// the cost).
    pub static NEGATIVE: "cost.amount.negative", Error, KOSTNADER;
    nb: "Beløpet er negativt, men bare innsparinger kan være negative.",
    nn: "Beløpet er negativt, men berre innsparingar kan vere negative.",
    en: "The amount is negative, but only savings may be negative.",
    hint_nb: "Skriv kostnaden som et positivt beløp. En innsparing føres under «Behov for ekstra ressurser eller potensielle innsparinger».",
    hint_nn: "Skriv kostnaden som eit positivt beløp. Ei innsparing skal førast under «Behov for ekstra ressursar eller potensielle innsparingar».",
    hint_en: "Enter the cost as a positive amount. A saving belongs under “Need for extra resources or potential savings”.",
}

rule! {
    /// `cost.amount.implausible` — over NOK 10 million per month (warning). Source:
    /// Tilgangsordningen «Kostnader» (costs that far exceed the threshold allow local rejection)
    /// and Helse Bergen 1.2.2.5-16 §3.3 point 5 (correct price basis); the limit is issue 4's.
    pub static IMPLAUSIBLE: "cost.amount.implausible", Warning, TYDELIG;
    nb: "Beløpet er over {limit} per måned, som er uvanlig høyt.",
    nn: "Beløpet er over {limit} per månad, som er uvanleg høgt.",
    en: "The amount is over {limit} per month, which is unusually high.",
    hint_nb: "Kontroller at beløpet er per måned (ikke per år eller for hele behandlingen) og i kroner, ikke øre.",
    hint_nn: "Kontroller at beløpet er per månad (ikkje per år eller for heile behandlinga) og i kroner, ikkje øre.",
    hint_en: "Check that the amount is per month (not per year or for the whole treatment) and in kroner, not øre.",
}

rule! {
    /// `cost.amount.approximate` — written «ca. …» (warning). Source: Helse Bergen 1.2.2.5-16
    /// §3.3 point 5 («beregnet på en tydelig måte»).
    pub static APPROXIMATE: "cost.amount.approximate", Warning, TYDELIG;
    nb: "Beløpet er oppgitt som omtrentlig.",
    nn: "Beløpet er oppgitt som omtrentleg.",
    en: "The amount is given as an approximation.",
    hint_nb: "Oppgi det beregnede beløpet og prisgrunnlaget (avtalepris eller maksimalpris) hvis det er kjent.",
    hint_nn: "Oppgi det utrekna beløpet og prisgrunnlaget (avtalepris eller maksimalpris) om det er kjent.",
    hint_en: "Give the calculated amount and its price basis (agreement price or maximum price) if known.",
}

rule! {
    /// `cost.duration.unparsed` — the expected duration is not a number of months, weeks or
    /// years, so no total is computed (info). Source: Tilgangsordningen «Forventet
    /// behandlingsvarighet».
    pub static DURATION_UNPARSED: "cost.duration.unparsed", Info, VARIGHET;
    nb: "Forventet behandlingsvarighet kan ikke regnes om til måneder, så totalkostnaden er ikke beregnet.",
    nn: "Forventa behandlingsvarigheit kan ikkje reknast om til månader, så totalkostnaden er ikkje rekna ut.",
    en: "The expected treatment duration cannot be converted to months, so the total cost is not computed.",
    hint_nb: "Hvis det er mulig, skriv varigheten som antall måneder, uker eller år, f.eks. «6 måneder».",
    hint_nn: "Om det er mogleg, skriv varigheita som tal på månader, veker eller år, t.d. «6 månader».",
    hint_en: "If possible, write the duration as a number of months, weeks or years, e.g. “6 måneder”.",
}

rule! {
    /// `cost.duration.range` — a range or upper bound; the total uses the upper bound (info).
    /// Source: Tilgangsordningen «Forventet behandlingsvarighet».
    pub static DURATION_RANGE: "cost.duration.range", Info, VARIGHET;
    nb: "Varigheten er et intervall eller en øvre grense; totalkostnaden er regnet med den øvre grensen.",
    nn: "Varigheita er eit intervall eller ei øvre grense; totalkostnaden er rekna med den øvre grensa.",
    en: "The duration is a range or an upper bound; the total cost is computed with the upper bound.",
}

texts!(pub L_COSTS, "Kostnader", "Kostnader", "Costs");
texts!(
    pub L_DRUG_COST,
    "Legemiddelkostnad per måned",
    "Legemiddelkostnad per månad",
    "Drug cost per month"
);
texts!(pub L_PRICE_BASIS, "Prisgrunnlag", "Prisgrunnlag", "Price basis");
texts!(pub L_AGREEMENT, "Avtalepris", "Avtalepris", "Agreement price");
texts!(pub L_MAXIMUM, "Maksimalpris", "Maksimalpris", "Maximum price");
texts!(
    pub L_OTHER_COST,
    "Andre kostnader per måned",
    "Andre kostnader per månad",
    "Other costs per month"
);
texts!(
    pub L_EXTRA,
    "Ekstra ressurser eller innsparinger",
    "Ekstra ressursar eller innsparingar",
    "Extra resources or savings"
);
texts!(
    pub L_EXTRA_AMOUNT,
    "Beløp per måned (negativt ved innsparing)",
    "Beløp per månad (negativt ved innsparing)",
    "Amount per month (negative for savings)"
);
texts!(
    pub L_EXTRA_DESC,
    "Beskrivelse av ekstra ressurser eller innsparinger",
    "Skildring av ekstra ressursar eller innsparingar",
    "Description of extra resources or savings"
);

/// Every rule a cost's check may report.
const AMOUNT_RULES: &[&Rule] = &[
    &EMPTY,
    &AMBIGUOUS,
    &CURRENCY,
    &INVALID,
    &PRECISION,
    &OVERFLOW,
    &RANGE,
    &PERIOD,
    &NEGATIVE,
    &IMPLAUSIBLE,
    &APPROXIMATE,
];

/// Every rule the check of extra resources or savings may report (a saving is negative).
const EXTRA_RULES: &[&Rule] = &[
    &EMPTY,
    &AMBIGUOUS,
    &CURRENCY,
    &INVALID,
    &PRECISION,
    &OVERFLOW,
    &RANGE,
    &PERIOD,
    &IMPLAUSIBLE,
    &APPROXIMATE,
];

/// «Legemiddelkostnader per måned»: an amount, not negative.
pub static CHECK_DRUG: Check = Check {
    run: |_, v, p, w, d| read(CostField::Drug, v, p, w, d),
    rules: DocData::new(AMOUNT_RULES),
};

/// «Andre kostnader per måned»: an amount, not negative.
pub static CHECK_OTHER: Check = Check {
    run: |_, v, p, w, d| read(CostField::Other, v, p, w, d),
    rules: DocData::new(AMOUNT_RULES),
};

/// «Behov for ekstra ressurser eller potensielle innsparinger»: an amount, negative for a
/// saving.
pub static CHECK_EXTRA: Check = Check {
    run: |_, v, p, w, d| read(CostField::ExtraOrSavings, v, p, w, d),
    rules: DocData::new(EXTRA_RULES),
};

/// Extra resources or savings.
pub static FIELDS_EXTRA: &[Field] = &[
    Field::new("amount_per_month", &L_EXTRA_AMOUNT, Ty::Amount, SOURCE)
        .privacy(Privacy::Structured)
        .check(&CHECK_EXTRA),
    Field::free_text("description", &L_EXTRA_DESC, SOURCE),
];

/// "Kostnader", in part 2 and Helse Bergen's forms.
pub static FIELDS: &[Field] = &[
    Field::new("drug_per_month", &L_DRUG_COST, Ty::Amount, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(&CHECK_DRUG),
    Field::new(
        "price_basis",
        &L_PRICE_BASIS,
        Ty::Enum {
            values: &["agreement", "maximum"],
            labels: &[&L_AGREEMENT, &L_MAXIMUM],
            shown: "agreement (avtalepris), maximum (maksimalpris)",
        },
        SOURCE,
    )
    .req(Req::Approval),
    Field::new("other_per_month", &L_OTHER_COST, Ty::Amount, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(&CHECK_OTHER),
    Field::new(
        "extra_resources",
        &L_EXTRA,
        Ty::Object(FIELDS_EXTRA),
        SOURCE,
    ),
];

/// `/costs` in part 2.
pub const FIELD: Field =
    Field::new("costs", &L_COSTS, Ty::Object(FIELDS), SOURCE).req(Req::Approval);

/// `/costs` in Helse Bergen's forms.
pub const FIELD_HB: Field =
    Field::new("costs", &L_COSTS, Ty::Object(FIELDS), SOURCE_HB).req(Req::Approval);

/// What the cost summary reports, and where.
pub static SUMMARY_REPORTS: &[(&Rule, &str)] = &[
    (&IMPLAUSIBLE, "/costs"),
    (&DURATION_UNPARSED, "/treatment/duration"),
    (&DURATION_RANGE, "/treatment/duration"),
];

/// The computed costs, in øre and whole kroner, for display.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostSummary {
    /// Drug cost per month, øre.
    pub drug_per_month_ore: Option<i64>,
    /// Other costs per month, øre.
    pub other_per_month_ore: Option<i64>,
    /// Extra resources (positive) or savings (negative) per month, øre.
    pub extra_per_month_ore: Option<i64>,
    /// Sum per month, øre (when drug and other costs could be read).
    pub monthly_total_ore: Option<i64>,
    /// The expected duration in months, when it could be read.
    pub duration_months: Option<f64>,
    /// Monthly total × duration, øre.
    pub total_ore: Option<i64>,
    /// The monthly total as bokmål text (`kr 137 500`).
    pub monthly_total_text: Option<String>,
    /// The total as bokmål text.
    pub total_text: Option<String>,
}

/// A cost field's check: the amount, checked, and kept for the cost summary.
fn read(field: CostField, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let (amount, found) = check_cost_field(v, field, p.clone());
    d.extend(found);
    if let Some(a) = amount {
        w.amounts.set(w.amounts.get().with(field, a));
    }
}

/// A national identity number typed into an amount field (as text or as a number).
fn is_national_id(v: &Value) -> bool {
    match v {
        Value::String(t) => crate::ident::fnr::is_valid(t),
        Value::Number(n) => crate::ident::fnr::is_valid(&n.to_string()),
        _ => false,
    }
}

/// Computes the cost summary of a document (part 2 or a Helse Bergen kind) from the amounts
/// its cost fields' checks read (`amounts`, from the walk) and the expected duration, and
/// reports on the totals ([`SUMMARY_REPORTS`]). Returns `None` when the document has no costs
/// at all.
pub fn summarise(
    doc: &Value,
    amounts: CostAmounts,
    diags: &mut Vec<Diagnostic>,
) -> Option<CostSummary> {
    doc.get("costs")?;
    let CostAmounts { drug, other, extra } = amounts;
    let duration_path = ["treatment", "duration"];
    let duration = match get_str(doc, &duration_path).filter(|s| !s.trim().is_empty()) {
        Some(text) => match Duration::parse(text) {
            Ok(d) => Some(d),
            Err(reason) => {
                diags.push(duration_unparsed_diagnostic(reason, ptr(&duration_path)));
                None
            }
        },
        None => None,
    };
    let mut out = CostSummary {
        drug_per_month_ore: drug.map(Amount::ore),
        other_per_month_ore: other.map(Amount::ore),
        extra_per_month_ore: extra.map(Amount::ore),
        monthly_total_ore: None,
        duration_months: duration.as_ref().map(Duration::months),
        total_ore: None,
        monthly_total_text: None,
        total_text: None,
    };
    if let (Some(drug), Some(other)) = (drug, other) {
        let s = money::summarise(drug, other, extra, duration.as_ref());
        diags.extend(summary_diagnostics(
            &s,
            ptr(&["costs"]),
            ptr(&duration_path),
        ));
        out.monthly_total_ore = Some(s.monthly_total.ore());
        out.monthly_total_text = Some(s.monthly_total.to_string());
        out.total_ore = s.total_over_duration.map(Amount::ore);
        out.total_text = s.total_over_duration.map(|a| a.to_string());
    }
    Some(out)
}

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
/// amount when it could be read, and every diagnostic. A national identity number is not
/// read as an amount (`cost.amount.invalid`, no span): the cost summary would echo its digits.
///
/// ```
/// use serde_json::json;
/// use skjemavakt::forms::sections::costs::check_cost_field;
/// use skjemavakt::money::CostField;
/// use skjemavakt::Pointer;
/// let (a, d) = check_cost_field(&json!("ca. 40 000"), CostField::Other, Pointer::from_static("/o"));
/// assert_eq!(a.unwrap().kroner(), 40_000);
/// assert_eq!(d[0].code(), "cost.amount.approximate");
/// let (a, d) = check_cost_field(&json!(-500), CostField::Drug, Pointer::from_static("/d"));
/// assert!(a.is_some() && d[0].code() == "cost.amount.negative");
/// ```
pub fn check_cost_field(
    value: &Value,
    field: CostField,
    path: Pointer,
) -> (Option<Amount>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    if is_national_id(value) {
        out.push(amount_error_diagnostic(
            &AmountError::Invalid { at: 0 },
            path,
        ));
        return (None, out);
    }
    match money::from_json_detailed(value) {
        Err(e) => {
            let d = match value.as_str() {
                Some(text) => amount_error_diagnostic_in(&e, path, text),
                None => amount_error_diagnostic(&e, path),
            };
            out.push(d);
            (None, out)
        }
        Ok(ParsedAmount { amount, .. }) if amount.ore().unsigned_abs() > MAX_MONTHLY_ORE as u64 => {
            out.push(Diagnostic::new(&RANGE, path).arg("limit", Arg::Nok(MAX_MONTHLY_ORE)));
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
    summary: &money::CostTotals,
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
