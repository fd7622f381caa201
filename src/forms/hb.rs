//! Helse Bergen's internal application kinds (forms 1.2.2.5-19/20/21/22), designed from
//! helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3 ("Det skal komme frem …") and §3.4
//! (self-payment), in the same style as Tilgangsordningen part 2 and sharing its
//! sub-structures where the content is the same.
//!
//! | kind | form |
//! |---|---|
//! | `hb-exception-single` | 1.2.2.5-19 exception scheme, single patient |
//! | `hb-exception-group` | 1.2.2.5-20 exception scheme, group of patients |
//! | `hb-offlabel-single` | 1.2.2.5-21 off-label / off-licence, single patient |
//! | `hb-offlabel-group` | 1.2.2.5-22 off-label / off-licence, group of patients |

use super::fields::*;
use super::schema::{get, get_bool, get_str, ptr, Field, Privacy, Req, Ty, Walk};
use super::tilgang::{approvals, goal_other, rule, single_patient};
use super::{FormKind, Stage};
use crate::diagnostic::{Diagnostic, Document, Rule, Severity, Source, Texts};
use serde_json::Value;

const fn s(section: &'static str) -> Source {
    Source {
        document: Document::HelseBergen1_2_2_5_16,
        section,
    }
}
const S_33: Source = s("3.3 Vurderingskriterier");
const S_33_1: Source = s("3.3 Vurderingskriterier, punkt 1 (etablert behandling)");
const S_33_2: Source = s("3.3 Vurderingskriterier, punkt 2 (klinisk studie)");
const S_33_3: Source = s("3.3 Vurderingskriterier, punkt 3 (effekt og risiko)");
const S_33_5: Source = s("3.3 Vurderingskriterier, punkt 5 (faglig støtte)");
const S_33_6: Source = s("3.3 Vurderingskriterier, punkt 6 (litteratur)");
const S_33_7: Source = s("3.3 Vurderingskriterier, punkt 7 (enkeltpasient, unntaksordningen)");
const S_33_8: Source = s("3.3 Vurderingskriterier, punkt 8 (gruppe av pasienter)");
const S_34: Source = s("3.4 Spesielt om pasienters egenbetaling");
const S_32: Source = s("3.2 Vurderingsprosessen");

macro_rules! title {
    ($name:ident, $nb:literal, $en:literal) => {
        #[doc = $nb]
        pub static $name: Texts = Texts {
            nb: $nb,
            nn: $nb,
            en: $en,
        };
    };
}
title!(
    TITLE_EXCEPTION_SINGLE,
    "Søknad om behandling med legemiddel til enkeltpasient etter unntaksordningen (1.2.2.5-19)",
    "Application: drug treatment for a single patient under the exception scheme (1.2.2.5-19)"
);
title!(TITLE_EXCEPTION_GROUP, "Søknad om behandling med legemiddel til gruppe av pasienter etter unntaksordningen (1.2.2.5-20)", "Application: drug treatment for a group of patients under the exception scheme (1.2.2.5-20)");
title!(TITLE_OFFLABEL_SINGLE, "Søknad om behandling med legemiddel til enkeltpasient off-label eller off-licence (1.2.2.5-21)", "Application: off-label or off-licence drug treatment for a single patient (1.2.2.5-21)");
title!(TITLE_OFFLABEL_GROUP, "Søknad om behandling med legemiddel til gruppe av pasienter off-label eller off-licence (1.2.2.5-22)", "Application: off-label or off-licence drug treatment for a group of patients (1.2.2.5-22)");

