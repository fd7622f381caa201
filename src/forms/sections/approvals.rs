//! "Forankring og anbefaling": the line manager's and the medical director's justification
//! and approval, and the medical director's confirmation that the form is complete.
//!
//! Tilgangsordningen part 2 (nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Fagdirektør:
//! Forankring og anbefaling"): both at `submission`; the line manager's step "avhengig av
//! helseforetakets organisering" (l.283–284), by the hospital's configuration.
//!
//! Helse Bergen's forms (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.2): the level-2
//! leader receives the filled-in application and gives an assessment, recommending it or not
//! (point 1) — required at `submission` (sent to the assessment committee); the medical
//! director decides after the committee's advice and documents the decision (point 4) —
//! required at `decision`.

use super::application::CHECK_NAME;
use super::exceptionality::L_JUSTIFICATION;
use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Source, Texts};
use crate::forms::schema::{get_bool, ptr, CrossCheck, Field, Privacy, Req, Ty, Walk};
use crate::forms::Stage;
use serde_json::Value;

/// "Fyll ut søknad – Fagdirektør: Forankring og anbefaling".
pub const SOURCE: Source =
    Document::Tilgangsordningen.at("Fyll ut søknad – Fagdirektør: Forankring og anbefaling");
/// Nye metoder l.283–284: the line manager's step depends on the trust's organisation.
pub const SOURCE_LINE_MANAGER: Source = Document::Tilgangsordningen
    .at("Overordnet prosess for saksgang: «linjeleders vurdering og godkjenning avhengig av helseforetakets organisering og størrelse» (l.283–284)");
/// Helse Bergen §3.2.
pub const SOURCE_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.2 Vurderingsprosessen");
/// Helse Bergen §3.2 point 1: the level-2 leader's assessment.
pub const SOURCE_HB_1: Source = Document::HelseBergen1_2_2_5_16
    .at("3.2 Vurderingsprosessen, punkt 1 (nivå 2-leders vurdering)");
/// Helse Bergen §3.2 point 4: the medical director's decision.
pub const SOURCE_HB_4: Source =
    Document::HelseBergen1_2_2_5_16.at("3.2 Vurderingsprosessen, punkt 4 (fagdirektørens vedtak)");

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

rule! {
    /// Helse Bergen: the level-2 leader does not recommend the application (§3.2 point 1).
    pub static HB_NOT_RECOMMENDED: "approval.hb.not_recommended", Error, SOURCE_HB_1;
    nb: "Nivå 2-leder har ikke anbefalt søknaden. Bare søknader som anbefales, sendes videre til fagdirektør/vurderingskomité.",
    nn: "Nivå 2-leiar har ikkje tilrådd søknaden. Berre søknader som blir tilrådde, blir sende vidare til fagdirektør/vurderingskomité.",
    en: "The level-2 leader has not recommended the application. Only recommended applications are sent on to the medical director / assessment committee.",
    hint_nb: "Når søknader ikke anbefales/videresendes, lager behandlingsansvarlig overlege et kort notat om dette i pasientjournalen.",
    hint_nn: "Når søknader ikkje blir tilrådde/vidaresende, lagar behandlingsansvarleg overlege eit kort notat om dette i pasientjournalen.",
    hint_en: "When an application is not recommended or forwarded, the treating consultant writes a short note about it in the patient's record.",
}

