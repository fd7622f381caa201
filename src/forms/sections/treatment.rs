//! "Omsøkt behandling": the drug, its Nye metoder ID, dosage, expected duration, the goal and
//! how the effect is evaluated and when treatment stops.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Behandlingsansvarlig lege
//! (del 2): Omsøkt behandling" ("Behandlingsmål som kurativ, livsforlengende,
//! symptomreduserende osv."); Helse Bergen's off-label forms add whether the use is off-label
//! or off-licence, and the Nye metoder ID is optional there
//! (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3).

use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Pointer, Source};
use crate::forms::schema::{get_str, ptr, Check, CrossCheck, Field, Privacy, Req, Ty, Walk};
use crate::forms::Stage;
use serde_json::Value;

/// Part 2, "Omsøkt behandling".
pub const SOURCE: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Omsøkt behandling");
/// Helse Bergen §3.3.
pub const SOURCE_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier");

rule! {
    /// Nye metoder ID malformed.
    pub static NYE_METODER_ID: "treatment.nye_metoder_id.format", Error, SOURCE;
    nb: "ID-nummeret i Nye metoder har ikke formen ID{year}_XXX.",
    nn: "ID-nummeret i Nye metoder har ikkje forma ID{year}_XXX.",
    en: "The Nye metoder ID is not of the form ID{year}_XXX.",
    hint_nb: "Skriv «ID», årstallet (fire sifre), understrek og tre sifre, f.eks. ID2023_013. ID-en finnes på nyemetoder.no.",
    hint_nn: "Skriv «ID», årstalet (fire siffer), understrek og tre siffer, t.d. ID2023_013. ID-en finst på nyemetoder.no.",
    hint_en: "Write “ID”, the year (four digits), an underscore and three digits, e.g. ID2023_013. The ID is on nyemetoder.no.",
}

rule! {
    pub static GOAL_OTHER: "treatment.goal.other", Error, SOURCE;
    nb: "Behandlingsmålet er «annet», men det er ikke beskrevet.",
    nn: "Behandlingsmålet er «anna», men det er ikkje skildra.",
    en: "The treatment goal is “other” but is not described.",
    hint_nb: "Beskriv behandlingsmålet i feltet for annet behandlingsmål.",
    hint_nn: "Skildre behandlingsmålet i feltet for anna behandlingsmål.",
    hint_en: "Describe the goal in the “other treatment goal” field.",
}

texts!(pub L_TREATMENT, "Omsøkt behandling", "Omsøkt behandling", "Treatment applied for");
texts!(
    pub L_DRUG,
    "Legemiddel (som i Felleskatalogen)",
    "Legemiddel (som i Felleskatalogen)",
    "Drug (as in Felleskatalogen)"
);
texts!(pub L_NM_ID, "ID-nummer i Nye metoder", "ID-nummer i Nye metoder", "Nye metoder ID");
texts!(pub L_DOSAGE, "Forventet dosering", "Forventa dosering", "Expected dosage");
texts!(
    pub L_DURATION,
    "Forventet behandlingsvarighet",
    "Forventa behandlingsvarigheit",
    "Expected duration"
);
texts!(pub L_GOAL, "Behandlingsmål", "Behandlingsmål", "Treatment goal");
texts!(pub L_GOAL_OTHER, "Annet behandlingsmål", "Anna behandlingsmål", "Other treatment goal");
texts!(
    pub L_EVALUATION,
    "Plan for evaluering av effekt",
    "Plan for evaluering av effekt",
    "Plan for evaluating effect"
);
texts!(pub L_STOP, "Stoppkriterier", "Stoppkriterium", "Stop criteria");
texts!(
    pub L_OFFLABEL_KIND,
    "Off-label eller off-licence",
    "Off-label eller off-licence",
    "Off-label or off-licence"
);

texts!(pub L_OFF_LABEL, "Off-label", "Off-label", "Off-label");
texts!(pub L_OFF_LICENCE, "Off-licence", "Off-licence", "Off-licence");

/// Treatment goals ("Behandlingsmål som kurativ, livsforlengende, symptomreduserende osv.").
pub const GOALS: &[&str] = &["curative", "life_prolonging", "symptom_relief", "other"];

texts!(pub L_CURATIVE, "Kurativ", "Kurativ", "Curative");
texts!(pub L_LIFE_PROLONGING, "Livsforlengende", "Livsforlengande", "Life-prolonging");
texts!(pub L_SYMPTOM_RELIEF, "Symptomreduserende", "Symptomreduserande", "Symptom-relieving");
texts!(pub L_GOAL_OTHER_VALUE, "Annet", "Anna", "Other");

