//! Helse Bergen's internal application kinds (forms 1.2.2.5-19/20/21/22), designed from
//! helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3 ("Det skal komme frem …") and §3.4
//! (self-payment), in the same style as Tilgangsordningen part 2 and made of its
//! [sections](crate::forms::sections) where the content is the same. What only these forms
//! have — the patient group, established treatment, clinical trial, expected effect,
//! professional support and self-payment — is here, with its rules (`hb.*`).
//!
//! | kind | form |
//! |---|---|
//! | `hb-exception-single` | 1.2.2.5-19 exception scheme, single patient |
//! | `hb-exception-group` | 1.2.2.5-20 exception scheme, group of patients |
//! | `hb-offlabel-single` | 1.2.2.5-21 off-label / off-licence, single patient |
//! | `hb-offlabel-group` | 1.2.2.5-22 off-label / off-licence, group of patients |

use super::Form;
use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Pointer, Source};
use crate::forms::schema::{
    get, get_bool, get_str, ptr, whole_number, Check, CrossCheck, Field, Privacy, Req, Ty, Walk,
};
use crate::forms::sections::{application, approvals, costs, literature, patient, treatment};
use crate::forms::Stage;
use serde_json::Value;

const S_33_1: Source =
    Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier, punkt 1 (etablert behandling)");
const S_33_2: Source =
    Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier, punkt 2 (klinisk studie)");
const S_33_3: Source =
    Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier, punkt 3 (effekt og risiko)");
const S_33_5: Source =
    Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier, punkt 5 (faglig støtte)");
const S_33_6: Source =
    Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier, punkt 6 (litteratur)");
const S_33_7: Source = Document::HelseBergen1_2_2_5_16
    .at("3.3 Vurderingskriterier, punkt 7 (enkeltpasient, unntaksordningen)");
const S_33_8: Source =
    Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier, punkt 8 (gruppe av pasienter)");
const S_34: Source = Document::HelseBergen1_2_2_5_16.at("3.4 Spesielt om pasienters egenbetaling");

rule! {
    pub static SELF_PAYMENT_RULE: "hb.self_payment", Warning, S_34;
    nb: "Søknader om videreføring av behandling pasienten har betalt selv i privat regi avslås som hovedregel.",
    nn: "Søknader om vidareføring av behandling pasienten har betalt sjølv i privat regi blir som hovudregel avslått.",
    en: "Applications to continue treatment the patient paid for privately are, as a main rule, rejected.",
    hint_nb: "Unntak kan vektlegges bare i særlige tilfeller: når tidligere søknader om unntaksvis bruk av legemidlet for samme indikasjon er anbefalt, eller etter klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF. Kryss av og beskriv hvis et av disse gjelder.",
    hint_nn: "Unntak kan vektleggjast berre i særlege tilfelle: når tidlegare søknader om unntaksvis bruk av legemiddelet for same indikasjon er tilrådde, eller etter klart råd frå Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF. Kryss av og skildre dersom eitt av desse gjeld.",
    hint_en: "Exceptions may be weighed only in special cases: when earlier applications for exceptional use of the drug for the same indication were recommended, or on clear advice from the Expert Panel, the Clinical Ethics Committee and/or the medical director of Helse Vest RHF. Tick and describe if one of these applies.",
}

rule! {
    pub static SELF_PAYMENT_EXCEPTION: "hb.self_payment.exception", Info, S_34;
    nb: "Søknaden viderefører privat betalt behandling, men viser til et av unntakene i §3.4.",
    nn: "Søknaden vidarefører privat betalt behandling, men viser til eitt av unntaka i §3.4.",
    en: "The application continues privately paid treatment but invokes one of the exceptions in §3.4.",
    hint_nb: "Beskriv unntaket (tidligere anbefalte søknader eller klart råd) i feltet for egenbetaling.",
    hint_nn: "Skildre unntaket (tidlegare tilrådde søknader eller klart råd) i feltet for eigenbetaling.",
    hint_en: "Describe the exception (earlier recommended applications or clear advice) in the self-payment field.",
}

