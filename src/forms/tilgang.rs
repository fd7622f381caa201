//! Tilgangsordningen: part 1 (about the patient and consent; stays in the record) and
//! part 2 (the application; sent to Nye metoder).
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Utfylling av søknadsskjema" and "Fyll ut søknad
//! – Behandlingsansvarlig lege" / "– Fagdirektør".

use super::fields::*;
use super::schema::{get, get_bool, get_str, ptr, Field, Privacy, Req, Ty, Walk};
use super::Stage;
use crate::diagnostic::{Arg, Diagnostic, Document, Rule, Severity, Source, Texts};
use serde_json::Value;

/// Title of part 1.
pub static TITLE_DEL1: Texts = Texts {
    nb: "Søknadsskjema tilgangsordningen – del 1 – om pasienten og samtykke",
    nn: "Søknadsskjema tilgangsordninga – del 1 – om pasienten og samtykke",
    en: "Tilgangsordningen application – part 1 – the patient and consent",
};
/// Title of part 2.
pub static TITLE_DEL2: Texts = Texts {
    nb: "Søknadsskjema tilgangsordningen – del 2 – søknad",
    nn: "Søknadsskjema tilgangsordninga – del 2 – søknad",
    en: "Tilgangsordningen application – part 2 – the application",
};

const S_DEL1: Source = Source {
    document: Document::Tilgangsordningen,
    section:
        "Fyll ut søknad – Behandlingsansvarlig lege (del 1): Om pasienten og samtykkeerklæring",
};
const S_ONE_PATIENT: Source = Source {
    document: Document::Tilgangsordningen,
    section: "Beslutninger på gruppenivå er ikke en del av vurderingskomitéens mandat",
};

macro_rules! rule {
    ($name:ident, $code:literal, $sev:ident, $src:expr, [$nb:literal, $nn:literal, $en:literal], [$hnb:literal, $hnn:literal, $hen:literal]) => {
        #[doc = $nb]
        pub static $name: Rule = Rule {
            code: $code,
            severity: Severity::$sev,
            source: $src,
            message: Texts {
                nb: $nb,
                nn: $nn,
                en: $en,
            },
            hint: Some(Texts {
                nb: $hnb,
                nn: $hnn,
                en: $hen,
            }),
        };
    };
}
pub(crate) use rule;

rule!(
    NATIONAL_ID,
    "field.national_id.invalid",
    Error,
    S_DEL1,
    [
        "Fødselsnummeret er ikke gyldig ({reason}).",
        "Fødselsnummeret er ikkje gyldig ({reason}).",
        "The national identity number is not valid ({reason})."
    ],
    [
        "Kontroller nummeret mot pasientens journal (11 sifre).",
        "Kontroller nummeret mot journalen til pasienten (11 siffer).",
        "Check the number against the patient's record (11 digits)."
    ]
);
rule!(NATIONAL_ID_SYNTHETIC, "field.national_id.synthetic", Warning, S_DEL1,
    ["Fødselsnummeret er et syntetisk testnummer.",
     "Fødselsnummeret er eit syntetisk testnummer.",
     "The national identity number is a synthetic test number."],
    ["Bruk pasientens eget fødselsnummer fra journalen; testnumre hører bare hjemme i testmiljøer.",
     "Bruk fødselsnummeret til pasienten frå journalen; testnummer høyrer berre heime i testmiljø.",
     "Use the patient's own number from the record; test numbers belong in test environments only."]);
rule!(
    DATE,
    "field.date.invalid",
    Error,
    S_DEL1,
    [
        "Datoen er ikke en gyldig dato i dag eller tidligere.",
        "Datoen er ikkje ein gyldig dato i dag eller tidlegare.",
        "The date is not a valid date today or earlier."
    ],
    [
        "Skriv datoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.",
        "Skriv datoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.",
        "Write the date as YYYY-MM-DD or DD.MM.YYYY."
    ]
);
rule!(NOT_SIGNED, "tilgang.del1.not_signed", Error, S_DEL1,
    ["Pasienten har ikke signert samtykket i del 1.",
     "Pasienten har ikkje signert samtykket i del 1.",
     "The patient has not signed the consent in part 1."],
    ["Pasienten må signere skjemaet (samtykke til å dele helseopplysninger) før søknaden kan godkjennes.",
     "Pasienten må signere skjemaet (samtykke til å dele helseopplysningar) før søknaden kan godkjennast.",
     "The patient must sign the form (consent to share health information) before the application can be approved."]);