const GOAL: Ty = Ty::Enum {
    values: GOALS,
    labels: &[
        &L_CURATIVE,
        &L_LIFE_PROLONGING,
        &L_SYMPTOM_RELIEF,
        &L_GOAL_OTHER_VALUE,
    ],
    shown: "curative, life_prolonging, symptom_relief, other",
};

/// `ID` + year 2013..this year + `_` + three digits.
pub static CHECK_NYE_METODER_ID: Check = Check {
    run: check_nye_metoder_id,
    rules: DocData::new(&[&NYE_METODER_ID]),
};

/// Part 2's "Omsøkt behandling", also in Helse Bergen's exception forms: the Nye metoder ID
/// required.
pub static FIELDS: &[Field] = &[
    Field::text("drug", &L_DRUG, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Structured),
    Field::text("nye_metoder_id", &L_NM_ID, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(&CHECK_NYE_METODER_ID),
    Field::free_text("dosage", &L_DOSAGE, SOURCE).req(Req::Approval),
    Field::text("duration", &L_DURATION, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::FreeText),
    Field::new("goal", &L_GOAL, GOAL, SOURCE).req(Req::Approval),
    Field::free_text("goal_other", &L_GOAL_OTHER, SOURCE),
    Field::free_text("evaluation_plan", &L_EVALUATION, SOURCE).req(Req::Approval),
    Field::free_text("stop_criteria", &L_STOP, SOURCE).req(Req::Approval),
];

/// `/treatment` in part 2.
pub const FIELD: Field =
    Field::new("treatment", &L_TREATMENT, Ty::Object(FIELDS), SOURCE).req(Req::Approval);

/// `/treatment` in Helse Bergen's exception forms.
pub const FIELD_HB_EXCEPTION: Field =
    Field::new("treatment", &L_TREATMENT, Ty::Object(FIELDS), SOURCE_HB).req(Req::Approval);

/// The treatment in Helse Bergen's off-label forms: whether the use is off-label or
/// off-licence, the Nye metoder ID optional.
pub static FIELDS_OFFLABEL: &[Field] = &[
    Field::text("drug", &L_DRUG, SOURCE_HB)
        .req(Req::Approval)
        .privacy(Privacy::Structured),
    Field::new(
        "offlabel_kind",
        &L_OFFLABEL_KIND,
        Ty::Enum {
            values: &["off-label", "off-licence"],
            labels: &[&L_OFF_LABEL, &L_OFF_LICENCE],
            shown: "off-label, off-licence",
        },
        SOURCE_HB,
    )
    .req(Req::Approval),
    Field::text("nye_metoder_id", &L_NM_ID, SOURCE_HB)
        .privacy(Privacy::Structured)
        .check(&CHECK_NYE_METODER_ID),
    Field::free_text("dosage", &L_DOSAGE, SOURCE_HB).req(Req::Approval),
    Field::text("duration", &L_DURATION, SOURCE_HB)
        .req(Req::Approval)
        .privacy(Privacy::FreeText),
    Field::new("goal", &L_GOAL, GOAL, SOURCE_HB).req(Req::Approval),
    Field::free_text("goal_other", &L_GOAL_OTHER, SOURCE_HB),
    Field::free_text("evaluation_plan", &L_EVALUATION, SOURCE_HB).req(Req::Approval),
    Field::free_text("stop_criteria", &L_STOP, SOURCE_HB).req(Req::Approval),
];

/// `/treatment` in Helse Bergen's off-label forms.
pub const FIELD_HB_OFFLABEL: Field = Field::new(
    "treatment",
    &L_TREATMENT,
    Ty::Object(FIELDS_OFFLABEL),
    SOURCE_HB,
)
.req(Req::Approval);

/// From approval: the goal "other" is described.
pub static CROSS_GOAL_OTHER: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: goal_other,
    reports: DocData::new(&[(&GOAL_OTHER, "/treatment/goal_other")]),
};

fn check_nye_metoder_id(_f: &Field, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    use chrono::Datelike;
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if crate::ident::nye_metoder_id::validate(s, w.ctx.today.year()).is_err() {
            d.push(Diagnostic::new(&NYE_METODER_ID, p.clone()).arg("year", Arg::Static("ÅÅÅÅ")));
        }
    }
}

fn goal_other(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_str(doc, &["treatment", "goal"]) == Some("other")
        && get_str(doc, &["treatment", "goal_other"]).is_none_or(|s| s.trim().is_empty())
    {
        d.push(Diagnostic::new(
            &GOAL_OTHER,
            ptr(&["treatment", "goal_other"]),
        ));
    }
}