macro_rules! label {
    ($name:ident, $nb:literal, $nn:literal, $en:literal) => {
        static $name: Texts = Texts {
            nb: $nb,
            nn: $nn,
            en: $en,
        };
    };
}
label!(L_DEPARTMENT, "Avdeling", "Avdeling", "Department");
label!(
    L_GROUP,
    "Pasientgruppen",
    "Pasientgruppa",
    "The patient group"
);
label!(
    L_GROUP_DESC,
    "Beskrivelse av pasientgruppen og indikasjonen",
    "Skildring av pasientgruppa og indikasjonen",
    "Description of the patient group and the indication"
);
label!(
    L_GROUP_SIZE,
    "Antatt antall pasienter per år",
    "Venta tal pasientar per år",
    "Expected number of patients per year"
);
label!(
    L_GUIDELINES,
    "Omtale i anerkjente retningslinjer",
    "Omtale i anerkjende retningslinjer",
    "Coverage in recognised guidelines"
);
label!(
    L_LEVEL,
    "Riktig nivå i helsetjenesten",
    "Rett nivå i helsetenesta",
    "Right level of the health service"
);
label!(
    L_FORWARD_RHF,
    "Bør videresendes til fagdirektør i Helse Vest RHF",
    "Bør vidaresendast til fagdirektør i Helse Vest RHF",
    "Should be forwarded to the medical director of Helse Vest RHF"
);
label!(
    L_PROPOSE_NATIONAL,
    "Innmelding til nasjonal metodevurdering er vurdert",
    "Innmelding til nasjonal metodevurdering er vurdert",
    "A national method assessment has been considered"
);
label!(
    L_OFFLABEL_KIND,
    "Off-label eller off-licence",
    "Off-label eller off-licence",
    "Off-label or off-licence"
);
label!(
    L_ESTABLISHED,
    "Etablert behandling",
    "Etablert behandling",
    "Established treatment"
);
label!(
    L_ESTABLISHED_STATUS,
    "Er etablert behandling forsøkt, funnet uegnet, eller finnes ikke?",
    "Er etablert behandling prøvd, funnen ueigna, eller finst ikkje?",
    "Was established treatment tried, found unsuitable, or does none exist?"
);
label!(L_DESCRIPTION, "Beskrivelse", "Skildring", "Description");
label!(
    L_TRIAL,
    "Klinisk studie",
    "Klinisk studie",
    "Clinical trial"
);
label!(
    L_TRIAL_CONSIDERED,
    "Inklusjon i klinisk studie er vurdert",
    "Inklusjon i klinisk studie er vurdert",
    "Inclusion in a clinical trial was considered"
);
label!(
    L_EFFECT,
    "Forventet effekt og akseptabel risiko sammenlignet med etablert behandling",
    "Venta effekt og akseptabel risiko samanlikna med etablert behandling",
    "Expected effect and acceptable risk compared with established treatment"
);
label!(
    L_GREATER,
    "Hvorfor effekten forventes å være vesentlig større enn for gruppen som helhet",
    "Kvifor effekten er venta å vere vesentleg større enn for gruppa som heilskap",
    "Why the effect is expected to be substantially greater than for the group as a whole"
);
label!(
    L_SUPPORT,
    "Faglig støtte",
    "Fagleg støtte",
    "Professional support"
);
label!(
    L_EXPERT_PANEL,
    "Uttalelse fra Ekspertpanelet",
    "Fråsegn frå Ekspertpanelet",
    "Statement from the Expert Panel"
);
label!(
    L_EXTERNAL,
    "Uttalelse fra andre eksterne eksperter",
    "Fråsegn frå andre eksterne ekspertar",
    "Statement from other external experts"
);
label!(
    L_CONSENSUS,
    "Dokumentert konsensus i fagmiljøet",
    "Dokumentert konsensus i fagmiljøet",
    "Documented consensus in the professional community"
);
label!(
    L_LIT_SUPPORT,
    "Relevant publisert litteratur",
    "Relevant publisert litteratur",
    "Relevant published literature"
);
label!(L_SELF_PAY, "Egenbetaling", "Eigenbetaling", "Self-payment");
label!(
    L_CONTINUATION,
    "Søknaden gjelder videreføring av behandling pasienten har betalt selv",
    "Søknaden gjeld vidareføring av behandling pasienten har betalt sjølv",
    "The application continues treatment the patient paid for privately"
);
label!(
    L_PREVIOUS,
    "Tidligere søknader for samme indikasjon er anbefalt",
    "Tidlegare søknader for same indikasjon er tilrådde",
    "Earlier applications for the same indication were recommended"
);
label!(L_ADVICE, "Klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF", "Klart råd frå Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF", "Clear advice from the Expert Panel, the Clinical Ethics Committee and/or the medical director of Helse Vest RHF");
label!(L_LEVEL2, "Nivå 2-leder", "Nivå 2-leiar", "Level-2 manager");

/// "Om søknaden" for the Helse Bergen kinds.
pub static APPLICATION: &[Field] = &[
    short("health_trust", &L_HEALTH_TRUST, S_32)
        .req(Req::Approval)
        .check(check_trust),
    short("department", &L_DEPARTMENT, S_32)
        .req(Req::Approval)
        .privacy(Privacy::Structured),
    short("applicant_name", &L_APPLICANT, S_32)
        .req(Req::Approval)
        .privacy(Privacy::AllowedName),
];