rule!(CONSENT, "tilgang.consent", Error, S_ABOUT,
    ["Det er ikke bekreftet at pasienten har gitt samtykke.",
     "Det er ikkje stadfesta at pasienten har gitt samtykke.",
     "It is not confirmed that the patient has consented."],
    ["Kryss av for at pasienten har signert samtykket i del 1 før søknaden sendes til godkjenning.",
     "Kryss av for at pasienten har signert samtykket i del 1 før søknaden blir send til godkjenning.",
     "Tick the box confirming that the patient signed the consent in part 1 before sending for approval."]);
rule!(ONE_PATIENT, "tilgang.single_patient", Error, S_ONE_PATIENT,
    ["Tilgangsordningen gjelder én pasient per søknad; grupper av pasienter inngår ikke.",
     "Tilgangsordninga gjeld éin pasient per søknad; grupper av pasientar inngår ikkje.",
     "Tilgangsordningen covers one patient per application; groups of patients are not part of it."],
    ["Send én søknad per pasient. Spørsmål om en pasientgruppe meldes inn som forslag til metodevurdering i Nye metoder.",
     "Send éin søknad per pasient. Spørsmål om ei pasientgruppe blir melde inn som forslag til metodevurdering i Nye metoder.",
     "Send one application per patient. Questions about a patient group are proposed for a method assessment in Nye metoder."]);
rule!(CRITERION_JUSTIFICATION, "tilgang.criterion.justification", Error, S_EXCEPTIONALITY,
    ["«{field}» er krysset av, men mangler begrunnelse.",
     "«{field}» er kryssa av, men manglar grunngiving.",
     "“{field}” is ticked but has no justification."],
    ["Begrunn hvorfor kriteriet er oppfylt for denne pasienten, med utgangspunkt i de gitte kriteriene.",
     "Grunngi kvifor kriteriet er oppfylt for denne pasienten, med utgangspunkt i dei gitte kriteria.",
     "Explain why the criterion is met for this patient, based on the given criteria."]);
rule!(CRITERION_NONE, "tilgang.criterion.none", Error, S_EXCEPTIONALITY,
    ["Ingen av kriteriene for klinisk eksepsjonalitet er krysset av.",
     "Ingen av kriteria for klinisk eksepsjonalitet er kryssa av.",
     "None of the criteria for clinical exceptionality is ticked."],
    ["Søker må redegjøre for at minst ett av kriteriene (økt nytte, høyere alvorlighet, særskilte medisinske årsaker) er oppfylt.",
     "Søkjaren må gjere greie for at minst eitt av kriteria (auka nytte, høgare alvor, særskilde medisinske årsaker) er oppfylt.",
     "The applicant must show that at least one criterion (increased benefit, higher severity, special medical reasons) is met."]);
rule!(BENEFIT_LITERATURE, "tilgang.benefit.literature", Error, S_EXCEPTIONALITY,
    ["«Økt nytte» krever dokumentasjon, men ingen litteratur er oppgitt.",
     "«Auka nytte» krev dokumentasjon, men ingen litteratur er oppgitt.",
     "“Increased benefit” needs documentation, but no literature is given."],
    ["Legg inn minst én publisert artikkel (tittel og lenke) som sannsynliggjør økt klinisk nytte for pasienten.",
     "Legg inn minst éin publisert artikkel (tittel og lenkje) som gjer auka klinisk nytte for pasienten sannsynleg.",
     "Add at least one published article (title and link) showing increased clinical benefit for the patient."]);
rule!(
    GOAL_OTHER,
    "tilgang.goal.other",
    Error,
    S_TREATMENT,
    [
        "Behandlingsmålet er «annet», men det er ikke beskrevet.",
        "Behandlingsmålet er «anna», men det er ikkje skildra.",
        "The treatment goal is “other” but is not described."
    ],
    [
        "Beskriv behandlingsmålet i feltet for annet behandlingsmål.",
        "Skildre behandlingsmålet i feltet for anna behandlingsmål.",
        "Describe the goal in the “other treatment goal” field."
    ]
);
rule!(
    REFERENCE_TRUST,
    "tilgang.reference.trust",
    Warning,
    S_ABOUT,
    [
        "Helseforetaket i referansenummeret er et annet enn helseforetaket søknaden sendes fra.",
        "Helseføretaket i referansenummeret er eit anna enn helseføretaket søknaden blir send frå.",
        "The health trust in the reference number differs from the sending health trust."
    ],
    [
        "Kontroller at referansenummeret er kopiert riktig fra del 1.",
        "Kontroller at referansenummeret er kopiert rett frå del 1.",
        "Check that the reference number was copied correctly from part 1."
    ]
);
rule!(NOT_APPROVED, "approval.missing", Error, S_APPROVALS,
    ["«{field}» har ikke godkjent søknaden.",
     "«{field}» har ikkje godkjent søknaden.",
     "“{field}” has not approved the application."],
    ["Søknaden kan bare sendes når både linjeleder og fagdirektør har begrunnet og godkjent den.",
     "Søknaden kan berre sendast når både linjeleiar og fagdirektør har grunngitt og godkjent han.",
     "The application can only be sent once both the line manager and the medical director have justified and approved it."]);
