//! Sub-structures shared by the forms (patient, treatment, costs, literature, approvals) and
//! the format checks of single fields.

use super::schema::{Field, Privacy, Req, Ty, Walk, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use crate::diagnostic::{Arg, Diagnostic, Document, Pointer, Rule, Severity, Source, Texts};
use serde_json::Value;

// ---------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------

const fn tilgang(section: &'static str) -> Source {
    Source {
        document: Document::Tilgangsordningen,
        section,
    }
}
const fn hb(section: &'static str) -> Source {
    Source {
        document: Document::HelseBergen1_2_2_5_16,
        section,
    }
}

/// "Fyll ut søknad – Behandlingsansvarlig lege", del 2, "Om søknaden".
pub const S_ABOUT: Source =
    tilgang("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Om søknaden");
/// Del 2, "Om pasienten".
pub const S_PATIENT: Source =
    tilgang("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Om pasienten");
/// Del 2, "Omsøkt behandling".
pub const S_TREATMENT: Source =
    tilgang("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Omsøkt behandling");
/// Del 2, "Kostnader".
pub const S_COSTS: Source =
    tilgang("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Kostnader");
/// Del 2, "Kriterier for klinisk eksepsjonalitet".
pub const S_EXCEPTIONALITY: Source = tilgang("Kriterier for klinisk eksepsjonalitet");
/// Del 2, "Totalvurdering".
pub const S_OVERALL: Source =
    tilgang("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Totalvurdering");
/// Del 2, "Relevant litteratur".
pub const S_LITERATURE: Source =
    tilgang("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Relevant litteratur");
/// "Fyll ut søknad – Fagdirektør": "Forankring og anbefaling".
pub const S_APPROVALS: Source = tilgang("Fyll ut søknad – Fagdirektør: Forankring og anbefaling");
/// Helse Bergen §3.3 (what the application must show).
pub const S_HB_CRITERIA: Source = hb("3.3 Vurderingskriterier");
/// Helse Bergen §3.2, footnote 2 (NPR-ID on all applications for single patients).
pub const S_HB_NPR: Source = hb("3.2 Vurderingsprosessen, fotnote 2");

// ---------------------------------------------------------------------------------------
// Rules for single fields
// ---------------------------------------------------------------------------------------

/// A health trust not in the registry.
pub static TRUST_UNKNOWN: Rule = Rule {
    code: "field.health_trust.unknown",
    severity: Severity::Error,
    source: S_ABOUT,
    message: Texts {
        nb: "«{field}» er ikke et kjent helseforetak.",
        nn: "«{field}» er ikkje eit kjent helseføretak.",
        en: "“{field}” is not a known health trust.",
    },
    hint: Some(Texts {
        nb: "Skriv helseforetakets navn eller kode, f.eks. «Helse Bergen» eller HBE.",
        nn: "Skriv namnet eller koden til helseføretaket, t.d. «Helse Bergen» eller HBE.",
        en: "Write the health trust's name or code, e.g. “Helse Bergen” or HBE.",
    }),
};

/// Birth year not four digits.
pub static BIRTH_YEAR_FORMAT: Rule = Rule {
    code: "field.birth_year.format",
    severity: Severity::Error,
    source: S_PATIENT,
    message: Texts {
        nb: "Fødselsår må være et årstall med fire sifre.",
        nn: "Fødselsår må vere eit årstal med fire siffer.",
        en: "The birth year must be a four-digit year.",
    },
    hint: Some(Texts {
        nb: "Skriv bare året, f.eks. 1974 – aldri hele fødselsdatoen.",
        nn: "Skriv berre året, t.d. 1974 – aldri heile fødselsdatoen.",
        en: "Write the year only, e.g. 1974 — never the full date of birth.",
    }),
};

/// Birth year in the future.
pub static BIRTH_YEAR_FUTURE: Rule = Rule {
    code: "field.birth_year.future",
    severity: Severity::Error,
    source: S_PATIENT,
    message: Texts {
        nb: "Fødselsåret er fram i tid.",
        nn: "Fødselsåret er fram i tid.",
        en: "The birth year is in the future.",
    },
    hint: Some(Texts {
        nb: "Kontroller året (fire sifre, f.eks. 1974).",
        nn: "Kontroller året (fire siffer, t.d. 1974).",
        en: "Check the year (four digits, e.g. 1974).",
    }),
};

/// Birth year implausibly early.
pub static BIRTH_YEAR_IMPLAUSIBLE: Rule = Rule {
    code: "field.birth_year.implausible",
    severity: Severity::Error,
    source: S_PATIENT,
    message: Texts {
        nb: "Fødselsåret gir en alder over {max} år.",
        nn: "Fødselsåret gir ein alder over {max} år.",
        en: "The birth year gives an age above {max} years.",
    },
    hint: Some(Texts {
        nb: "Kontroller året (fire sifre, f.eks. 1974).",
        nn: "Kontroller året (fire siffer, t.d. 1974).",
        en: "Check the year (four digits, e.g. 1974).",
    }),
};

/// Nye metoder ID malformed.
pub static NYE_METODER_ID: Rule = Rule {
    code: "field.nye_metoder_id.format",
    severity: Severity::Error,
    source: S_TREATMENT,
    message: Texts {
        nb: "ID-nummeret i Nye metoder har ikke formen ID{year}_XXX.",
        nn: "ID-nummeret i Nye metoder har ikkje forma ID{year}_XXX.",
        en: "The Nye metoder ID is not of the form ID{year}_XXX.",
    },
    hint: Some(Texts {
        nb: "Skriv «ID», årstallet (fire sifre), understrek og tre sifre, f.eks. ID2023_013. ID-en finnes på nyemetoder.no.",
        nn: "Skriv «ID», årstalet (fire siffer), understrek og tre siffer, t.d. ID2023_013. ID-en finst på nyemetoder.no.",
        en: "Write “ID”, the year (four digits), an underscore and three digits, e.g. ID2023_013. The ID is on nyemetoder.no.",
    }),
};

/// NPR-ID malformed.
pub static NPR_FORMAT: Rule = Rule {
    code: "field.npr_id.format",
    severity: Severity::Error,
    source: S_HB_NPR,
    message: Texts {
        nb: "NPR-ID-en har ugyldig form.",
        nn: "NPR-ID-en har ugyldig form.",
        en: "The NPR-ID is malformed.",
    },
    hint: Some(Texts {
        nb: "NPR-ID består av bokstaver, sifre og bindestrek (høyst 36 tegn). Kopier den fra pasientadministrativt system.",
        nn: "NPR-ID består av bokstavar, siffer og bindestrek (høgst 36 teikn). Kopier han frå pasientadministrativt system.",
        en: "An NPR-ID consists of letters, digits and hyphens (at most 36 characters). Copy it from the patient administrative system.",
    }),
};

/// NPR-ID field holds a national identity number.
pub static NPR_IS_FNR: Rule = Rule {
    code: "field.npr_id.is_national_id",
    severity: Severity::Error,
    source: S_HB_NPR,
    message: Texts {
        nb: "Feltet for NPR-ID inneholder et fødselsnummer eller D-nummer.",
        nn: "Feltet for NPR-ID inneheld eit fødselsnummer eller D-nummer.",
        en: "The NPR-ID field holds a national identity number.",
    },
    hint: Some(Texts {
        nb: "Fjern fødselsnummeret og skriv pasientens NPR-ID. Fødselsnummer hører bare hjemme i del 1.",
        nn: "Fjern fødselsnummeret og skriv NPR-ID-en til pasienten. Fødselsnummer høyrer berre heime i del 1.",
        en: "Remove the national identity number and enter the patient's NPR-ID. National identity numbers belong in part 1 only.",
    }),
};

/// A literature link that is neither an http(s) URL, a DOI nor a PMID.
pub static LINK_FORMAT: Rule = Rule {
    code: "field.literature.link",
    severity: Severity::Error,
    source: S_LITERATURE,
    message: Texts {
        nb: "Lenken til litteraturen er verken en nettadresse (http/https), en DOI eller en PMID.",
        nn: "Lenkja til litteraturen er korkje ei nettadresse (http/https), ein DOI eller ein PMID.",
        en: "The literature link is neither a web address (http/https), a DOI nor a PMID.",
    },
    hint: Some(Texts {
        nb: "Skriv f.eks. https://doi.org/10.1056/NEJMoa2034577, 10.1056/NEJMoa2034577 eller PMID: 33306283.",
        nn: "Skriv t.d. https://doi.org/10.1056/NEJMoa2034577, 10.1056/NEJMoa2034577 eller PMID: 33306283.",
        en: "Write e.g. https://doi.org/10.1056/NEJMoa2034577, 10.1056/NEJMoa2034577 or PMID: 33306283.",
    }),
};

/// Rules of this module.
pub static RULES: &[&Rule] = &[
    &TRUST_UNKNOWN,
    &BIRTH_YEAR_FORMAT,
    &BIRTH_YEAR_FUTURE,
    &BIRTH_YEAR_IMPLAUSIBLE,
    &NYE_METODER_ID,
    &NPR_FORMAT,
    &NPR_IS_FNR,
    &LINK_FORMAT,
];

/// Oldest age accepted for a birth year.
pub const MAX_AGE: i32 = 120;

// ---------------------------------------------------------------------------------------
// Format checks
// ---------------------------------------------------------------------------------------

fn label_of(path: &Pointer) -> &'static Texts {
    // Only used for messages: the last member name decides the label.
    match path.as_str().rsplit('/').next() {
        Some("catchment_area") => &L_CATCHMENT,
        _ => &L_HEALTH_TRUST,
    }
}

