//! "Om søknaden": the sending health trust, the applicant, the patient's consent and the
//! reference number from part 1.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Behandlingsansvarlig lege
//! (del 2): Om søknaden" ("Hvilket helseforetak søknaden sendes fra · Søkers navn · Bekreft
//! at pasient har gitt samtykke · Referansenummer oppgitt på del 1"); for Helse Bergen's forms
//! the department instead of the consent (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt
//! §3.2).

use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Pointer, Source};
use crate::forms::schema::{
    get_bool, get_str, ptr, Check, CrossCheck, Field, Privacy, Req, Ty, Walk,
};
use crate::forms::Stage;
use crate::{reference, registry};
use serde_json::Value;

/// Part 2, "Om søknaden".
pub const SOURCE: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Om søknaden");
/// Helse Bergen §3.2 (the process: department, level-2 manager, medical director).
pub const SOURCE_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.2 Vurderingsprosessen");

rule! {
    pub static CONSENT: "application.consent", Error, SOURCE;
    nb: "Det er ikke bekreftet at pasienten har gitt samtykke.",
    nn: "Det er ikkje stadfesta at pasienten har gitt samtykke.",
    en: "It is not confirmed that the patient has consented.",
    hint_nb: "Kryss av for at pasienten har signert samtykket i del 1 før søknaden sendes til godkjenning.",
    hint_nn: "Kryss av for at pasienten har signert samtykket i del 1 før søknaden blir send til godkjenning.",
    hint_en: "Tick the box confirming that the patient signed the consent in part 1 before sending for approval.",
}

rule! {
    pub static REFERENCE_TRUST: "application.reference.trust", Warning, SOURCE;
    nb: "Helseforetaket i referansenummeret er et annet enn helseforetaket søknaden sendes fra.",
    nn: "Helseføretaket i referansenummeret er eit anna enn helseføretaket søknaden blir send frå.",
    en: "The health trust in the reference number differs from the sending health trust.",
    hint_nb: "Kontroller at referansenummeret er kopiert riktig fra del 1.",
    hint_nn: "Kontroller at referansenummeret er kopiert rett frå del 1.",
    hint_en: "Check that the reference number was copied correctly from part 1.",
}

rule! {
    /// A clinician's name field (the applicant's, an approver's) holds more than a name:
    /// digits, brackets, `@`, `:` …
    pub static NAME_FORMAT: "application.name.format", Error, SOURCE;
    nb: "«{field}» skal bare inneholde navnet (og tittelen) til én person.",
    nn: "«{field}» skal berre innehalde namnet (og tittelen) til éin person.",
    en: "“{field}” must hold one person's name (and title) only.",
    hint_nb: "Bruk bare bokstaver, mellomrom, punktum, bindestrek og apostrof, f.eks. «Overlege Ingrid Solberg». Opplysninger om pasienten hører hjemme i del 1.",
    hint_nn: "Bruk berre bokstavar, mellomrom, punktum, bindestrek og apostrof, t.d. «Overlege Ingrid Solberg». Opplysningar om pasienten høyrer heime i del 1.",
    hint_en: "Use letters, spaces, full stops, hyphens and apostrophes only, e.g. “Overlege Ingrid Solberg”. Information about the patient belongs in part 1.",
}

texts!(pub L_REFERENCE, "Referansenummer", "Referansenummer", "Reference number");
texts!(pub L_APPLICATION, "Om søknaden", "Om søknaden", "About the application");
texts!(
    pub L_HEALTH_TRUST,
    "Helseforetak søknaden sendes fra",
    "Helseføretak søknaden blir send frå",
    "Sending health trust"
);
texts!(
    pub L_APPLICANT,
    "Søkers navn (behandlingsansvarlig lege)",
    "Namnet til søkjaren (behandlingsansvarleg lege)",
    "Applicant's name (treating physician)"
);
texts!(
    pub L_CONSENT,
    "Pasienten har gitt samtykke",
    "Pasienten har gitt samtykke",
    "The patient has consented"
);
texts!(pub L_DEPARTMENT, "Avdeling", "Avdeling", "Department");

/// The value names a health trust in the registry (also used for the patient's catchment
/// area).
pub static CHECK_TRUST: Check = Check {
    run: check_trust,
    rules: DocData::new(&[&registry::TRUST_UNKNOWN]),
};

/// A clinician's name (the applicant's, an approver's): letters, spaces, `.`, `-`, `'`, `’`
/// and `,` only.
pub static CHECK_NAME: Check = Check {
    run: check_name,
    rules: DocData::new(&[&NAME_FORMAT]),
};

/// A reference number `ÅÅÅÅ-MM-DD-HF-Avdeling` (also part 1's).
pub static CHECK_REFERENCE: Check = Check {
    run: check_reference,
    rules: DocData::new(&[
        &reference::FORMAT,
        &reference::DATE_INVALID,
        &reference::DATE_FUTURE,
        &reference::DATE_EARLY,
        &reference::HF_UNKNOWN,
        &reference::HF_ALIAS,
        &reference::DEPT_INVALID,
        &reference::DEPT_UNKNOWN,
    ]),
};