rule!(
    NOT_COMPLETE,
    "approval.form_complete",
    Error,
    S_APPROVALS,
    [
        "Fagdirektøren har ikke bekreftet at skjemaet er ferdig utfylt.",
        "Fagdirektøren har ikkje stadfesta at skjemaet er ferdig utfylt.",
        "The medical director has not confirmed that the form is completely filled in."
    ],
    [
        "Fagdirektøren bekrefter at skjemaet er ferdig utfylt av foretaket før det sendes.",
        "Fagdirektøren stadfestar at skjemaet er ferdig utfylt av føretaket før det blir sendt.",
        "The medical director confirms that the trust has completed the form before it is sent."
    ]
);

/// Rules of this module.
pub static RULES: &[&Rule] = &[
    &NATIONAL_ID,
    &NATIONAL_ID_SYNTHETIC,
    &DATE,
    &NOT_SIGNED,
    &CONSENT,
    &ONE_PATIENT,
    &CRITERION_JUSTIFICATION,
    &CRITERION_NONE,
    &BENEFIT_LITERATURE,
    &GOAL_OTHER,
    &REFERENCE_TRUST,
    &NOT_APPROVED,
    &NOT_COMPLETE,
];

static L_PATIENT_NAME: Texts = Texts {
    nb: "Pasientens navn",
    nn: "Namnet til pasienten",
    en: "Patient's name",
};
static L_NATIONAL_ID: Texts = Texts {
    nb: "Fødselsnummer",
    nn: "Fødselsnummer",
    en: "National identity number",
};
static L_PHYSICIAN: Texts = Texts {
    nb: "Behandlingsansvarlig leges navn",
    nn: "Namnet til behandlingsansvarleg lege",
    en: "Treating physician's name",
};
static L_PLACE: Texts = Texts {
    nb: "Sted",
    nn: "Stad",
    en: "Place",
};
static L_DATE: Texts = Texts {
    nb: "Dato",
    nn: "Dato",
    en: "Date",
};
static L_SIGNED: Texts = Texts {
    nb: "Pasienten har signert",
    nn: "Pasienten har signert",
    en: "Signed by the patient",
};

/// Part 1 "Om pasienten".
pub static DEL1_PATIENT: &[Field] = &[
    short("name", &L_PATIENT_NAME, S_DEL1).req(Req::Approval),
    short("national_id", &L_NATIONAL_ID, S_DEL1)
        .req(Req::Approval)
        .check(check_national_id),
];

/// Part 1.
pub static DEL1: &[Field] = &[
    short("reference", &L_REFERENCE, S_DEL1)
        .req(Req::Approval)
        .check(check_reference),
    Field::new("patient", &L_PATIENT, Ty::Object(DEL1_PATIENT), S_DEL1).req(Req::Approval),
    short("physician_name", &L_PHYSICIAN, S_DEL1).req(Req::Approval),
    short("place", &L_PLACE, S_DEL1).req(Req::Approval),
    short("date", &L_DATE, S_DEL1)
        .req(Req::Approval)
        .check(check_date),
    Field::new("patient_signed", &L_SIGNED, Ty::Bool, S_DEL1).req(Req::Approval),
];

/// Part 2 "Om søknaden".
pub static APPLICATION: &[Field] = &[
    short("health_trust", &L_HEALTH_TRUST, S_ABOUT)
        .req(Req::Approval)
        .check(check_trust),
    short("applicant_name", &L_APPLICANT, S_ABOUT)
        .req(Req::Approval)
        .privacy(Privacy::AllowedName),
    Field::new("consent_confirmed", &L_CONSENT, Ty::Bool, S_ABOUT).req(Req::Approval),
];