/// "Om pasienten" for single-patient kinds: as part 2, with the NPR-ID required
/// (§3.2 footnote 2: "skal påføres alle søknader … til enkeltpasienter").
pub static PATIENT: &[Field] = &[
    Field::new(
        "legal_sex",
        &L_SEX,
        Ty::Enum {
            values: &["female", "male"],
            shown: "female (kvinne), male (mann)",
        },
        S_33,
    )
    .req(Req::Approval),
    Field::new("birth_year", &L_BIRTH_YEAR, Ty::Integer, S_33)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(check_birth_year),
    free("diagnosis", &L_DIAGNOSIS, S_33).req(Req::Approval),
    free("medical_history", &L_HISTORY, S_33).req(Req::Approval),
    free("function_level", &L_FUNCTION, S_33).req(Req::Approval),
    short("npr_id", &L_NPR, S_HB_NPR)
        .req(Req::Approval)
        .check(check_npr),
];

/// The patient group (group kinds), §3.3 point 8.
pub static GROUP: &[Field] = &[
    free("description", &L_GROUP_DESC, S_33_8).req(Req::Approval),
    Field::new("estimated_size", &L_GROUP_SIZE, Ty::Integer, S_33_8).req(Req::Approval),
    free("guidelines", &L_GUIDELINES, S_33_8).req(Req::Approval),
    free("service_level", &L_LEVEL, S_33_8).req(Req::Approval),
    Field::new("forward_to_rhf", &L_FORWARD_RHF, Ty::Bool, S_33_8).req(Req::Approval),
    Field::new(
        "national_assessment_considered",
        &L_PROPOSE_NATIONAL,
        Ty::Bool,
        S_33_8,
    )
    .req(Req::Approval),
];

/// Treatment for the off-label kinds: as part 2, the Nye metoder ID optional, plus whether
/// the use is off-label or off-licence.
pub static TREATMENT_OFFLABEL: &[Field] = treatment_fields!(
    S_33,
    Req::Optional,
    [Field::new(
        "offlabel_kind",
        &L_OFFLABEL_KIND,
        Ty::Enum {
            values: &["off-label", "off-licence"],
            shown: "off-label, off-licence",
        },
        S_33,
    )
    .req(Req::Approval)]
);

/// §3.3 point 1.
pub static ESTABLISHED: &[Field] = &[
    Field::new(
        "status",
        &L_ESTABLISHED_STATUS,
        Ty::Enum {
            values: &["tried", "unsuitable", "none_exists"],
            shown: "tried (forsøkt), unsuitable (funnet uegnet), none_exists (finnes ikke)",
        },
        S_33_1,
    )
    .req(Req::Approval),
    free("description", &L_DESCRIPTION, S_33_1).req(Req::Approval),
];

/// §3.3 point 2.
pub static TRIAL: &[Field] = &[
    Field::new("considered", &L_TRIAL_CONSIDERED, Ty::Bool, S_33_2).req(Req::Approval),
    free("description", &L_DESCRIPTION, S_33_2),
];

/// §3.3 point 5.
pub static SUPPORT: &[Field] = &[
    Field::new("expert_panel", &L_EXPERT_PANEL, Ty::Bool, S_33_5).req(Req::Approval),
    Field::new("external_experts", &L_EXTERNAL, Ty::Bool, S_33_5).req(Req::Approval),
    Field::new("consensus", &L_CONSENSUS, Ty::Bool, S_33_5).req(Req::Approval),
    Field::new("literature", &L_LIT_SUPPORT, Ty::Bool, S_33_5).req(Req::Approval),
    free("description", &L_DESCRIPTION, S_33_5),
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
    free("description", &L_DESCRIPTION, S_34),
];

/// Approvals: level-2 manager (line manager) and medical director (§3.2 steps 1–2).
pub static APPROVALS_HB: &[Field] = &[
    Field::new("line_manager", &L_LEVEL2, Ty::Object(LINE_MANAGER), S_32).req(Req::Submission),
    Field::new(
        "medical_director",
        &L_DIRECTOR,
        Ty::Object(MEDICAL_DIRECTOR),
        S_32,
    )
    .req(Req::Submission),
];