rule! {
    pub static SUPPORT_NONE: "hb.support.none", Warning, S_33_5;
    nb: "Søknaden viser ikke til faglig støtte (Ekspertpanelet, eksterne eksperter, konsensus eller litteratur).",
    nn: "Søknaden viser ikkje til fagleg støtte (Ekspertpanelet, eksterne ekspertar, konsensus eller litteratur).",
    en: "The application cites no professional support (Expert Panel, external experts, consensus or literature).",
    hint_nb: "Vurderingskomitéen ser etter om søknaden er underbygget av uttalelser, konsensus eller publisert litteratur. Kryss av for det som finnes og beskriv det.",
    hint_nn: "Vurderingskomiteen ser etter om søknaden er underbygd av fråsegner, konsensus eller publisert litteratur. Kryss av for det som finst og skildre det.",
    hint_en: "The committee looks for support from statements, consensus or published literature. Tick what exists and describe it.",
}

rule! {
    pub static LITERATURE_NONE: "hb.literature.none", Warning, S_33_6;
    nb: "Ingen litteratur er oppgitt.",
    nn: "Ingen litteratur er oppgitt.",
    en: "No literature is given.",
    hint_nb: "Legg inn litteraturen søknaden bygger på (tittel og lenke); vurderingskomitéen vurderer om søknaden er tilstrekkelig underbygget.",
    hint_nn: "Legg inn litteraturen søknaden byggjer på (tittel og lenkje); vurderingskomiteen vurderer om søknaden er godt nok underbygd.",
    hint_en: "Add the literature the application rests on (title and link); the committee assesses whether it is sufficiently supported.",
}

rule! {
    pub static GROUP_LEVEL: "hb.group.level", Info, S_33_8;
    nb: "Verken videresending til Helse Vest RHF eller nasjonal metodevurdering er vurdert for gruppesøknaden.",
    nn: "Korkje vidaresending til Helse Vest RHF eller nasjonal metodevurdering er vurdert for gruppesøknaden.",
    en: "Neither forwarding to Helse Vest RHF nor a national method assessment has been considered for this group application.",
    hint_nb: "Vurder om søknaden er rettet til riktig nivå i helsetjenesten, og begrunn det i feltet for riktig nivå.",
    hint_nn: "Vurder om søknaden er retta til rett nivå i helsetenesta, og grunngi det i feltet for rett nivå.",
    hint_en: "Consider whether the application is addressed to the right level of the health service, and explain it in the field for the right level.",
}

rule! {
    /// The expected number of patients per year is not a whole number in the plausible range.
    pub static GROUP_SIZE: "hb.group.size", Error, S_33_8;
    nb: "Antatt antall pasienter per år må være et helt tall fra {min} til {max}.",
    nn: "Venta tal pasientar per år må vere eit heilt tal frå {min} til {max}.",
    en: "The expected number of patients per year must be a whole number from {min} to {max}.",
    hint_nb: "Skriv et anslag over hvor mange pasienter i gruppen som kan få behandlingen hvert år, f.eks. 4.",
    hint_nn: "Skriv eit overslag over kor mange pasientar i gruppa som kan få behandlinga kvart år, t.d. 4.",
    hint_en: "Enter an estimate of how many patients in the group may get the treatment each year, e.g. 4.",
}

rule! {
    pub static TRIAL_NOT_CONSIDERED: "hb.trial.not_considered", Warning, S_33_2;
    nb: "Det går ikke fram at inklusjon i klinisk studie er vurdert.",
    nn: "Det går ikkje fram at inklusjon i klinisk studie er vurdert.",
    en: "It is not shown that inclusion in a clinical trial was considered.",
    hint_nb: "Vurder om pasienten kan inkluderes i en klinisk studie, og beskriv vurderingen.",
    hint_nn: "Vurder om pasienten kan inkluderast i ein klinisk studie, og skildre vurderinga.",
    hint_en: "Consider whether the patient can be included in a clinical trial, and describe the assessment.",
}

