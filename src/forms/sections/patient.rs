//! "Om pasienten": no personal data — the legal sex, the birth year (never the date), the
//! catchment area, the diagnosis and history, and the NPR-ID; one patient per application.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Behandlingsansvarlig lege
//! (del 2): Om pasienten" ("Fødselsår fire siffer, eksempelvis 1974"); Helse Bergen's
//! single-patient forms require the NPR-ID (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt
//! §3.2, footnote 2: "skal påføres alle søknader … til enkeltpasienter").

use super::application::{trust_code, CHECK_TRUST};
use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Pointer, Source};
use crate::forms::schema::{
    get, ptr, whole_number, Check, CrossCheck, Field, Privacy, Req, Ty, Walk,
};
use crate::forms::Stage;
use serde_json::Value;

/// Part 2, "Om pasienten".
pub const SOURCE: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Om pasienten");
/// Helse Bergen §3.2, footnote 2 (NPR-ID on all applications for single patients).
pub const SOURCE_NPR: Source =
    Document::HelseBergen1_2_2_5_16.at("3.2 Vurderingsprosessen, fotnote 2");
/// Helse Bergen §3.3 (what the application must show).
pub const SOURCE_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier");
const SOURCE_ONE: Source = Document::Tilgangsordningen
    .at("Beslutninger på gruppenivå er ikke en del av vurderingskomitéens mandat");

rule! {
    /// Birth year not four digits.
    pub static BIRTH_YEAR_FORMAT: "patient.birth_year.format", Error, SOURCE;
    nb: "Fødselsår må være et årstall med fire sifre.",
    nn: "Fødselsår må vere eit årstal med fire siffer.",
    en: "The birth year must be a four-digit year.",
    hint_nb: "Skriv bare året, f.eks. 1974 – aldri hele fødselsdatoen.",
    hint_nn: "Skriv berre året, t.d. 1974 – aldri heile fødselsdatoen.",
    hint_en: "Write the year only, e.g. 1974 — never the full date of birth.",
}

rule! {
    /// Birth year in the future.
    pub static BIRTH_YEAR_FUTURE: "patient.birth_year.future", Error, SOURCE;
    nb: "Fødselsåret er fram i tid.",
    nn: "Fødselsåret er fram i tid.",
    en: "The birth year is in the future.",
    hint_nb: "Kontroller året (fire sifre, f.eks. 1974).",
    hint_nn: "Kontroller året (fire siffer, t.d. 1974).",
    hint_en: "Check the year (four digits, e.g. 1974).",
}

rule! {
    /// Birth year implausibly early.
    pub static BIRTH_YEAR_IMPLAUSIBLE: "patient.birth_year.implausible", Error, SOURCE;
    nb: "Fødselsåret gir en alder over {max} år.",
    nn: "Fødselsåret gir ein alder over {max} år.",
    en: "The birth year gives an age above {max} years.",
    hint_nb: "Kontroller året (fire sifre, f.eks. 1974).",
    hint_nn: "Kontroller året (fire siffer, t.d. 1974).",
    hint_en: "Check the year (four digits, e.g. 1974).",
}

rule! {
    /// NPR-ID malformed.
    pub static NPR_FORMAT: "patient.npr_id.format", Error, SOURCE_NPR;
    nb: "NPR-ID-en har ugyldig form.",
    nn: "NPR-ID-en har ugyldig form.",
    en: "The NPR-ID is malformed.",
    hint_nb: "NPR-ID består av bokstaver, sifre og bindestrek (høyst 36 tegn). Kopier den fra pasientadministrativt system.",
    hint_nn: "NPR-ID består av bokstavar, siffer og bindestrek (høgst 36 teikn). Kopier han frå pasientadministrativt system.",
    hint_en: "An NPR-ID consists of letters, digits and hyphens (at most 36 characters). Copy it from the patient administrative system.",
}

rule! {
    /// NPR-ID field holds a national identity number.
    pub static NPR_IS_FNR: "patient.npr_id.is_national_id", Error, SOURCE_NPR;
    nb: "Feltet for NPR-ID inneholder et fødselsnummer eller D-nummer.",
    nn: "Feltet for NPR-ID inneheld eit fødselsnummer eller D-nummer.",
    en: "The NPR-ID field holds a national identity number.",
    hint_nb: "Fjern fødselsnummeret og skriv pasientens NPR-ID. Fødselsnummer hører bare hjemme i del 1.",
    hint_nn: "Fjern fødselsnummeret og skriv NPR-ID-en til pasienten. Fødselsnummer høyrer berre heime i del 1.",
    hint_en: "Remove the national identity number and enter the patient's NPR-ID. National identity numbers belong in part 1 only.",
}