/// Part 2 "Om pasienten" (no personal data: birth year only, NPR-ID allowed).
pub static PATIENT: &[Field] = &[
    Field::new(
        "legal_sex",
        &L_SEX,
        Ty::Enum {
            values: &["female", "male"],
            shown: "female (kvinne), male (mann)",
        },
        S_PATIENT,
    )
    .req(Req::Approval),
    Field::new("birth_year", &L_BIRTH_YEAR, Ty::Integer, S_PATIENT)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(check_birth_year),
    short("catchment_area", &L_CATCHMENT, S_PATIENT)
        .req(Req::Approval)
        .check(check_trust),
    free("diagnosis", &L_DIAGNOSIS, S_PATIENT).req(Req::Approval),
    free("medical_history", &L_HISTORY, S_PATIENT).req(Req::Approval),
    free("function_level", &L_FUNCTION, S_PATIENT).req(Req::Approval),
    short("npr_id", &L_NPR, S_HB_NPR).check(check_npr),
];

/// Part 2.
pub static DEL2: &[Field] = &[
    short("reference", &L_REFERENCE, S_ABOUT)
        .req(Req::Approval)
        .check(check_reference),
    Field::new(
        "application",
        &L_APPLICATION,
        Ty::Object(APPLICATION),
        S_ABOUT,
    )
    .req(Req::Approval),
    Field::new("patient", &L_PATIENT, Ty::Object(PATIENT), S_PATIENT).req(Req::Approval),
    Field::new(
        "treatment",
        &L_TREATMENT,
        Ty::Object(TREATMENT),
        S_TREATMENT,
    )
    .req(Req::Approval),
    Field::new("costs", &L_COSTS, Ty::Object(COSTS), S_COSTS).req(Req::Approval),
    Field::new(
        "exceptionality",
        &L_EXCEPTIONALITY,
        Ty::Object(EXCEPTIONALITY),
        S_EXCEPTIONALITY,
    )
    .req(Req::Approval),
    free("overall_assessment", &L_OVERALL, S_OVERALL).req(Req::Approval),
    LITERATURE,
    Field::new(
        "approvals",
        &L_APPROVALS,
        Ty::Object(APPROVALS),
        S_APPROVALS,
    )
    .req(Req::Submission),
];

fn check_national_id(v: &Value, p: &crate::Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) else {
        return;
    };
    match crate::ident::fnr::validate_on(s, w.ctx.today) {
        Ok(id) => {
            if id.synthetic().is_some() {
                d.push(Diagnostic::new(&NATIONAL_ID_SYNTHETIC, p.clone()));
            }
        }
        Err(e) => d.push(
            Diagnostic::new(&NATIONAL_ID, p.clone()).arg("reason", Arg::Text(fnr_reason(&e))),
        ),
    }
}

/// A localised reason for a national identity number error (no digits).
pub fn fnr_reason(e: &crate::ident::fnr::FnrError) -> &'static Texts {
    use crate::ident::fnr::FnrError as E;
    static LEN: Texts = Texts {
        nb: "må ha 11 sifre",
        nn: "må ha 11 siffer",
        en: "must have 11 digits",
    };
    static FMT: Texts = Texts {
        nb: "bare sifre er tillatt",
        nn: "berre siffer er tillate",
        en: "only digits are allowed",
    };
    static SUM: Texts = Texts {
        nb: "kontrollsifrene stemmer ikke",
        nn: "kontrollsifra stemmer ikkje",
        en: "the check digits do not match",
    };
    static DATE: Texts = Texts {
        nb: "datoen finnes ikke",
        nn: "datoen finst ikkje",
        en: "the date does not exist",
    };
    static FUT: Texts = Texts {
        nb: "fødselsdatoen er fram i tid",
        nn: "fødselsdatoen er fram i tid",
        en: "the birth date is in the future",
    };
    static CENT: Texts = Texts {
        nb: "århundret kan ikke bestemmes",
        nn: "hundreåret kan ikkje fastsetjast",
        en: "the century cannot be determined",
    };
    match e {
        E::Length { .. } => &LEN,
        E::Format { .. } => &FMT,
        E::ChecksumK1 | E::ChecksumK2 => &SUM,
        E::InvalidMonth | E::InvalidDay | E::NotLeapYear => &DATE,
        E::FutureBirthDate => &FUT,
        E::UndeterminableCentury => &CENT,
    }
}

/// A date written `YYYY-MM-DD` or `DD.MM.YYYY`, today or earlier.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    crate::dates::parse_date(s)
}

fn check_date(v: &Value, p: &crate::Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if parse_date(s).is_none_or(|date| date > w.ctx.today) {
            d.push(Diagnostic::new(&DATE, p.clone()));
        }
    }
}