texts!(
    pub TITLE_EXCEPTION_SINGLE,
    "Søknad om behandling med legemiddel til enkeltpasient etter unntaksordningen (1.2.2.5-19)",
    "Søknad om behandling med legemiddel til enkeltpasient etter unntaksordningen (1.2.2.5-19)",
    "Application: drug treatment for a single patient under the exception scheme (1.2.2.5-19)"
);
texts!(
    pub TITLE_EXCEPTION_GROUP,
    "Søknad om behandling med legemiddel til gruppe av pasienter etter unntaksordningen (1.2.2.5-20)",
    "Søknad om behandling med legemiddel til gruppe av pasienter etter unntaksordningen (1.2.2.5-20)",
    "Application: drug treatment for a group of patients under the exception scheme (1.2.2.5-20)"
);
texts!(
    pub TITLE_OFFLABEL_SINGLE,
    "Søknad om behandling med legemiddel til enkeltpasient off-label eller off-licence (1.2.2.5-21)",
    "Søknad om behandling med legemiddel til enkeltpasient off-label eller off-licence (1.2.2.5-21)",
    "Application: off-label or off-licence drug treatment for a single patient (1.2.2.5-21)"
);
texts!(
    pub TITLE_OFFLABEL_GROUP,
    "Søknad om behandling med legemiddel til gruppe av pasienter off-label eller off-licence (1.2.2.5-22)",
    "Søknad om behandling med legemiddel til gruppe av pasienter off-label eller off-licence (1.2.2.5-22)",
    "Application: off-label or off-licence drug treatment for a group of patients (1.2.2.5-22)"
);

texts!(pub L_GROUP, "Pasientgruppen", "Pasientgruppa", "The patient group");
texts!(
    pub L_GROUP_DESC,
    "Beskrivelse av pasientgruppen og indikasjonen",
    "Skildring av pasientgruppa og indikasjonen",
    "Description of the patient group and the indication"
);
texts!(
    pub L_GROUP_SIZE,
    "Antatt antall pasienter per år",
    "Venta tal pasientar per år",
    "Expected number of patients per year"
);
texts!(
    pub L_GUIDELINES,
    "Omtale i anerkjente retningslinjer",
    "Omtale i anerkjende retningslinjer",
    "Coverage in recognised guidelines"
);
texts!(
    pub L_LEVEL,
    "Riktig nivå i helsetjenesten",
    "Rett nivå i helsetenesta",
    "Right level of the health service"
);
texts!(
    pub L_FORWARD_RHF,
    "Bør videresendes til fagdirektør i Helse Vest RHF",
    "Bør vidaresendast til fagdirektør i Helse Vest RHF",
    "Should be forwarded to the medical director of Helse Vest RHF"
);
texts!(
    pub L_PROPOSE_NATIONAL,
    "Innmelding til nasjonal metodevurdering er vurdert",
    "Innmelding til nasjonal metodevurdering er vurdert",
    "A national method assessment has been considered"
);
texts!(pub L_ESTABLISHED, "Etablert behandling", "Etablert behandling", "Established treatment");
texts!(
    pub L_ESTABLISHED_STATUS,
    "Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?",
    "Er etablert behandling prøvd, funnen ueigna, eller finst ikkje?",
    "Was established treatment tried, found unsuitable, or does none exist?"
);
texts!(pub L_TRIED, "Forsøkt", "Prøvd", "Tried");
texts!(pub L_UNSUITABLE, "Funnet uegnet", "Funnen ueigna", "Found unsuitable");
texts!(pub L_NONE_EXISTS, "Finnes ikke", "Finst ikkje", "None exists");
texts!(pub L_DESCRIPTION, "Beskrivelse", "Skildring", "Description");
texts!(pub L_TRIAL, "Klinisk studie", "Klinisk studie", "Clinical trial");
texts!(
    pub L_TRIAL_CONSIDERED,
    "Inklusjon i klinisk studie er vurdert",
    "Inklusjon i klinisk studie er vurdert",
    "Inclusion in a clinical trial was considered"
);
texts!(
    pub L_EFFECT,
    "Forventet effekt og akseptabel risiko sammenlignet med etablert behandling",
    "Venta effekt og akseptabel risiko samanlikna med etablert behandling",
    "Expected effect and acceptable risk compared with established treatment"
);
texts!(
    pub L_GREATER,
    "Hvorfor effekten forventes å være vesentlig større enn for gruppen som helhet",
    "Kvifor effekten er venta å vere vesentleg større enn for gruppa som heilskap",
    "Why the effect is expected to be substantially greater than for the group as a whole"
);
texts!(pub L_SUPPORT, "Faglig støtte", "Fagleg støtte", "Professional support");
texts!(
    pub L_EXPERT_PANEL,
    "Uttalelse fra Ekspertpanelet",
    "Fråsegn frå Ekspertpanelet",
    "Statement from the Expert Panel"
);
texts!(
    pub L_EXTERNAL,
    "Uttalelse fra andre eksterne eksperter",
    "Fråsegn frå andre eksterne ekspertar",
    "Statement from other external experts"
);
texts!(
    pub L_CONSENSUS,
    "Dokumentert konsensus i fagmiljøet",
    "Dokumentert konsensus i fagmiljøet",
    "Documented consensus in the professional community"
);
texts!(
    pub L_LIT_SUPPORT,
    "Relevant publisert litteratur",
    "Relevant publisert litteratur",
    "Relevant published literature"
);
texts!(pub L_SELF_PAY, "Egenbetaling", "Eigenbetaling", "Self-payment");
texts!(
    pub L_CONTINUATION,
    "Søknaden gjelder videreføring av behandling pasienten har betalt selv",
    "Søknaden gjeld vidareføring av behandling pasienten har betalt sjølv",
    "The application continues treatment the patient paid for privately"
);
texts!(
    pub L_PREVIOUS,
    "Tidligere søknader for samme indikasjon er anbefalt",
    "Tidlegare søknader for same indikasjon er tilrådde",
    "Earlier applications for the same indication were recommended"
);
texts!(
    pub L_ADVICE,
    "Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF",
    "Klart råd frå Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF",
    "Clear advice from the Expert Panel, the Clinical Ethics Committee and/or the medical director of Helse Vest RHF"
);