/// The value names a health trust in the registry.
pub fn check_trust(v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if w.ctx.registry.lookup(s).is_none() {
            d.push(Diagnostic::new(&TRUST_UNKNOWN, p.clone()).arg("field", Arg::Text(label_of(p))));
        }
    }
}

/// Parses a birth year given as a number or a string of digits.
pub fn birth_year_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

/// Four digits, not in the future, not more than [`MAX_AGE`] years ago.
/// Source: nye-metoder-tilgangsordningen.txt, "Om pasienten": "Fødselsår fire siffer,
/// eksempelvis 1974".
pub fn check_birth_year(v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
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

/// `ID` + year 2013..this year + `_` + three digits.
pub fn check_nye_metoder_id(v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    use chrono::Datelike;
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if crate::ident::nye_metoder_id::validate(s, w.ctx.today.year()).is_err() {
            d.push(Diagnostic::new(&NYE_METODER_ID, p.clone()).arg("year", Arg::Static("ÅÅÅÅ")));
        }
    }
}

/// An NPR-ID: opaque, but never a national identity number.
pub fn check_npr(v: &Value, p: &Pointer, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if crate::ident::fnr::is_valid(s) {
            d.push(Diagnostic::new(&NPR_IS_FNR, p.clone()));
        } else if crate::ident::npr::validate(s).is_err() {
            d.push(Diagnostic::new(&NPR_FORMAT, p.clone()));
        }
    }
}