rule! {
    /// Helse Bergen: the medical director's documented decision is a refusal (§3.2 point 4).
    pub static HB_REFUSED: "approval.hb.refused", Info, SOURCE_HB_4;
    nb: "Fagdirektøren har ikke godkjent søknaden: vedtaket er avslag.",
    nn: "Fagdirektøren har ikkje godkjent søknaden: vedtaket er avslag.",
    en: "The medical director has not approved the application: the decision is a refusal.",
    hint_nb: "Vedtaket formidles tilbake til aktuell nivå 2-leder og behandlingsansvarlig lege; behandlingsansvarlig lege lagrer komplett søknad med beslutning i pasienten sin journal.",
    hint_nn: "Vedtaket blir formidla tilbake til aktuell nivå 2-leiar og behandlingsansvarleg lege; behandlingsansvarleg lege lagrar komplett søknad med avgjerd i journalen til pasienten.",
    hint_en: "The decision is passed back to the level-2 leader and the treating physician, who stores the complete application with the decision in the patient's record.",
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
texts!(pub L_LEVEL2, "Nivå 2-leder", "Nivå 2-leiar", "Level-2 leader");
texts!(
    pub L_HB_APPROVALS,
    "Vurdering og vedtak",
    "Vurdering og vedtak",
    "Assessment and decision"
);
texts!(pub L_ASSESSMENT, "Vurdering", "Vurdering", "Assessment");
texts!(
    pub L_RECOMMENDED,
    "Søknaden anbefales",
    "Søknaden blir tilrådd",
    "The application is recommended"
);
texts!(
    pub L_DECISION_JUSTIFICATION,
    "Begrunnelse for vedtaket",
    "Grunngiving for vedtaket",
    "Justification of the decision"
);
texts!(
    pub L_DIRECTOR_APPROVED,
    "Søknaden godkjennes",
    "Søknaden blir godkjend",
    "The application is approved"
);

const fn name(label: &'static Texts, req: Req, source: Source) -> Field {
    Field::text("name", label, source)
        .req(req)
        .privacy(Privacy::AllowedName)
        .check(&CHECK_NAME)
}

/// The line manager's approval (part 2; by the hospital's configuration).
pub static LINE_MANAGER: &[Field] = &[
    name(&L_APPROVER_NAME, Req::LineManager, SOURCE),
    Field::free_text("justification", &L_JUSTIFICATION, SOURCE).req(Req::LineManager),
    Field::new("approved", &L_APPROVED, Ty::Bool, SOURCE).req(Req::LineManager),
];

/// The medical director's approval and confirmation that the form is complete (part 2).
pub static MEDICAL_DIRECTOR: &[Field] = &[
    name(&L_APPROVER_NAME, Req::Submission, SOURCE),
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
        SOURCE_LINE_MANAGER,
    )
    .req(Req::LineManager),
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

/// The level-2 leader's assessment in Helse Bergen's forms: required at `submission` (§3.2
/// point 1).
pub static LINE_MANAGER_HB: &[Field] = &[
    name(&L_APPROVER_NAME, Req::Submission, SOURCE_HB_1),
    Field::free_text("justification", &L_ASSESSMENT, SOURCE_HB_1).req(Req::Submission),
    Field::new("approved", &L_RECOMMENDED, Ty::Bool, SOURCE_HB_1).req(Req::Submission),
];

/// The medical director's decision in Helse Bergen's forms: required at `decision` (§3.2
/// point 4). `form_complete` is kept for documents written before the stage `decision`
/// existed; it is never required.
pub static MEDICAL_DIRECTOR_HB: &[Field] = &[
    name(&L_APPROVER_NAME, Req::Decision, SOURCE_HB_4),
    Field::free_text("justification", &L_DECISION_JUSTIFICATION, SOURCE_HB_4).req(Req::Decision),
    Field::new("approved", &L_DIRECTOR_APPROVED, Ty::Bool, SOURCE_HB_4).req(Req::Decision),
    Field::new("form_complete", &L_FORM_COMPLETE, Ty::Bool, SOURCE_HB_4),
];

/// The level-2 leader (at `submission`) and the medical director (at `decision`) in Helse
/// Bergen's forms (§3.2 points 1 and 4).
pub static FIELDS_HB: &[Field] = &[
    Field::new(
        "line_manager",
        &L_LEVEL2,
        Ty::Object(LINE_MANAGER_HB),
        SOURCE_HB_1,
    )
    .req(Req::Submission),
    Field::new(
        "medical_director",
        &L_DIRECTOR,
        Ty::Object(MEDICAL_DIRECTOR_HB),
        SOURCE_HB_4,
    )
    .req(Req::Decision),
];

/// `/approvals` in Helse Bergen's forms.
pub const FIELD_HB: Field = Field::new(
    "approvals",
    &L_HB_APPROVALS,
    Ty::Object(FIELDS_HB),
    SOURCE_HB,
)
.req(Req::Submission);

/// Part 2 at submission: both approvals given and the form confirmed complete.
pub static CROSS_APPROVED: CrossCheck = CrossCheck {
    from: Stage::Submission,
    run: approved,
    reports: DocData::new(&[
        (&NOT_APPROVED, "/approvals/line_manager/approved"),
        (&NOT_APPROVED, "/approvals/medical_director/approved"),
        (&NOT_COMPLETE, "/approvals/medical_director/form_complete"),
    ]),
};

/// Helse Bergen's forms: at submission the level-2 leader recommends the application (§3.2
/// point 1); at decision a refusal by the medical director is told (point 4).
pub static CROSS_APPROVED_HB: CrossCheck = CrossCheck {
    from: Stage::Submission,
    run: approved_hb,
    reports: DocData::new(&[
        (&HB_NOT_RECOMMENDED, "/approvals/line_manager/approved"),
        (&HB_REFUSED, "/approvals/medical_director/approved"),
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

fn approved_hb(doc: &Value, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if get_bool(doc, &["approvals", "line_manager", "approved"]) == Some(false) {
        d.push(Diagnostic::new(
            &HB_NOT_RECOMMENDED,
            ptr(&["approvals", "line_manager", "approved"]),
        ));
    }
    if w.stage >= Stage::Decision
        && get_bool(doc, &["approvals", "medical_director", "approved"]) == Some(false)
    {
        d.push(Diagnostic::new(
            &HB_REFUSED,
            ptr(&["approvals", "medical_director", "approved"]),
        ));
    }
}