/// The plausible range of the expected number of patients per year: a group of patients is
/// more than none, and no treatment a hospital applies for reaches a hundred thousand new
/// patients a year (a product limit: a number beyond it is a mistake, or another number).
pub const GROUP_SIZE_RANGE: std::ops::RangeInclusive<i64> = 1..=100_000;

/// A whole number in [`GROUP_SIZE_RANGE`].
pub static CHECK_GROUP_SIZE: Check = Check {
    run: check_group_size,
    rules: DocData::new(&[&GROUP_SIZE]),
};

fn check_group_size(_f: &Field, v: &Value, p: &Pointer, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let n = match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if s.trim().is_empty() => return,
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    if !n.is_some_and(|n| GROUP_SIZE_RANGE.contains(&n)) {
        d.push(
            Diagnostic::new(&GROUP_SIZE, p.clone())
                .arg("min", Arg::Int(*GROUP_SIZE_RANGE.start()))
                .arg("max", Arg::Int(*GROUP_SIZE_RANGE.end())),
        );
    }
}

/// The patient group (group kinds), §3.3 point 8.
pub static GROUP: &[Field] = &[
    Field::free_text("description", &L_GROUP_DESC, S_33_8).req(Req::Approval),
    Field::new("estimated_size", &L_GROUP_SIZE, Ty::Integer, S_33_8)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(&CHECK_GROUP_SIZE)
        .normalise(whole_number),
    Field::free_text("guidelines", &L_GUIDELINES, S_33_8).req(Req::Approval),
    Field::free_text("service_level", &L_LEVEL, S_33_8).req(Req::Approval),
    Field::new("forward_to_rhf", &L_FORWARD_RHF, Ty::Bool, S_33_8).req(Req::Approval),
    Field::new(
        "national_assessment_considered",
        &L_PROPOSE_NATIONAL,
        Ty::Bool,
        S_33_8,
    )
    .req(Req::Approval),
];

/// §3.3 point 1.
pub static ESTABLISHED: &[Field] = &[
    Field::new(
        "status",
        &L_ESTABLISHED_STATUS,
        Ty::Enum {
            values: &["tried", "unsuitable", "none_exists"],
            labels: &[&L_TRIED, &L_UNSUITABLE, &L_NONE_EXISTS],
            shown: "tried (forsøkt), unsuitable (funnet uegnet), none_exists (finnes ikke)",
        },
        S_33_1,
    )
    .req(Req::Approval),
    Field::free_text("description", &L_DESCRIPTION, S_33_1).req(Req::Approval),
];

/// §3.3 point 2.
pub static TRIAL: &[Field] = &[
    Field::new("considered", &L_TRIAL_CONSIDERED, Ty::Bool, S_33_2).req(Req::Approval),
    Field::free_text("description", &L_DESCRIPTION, S_33_2),
];