/// An http(s) URL, a DOI (`10.x/…`, `doi:10.x/…`) or a PMID (`PMID: 12345678`).
pub fn is_literature_link(s: &str) -> bool {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        // `lower` starts with "http://" or "https://": after the first ':' come two slashes.
        let rest = t.split_once(':').and_then(|x| x.1.get(2..)).unwrap_or("");
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        return host.as_bytes().contains(&b'.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'))
            && !t.chars().any(char::is_whitespace);
    }
    let doi = lower.strip_prefix("doi:").map(str::trim).unwrap_or(&lower);
    if let Some(rest) = doi.strip_prefix("10.") {
        if let Some((registrant, suffix)) = rest.split_once('/') {
            return registrant.len() >= 4
                && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && !suffix.is_empty()
                && !suffix.chars().any(char::is_whitespace);
        }
        return false;
    }
    let pmid = lower
        .strip_prefix("pmid")
        .map(|r| r.trim_start_matches([':', ' ']))
        .unwrap_or("");
    !pmid.is_empty() && pmid.len() <= 9 && pmid.bytes().all(|b| b.is_ascii_digit())
}

/// Literature link format.
pub fn check_link(v: &Value, p: &Pointer, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if !is_literature_link(s) {
            d.push(Diagnostic::new(&LINK_FORMAT, p.clone()));
        }
    }
}