rule! {
    /// NPR-ID field holds a bank account number or an IBAN.
    pub static NPR_ACCOUNT: "patient.npr_id.account", Error, SOURCE_NPR;
    nb: "Feltet for NPR-ID inneholder et kontonummer eller en IBAN.",
    nn: "Feltet for NPR-ID inneheld eit kontonummer eller ein IBAN.",
    en: "The NPR-ID field holds a bank account number or an IBAN.",
    hint_nb: "Skriv pasientens NPR-ID, kopiert fra pasientadministrativt system.",
    hint_nn: "Skriv NPR-ID-en til pasienten, kopiert frå pasientadministrativt system.",
    hint_en: "Enter the patient's NPR-ID, copied from the patient administrative system.",
}

rule! {
    /// NPR-ID field holds words that are names.
    pub static NPR_NAME: "patient.npr_id.name", Error, SOURCE_NPR;
    nb: "Feltet for NPR-ID inneholder noe som ligner et navn.",
    nn: "Feltet for NPR-ID inneheld noko som liknar eit namn.",
    en: "The NPR-ID field holds something that looks like a name.",
    hint_nb: "Skriv pasientens NPR-ID, kopiert fra pasientadministrativt system. Pasientens navn hører bare hjemme i del 1.",
    hint_nn: "Skriv NPR-ID-en til pasienten, kopiert frå pasientadministrativt system. Namnet til pasienten høyrer berre heime i del 1.",
    hint_en: "Enter the patient's NPR-ID, copied from the patient administrative system. The patient's name belongs in part 1 only.",
}

rule! {
    pub static ONE_PATIENT: "patient.single", Error, SOURCE_ONE;
    nb: "Tilgangsordningen gjelder én pasient per søknad; grupper av pasienter inngår ikke.",
    nn: "Tilgangsordninga gjeld éin pasient per søknad; grupper av pasientar inngår ikkje.",
    en: "Tilgangsordningen covers one patient per application; groups of patients are not part of it.",
    hint_nb: "Send én søknad per pasient. Spørsmål om en pasientgruppe meldes inn som forslag til metodevurdering i Nye metoder.",
    hint_nn: "Send éin søknad per pasient. Spørsmål om ei pasientgruppe blir melde inn som forslag til metodevurdering i Nye metoder.",
    hint_en: "Send one application per patient. Questions about a patient group are proposed for a method assessment in Nye metoder.",
}

texts!(pub L_PATIENT, "Om pasienten", "Om pasienten", "About the patient");
texts!(pub L_SEX, "Juridisk kjønn", "Juridisk kjønn", "Legal sex");
texts!(pub L_BIRTH_YEAR, "Fødselsår", "Fødselsår", "Birth year");
texts!(pub L_CATCHMENT, "Opptaksområde", "Opptaksområde", "Catchment area");
texts!(
    pub L_DIAGNOSIS,
    "Diagnose det søkes behandling for",
    "Diagnose det blir søkt behandling for",
    "Diagnosis applied for"
);
texts!(
    pub L_HISTORY,
    "Oppsummering av sykehistorikk",
    "Oppsummering av sjukehistorikk",
    "Summary of medical history"
);
texts!(
    pub L_FUNCTION,
    "Nåværende funksjons-/mestringsnivå",
    "Noverande funksjons-/meistringsnivå",
    "Current level of function/coping"
);
texts!(pub L_NPR, "NPR-ID", "NPR-ID", "NPR-ID");

/// Oldest age accepted for a birth year.
pub const MAX_AGE: i32 = 120;

/// Four digits, not in the future, not more than [`MAX_AGE`] years ago.
pub static CHECK_BIRTH_YEAR: Check = Check {
    run: check_birth_year,
    rules: DocData::new(&[
        &BIRTH_YEAR_FORMAT,
        &BIRTH_YEAR_FUTURE,
        &BIRTH_YEAR_IMPLAUSIBLE,
    ]),
};

/// An NPR-ID: opaque, but never a national identity number.
pub static CHECK_NPR: Check = Check {
    run: check_npr,
    rules: DocData::new(&[&NPR_IS_FNR, &NPR_ACCOUNT, &NPR_NAME, &NPR_FORMAT]),
};

texts!(pub L_FEMALE, "Kvinne", "Kvinne", "Female");
texts!(pub L_MALE, "Mann", "Mann", "Male");

const LEGAL_SEX: Ty = Ty::Enum {
    values: &["female", "male"],
    labels: &[&L_FEMALE, &L_MALE],
    shown: "female (kvinne), male (mann)",
};