/// §3.3 point 5.
pub static SUPPORT: &[Field] = &[
    Field::new("expert_panel", &L_EXPERT_PANEL, Ty::Bool, S_33_5).req(Req::Approval),
    Field::new("external_experts", &L_EXTERNAL, Ty::Bool, S_33_5).req(Req::Approval),
    Field::new("consensus", &L_CONSENSUS, Ty::Bool, S_33_5).req(Req::Approval),
    Field::new("literature", &L_LIT_SUPPORT, Ty::Bool, S_33_5).req(Req::Approval),
    Field::free_text("description", &L_DESCRIPTION, S_33_5),
];

/// §3.4.
pub static SELF_PAYMENT: &[Field] = &[
    Field::new("continuation_of_private", &L_CONTINUATION, Ty::Bool, S_34).req(Req::Approval),
    Field::new(
        "earlier_applications_recommended",
        &L_PREVIOUS,
        Ty::Bool,
        S_34,
    ),
    Field::new("clear_advice", &L_ADVICE, Ty::Bool, S_34),
    Field::free_text("description", &L_DESCRIPTION, S_34),
];

const GROUP_FIELD: Field =
    Field::new("group", &L_GROUP, Ty::Object(GROUP), S_33_8).req(Req::Approval);
const ESTABLISHED_FIELD: Field = Field::new(
    "established_treatment",
    &L_ESTABLISHED,
    Ty::Object(ESTABLISHED),
    S_33_1,
)
.req(Req::Approval);
const TRIAL_FIELD: Field =
    Field::new("clinical_trial", &L_TRIAL, Ty::Object(TRIAL), S_33_2).req(Req::Approval);
const EFFECT_FIELD: Field =
    Field::free_text("expected_effect", &L_EFFECT, S_33_3).req(Req::Approval);
const GREATER_EFFECT_FIELD: Field =
    Field::free_text("greater_effect_justification", &L_GREATER, S_33_7).req(Req::Approval);
const SUPPORT_FIELD: Field =
    Field::new("support", &L_SUPPORT, Ty::Object(SUPPORT), S_33_5).req(Req::Approval);
const SELF_PAYMENT_FIELD: Field =
    Field::new("self_payment", &L_SELF_PAY, Ty::Object(SELF_PAYMENT), S_34).req(Req::Approval);

/// From approval (§3.4): continuing privately paid treatment is, as a main rule, rejected.
pub static CROSS_SELF_PAYMENT: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: self_payment,
    reports: DocData::new(&[
        (&SELF_PAYMENT_RULE, "/self_payment/continuation_of_private"),
        (
            &SELF_PAYMENT_EXCEPTION,
            "/self_payment/continuation_of_private",
        ),
    ]),
};

/// From approval (§3.3 point 5): some professional support is cited.
pub static CROSS_SUPPORT: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: support,
    reports: DocData::new(&[(&SUPPORT_NONE, "/support")]),
};

/// From approval (§3.3 point 6): some literature is given.
pub static CROSS_LITERATURE: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: literature_given,
    reports: DocData::new(&[(&LITERATURE_NONE, "/literature")]),
};

/// From approval (§3.3 point 2): inclusion in a clinical trial was considered.
pub static CROSS_TRIAL: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: trial,
    reports: DocData::new(&[(&TRIAL_NOT_CONSIDERED, "/clinical_trial/considered")]),
};

/// From approval (§3.3 point 8, group kinds): the right level of the health service was
/// considered.
pub static CROSS_GROUP_LEVEL: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: group_level,
    reports: DocData::new(&[(&GROUP_LEVEL, "/group/service_level")]),
};

/// `hb-exception-single` (1.2.2.5-19).
pub static EXCEPTION_SINGLE: Form = Form {
    title: &TITLE_EXCEPTION_SINGLE,
    fields: &[
        application::FIELD_HB,
        patient::FIELD_HB,
        treatment::FIELD_HB_EXCEPTION,
        GREATER_EFFECT_FIELD,
        ESTABLISHED_FIELD,
        TRIAL_FIELD,
        EFFECT_FIELD,
        SUPPORT_FIELD,
        costs::FIELD_HB,
        literature::FIELD,
        SELF_PAYMENT_FIELD,
        approvals::FIELD_HB,
    ],
    rules: RULES_SINGLE,
    costs: true,
};

