//! "Kriterier for klinisk eksepsjonalitet" and "Totalvurdering": the three criteria, each a
//! checkbox and a justification, and the overall assessment.
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Kriterier for klinisk eksepsjonalitet" (at
//! least one criterion must be shown; increased benefit must be documented) and "Fyll ut
//! søknad – Behandlingsansvarlig lege (del 2): Totalvurdering".

use crate::diagnostic::{rule, texts, Arg, Diagnostic, DocData, Document, Source, Texts};
use crate::forms::schema::{
    get, get_bool, get_str, placeholder, ptr, too_short, CrossCheck, Field, Req, Ty, Walk,
    CHECK_SUBSTANTIAL,
};
use crate::forms::sections::literature::is_scholarly_link;
use crate::forms::Stage;
use crate::lexicon::grounds::{
    mentions, CIRCUMSTANCES, GAIN_OVER_MAIN_GROUP, LACK_OF_EFFECT, MEDICAL_REASONS,
};
use serde_json::Value;

/// "Kriterier for klinisk eksepsjonalitet".
pub const SOURCE: Source = Document::Tilgangsordningen.at("Kriterier for klinisk eksepsjonalitet");
/// Part 2, "Totalvurdering".
pub const SOURCE_OVERALL: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Totalvurdering");

const SRC_186: Source = Document::Tilgangsordningen.at(
    "Særskilte medisinske årsaker: «Manglende effekt eller svært dårlig prognose på tilgjengelig behandling vil ikke være gyldige begrunnelser» (l.186)",
);
const SRC_176: Source = Document::Tilgangsordningen.at(
    "Særskilte medisinske årsaker: «Komorbiditet, bivirkninger, intoleranse eller kontraindikasjoner … ikke i seg selv være tilstrekkelig» (l.176–181)",
);
const SRC_100: Source = Document::Tilgangsordningen.at(
    "Hvem gjelder ordningen for: «personlige og sosiale omstendigheter, ikke vil bli vurdert» (l.100–103)",
);
const SRC_142: Source = Document::Tilgangsordningen.at(
    "Økt nytte: «Det må foreligge dokumentasjon på nytten, eksempelvis én publisert artikkel i anerkjent vitenskapelig tidsskrift» (l.142–148)",
);

rule! {
    /// Special medical reasons argued by lack of effect or a poor prognosis only (l.186).
    pub static SPECIAL_INVALID_GROUND: "exceptionality.special.invalid_ground", Warning, SRC_186;
    nb: "Begrunnelsen for særskilte medisinske årsaker viser til manglende effekt eller dårlig prognose.",
    nn: "Grunngivinga for særskilde medisinske årsaker viser til manglande effekt eller dårleg prognose.",
    en: "The justification of special medical reasons refers to lack of effect or a poor prognosis.",
    hint_nb: "Manglende effekt eller svært dårlig prognose på tilgjengelig behandling vil ikke være gyldige begrunnelser for å søke om tilgang etter nei etter dette punktet. Beskriv hvorfor tilgjengelig behandling ikke kan gis av medisinske årsaker.",
    hint_nn: "Manglande effekt eller svært dårleg prognose på tilgjengeleg behandling vil ikkje vere gyldige grunngivingar for å søkje om tilgang etter nei etter dette punktet. Skildre kvifor tilgjengeleg behandling ikkje kan givast av medisinske årsaker.",
    hint_en: "Lack of effect or a very poor prognosis on available treatment are not valid grounds for applying under this point. Describe why available treatment cannot be given for medical reasons.",
}

rule! {
    /// Comorbidity, side effects, intolerance or contraindication without a word on why the
    /// gain exceeds the main group's (l.176–181).
    pub static SPECIAL_MAIN_GROUP: "exceptionality.special.main_group", Warning, SRC_176;
    nb: "Begrunnelsen for særskilte medisinske årsaker sier ikke hvorfor helsegevinsten for pasienten overstiger hovedgruppens.",
    nn: "Grunngivinga for særskilde medisinske årsaker seier ikkje kvifor helsegevinsten for pasienten overstig den til hovudgruppa.",
    en: "The justification of special medical reasons does not say why the patient's health gain exceeds the main group's.",
    hint_nb: "Komorbiditet, bivirkninger, intoleranse eller kontraindikasjoner for tilgjengelig behandling vil ikke i seg selv være tilstrekkelig. Det må også sannsynliggjøres at pasienten vil respondere på behandlingen slik at antatt helsegevinst overstiger antatt helsegevinst hos pasienter i hovedgruppen.",
    hint_nn: "Komorbiditet, biverknader, intoleranse eller kontraindikasjonar for tilgjengeleg behandling vil ikkje i seg sjølv vere tilstrekkeleg. Det må òg gjerast sannsynleg at pasienten vil respondere på behandlinga slik at venta helsegevinst overstig venta helsegevinst hos pasientar i hovudgruppa.",
    hint_en: "Comorbidity, side effects, intolerance or contraindications to available treatment are not sufficient in themselves. It must also be made likely that the patient will respond so that the expected health gain exceeds that of patients in the main group.",
}

