//! "Kriterier for klinisk eksepsjonalitet" and "Totalvurdering": the three criteria, each a
//! checkbox and a justification, and the overall assessment.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Kriterier for klinisk eksepsjonalitet" (at
//! least one criterion must be shown; increased benefit must be documented) and "Fyll ut
//! søknad – Behandlingsansvarlig lege (del 2): Totalvurdering".

use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Source, Texts};
use crate::forms::schema::{get, get_bool, get_str, ptr, CrossCheck, Field, Req, Ty, Walk};
use crate::forms::Stage;
use serde_json::Value;

/// "Kriterier for klinisk eksepsjonalitet".
pub const SOURCE: Source = Document::Tilgangsordningen.at("Kriterier for klinisk eksepsjonalitet");
/// Part 2, "Totalvurdering".
pub const SOURCE_OVERALL: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Totalvurdering");

rule! {
    pub static CRITERION_JUSTIFICATION: "exceptionality.criterion.justification", Error, SOURCE;
    nb: "«{field}» er krysset av, men mangler begrunnelse.",
    nn: "«{field}» er kryssa av, men manglar grunngiving.",
    en: "“{field}” is ticked but has no justification.",
    hint_nb: "Begrunn hvorfor kriteriet er oppfylt for denne pasienten, med utgangspunkt i de gitte kriteriene.",
    hint_nn: "Grunngi kvifor kriteriet er oppfylt for denne pasienten, med utgangspunkt i dei gitte kriteria.",
    hint_en: "Explain why the criterion is met for this patient, based on the given criteria.",
}

rule! {
    pub static CRITERION_NONE: "exceptionality.criterion.none", Error, SOURCE;
    nb: "Ingen av kriteriene for klinisk eksepsjonalitet er krysset av.",
    nn: "Ingen av kriteria for klinisk eksepsjonalitet er kryssa av.",
    en: "None of the criteria for clinical exceptionality is ticked.",
    hint_nb: "Søker må redegjøre for at minst ett av kriteriene (økt nytte, høyere alvorlighet, særskilte medisinske årsaker) er oppfylt.",
    hint_nn: "Søkjaren må gjere greie for at minst eitt av kriteria (auka nytte, høgare alvor, særskilde medisinske årsaker) er oppfylt.",
    hint_en: "The applicant must show that at least one criterion (increased benefit, higher severity, special medical reasons) is met.",
}

rule! {
    pub static BENEFIT_LITERATURE: "exceptionality.benefit.literature", Error, SOURCE;
    nb: "«Økt nytte» krever dokumentasjon, men ingen litteratur er oppgitt.",
    nn: "«Auka nytte» krev dokumentasjon, men ingen litteratur er oppgitt.",
    en: "“Increased benefit” needs documentation, but no literature is given.",
    hint_nb: "Legg inn minst én publisert artikkel (tittel og lenke) som sannsynliggjør økt klinisk nytte for pasienten.",
    hint_nn: "Legg inn minst éin publisert artikkel (tittel og lenkje) som gjer auka klinisk nytte for pasienten sannsynleg.",
    hint_en: "Add at least one published article (title and link) showing increased clinical benefit for the patient.",
}

texts!(
    pub L_EXCEPTIONALITY,
    "Kriterier for klinisk eksepsjonalitet",
    "Kriterium for klinisk eksepsjonalitet",
    "Criteria for clinical exceptionality"
);
texts!(pub L_BENEFIT, "Økt nytte", "Auka nytte", "Increased benefit");
texts!(pub L_SEVERITY, "Høyere alvorlighet", "Høgare alvor", "Higher severity");
texts!(
    pub L_SPECIAL,
    "Særskilte medisinske årsaker",
    "Særskilde medisinske årsaker",
    "Special medical reasons"
);
texts!(
    pub L_CLAIMED,
    "Kriteriet er oppfylt (avkrysning)",
    "Kriteriet er oppfylt (avkryssing)",
    "Criterion met (checkbox)"
);
texts!(pub L_JUSTIFICATION, "Begrunnelse", "Grunngiving", "Justification");
texts!(pub L_OVERALL, "Totalvurdering", "Totalvurdering", "Overall assessment");

/// One criterion: a checkbox and a justification.
pub static CRITERION: &[Field] = &[
    Field::new("claimed", &L_CLAIMED, Ty::Bool, SOURCE).req(Req::Approval),
    Field::free_text("justification", &L_JUSTIFICATION, SOURCE),
];

/// The three criteria for clinical exceptionality.
pub static FIELDS: &[Field] = &[
    Field::new(
        "increased_benefit",
        &L_BENEFIT,
        Ty::Object(CRITERION),
        SOURCE,
    )
    .req(Req::Approval),
    Field::new(
        "higher_severity",
        &L_SEVERITY,
        Ty::Object(CRITERION),
        SOURCE,
    )
    .req(Req::Approval),
    Field::new(
        "special_medical_reasons",
        &L_SPECIAL,
        Ty::Object(CRITERION),
        SOURCE,
    )
    .req(Req::Approval),
];

/// `/exceptionality` in part 2.
pub const FIELD: Field = Field::new(
    "exceptionality",
    &L_EXCEPTIONALITY,
    Ty::Object(FIELDS),
    SOURCE,
)
.req(Req::Approval);

/// `/overall_assessment` in part 2.
pub const OVERALL: Field =
    Field::free_text("overall_assessment", &L_OVERALL, SOURCE_OVERALL).req(Req::Approval);

/// From approval: a claimed criterion needs a justification; at least one criterion is
/// claimed; increased benefit needs literature.
pub static CROSS_CRITERIA: CrossCheck = CrossCheck {
    from: Stage::Approval,
    run: criteria,
    reports: DocData::new(&[
        (
            &CRITERION_JUSTIFICATION,
            "/exceptionality/increased_benefit/justification",
        ),
        (
            &CRITERION_JUSTIFICATION,
            "/exceptionality/higher_severity/justification",
        ),
        (
            &CRITERION_JUSTIFICATION,
            "/exceptionality/special_medical_reasons/justification",
        ),
        (&CRITERION_NONE, "/exceptionality"),
        (&BENEFIT_LITERATURE, "/literature"),
    ]),
};

fn criteria(doc: &Value, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
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