/// `hb-exception-group` (1.2.2.5-20).
pub static EXCEPTION_GROUP: Form = Form {
    title: &TITLE_EXCEPTION_GROUP,
    fields: &[
        application::FIELD_HB,
        GROUP_FIELD,
        treatment::FIELD_HB_EXCEPTION,
        ESTABLISHED_FIELD,
        TRIAL_FIELD,
        EFFECT_FIELD,
        SUPPORT_FIELD,
        costs::FIELD_HB,
        literature::FIELD,
        SELF_PAYMENT_FIELD,
        approvals::FIELD_HB,
    ],
    rules: RULES_GROUP,
    costs: true,
};

/// `hb-offlabel-single` (1.2.2.5-21).
pub static OFFLABEL_SINGLE: Form = Form {
    title: &TITLE_OFFLABEL_SINGLE,
    fields: &[
        application::FIELD_HB,
        patient::FIELD_HB,
        treatment::FIELD_HB_OFFLABEL,
        ESTABLISHED_FIELD,
        TRIAL_FIELD,
        EFFECT_FIELD,
        SUPPORT_FIELD,
        costs::FIELD_HB,
        literature::FIELD,
        SELF_PAYMENT_FIELD,
        approvals::FIELD_HB,
    ],
    rules: RULES_SINGLE,
    costs: true,
};

/// `hb-offlabel-group` (1.2.2.5-22).
pub static OFFLABEL_GROUP: Form = Form {
    title: &TITLE_OFFLABEL_GROUP,
    fields: &[
        application::FIELD_HB,
        GROUP_FIELD,
        treatment::FIELD_HB_OFFLABEL,
        ESTABLISHED_FIELD,
        TRIAL_FIELD,
        EFFECT_FIELD,
        SUPPORT_FIELD,
        costs::FIELD_HB,
        literature::FIELD,
        SELF_PAYMENT_FIELD,
        approvals::FIELD_HB,
    ],
    rules: RULES_GROUP,
    costs: true,
};

/// The rules across fields of the single-patient forms, in order.
static RULES_SINGLE: &[&CrossCheck] = &[
    &patient::CROSS_SINGLE_PATIENT,
    &treatment::CROSS_GOAL_OTHER,
    &CROSS_SELF_PAYMENT,
    &CROSS_SUPPORT,
    &CROSS_LITERATURE,
    &CROSS_TRIAL,
    &approvals::CROSS_APPROVED,
];

/// The rules across fields of the group forms, in order.
static RULES_GROUP: &[&CrossCheck] = &[
    &treatment::CROSS_GOAL_OTHER,
    &CROSS_SELF_PAYMENT,
    &CROSS_SUPPORT,
    &CROSS_LITERATURE,
    &CROSS_TRIAL,
    &CROSS_GROUP_LEVEL,
    &approvals::CROSS_APPROVED,
];

fn self_payment(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_bool(doc, &["self_payment", "continuation_of_private"]) != Some(true) {
        return;
    }
    let exception = get_bool(doc, &["self_payment", "earlier_applications_recommended"])
        == Some(true)
        || get_bool(doc, &["self_payment", "clear_advice"]) == Some(true);
    let rule = if exception {
        &SELF_PAYMENT_EXCEPTION
    } else {
        &SELF_PAYMENT_RULE
    };
    d.push(Diagnostic::new(
        rule,
        ptr(&["self_payment", "continuation_of_private"]),
    ));
}

fn support(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let none = [
        "expert_panel",
        "external_experts",
        "consensus",
        "literature",
    ]
    .iter()
    .all(|k| get_bool(doc, &["support", k]) == Some(false));
    if none {
        d.push(Diagnostic::new(&SUPPORT_NONE, ptr(&["support"])));
    }
}

fn literature_given(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get(doc, &["literature"])
        .and_then(Value::as_array)
        .is_none_or(Vec::is_empty)
    {
        d.push(Diagnostic::new(&LITERATURE_NONE, ptr(&["literature"])));
    }
}

fn trial(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_bool(doc, &["clinical_trial", "considered"]) == Some(false)
        && get_str(doc, &["clinical_trial", "description"]).is_none_or(|s| s.trim().is_empty())
    {
        d.push(Diagnostic::new(
            &TRIAL_NOT_CONSIDERED,
            ptr(&["clinical_trial", "considered"]),
        ));
    }
}

fn group_level(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_bool(doc, &["group", "forward_to_rhf"]) == Some(false)
        && get_bool(doc, &["group", "national_assessment_considered"]) == Some(false)
    {
        d.push(Diagnostic::new(
            &GROUP_LEVEL,
            ptr(&["group", "service_level"]),
        ));
    }
}