rule! {
    /// Personal or social circumstances as a ground (l.100–103).
    pub static CIRCUMSTANCES_GROUND: "exceptionality.circumstances", Warning, SRC_100;
    nb: "«{field}» viser til personlige eller sosiale omstendigheter.",
    nn: "«{field}» viser til personlege eller sosiale omstende.",
    en: "“{field}” refers to personal or social circumstances.",
    hint_nb: "Det er forhold knyttet til pasientens kliniske tilstand (alvorlighet og nytte av behandlingen) som vurderes; personlige og sosiale omstendigheter vil ikke bli vurdert av vurderingskomitéen.",
    hint_nn: "Det er forhold knytte til den kliniske tilstanden til pasienten (alvor og nytte av behandlinga) som blir vurderte; personlege og sosiale omstende vil ikkje bli vurderte av vurderingskomiteen.",
    hint_en: "It is the patient's clinical condition (severity and benefit of the treatment) that is assessed; personal and social circumstances are not considered by the committee.",
}

rule! {
    /// Increased benefit whose literature holds no DOI, PMID or journal link (l.142–148).
    pub static BENEFIT_DOCUMENTATION: "exceptionality.benefit.documentation", Warning, SRC_142;
    nb: "«Økt nytte» skal dokumenteres med publisert litteratur, men ingen av lenkene er en DOI, en PMID eller en lenke til et vitenskapelig tidsskrift.",
    nn: "«Auka nytte» skal dokumenterast med publisert litteratur, men ingen av lenkjene er ein DOI, ein PMID eller ei lenkje til eit vitskapleg tidsskrift.",
    en: "“Increased benefit” must be documented with published literature, but none of the links is a DOI, a PMID or a link to a scientific journal.",
    hint_nb: "Det må foreligge dokumentasjon på nytten, eksempelvis én publisert artikkel i anerkjent vitenskapelig tidsskrift om klinisk behandlingsstudie med aktuelt legemiddel. Oppgi artikkelens DOI eller PMID; en produsents nettside er ikke slik dokumentasjon.",
    hint_nn: "Det må liggje føre dokumentasjon på nytten, til dømes éin publisert artikkel i anerkjent vitskapleg tidsskrift om klinisk behandlingsstudie med aktuelt legemiddel. Oppgi DOI eller PMID for artikkelen; nettsida til ein produsent er ikkje slik dokumentasjon.",
    hint_en: "The benefit must be documented, e.g. by one article in a recognised scientific journal on a clinical treatment study with the drug. Give the article's DOI or PMID; a manufacturer's web page is no such documentation.",
}

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
pub const OVERALL: Field = Field::free_text("overall_assessment", &L_OVERALL, SOURCE_OVERALL)
    .req(Req::Approval)
    .check(&CHECK_SUBSTANTIAL);

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
        (&BENEFIT_DOCUMENTATION, "/literature"),
        (
            &SPECIAL_INVALID_GROUND,
            "/exceptionality/special_medical_reasons/justification",
        ),
        (
            &SPECIAL_MAIN_GROUP,
            "/exceptionality/special_medical_reasons/justification",
        ),
        (
            &CIRCUMSTANCES_GROUND,
            "/exceptionality/increased_benefit/justification",
        ),
        (
            &CIRCUMSTANCES_GROUND,
            "/exceptionality/higher_severity/justification",
        ),
        (
            &CIRCUMSTANCES_GROUND,
            "/exceptionality/special_medical_reasons/justification",
        ),
        (&CIRCUMSTANCES_GROUND, "/overall_assessment"),
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
                let p = ptr(&["exceptionality", key, "justification"]);
                match get_str(doc, &["exceptionality", key, "justification"])
                    .filter(|s| !s.trim().is_empty())
                {
                    None => d.push(
                        Diagnostic::new(&CRITERION_JUSTIFICATION, p).arg("field", Arg::Text(label)),
                    ),
                    Some(j) => match placeholder(j, &p, label) {
                        Some(x) => d.push(x),
                        None => {
                            d.extend(too_short(j, &p, label));
                            grounds(key, j, &p, label, d);
                        }
                    },
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
        } else if !get(doc, &["literature"])
            .and_then(Value::as_array)
            .is_some_and(|items| {
                items.iter().any(|it| {
                    it.get("url")
                        .and_then(Value::as_str)
                        .is_some_and(is_scholarly_link)
                })
            })
        {
            d.push(Diagnostic::new(
                &BENEFIT_DOCUMENTATION,
                ptr(&["literature"]),
            ));
        }
    }
    if let Some(t) = get_str(doc, &["overall_assessment"]) {
        if mentions(t, CIRCUMSTANCES) {
            d.push(
                Diagnostic::new(&CIRCUMSTANCES_GROUND, ptr(&["overall_assessment"]))
                    .arg("field", Arg::Text(&L_OVERALL)),
            );
        }
    }
}

/// The grounds a claimed criterion's justification gives that the guide says are not valid.
fn grounds(
    key: &str,
    text: &str,
    p: &crate::diagnostic::Pointer,
    label: &'static Texts,
    d: &mut Vec<Diagnostic>,
) {
    if key == "special_medical_reasons" {
        let medical = mentions(text, MEDICAL_REASONS);
        if mentions(text, LACK_OF_EFFECT) && !medical {
            d.push(Diagnostic::new(&SPECIAL_INVALID_GROUND, p.clone()));
        }
        if medical && !mentions(text, GAIN_OVER_MAIN_GROUP) {
            d.push(Diagnostic::new(&SPECIAL_MAIN_GROUP, p.clone()));
        }
    }
    if mentions(text, CIRCUMSTANCES) {
        d.push(Diagnostic::new(&CIRCUMSTANCES_GROUND, p.clone()).arg("field", Arg::Text(label)));
    }
}
