//! Tilgangsordningen: part 1 (about the patient and consent; stays in the record) and part 2
//! (the application; sent to Nye metoder). Part 1's fields and rules (`tilgang.del1.*`) are
//! here; part 2 is made of the [sections](crate::forms::sections).
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Utfylling av søknadsskjema" and "Fyll ut søknad
//! – Behandlingsansvarlig lege" / "– Fagdirektør".

use super::Form;
use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Pointer, Source, Texts};
use crate::forms::schema::{get_bool, ptr, Check, CrossCheck, Field, Req, Ty, Walk};
use crate::forms::sections::{
    application, approvals, costs, exceptionality, literature, patient, treatment,
};
use crate::forms::Stage;
use serde_json::Value;

texts!(
    pub TITLE_DEL1,
    "Søknadsskjema tilgangsordningen – del 1 – om pasienten og samtykke",
    "Søknadsskjema tilgangsordninga – del 1 – om pasienten og samtykke",
    "Tilgangsordningen application – part 1 – the patient and consent"
);
texts!(
    pub TITLE_DEL2,
    "Søknadsskjema tilgangsordningen – del 2 – søknad",
    "Søknadsskjema tilgangsordninga – del 2 – søknad",
    "Tilgangsordningen application – part 2 – the application"
);

/// Part 1: "Om pasienten og samtykkeerklæring".
pub const SOURCE_DEL1: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 1): Om pasienten og samtykkeerklæring");

rule! {
    pub static NATIONAL_ID: "tilgang.del1.national_id.invalid", Error, SOURCE_DEL1;
    nb: "Fødselsnummeret er ikke gyldig ({reason}).",
    nn: "Fødselsnummeret er ikkje gyldig ({reason}).",
    en: "The national identity number is not valid ({reason}).",
    hint_nb: "Kontroller nummeret mot pasientens journal (11 sifre).",
    hint_nn: "Kontroller nummeret mot journalen til pasienten (11 siffer).",
    hint_en: "Check the number against the patient's record (11 digits).",
}

rule! {
    pub static NATIONAL_ID_SYNTHETIC: "tilgang.del1.national_id.synthetic", Warning, SOURCE_DEL1;
    nb: "Fødselsnummeret er et syntetisk testnummer.",
    nn: "Fødselsnummeret er eit syntetisk testnummer.",
    en: "The national identity number is a synthetic test number.",
    hint_nb: "Bruk pasientens eget fødselsnummer fra journalen; testnumre hører bare hjemme i testmiljøer.",
    hint_nn: "Bruk fødselsnummeret til pasienten frå journalen; testnummer høyrer berre heime i testmiljø.",
    hint_en: "Use the patient's own number from the record; test numbers belong in test environments only.",
}

rule! {
    pub static DATE: "tilgang.del1.date.invalid", Error, SOURCE_DEL1;
    nb: "Datoen er ikke en gyldig dato i dag eller tidligere.",
    nn: "Datoen er ikkje ein gyldig dato i dag eller tidlegare.",
    en: "The date is not a valid date today or earlier.",
    hint_nb: "Skriv datoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.",
    hint_nn: "Skriv datoen som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.",
    hint_en: "Write the date as YYYY-MM-DD or DD.MM.YYYY.",
}

rule! {
    pub static NOT_SIGNED: "tilgang.del1.not_signed", Error, SOURCE_DEL1;
    nb: "Pasienten har ikke signert samtykket i del 1.",
    nn: "Pasienten har ikkje signert samtykket i del 1.",
    en: "The patient has not signed the consent in part 1.",
    hint_nb: "Pasienten må signere skjemaet (samtykke til å dele helseopplysninger) før søknaden kan godkjennes.",
    hint_nn: "Pasienten må signere skjemaet (samtykke til å dele helseopplysningar) før søknaden kan godkjennast.",
    hint_en: "The patient must sign the form (consent to share health information) before the application can be approved.",
}

