//! "Forankring og anbefaling": the line manager's and the medical director's justification
//! and approval, and the medical director's confirmation that the form is complete —
//! required at submission.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Fagdirektør: Forankring og
//! anbefaling"; in Helse Bergen's forms the level-2 manager and the medical director
//! (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2, steps 1–2).

use super::application::CHECK_NAME;
use super::exceptionality::L_JUSTIFICATION;
use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Source};
use crate::forms::schema::{get_bool, ptr, CrossCheck, Field, Privacy, Req, Ty, Walk};
use crate::forms::Stage;
use serde_json::Value;

/// "Fyll ut søknad – Fagdirektør: Forankring og anbefaling".
pub const SOURCE: Source =
    Document::Tilgangsordningen.at("Fyll ut søknad – Fagdirektør: Forankring og anbefaling");
/// Helse Bergen §3.2.
pub const SOURCE_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.2 Vurderingsprosessen");

rule! {
    pub static NOT_APPROVED: "approval.missing", Error, SOURCE;
    nb: "«{field}» har ikke godkjent søknaden.",
    nn: "«{field}» har ikkje godkjent søknaden.",
    en: "“{field}” has not approved the application.",
    hint_nb: "Søknaden kan bare sendes når både linjeleder og fagdirektør har begrunnet og godkjent den.",
    hint_nn: "Søknaden kan berre sendast når både linjeleiar og fagdirektør har grunngitt og godkjent han.",
    hint_en: "The application can only be sent once both the line manager and the medical director have justified and approved it.",
}

rule! {
    pub static NOT_COMPLETE: "approval.form_complete", Error, SOURCE;
    nb: "Fagdirektøren har ikke bekreftet at skjemaet er ferdig utfylt.",
    nn: "Fagdirektøren har ikkje stadfesta at skjemaet er ferdig utfylt.",
    en: "The medical director has not confirmed that the form is completely filled in.",
    hint_nb: "Fagdirektøren bekrefter at skjemaet er ferdig utfylt av foretaket før det sendes.",
    hint_nn: "Fagdirektøren stadfestar at skjemaet er ferdig utfylt av føretaket før det blir sendt.",
    hint_en: "The medical director confirms that the trust has completed the form before it is sent.",
}

texts!(pub L_APPROVALS, "Forankring og anbefaling", "Forankring og tilråding", "Approvals");
texts!(pub L_LINE_MANAGER, "Linjeleder", "Linjeleiar", "Line manager");
texts!(pub L_DIRECTOR, "Fagdirektør", "Fagdirektør", "Medical director");
texts!(pub L_APPROVER_NAME, "Navn", "Namn", "Name");
texts!(pub L_APPROVED, "Godkjent", "Godkjend", "Approved");
texts!(
    pub L_FORM_COMPLETE,
    "Skjemaet er ferdig utfylt",
    "Skjemaet er ferdig utfylt",
    "The form is completely filled in"
);
texts!(pub L_LEVEL2, "Nivå 2-leder", "Nivå 2-leiar", "Level-2 manager");

/// The line manager's approval.
pub static LINE_MANAGER: &[Field] = &[
    Field::text("name", &L_APPROVER_NAME, SOURCE)
        .req(Req::Submission)
        .privacy(Privacy::AllowedName)
        .check(&CHECK_NAME),
    Field::free_text("justification", &L_JUSTIFICATION, SOURCE).req(Req::Submission),
    Field::new("approved", &L_APPROVED, Ty::Bool, SOURCE).req(Req::Submission),
];

/// The medical director's approval and confirmation that the form is complete.
pub static MEDICAL_DIRECTOR: &[Field] = &[
    Field::text("name", &L_APPROVER_NAME, SOURCE)
        .req(Req::Submission)
        .privacy(Privacy::AllowedName)
        .check(&CHECK_NAME),
    Field::free_text("justification", &L_JUSTIFICATION, SOURCE).req(Req::Submission),
    Field::new("approved", &L_APPROVED, Ty::Bool, SOURCE).req(Req::Submission),
    Field::new("form_complete", &L_FORM_COMPLETE, Ty::Bool, SOURCE).req(Req::Submission),
];

/// Both approvals in part 2.
pub static FIELDS: &[Field] = &[
    Field::new(
        "line_manager",
        &L_LINE_MANAGER,
        Ty::Object(LINE_MANAGER),
        SOURCE,
    )
    .req(Req::Submission),
    Field::new(
        "medical_director",
        &L_DIRECTOR,
        Ty::Object(MEDICAL_DIRECTOR),
        SOURCE,
    )
    .req(Req::Submission),
];

/// `/approvals` in part 2.
pub const FIELD: Field =
    Field::new("approvals", &L_APPROVALS, Ty::Object(FIELDS), SOURCE).req(Req::Submission);

/// Both approvals in Helse Bergen's forms: the level-2 manager (as line manager) and the
/// medical director (§3.2 steps 1–2).
pub static FIELDS_HB: &[Field] = &[
    Field::new(
        "line_manager",
        &L_LEVEL2,
        Ty::Object(LINE_MANAGER),
        SOURCE_HB,
    )
    .req(Req::Submission),
    Field::new(
        "medical_director",
        &L_DIRECTOR,
        Ty::Object(MEDICAL_DIRECTOR),
        SOURCE_HB,
    )
    .req(Req::Submission),
];

/// `/approvals` in Helse Bergen's forms.
pub const FIELD_HB: Field =
    Field::new("approvals", &L_APPROVALS, Ty::Object(FIELDS_HB), SOURCE_HB).req(Req::Submission);

/// At submission both approvals must be given and the form confirmed complete.
pub static CROSS_APPROVED: CrossCheck = CrossCheck {
    from: Stage::Submission,
    run: approved,
    reports: DocData::new(&[
        (&NOT_APPROVED, "/approvals/line_manager/approved"),
        (&NOT_APPROVED, "/approvals/medical_director/approved"),
        (&NOT_COMPLETE, "/approvals/medical_director/form_complete"),
    ]),
};

fn approved(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
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