macro_rules! form {
    ($name:ident, [$($extra:expr),* $(,)?]) => {
        #[doc = concat!("Fields of `", stringify!($name), "`.")]
        pub static $name: &[Field] = &[
            Field::new("application", &L_APPLICATION, Ty::Object(APPLICATION), S_32).req(Req::Approval),
            $($extra,)*
            Field::new("established_treatment", &L_ESTABLISHED, Ty::Object(ESTABLISHED), S_33_1).req(Req::Approval),
            Field::new("clinical_trial", &L_TRIAL, Ty::Object(TRIAL), S_33_2).req(Req::Approval),
            free("expected_effect", &L_EFFECT, S_33_3).req(Req::Approval),
            Field::new("support", &L_SUPPORT, Ty::Object(SUPPORT), S_33_5).req(Req::Approval),
            Field::new("costs", &L_COSTS, Ty::Object(COSTS), S_33).req(Req::Approval),
            LITERATURE,
            Field::new("self_payment", &L_SELF_PAY, Ty::Object(SELF_PAYMENT), S_34).req(Req::Approval),
            Field::new("approvals", &L_APPROVALS, Ty::Object(APPROVALS_HB), S_32).req(Req::Submission),
        ];
    };
}

form!(
    EXCEPTION_SINGLE,
    [
        Field::new("patient", &L_PATIENT, Ty::Object(PATIENT), S_33).req(Req::Approval),
        Field::new("treatment", &L_TREATMENT, Ty::Object(TREATMENT), S_33).req(Req::Approval),
        free("greater_effect_justification", &L_GREATER, S_33_7).req(Req::Approval),
    ]
);
form!(
    EXCEPTION_GROUP,
    [
        Field::new("group", &L_GROUP, Ty::Object(GROUP), S_33_8).req(Req::Approval),
        Field::new("treatment", &L_TREATMENT, Ty::Object(TREATMENT), S_33).req(Req::Approval),
    ]
);
form!(
    OFFLABEL_SINGLE,
    [
        Field::new("patient", &L_PATIENT, Ty::Object(PATIENT), S_33).req(Req::Approval),
        Field::new(
            "treatment",
            &L_TREATMENT,
            Ty::Object(TREATMENT_OFFLABEL),
            S_33
        )
        .req(Req::Approval),
    ]
);
form!(
    OFFLABEL_GROUP,
    [
        Field::new("group", &L_GROUP, Ty::Object(GROUP), S_33_8).req(Req::Approval),
        Field::new(
            "treatment",
            &L_TREATMENT,
            Ty::Object(TREATMENT_OFFLABEL),
            S_33
        )
        .req(Req::Approval),
    ]
);

rule!(SELF_PAYMENT_RULE, "hb.self_payment", Warning, S_34,
    ["Søknader om videreføring av behandling pasienten har betalt selv i privat regi avslås som hovedregel.",
     "Søknader om vidareføring av behandling pasienten har betalt sjølv i privat regi blir som hovudregel avslått.",
     "Applications to continue treatment the patient paid for privately are, as a main rule, rejected."],
    ["Unntak kan vektlegges bare i særlige tilfeller: når tidligere søknader om unntaksvis bruk av legemidlet for samme indikasjon er anbefalt, eller etter klart råd fra Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF. Kryss av og beskriv hvis et av disse gjelder.",
     "Unntak kan vektleggjast berre i særlege tilfelle: når tidlegare søknader om unntaksvis bruk av legemiddelet for same indikasjon er tilrådde, eller etter klart råd frå Ekspertpanelet, Klinisk etikkomité og/eller fagdirektør i Helse Vest RHF. Kryss av og skildre dersom eitt av desse gjeld.",
     "Exceptions may be weighed only in special cases: when earlier applications for exceptional use of the drug for the same indication were recommended, or on clear advice from the Expert Panel, the Clinical Ethics Committee and/or the medical director of Helse Vest RHF. Tick and describe if one of these applies."]);
rule!(SELF_PAYMENT_EXCEPTION, "hb.self_payment.exception", Info, S_34,
    ["Søknaden viderefører privat betalt behandling, men viser til et av unntakene i §3.4.",
     "Søknaden vidarefører privat betalt behandling, men viser til eitt av unntaka i §3.4.",
     "The application continues privately paid treatment but invokes one of the exceptions in §3.4."],
    ["Beskriv unntaket (tidligere anbefalte søknader eller klart råd) i feltet for egenbetaling.",
     "Skildre unntaket (tidlegare tilrådde søknader eller klart råd) i feltet for eigenbetaling.",
     "Describe the exception (earlier recommended applications or clear advice) in the self-payment field."]);
rule!(SUPPORT_NONE, "hb.support.none", Warning, S_33_5,
    ["Søknaden viser ikke til faglig støtte (Ekspertpanelet, eksterne eksperter, konsensus eller litteratur).",
     "Søknaden viser ikkje til fagleg støtte (Ekspertpanelet, eksterne ekspertar, konsensus eller litteratur).",
     "The application cites no professional support (Expert Panel, external experts, consensus or literature)."],
    ["Vurderingskomitéen ser etter om søknaden er underbygget av uttalelser, konsensus eller publisert litteratur. Kryss av for det som finnes og beskriv det.",
     "Vurderingskomiteen ser etter om søknaden er underbygd av fråsegner, konsensus eller publisert litteratur. Kryss av for det som finst og skildre det.",
     "The committee looks for support from statements, consensus or published literature. Tick what exists and describe it."]);