/// Part 2's "Om pasienten" (the NPR-ID optional).
pub static FIELDS: &[Field] = &[
    Field::new("legal_sex", &L_SEX, LEGAL_SEX, SOURCE).req(Req::Approval),
    Field::new("birth_year", &L_BIRTH_YEAR, Ty::Integer, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(&CHECK_BIRTH_YEAR)
        .normalise(whole_number),
    Field::text("catchment_area", &L_CATCHMENT, SOURCE)
        .req(Req::Approval)
        .check(&CHECK_TRUST)
        .normalise(trust_code),
    Field::free_text("diagnosis", &L_DIAGNOSIS, SOURCE).req(Req::Approval),
    Field::free_text("medical_history", &L_HISTORY, SOURCE).req(Req::Approval),
    Field::free_text("function_level", &L_FUNCTION, SOURCE).req(Req::Approval),
    Field::text("npr_id", &L_NPR, SOURCE_NPR)
        .check(&CHECK_NPR)
        .normalise(npr_trimmed),
];

/// `/patient` in part 2.
pub const FIELD: Field =
    Field::new("patient", &L_PATIENT, Ty::Object(FIELDS), SOURCE).req(Req::Approval);

/// "Om pasienten" of Helse Bergen's single-patient forms: no catchment area, the NPR-ID
/// required.
pub static FIELDS_HB: &[Field] = &[
    Field::new("legal_sex", &L_SEX, LEGAL_SEX, SOURCE_HB).req(Req::Approval),
    Field::new("birth_year", &L_BIRTH_YEAR, Ty::Integer, SOURCE_HB)
        .req(Req::Approval)
        .privacy(Privacy::Structured)
        .check(&CHECK_BIRTH_YEAR)
        .normalise(whole_number),
    Field::free_text("diagnosis", &L_DIAGNOSIS, SOURCE_HB).req(Req::Approval),
    Field::free_text("medical_history", &L_HISTORY, SOURCE_HB).req(Req::Approval),
    Field::free_text("function_level", &L_FUNCTION, SOURCE_HB).req(Req::Approval),
    Field::text("npr_id", &L_NPR, SOURCE_NPR)
        .req(Req::Approval)
        .check(&CHECK_NPR)
        .normalise(npr_trimmed),
];

/// `/patient` in Helse Bergen's single-patient forms.
pub const FIELD_HB: Field =
    Field::new("patient", &L_PATIENT, Ty::Object(FIELDS_HB), SOURCE_HB).req(Req::Approval);

/// Applications are for one patient: a list of patients, or group members, is an error
/// (forms about one patient).
pub static CROSS_SINGLE_PATIENT: CrossCheck = CrossCheck {
    from: Stage::Draft,
    run: single_patient,
    reports: DocData::new(&[(&ONE_PATIENT, "/patient")]),
};

/// Parses a birth year given as a number or a string of digits.
pub fn birth_year_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

fn check_birth_year(_f: &Field, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    use chrono::Datelike;
    let digits_ok = match v {
        Value::String(s) => s.trim().len() == 4,
        _ => true,
    };
    let Some(y) = birth_year_of(v).filter(|y| (1000..=9999).contains(y) && digits_ok) else {
        if !matches!(v, Value::String(s) if s.trim().is_empty()) {
            d.push(Diagnostic::new(&BIRTH_YEAR_FORMAT, p.clone()));
        }
        return;
    };
    let this_year = i64::from(w.ctx.today.year());
    if y > this_year {
        d.push(Diagnostic::new(&BIRTH_YEAR_FUTURE, p.clone()));
    } else if y < this_year - i64::from(MAX_AGE) {
        d.push(
            Diagnostic::new(&BIRTH_YEAR_IMPLAUSIBLE, p.clone())
                .arg("max", Arg::Int(MAX_AGE.into())),
        );
    }
}

fn check_npr(_f: &Field, v: &Value, p: &Pointer, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    use crate::ident::npr::{self, NprError};
    let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) else {
        return;
    };
    let rule = match npr::validate(s) {
        Err(
            NprError::IsNationalId | NprError::ContainsNationalId | NprError::LooksLikeNationalId,
        ) => &NPR_IS_FNR,
        Err(NprError::AccountNumber) => &NPR_ACCOUNT,
        Err(_) => &NPR_FORMAT,
        Ok(_) if holds_a_name(s) => &NPR_NAME,
        Ok(_) => return,
    };
    d.push(Diagnostic::new(rule, p.clone()));
}

/// The NPR-ID as validated (surrounding white space dropped): what the gate seals.
fn npr_trimmed(v: &Value, _ctx: &crate::Context) -> Option<Value> {
    Some(Value::String(v.as_str()?.trim().to_string()))
}

/// True when a word of an NPR-ID (a run of letters) is a first name or a surname of the name
/// lists: any word of a value written in letters only (`KARI-NORDMANN`), and in a value with
/// digits a word of three letters or more that is not a hexadecimal group (`4f1c2a9e`,
/// `beef`): NPR-IDs are codes, not words.
fn holds_a_name(s: &str) -> bool {
    let letters_only = !s.chars().any(|c| c.is_ascii_digit());
    s.split(|c: char| !c.is_alphabetic()).any(|w| {
        let hex = w.chars().all(|c| c.is_ascii_hexdigit());
        let checked = letters_only || (w.chars().count() >= 3 && !hex);
        checked
            && w.chars().count() >= 2
            && (crate::lexicon::is_first_name(w) || crate::lexicon::is_surname(w))
    })
}

fn single_patient(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let listed = matches!(get(doc, &["patient"]), Some(Value::Array(_)))
        || doc.get("patients").is_some()
        || doc.get("group").is_some();
    if listed {
        d.push(Diagnostic::new(&ONE_PATIENT, ptr(&["patient"])));
    }
}