/// The reference number.
pub fn check_reference(v: &Value, p: &Pointer, w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        d.extend(crate::reference::check_at(s, p, w.ctx).diagnostics);
    }
}

// ---------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------

macro_rules! label {
    ($name:ident, $nb:literal, $nn:literal, $en:literal) => {
        #[doc = $nb]
        pub static $name: Texts = Texts {
            nb: $nb,
            nn: $nn,
            en: $en,
        };
    };
}

label!(
    L_REFERENCE,
    "Referansenummer",
    "Referansenummer",
    "Reference number"
);
label!(
    L_APPLICATION,
    "Om søknaden",
    "Om søknaden",
    "About the application"
);
label!(
    L_HEALTH_TRUST,
    "Helseforetak søknaden sendes fra",
    "Helseføretak søknaden blir send frå",
    "Sending health trust"
);
label!(
    L_APPLICANT,
    "Søkers navn (behandlingsansvarlig lege)",
    "Namnet til søkjaren (behandlingsansvarleg lege)",
    "Applicant's name (treating physician)"
);
label!(
    L_CONSENT,
    "Pasienten har gitt samtykke",
    "Pasienten har gitt samtykke",
    "The patient has consented"
);
label!(
    L_PATIENT,
    "Om pasienten",
    "Om pasienten",
    "About the patient"
);
label!(L_SEX, "Juridisk kjønn", "Juridisk kjønn", "Legal sex");
label!(L_BIRTH_YEAR, "Fødselsår", "Fødselsår", "Birth year");
label!(
    L_CATCHMENT,
    "Opptaksområde",
    "Opptaksområde",
    "Catchment area"
);
label!(
    L_DIAGNOSIS,
    "Diagnose det søkes behandling for",
    "Diagnose det blir søkt behandling for",
    "Diagnosis applied for"
);
label!(
    L_HISTORY,
    "Oppsummering av sykehistorikk",
    "Oppsummering av sjukehistorikk",
    "Summary of medical history"
);
label!(
    L_FUNCTION,
    "Nåværende funksjons-/mestringsnivå",
    "Noverande funksjons-/meistringsnivå",
    "Current level of function/coping"
);
label!(L_NPR, "NPR-ID", "NPR-ID", "NPR-ID");
label!(
    L_TREATMENT,
    "Omsøkt behandling",
    "Omsøkt behandling",
    "Treatment applied for"
);
label!(
    L_DRUG,
    "Legemiddel (som i Felleskatalogen)",
    "Legemiddel (som i Felleskatalogen)",
    "Drug (as in Felleskatalogen)"
);
label!(
    L_NM_ID,
    "ID-nummer i Nye metoder",
    "ID-nummer i Nye metoder",
    "Nye metoder ID"
);
label!(
    L_DOSAGE,
    "Forventet dosering",
    "Forventa dosering",
    "Expected dosage"
);
label!(
    L_DURATION,
    "Forventet behandlingsvarighet",
    "Forventa behandlingsvarigheit",
    "Expected duration"
);
label!(L_GOAL, "Behandlingsmål", "Behandlingsmål", "Treatment goal");
label!(
    L_GOAL_OTHER,
    "Annet behandlingsmål",
    "Anna behandlingsmål",
    "Other treatment goal"
);
label!(
    L_EVALUATION,
    "Plan for evaluering av effekt",
    "Plan for evaluering av effekt",
    "Plan for evaluating effect"
);
label!(L_STOP, "Stoppkriterier", "Stoppkriterium", "Stop criteria");
label!(L_COSTS, "Kostnader", "Kostnader", "Costs");
label!(
    L_DRUG_COST,
    "Legemiddelkostnad per måned",
    "Legemiddelkostnad per månad",
    "Drug cost per month"
);
label!(L_PRICE_BASIS, "Prisgrunnlag", "Prisgrunnlag", "Price basis");
label!(
    L_OTHER_COST,
    "Andre kostnader per måned",
    "Andre kostnader per månad",
    "Other costs per month"
);
label!(
    L_EXTRA,
    "Ekstra ressurser eller innsparinger",
    "Ekstra ressursar eller innsparingar",
    "Extra resources or savings"
);
label!(
    L_EXTRA_AMOUNT,
    "Beløp per måned (negativt ved innsparing)",
    "Beløp per månad (negativt ved innsparing)",
    "Amount per month (negative for savings)"
);
label!(
    L_EXTRA_DESC,
    "Beskrivelse av ekstra ressurser eller innsparinger",
    "Skildring av ekstra ressursar eller innsparingar",
    "Description of extra resources or savings"
);
label!(
    L_EXCEPTIONALITY,
    "Kriterier for klinisk eksepsjonalitet",
    "Kriterium for klinisk eksepsjonalitet",
    "Criteria for clinical exceptionality"
);
label!(L_BENEFIT, "Økt nytte", "Auka nytte", "Increased benefit");
label!(
    L_SEVERITY,
    "Høyere alvorlighet",
    "Høgare alvor",
    "Higher severity"
);
label!(
    L_SPECIAL,
    "Særskilte medisinske årsaker",
    "Særskilde medisinske årsaker",
    "Special medical reasons"
);
label!(
    L_CLAIMED,
    "Kriteriet er oppfylt (avkrysning)",
    "Kriteriet er oppfylt (avkryssing)",
    "Criterion met (checkbox)"
);
label!(
    L_JUSTIFICATION,
    "Begrunnelse",
    "Grunngiving",
    "Justification"
);
label!(
    L_OVERALL,
    "Totalvurdering",
    "Totalvurdering",
    "Overall assessment"
);
label!(
    L_LITERATURE,
    "Relevant litteratur",
    "Relevant litteratur",
    "Relevant literature"
);
label!(L_LIT_TITLE, "Tittel", "Tittel", "Title");
label!(L_LIT_URL, "Lenke", "Lenkje", "Link");
label!(
    L_APPROVALS,
    "Forankring og anbefaling",
    "Forankring og tilråding",
    "Approvals"
);
label!(L_LINE_MANAGER, "Linjeleder", "Linjeleiar", "Line manager");
label!(L_DIRECTOR, "Fagdirektør", "Fagdirektør", "Medical director");
label!(L_APPROVER_NAME, "Navn", "Namn", "Name");
label!(L_APPROVED, "Godkjent", "Godkjend", "Approved");
label!(
    L_FORM_COMPLETE,
    "Skjemaet er ferdig utfylt",
    "Skjemaet er ferdig utfylt",
    "The form is completely filled in"
);