rule!(LITERATURE_NONE, "hb.literature.none", Warning, S_33_6,
    ["Ingen litteratur er oppgitt.",
     "Ingen litteratur er oppgitt.",
     "No literature is given."],
    ["Legg inn litteraturen søknaden bygger på (tittel og lenke); vurderingskomitéen vurderer om søknaden er tilstrekkelig underbygget.",
     "Legg inn litteraturen søknaden byggjer på (tittel og lenkje); vurderingskomiteen vurderer om søknaden er godt nok underbygd.",
     "Add the literature the application rests on (title and link); the committee assesses whether it is sufficiently supported."]);
rule!(GROUP_LEVEL, "hb.group.level", Info, S_33_8,
    ["Verken videresending til Helse Vest RHF eller nasjonal metodevurdering er vurdert for gruppesøknaden.",
     "Korkje vidaresending til Helse Vest RHF eller nasjonal metodevurdering er vurdert for gruppesøknaden.",
     "Neither forwarding to Helse Vest RHF nor a national method assessment has been considered for this group application."],
    ["Vurder om søknaden er rettet til riktig nivå i helsetjenesten, og begrunn det i feltet for riktig nivå.",
     "Vurder om søknaden er retta til rett nivå i helsetenesta, og grunngi det i feltet for rett nivå.",
     "Consider whether the application is addressed to the right level of the health service, and explain it in the field for the right level."]);
rule!(TRIAL_NOT_CONSIDERED, "hb.trial.not_considered", Warning, S_33_2,
    ["Det går ikke fram at inklusjon i klinisk studie er vurdert.",
     "Det går ikkje fram at inklusjon i klinisk studie er vurdert.",
     "It is not shown that inclusion in a clinical trial was considered."],
    ["Vurder om pasienten kan inkluderes i en klinisk studie, og beskriv vurderingen.",
     "Vurder om pasienten kan inkluderast i ein klinisk studie, og skildre vurderinga.",
     "Consider whether the patient can be included in a clinical trial, and describe the assessment."]);

/// Rules of this module.
pub static RULES: &[&Rule] = &[
    &SELF_PAYMENT_RULE,
    &SELF_PAYMENT_EXCEPTION,
    &SUPPORT_NONE,
    &LITERATURE_NONE,
    &GROUP_LEVEL,
    &TRIAL_NOT_CONSIDERED,
];

/// Cross-field rules of the Helse Bergen kinds.
pub fn rules(doc: &Value, kind: FormKind, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if kind.single_patient() {
        single_patient(doc, d);
    }
    if w.stage >= Stage::Approval {
        goal_other(doc, d);
        self_payment(doc, d);
        let support: Vec<Option<bool>> = [
            "expert_panel",
            "external_experts",
            "consensus",
            "literature",
        ]
        .iter()
        .map(|k| get_bool(doc, &["support", k]))
        .collect();
        if support.iter().all(|b| *b == Some(false)) {
            d.push(Diagnostic::new(&SUPPORT_NONE, ptr(&["support"])));
        }
        if get(doc, &["literature"])
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty)
        {
            d.push(Diagnostic::new(&LITERATURE_NONE, ptr(&["literature"])));
        }
        if get_bool(doc, &["clinical_trial", "considered"]) == Some(false)
            && get_str(doc, &["clinical_trial", "description"]).is_none_or(|s| s.trim().is_empty())
        {
            d.push(Diagnostic::new(
                &TRIAL_NOT_CONSIDERED,
                ptr(&["clinical_trial", "considered"]),
            ));
        }
        if !kind.single_patient()
            && get_bool(doc, &["group", "forward_to_rhf"]) == Some(false)
            && get_bool(doc, &["group", "national_assessment_considered"]) == Some(false)
        {
            d.push(Diagnostic::new(
                &GROUP_LEVEL,
                ptr(&["group", "service_level"]),
            ));
        }
    }
    if w.stage >= Stage::Submission {
        approvals(doc, d);
    }
}

/// §3.4: continuation of privately paid treatment is, as a main rule, rejected.
fn self_payment(doc: &Value, d: &mut Vec<Diagnostic>) {
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