/// Cross-field rules of part 1.
pub fn del1_rules(doc: &Value, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    // "Pasient signerer skjema" (del 1, step 2) — before approval.
    if w.stage >= Stage::Approval && get_bool(doc, &["patient_signed"]) == Some(false) {
        d.push(Diagnostic::new(&NOT_SIGNED, ptr(&["patient_signed"])));
    }
}

/// Cross-field rules of part 2.
pub fn del2_rules(doc: &Value, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    single_patient(doc, d);
    if w.stage >= Stage::Approval {
        if get_bool(doc, &["application", "consent_confirmed"]) == Some(false) {
            d.push(Diagnostic::new(
                &CONSENT,
                ptr(&["application", "consent_confirmed"]),
            ));
        }
        exceptionality_rules(doc, d);
        goal_other(doc, d);
    }
    reference_trust(doc, w, d);
    if w.stage >= Stage::Submission {
        approvals(doc, d);
    }
}

/// "Applications are for ONE patient": a list of patients, or group members, is an error.
pub fn single_patient(doc: &Value, d: &mut Vec<Diagnostic>) {
    let listed = matches!(get(doc, &["patient"]), Some(Value::Array(_)))
        || doc.get("patients").is_some()
        || doc.get("group").is_some();
    if listed {
        d.push(Diagnostic::new(&ONE_PATIENT, ptr(&["patient"])));
    }
}

/// A claimed criterion needs a justification; at least one criterion claimed; increased
/// benefit needs literature.
pub fn exceptionality_rules(doc: &Value, d: &mut Vec<Diagnostic>) {
    let criteria: [(&'static str, &'static Texts); 3] = [
        ("increased_benefit", &L_BENEFIT),
        ("higher_severity", &L_SEVERITY),
        ("special_medical_reasons", &L_SPECIAL),
    ];
    let mut any = false;
    let mut decided = true;
    for (key, label) in criteria {
        match get_bool(doc, &["exceptionality", key, "claimed"]) {
            Some(true) => {
                any = true;
                let j = get_str(doc, &["exceptionality", key, "justification"]);
                if j.is_none_or(|s| s.trim().is_empty()) {
                    d.push(
                        Diagnostic::new(
                            &CRITERION_JUSTIFICATION,
                            ptr(&["exceptionality", key, "justification"]),
                        )
                        .arg("field", Arg::Text(label)),
                    );
                }
            }
            Some(false) => {}
            None => decided = false,
        }
    }
    if !any && decided {
        d.push(Diagnostic::new(&CRITERION_NONE, ptr(&["exceptionality"])));
    }
    if get_bool(doc, &["exceptionality", "increased_benefit", "claimed"]) == Some(true) {
        let n = get(doc, &["literature"])
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if n == 0 {
            d.push(Diagnostic::new(&BENEFIT_LITERATURE, ptr(&["literature"])));
        }
    }
}

/// Goal "other" needs a description.
pub fn goal_other(doc: &Value, d: &mut Vec<Diagnostic>) {
    if get_str(doc, &["treatment", "goal"]) == Some("other")
        && get_str(doc, &["treatment", "goal_other"]).is_none_or(|s| s.trim().is_empty())
    {
        d.push(Diagnostic::new(
            &GOAL_OTHER,
            ptr(&["treatment", "goal_other"]),
        ));
    }
}

/// The reference's trust should be the sending trust.
fn reference_trust(doc: &Value, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let (Some(r), Some(t)) = (
        get_str(doc, &["reference"]),
        get_str(doc, &["application", "health_trust"]),
    ) else {
        return;
    };
    let (Some(reference), Some(trust)) = (
        crate::reference::check(r, w.ctx).reference,
        w.ctx.registry.lookup(t),
    ) else {
        return;
    };
    if reference.hf != trust.code {
        d.push(Diagnostic::new(&REFERENCE_TRUST, ptr(&["reference"])));
    }
}

/// At submission both approvals must be given and the form confirmed complete.
pub fn approvals(doc: &Value, d: &mut Vec<Diagnostic>) {
    for (key, label) in [
        ("line_manager", &L_LINE_MANAGER),
        ("medical_director", &L_DIRECTOR),
    ] {
        if get_bool(doc, &["approvals", key, "approved"]) == Some(false) {
            d.push(
                Diagnostic::new(&NOT_APPROVED, ptr(&["approvals", key, "approved"]))
                    .arg("field", Arg::Text(label)),
            );
        }
    }
    if get_bool(doc, &["approvals", "medical_director", "form_complete"]) == Some(false) {
        d.push(Diagnostic::new(
            &NOT_COMPLETE,
            ptr(&["approvals", "medical_director", "form_complete"]),
        ));
    }
}