// ---------------------------------------------------------------------------------------
// Shared sub-structures
// ---------------------------------------------------------------------------------------

const fn text(key: &'static str, label: &'static Texts, source: Source) -> Field {
    Field::new(key, label, Ty::Text { max: SHORT_TEXT }, source)
}
const fn long(key: &'static str, label: &'static Texts, source: Source) -> Field {
    Field::new(key, label, Ty::Text { max: LONG_TEXT }, source).privacy(Privacy::FreeText)
}

/// Treatment goals (nye-metoder-tilgangsordningen.txt, "Omsøkt behandling": "Behandlingsmål
/// som kurativ, livsforlengende, symptomreduserende osv.").
pub const GOALS: &[&str] = &["curative", "life_prolonging", "symptom_relief", "other"];

/// The treatment fields, shared by part 2 and the Helse Bergen kinds: `$src` is the source
/// cited, `$nm` when the Nye metoder ID is required, `$extra` fields after the drug.
macro_rules! treatment_fields {
    ($src:expr, $nm:expr, [$($extra:expr),* $(,)?]) => {
        &[
            $crate::forms::fields::short("drug", &L_DRUG, $src)
                .req(Req::Approval)
                .privacy(Privacy::Structured),
            $($extra,)*
            $crate::forms::fields::short("nye_metoder_id", &L_NM_ID, $src)
                .req($nm)
                .privacy(Privacy::Structured)
                .check(check_nye_metoder_id),
            $crate::forms::fields::free("dosage", &L_DOSAGE, $src).req(Req::Approval),
            $crate::forms::fields::short("duration", &L_DURATION, $src)
                .req(Req::Approval)
                .privacy(Privacy::FreeText),
            Field::new(
                "goal",
                &L_GOAL,
                Ty::Enum {
                    values: GOALS,
                    shown: "curative, life_prolonging, symptom_relief, other",
                },
                $src,
            )
            .req(Req::Approval),
            $crate::forms::fields::free("goal_other", &L_GOAL_OTHER, $src),
            $crate::forms::fields::free("evaluation_plan", &L_EVALUATION, $src).req(Req::Approval),
            $crate::forms::fields::free("stop_criteria", &L_STOP, $src).req(Req::Approval),
        ]
    };
}
pub(crate) use treatment_fields;