texts!(pub L_PATIENT_NAME, "Pasientens navn", "Namnet til pasienten", "Patient's name");
texts!(pub L_NATIONAL_ID, "Fødselsnummer", "Fødselsnummer", "National identity number");
texts!(
    pub L_PHYSICIAN,
    "Behandlingsansvarlig leges navn",
    "Namnet til behandlingsansvarleg lege",
    "Treating physician's name"
);
texts!(pub L_PLACE, "Sted", "Stad", "Place");
texts!(pub L_DATE, "Dato", "Dato", "Date");
texts!(pub L_SIGNED, "Pasienten har signert", "Pasienten har signert", "Signed by the patient");

/// A valid national identity number (a synthetic test number is a warning).
pub static CHECK_NATIONAL_ID: Check = Check {
    run: check_national_id,
    rules: DocData::new(&[&NATIONAL_ID_SYNTHETIC, &NATIONAL_ID]),
};

/// A date `YYYY-MM-DD` or `DD.MM.YYYY`, today or earlier.
pub static CHECK_DATE: Check = Check {
    run: check_date,
    rules: DocData::new(&[&DATE]),
};

/// Part 1 "Om pasienten".
pub static DEL1_PATIENT: &[Field] = &[
    Field::text("name", &L_PATIENT_NAME, SOURCE_DEL1).req(Req::Approval),
    Field::text("national_id", &L_NATIONAL_ID, SOURCE_DEL1)
        .req(Req::Approval)
        .check(&CHECK_NATIONAL_ID),
];

/// Part 1's fields.
pub static DEL1_FIELDS: &[Field] = &[
    Field::text("reference", &application::L_REFERENCE, SOURCE_DEL1)
        .req(Req::Approval)
        .check(&application::CHECK_REFERENCE),
    Field::new(
        "patient",
        &patient::L_PATIENT,
        Ty::Object(DEL1_PATIENT),
        SOURCE_DEL1,
    )
    .req(Req::Approval),
    Field::text("physician_name", &L_PHYSICIAN, SOURCE_DEL1).req(Req::Approval),
    Field::text("place", &L_PLACE, SOURCE_DEL1).req(Req::Approval),
    Field::text("date", &L_DATE, SOURCE_DEL1)
        .req(Req::Approval)
        .check(&CHECK_DATE),
    Field::new("patient_signed", &L_SIGNED, Ty::Bool, SOURCE_DEL1).req(Req::Approval),
];

/// From approval: the patient has signed part 1 ("Pasient signerer skjema", del 1, step 2).
pub static CROSS_SIGNED: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: signed,
    reports: DocData::new(&[(&NOT_SIGNED, "/patient_signed")]),
};

/// "Vurder og beslutt – Vurderingskomitéen" (l.721–723): the committee fills in its final
/// decision in the application form.
pub const SOURCE_DECISION: Source = Document::Tilgangsordningen.at(
    "Vurder og beslutt – Vurderingskomitéen: «fyller inn sin endelige avgjørelse i søknadsskjemaet» (l.721–723)",
);

texts!(
    pub L_DECISION,
    "Vurderingskomitéens avgjørelse",
    "Avgjerda til vurderingskomiteen",
    "The assessment committee's decision"
);
texts!(pub L_OUTCOME, "Avgjørelse", "Avgjerd", "Decision");
texts!(pub L_GRANTED, "Innvilget", "Innvilga", "Granted");
texts!(pub L_REFUSED, "Avslått", "Avslått", "Refused");
texts!(pub L_DECISION_DATE, "Dato for avgjørelsen", "Dato for avgjerda", "Date of the decision");
texts!(pub L_DECISION_REASON, "Begrunnelse", "Grunngiving", "Justification");