/// `/reference` in part 2.
pub const REFERENCE: Field = Field::text("reference", &L_REFERENCE, SOURCE)
    .req(Req::Approval)
    .check(&CHECK_REFERENCE)
    .normalise(reference_canonical);

/// Part 2's "Om søknaden".
pub static FIELDS: &[Field] = &[
    Field::text("health_trust", &L_HEALTH_TRUST, SOURCE)
        .req(Req::Approval)
        .check(&CHECK_TRUST)
        .normalise(trust_code),
    Field::text("applicant_name", &L_APPLICANT, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::AllowedName)
        .check(&CHECK_NAME),
    Field::new("consent_confirmed", &L_CONSENT, Ty::Bool, SOURCE).req(Req::Approval),
];

/// `/application` in part 2.
pub const FIELD: Field =
    Field::new("application", &L_APPLICATION, Ty::Object(FIELDS), SOURCE).req(Req::Approval);

/// "Om søknaden" of Helse Bergen's forms: the department instead of the consent.
pub static FIELDS_HB: &[Field] = &[
    Field::text("health_trust", &L_HEALTH_TRUST, SOURCE_HB)
        .req(Req::Approval)
        .check(&CHECK_TRUST)
        .normalise(trust_code),
    Field::text("department", &L_DEPARTMENT, SOURCE_HB)
        .req(Req::Approval)
        .privacy(Privacy::Structured),
    Field::text("applicant_name", &L_APPLICANT, SOURCE_HB)
        .req(Req::Approval)
        .privacy(Privacy::AllowedName)
        .check(&CHECK_NAME),
];

/// `/application` in Helse Bergen's forms.
pub const FIELD_HB: Field = Field::new(
    "application",
    &L_APPLICATION,
    Ty::Object(FIELDS_HB),
    SOURCE_HB,
)
.req(Req::Approval);

/// From approval: the applicant has confirmed the patient's consent.
pub static CROSS_CONSENT: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: consent,
    reports: DocData::new(&[(&CONSENT, "/application/consent_confirmed")]),
};

/// The reference's health trust is the sending health trust.
pub static CROSS_REFERENCE_TRUST: CrossCheck = CrossCheck {
    from: Stage::Draft,
    run: reference_trust,
    reports: DocData::new(&[(&REFERENCE_TRUST, "/reference")]),
};

fn check_trust(f: &Field, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if w.ctx.registry.lookup(s).is_none() {
            d.push(
                Diagnostic::new(&registry::TRUST_UNKNOWN, p.clone())
                    .arg("field", Arg::Text(f.label)),
            );
        }
    }
}

/// The health trust a valid value names, by its canonical code (`"helse bergen hf"`,
/// `Haukeland`, `HBE` → `"HBE"`, the code reference numbers use): what the gate seals for a
/// trust or a catchment area.
pub fn trust_code(v: &Value, ctx: &crate::Context) -> Option<Value> {
    let t = ctx.registry.lookup(v.as_str()?)?;
    Some(Value::String(t.code.clone()))
}

/// A valid reference number in its canonical writing (`[2025-05-12]-[Helse Bergen]-[onk]` →
/// `2025-05-12-HBE-ONK`): what the gate seals.
pub fn reference_canonical(v: &Value, ctx: &crate::Context) -> Option<Value> {
    let r = reference::check(v.as_str()?, ctx).reference?;
    Some(Value::String(r.to_string()))
}

/// True when `s` holds only what a person's name and title are written with: letters
/// (of any script: the scanner looks for look-alikes), white space, `.`, `-`, `'`, `’`, `,`.
pub fn is_name_text(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '-' | '\'' | '’' | ',')
    })
}

fn check_name(f: &Field, v: &Value, p: &Pointer, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if !is_name_text(s) {
            d.push(Diagnostic::new(&NAME_FORMAT, p.clone()).arg("field", Arg::Text(f.label)));
        }
    }
}

fn check_reference(_f: &Field, v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        d.extend(reference::check_at(s, p, w.ctx).diagnostics);
    }
}

fn consent(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_bool(doc, &["application", "consent_confirmed"]) == Some(false) {
        d.push(Diagnostic::new(
            &CONSENT,
            ptr(&["application", "consent_confirmed"]),
        ));
    }
}

fn reference_trust(doc: &Value, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    let (Some(r), Some(t)) = (
        get_str(doc, &["reference"]),
        get_str(doc, &["application", "health_trust"]),
    ) else {
        return;
    };
    let (Some(reference), Some(trust)) = (
        reference::check(r, w.ctx).reference,
        w.ctx.registry.lookup(t),
    ) else {
        return;
    };
    if reference.hf != trust.code {
        d.push(Diagnostic::new(&REFERENCE_TRUST, ptr(&["reference"])));
    }
}