/// "Omsøkt behandling" (del 2), also used by the Helse Bergen exception kinds.
pub static TREATMENT: &[Field] = treatment_fields!(S_TREATMENT, Req::Approval, []);

/// "Kostnader".
pub static EXTRA: &[Field] = &[
    Field::new("amount_per_month", &L_EXTRA_AMOUNT, Ty::Amount, S_COSTS)
        .privacy(Privacy::Structured),
    long("description", &L_EXTRA_DESC, S_COSTS),
];

/// "Kostnader" (del 2), also used by the Helse Bergen kinds.
pub static COSTS: &[Field] = &[
    Field::new("drug_per_month", &L_DRUG_COST, Ty::Amount, S_COSTS)
        .req(Req::Approval)
        .privacy(Privacy::Structured),
    Field::new(
        "price_basis",
        &L_PRICE_BASIS,
        Ty::Enum {
            values: &["agreement", "maximum"],
            shown: "agreement (avtalepris), maximum (maksimalpris)",
        },
        S_COSTS,
    )
    .req(Req::Approval),
    Field::new("other_per_month", &L_OTHER_COST, Ty::Amount, S_COSTS)
        .req(Req::Approval)
        .privacy(Privacy::Structured),
    Field::new("extra_resources", &L_EXTRA, Ty::Object(EXTRA), S_COSTS),
];

/// One criterion: a checkbox and a justification.
pub static CRITERION: &[Field] = &[
    Field::new("claimed", &L_CLAIMED, Ty::Bool, S_EXCEPTIONALITY).req(Req::Approval),
    long("justification", &L_JUSTIFICATION, S_EXCEPTIONALITY),
];