/// The committee's decision: a known, optional member of part 2, filled in by the committee
/// after the application was sent — when it is given, its fields are required at the stage
/// `decision`; the gate refuses to seal a part 2 that already holds one.
pub static DECISION: &[Field] = &[
    Field::new(
        "outcome",
        &L_OUTCOME,
        Ty::Enum {
            values: &["granted", "refused"],
            labels: &[&L_GRANTED, &L_REFUSED],
            shown: "granted (innvilget), refused (avslått)",
        },
        SOURCE_DECISION,
    )
    .req(Req::Decision),
    Field::text("date", &L_DECISION_DATE, SOURCE_DECISION)
        .req(Req::Decision)
        .check(&CHECK_DATE),
    Field::free_text("justification", &L_DECISION_REASON, SOURCE_DECISION).req(Req::Decision),
];

/// `/decision` in part 2.
pub const DECISION_FIELD: Field = Field::new(
    "decision",
    &L_DECISION,
    Ty::Object(DECISION),
    SOURCE_DECISION,
);

/// `tilgang-del1`: the patient and consent; stays in the record.
pub static DEL1: Form = Form {
    title: &TITLE_DEL1,
    fields: DEL1_FIELDS,
    rules: &[&CROSS_SIGNED],
    costs: false,
};

/// `tilgang-del2`: the application, sent to Nye metoder.
pub static DEL2: Form = Form {
    title: &TITLE_DEL2,
    fields: &[
        application::REFERENCE,
        application::FIELD,
        patient::FIELD,
        treatment::FIELD,
        costs::FIELD,
        exceptionality::FIELD,
        exceptionality::OVERALL,
        literature::FIELD,
        approvals::FIELD,
        DECISION_FIELD,
    ],
    rules: &[
        &patient::CROSS_SINGLE_PATIENT,
        &application::CROSS_CONSENT,
        &exceptionality::CROSS_CRITERIA,
        &treatment::CROSS_GOAL_OTHER,
        &application::CROSS_REFERENCE_TRUST,
        &costs::CROSS_COSTS,
        &approvals::CROSS_APPROVED,
    ],
    costs: true,
};

fn check_national_id(_f: &Field, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
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

texts!(
    REASON_LENGTH,
    "må ha 11 sifre",
    "må ha 11 siffer",
    "must have 11 digits"
);
texts!(
    REASON_FORMAT,
    "bare sifre er tillatt",
    "berre siffer er tillate",
    "only digits are allowed"
);
texts!(
    REASON_CHECKSUM,
    "kontrollsifrene stemmer ikke",
    "kontrollsifra stemmer ikkje",
    "the check digits do not match"
);
texts!(
    REASON_DATE,
    "datoen finnes ikke",
    "datoen finst ikkje",
    "the date does not exist"
);
texts!(
    REASON_FUTURE,
    "fødselsdatoen er fram i tid",
    "fødselsdatoen er fram i tid",
    "the birth date is in the future"
);
texts!(
    REASON_CENTURY,
    "århundret kan ikke bestemmes",
    "hundreåret kan ikkje fastsetjast",
    "the century cannot be determined"
);

/// A localised reason for a national identity number error (no digits).
pub fn fnr_reason(e: &crate::ident::fnr::FnrError) -> &'static Texts {
    use crate::ident::fnr::FnrError as E;
    match e {
        E::Length { .. } => &REASON_LENGTH,
        E::Format { .. } => &REASON_FORMAT,
        E::ChecksumK1 | E::ChecksumK2 => &REASON_CHECKSUM,
        E::InvalidMonth | E::InvalidDay | E::NotLeapYear => &REASON_DATE,
        E::FutureBirthDate => &REASON_FUTURE,
        E::UndeterminableCentury => &REASON_CENTURY,
    }
}

/// A date written `YYYY-MM-DD` or `DD.MM.YYYY`.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    crate::dates::parse_date(s)
}

fn check_date(_f: &Field, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if parse_date(s).is_none_or(|date| date > w.ctx.today) {
            d.push(Diagnostic::new(&DATE, p.clone()));
        }
    }
}

fn signed(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_bool(doc, &["patient_signed"]) == Some(false) {
        d.push(Diagnostic::new(&NOT_SIGNED, ptr(&["patient_signed"])));
    }
}