/// The three criteria for clinical exceptionality.
pub static EXCEPTIONALITY: &[Field] = &[
    Field::new(
        "increased_benefit",
        &L_BENEFIT,
        Ty::Object(CRITERION),
        S_EXCEPTIONALITY,
    )
    .req(Req::Approval),
    Field::new(
        "higher_severity",
        &L_SEVERITY,
        Ty::Object(CRITERION),
        S_EXCEPTIONALITY,
    )
    .req(Req::Approval),
    Field::new(
        "special_medical_reasons",
        &L_SPECIAL,
        Ty::Object(CRITERION),
        S_EXCEPTIONALITY,
    )
    .req(Req::Approval),
];

/// One literature entry: title and link.
pub static LITERATURE_ITEM: &[Field] = &[
    Field::new("title", &L_LIT_TITLE, Ty::Text { max: 1_000 }, S_LITERATURE)
        .req(Req::Approval)
        .privacy(Privacy::Literature),
    Field::new("url", &L_LIT_URL, Ty::Text { max: 2_000 }, S_LITERATURE)
        .req(Req::Approval)
        .privacy(Privacy::Literature)
        .check(check_link),
];

/// The literature list.
pub const LITERATURE: Field = Field::new(
    "literature",
    &L_LITERATURE,
    Ty::List {
        item: LITERATURE_ITEM,
        max: MAX_LIST,
    },
    S_LITERATURE,
);

/// Line manager's approval.
pub static LINE_MANAGER: &[Field] = &[
    text("name", &L_APPROVER_NAME, S_APPROVALS)
        .req(Req::Submission)
        .privacy(Privacy::AllowedName),
    long("justification", &L_JUSTIFICATION, S_APPROVALS).req(Req::Submission),
    Field::new("approved", &L_APPROVED, Ty::Bool, S_APPROVALS).req(Req::Submission),
];

/// Medical director's approval and confirmation that the form is complete.
pub static MEDICAL_DIRECTOR: &[Field] = &[
    text("name", &L_APPROVER_NAME, S_APPROVALS)
        .req(Req::Submission)
        .privacy(Privacy::AllowedName),
    long("justification", &L_JUSTIFICATION, S_APPROVALS).req(Req::Submission),
    Field::new("approved", &L_APPROVED, Ty::Bool, S_APPROVALS).req(Req::Submission),
    Field::new("form_complete", &L_FORM_COMPLETE, Ty::Bool, S_APPROVALS).req(Req::Submission),
];

/// Both approvals.
pub static APPROVALS: &[Field] = &[
    Field::new(
        "line_manager",
        &L_LINE_MANAGER,
        Ty::Object(LINE_MANAGER),
        S_APPROVALS,
    )
    .req(Req::Submission),
    Field::new(
        "medical_director",
        &L_DIRECTOR,
        Ty::Object(MEDICAL_DIRECTOR),
        S_APPROVALS,
    )
    .req(Req::Submission),
];

/// Short text field (builder for the form modules).
pub const fn short(key: &'static str, label: &'static Texts, source: Source) -> Field {
    text(key, label, source)
}
/// Free-text field (builder for the form modules).
pub const fn free(key: &'static str, label: &'static Texts, source: Source) -> Field {
    long(key, label, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literature_links() {
        for ok in [
            "https://doi.org/10.1056/NEJMoa2034577",
            "http://www.nejm.org/doi/full/10.1056/NEJMoa2034577",
            "10.1056/NEJMoa2034577",
            "doi:10.1016/S0140-6736(20)30183-5",
            "DOI: 10.1200/JCO.2019.37.15",
            "PMID: 33306283",
            "pmid 33306283",
            "https://pubmed.ncbi.nlm.nih.gov/33306283/",
        ] {
            assert!(is_literature_link(ok), "{ok}");
        }
        for bad in [
            "",
            "www.nejm.org",
            "ftp://x.org/a",
            "javascript:alert(1)",
            "https://",
            "https://localhost",
            "https:///nejm.org",
            "https://exa mple.org",
            "10.12/abc",
            "10.1056",
            "PMID:",
            "PMID: 12a",
            "NEJM 2020",
        ] {
            assert!(!is_literature_link(bad), "{bad}");
        }
    }
}
