//! The return notice: for the coordinator who checks that an application is sufficiently
//! informed («Kontroller søknad – Koordinator») and sends an insufficient one back to the
//! health trust «for supplerende opplysninger». Per application: what is missing or
//! insufficient, in the form's words (its headings and labels) and order, each with its
//! rule's message, how to fix it and its source — and identifiers found, by kind and field.
//!
//! Never a value from the application: the notice is made of the form's labels and the
//! rules' messages only (diagnostics carry no values), list entries are named by their
//! number, and a member the form does not know is «ukjent felt», never its name.
//!
//! The application is a form document, or a sealed package (whose seal is checked first, as
//! for the printable application).

use super::Options;
use crate::diagnostic::{render_all, texts, Diagnostic, Document, Lang, Rendered, Severity};
use crate::diagnostic::{Source, Texts};
use crate::forms::schema::{Field, Ty};
use crate::forms::{self, FormKind, Stage};
use crate::privacy::{self, Identity};
use crate::submission::seal::{canonical_json, sha256_hex};
use crate::submission::verify;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write;

/// Where the return comes from: the coordinator's check of part 2.
const SRC_TILGANG: Source =
    Document::Tilgangsordningen.at("Kontroller søknad – Koordinator, punkt 3");
/// Helse Bergen: «Søknader som mangler tilstrekkelig informasjon … sendt tilbake til søker».
const SRC_HB: Source = Document::HelseBergen1_2_2_5_16.at("3.3 Vurderingskriterier");

/// One point of the notice.
#[derive(Clone, Debug, Serialize)]
pub struct NoticeItem {
    /// JSON Pointer of the field (`""`: the application as a whole).
    pub path: String,
    /// The field in the form's words: its section, groups and label (`Om pasienten › Juridisk
    /// kjønn`; a list entry by its number).
    pub field: String,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub source: Source,
}

/// The points under one heading of the form (a section), in the form's order.
#[derive(Clone, Debug, Serialize)]
pub struct NoticeSection {
    pub heading: String,
    pub items: Vec<NoticeItem>,
}

/// The return notice of one application.
#[derive(Clone, Debug, Serialize)]
pub struct ReturnNotice {
    /// The form kind, when known.
    pub form: Option<&'static str>,
    pub stage: Stage,
    /// True when the application goes back (an error, or an identifier found).
    #[serde(rename = "return")]
    pub must_return: bool,
    /// SHA-256 of the application's canonical JSON (for a sealed package: its seal's digest),
    /// to tell which application the notice is about without quoting it.
    pub sha256: Option<String>,
    /// What is missing or insufficient (errors), by section.
    pub missing: Vec<NoticeSection>,
    /// What should be looked at too (warnings), by section.
    pub remarks: Vec<NoticeSection>,
    /// The notice as text in the options' language.
    pub text: String,
}

texts!(
    T_TITLE,
    "Retur for supplerende opplysninger",
    "Retur for supplerande opplysningar",
    "Returned for additional information"
);
texts!(
    T_CHECKED,
    "Kontroll av søknad",
    "Kontroll av søknad",
    "Check of the application"
);
texts!(T_FORM, "Søknad", "Søknad", "Application");
texts!(
    T_DIGEST,
    "Kontrollsum (SHA-256)",
    "Kontrollsum (SHA-256)",
    "Digest (SHA-256)"
);
texts!(
    T_UNKNOWN_FORM,
    "ukjent skjema",
    "ukjent skjema",
    "unknown form"
);
texts!(
    T_RETURN,
    "Søknaden er ikke tilstrekkelig opplyst og sendes tilbake til helseforetaket for supplerende opplysninger",
    "Søknaden er ikkje tilstrekkeleg opplyst og blir send tilbake til helseføretaket for supplerande opplysningar",
    "The application is not sufficiently informed and is returned to the health trust for additional information"
);
texts!(
    T_NO_RETURN,
    "Søknaden er opplyst slik skjemaet krever. Ingen retur.",
    "Søknaden er opplyst slik skjemaet krev. Inga retur.",
    "The application is informed as the form requires. No return."
);
texts!(
    T_MISSING,
    "Dette mangler eller må rettes",
    "Dette manglar eller må rettast",
    "Missing or to be corrected"
);
texts!(
    T_REMARKS,
    "Bør også vurderes",
    "Bør òg vurderast",
    "Should also be considered"
);
texts!(
    T_HOW,
    "Slik rettes det",
    "Slik blir det retta",
    "How to correct it"
);
texts!(T_SOURCE, "Kilde", "Kjelde", "Source");
texts!(
    T_WHOLE,
    "Søknaden som helhet",
    "Søknaden som heilskap",
    "The application as a whole"
);
texts!(
    T_UNKNOWN_FIELD,
    "ukjent felt",
    "ukjent felt",
    "unknown field"
);
texts!(T_ENTRY, "nr.", "nr.", "no.");
texts!(T_SEE, "jf.", "jf.", "see");

/// The return notice of a parsed application (a form document or a sealed package), checked
/// at the options' stage (default `submission`) and scanned for identifiers.
pub fn return_notice(input: &Value, opts: &Options, mut pre: Vec<Diagnostic>) -> ReturnNotice {
    let ctx = opts.context();
    let sealed = input.get("canonical").is_some() || input.get("sealed").is_some();
    let (doc, sha256) = if sealed {
        match verify::verify(input, &ctx) {
            Ok(v) => (Some(v.doc), Some(v.sha256)),
            Err(d) => {
                pre.extend(d);
                (None, None)
            }
        }
    } else {
        let digest = sha256_hex(canonical_json(input).as_bytes());
        (Some(input.clone()), Some(digest))
    };
    let mut diags = render_all(&pre, opts.lang);
    let mut kind = None;
    if let Some(doc) = &doc {
        let v = super::validate(doc, opts, Vec::new());
        diags.extend(v.diagnostics);
        kind = forms::kind_of(doc);
        if let Some(k) = kind {
            let found = privacy::scan_document(doc, k, &Identity::none());
            diags.extend(render_all(&privacy::diagnostics(&found), opts.lang));
        }
    }
    notice(kind, sha256, diags, opts)
}

/// The return notice of an application given as JSON text (the command line's files).
pub fn return_notice_text(text: &str, opts: &Options) -> ReturnNotice {
    match crate::input::parse_json(text) {
        Ok(v) => return_notice(&v, opts, Vec::new()),
        Err(d) => notice(None, None, render_all(&[d], opts.lang), opts),
    }
}

/// A JSON Pointer segment unescaped (`~1` → `/`, `~0` → `~`; RFC 6901 §4).
fn unescape(seg: &str) -> String {
    let mut out = String::with_capacity(seg.len());
    let mut chars = seg.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('1') => out.push('/'),
                Some('0') => out.push('~'),
                Some(other) => {
                    out.push('~');
                    out.push(other);
                }
                None => out.push('~'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The field a path names, in the form's words, and its place in the form's order.
fn locate(kind: Option<FormKind>, path: &str, lang: Lang) -> (Vec<String>, Vec<usize>) {
    let mut words = Vec::new();
    let mut order = Vec::new();
    let Some(kind) = kind else {
        return (words, order);
    };
    let mut fields: &'static [Field] = kind.fields();
    let mut list_item: Option<&'static [Field]> = None;
    for seg in path.split('/').skip(1) {
        if let Some(item) = list_item.take() {
            match seg.parse::<usize>() {
                Ok(i) => {
                    words.push([T_ENTRY.get(lang), " ", &(i + 1).to_string()].concat());
                    order.push(i);
                    fields = item;
                    continue;
                }
                Err(_) => {
                    words.push(T_UNKNOWN_FIELD.get(lang).to_string());
                    order.push(usize::MAX);
                    break;
                }
            }
        }
        let unescaped = unescape(seg);
        match fields.iter().position(|f| f.key == unescaped) {
            Some(i) => {
                let f = fields.get(i);
                order.push(i);
                if let Some(f) = f {
                    words.push(f.label.get(lang).to_string());
                    match f.ty {
                        Ty::Object(sub) => fields = sub,
                        Ty::List { item, .. } => list_item = Some(item),
                        _ => fields = &[],
                    }
                }
            }
            None => {
                words.push(T_UNKNOWN_FIELD.get(lang).to_string());
                order.push(usize::MAX);
                break;
            }
        }
    }
    (words, order)
}

fn sections(kind: Option<FormKind>, diags: &[&Rendered], lang: Lang) -> Vec<NoticeSection> {
    let mut placed: Vec<(Vec<usize>, usize, String, NoticeItem)> = diags
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let (words, order) = locate(kind, d.path.as_str(), lang);
            let heading = words
                .first()
                .cloned()
                .unwrap_or_else(|| T_WHOLE.get(lang).to_string());
            let field = if words.is_empty() {
                T_WHOLE.get(lang).to_string()
            } else {
                words.join(" › ")
            };
            let item = NoticeItem {
                path: d.path.as_str().to_string(),
                field,
                code: d.code,
                severity: d.severity,
                message: d.message.clone(),
                hint: d.hint.clone(),
                source: d.source,
            };
            (order, n, heading, item)
        })
        .collect();
    // The form's order (the whole application first); as reported within one field.
    crate::sort::sort_by(&mut placed, |a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut out: Vec<NoticeSection> = Vec::new();
    for (_, _, heading, item) in placed {
        match out.last_mut() {
            Some(s) if s.heading == heading => s.items.push(item),
            _ => out.push(NoticeSection {
                heading,
                items: vec![item],
            }),
        }
    }
    out
}

fn notice(
    kind: Option<FormKind>,
    sha256: Option<String>,
    diags: Vec<Rendered>,
    opts: &Options,
) -> ReturnNotice {
    let lang = opts.lang;
    let errors: Vec<&Rendered> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let warnings: Vec<&Rendered> = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    let missing = sections(kind, &errors, lang);
    let remarks = sections(kind, &warnings, lang);
    let must_return = !errors.is_empty();
    let mut t = String::new();
    let title = if must_return {
        T_TITLE.get(lang)
    } else {
        T_CHECKED.get(lang)
    };
    let _ = writeln!(t, "{title}\n{}\n", "=".repeat(title.chars().count()));
    let form_name = kind.map_or(T_UNKNOWN_FORM.get(lang), |k| k.title().get(lang));
    let _ = writeln!(t, "{}: {form_name}", T_FORM.get(lang));
    if let Some(s) = &sha256 {
        let _ = writeln!(t, "{}: {s}", T_DIGEST.get(lang));
    }
    t.push('\n');
    if must_return {
        let src = match kind {
            Some(FormKind::TilgangDel1 | FormKind::TilgangDel2) | None => SRC_TILGANG,
            Some(_) => SRC_HB,
        };
        let _ = writeln!(t, "{} ({} {src}).\n", T_RETURN.get(lang), T_SEE.get(lang));
    } else {
        let _ = writeln!(t, "{}\n", T_NO_RETURN.get(lang));
    }
    write_sections(&mut t, &T_MISSING, &missing, errors.len(), lang);
    write_sections(&mut t, &T_REMARKS, &remarks, warnings.len(), lang);
    ReturnNotice {
        form: kind.map(FormKind::as_str),
        stage: opts.stage,
        must_return,
        sha256,
        missing,
        remarks,
        text: t,
    }
}

fn write_sections(t: &mut String, title: &Texts, sections: &[NoticeSection], n: usize, lang: Lang) {
    if sections.is_empty() {
        return;
    }
    let _ = writeln!(t, "{} ({n}):\n", title.get(lang));
    let mut i = 0;
    for s in sections {
        let _ = writeln!(t, "{}", s.heading);
        for item in &s.items {
            i += 1;
            // Under its section's heading, a field is named from there on.
            let field = item
                .field
                .strip_prefix(s.heading.as_str())
                .and_then(|f| f.strip_prefix(" › "))
                .unwrap_or(&item.field);
            let _ = writeln!(t, "  {i}. {field}: {}", item.message);
            if let Some(h) = &item.hint {
                let _ = writeln!(t, "     {}: {h}", T_HOW.get(lang));
            }
            let _ = writeln!(t, "     {}: {}", T_SOURCE.get(lang), item.source);
        }
        t.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use serde_json::json;

    fn opts(v: Value) -> Options {
        Options::from_json(&v, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).0
    }

    fn example() -> Value {
        serde_json::from_str(include_str!("../../tests/data/tilgang-del2-valid.json")).unwrap()
    }

    #[test]
    fn a_complete_application_is_not_returned() {
        let n = return_notice(&example(), &opts(json!({})), vec![]);
        assert!(!n.must_return && n.missing.is_empty(), "{}", n.text);
        assert!(n.text.contains("Ingen retur."));
    }

    #[test]
    fn what_is_missing_is_listed_in_the_forms_words_and_order() {
        let mut d = example();
        d["patient"].as_object_mut().unwrap().remove("legal_sex");
        d["approvals"]
            .as_object_mut()
            .unwrap()
            .remove("medical_director");
        d["literature"][0]["url"] = json!("ikke en lenke");
        d["costs"]["drug_per_month"] = json!("1.234");
        let n = return_notice(&d, &opts(json!({})), vec![]);
        assert!(n.must_return);
        let headings: Vec<&str> = n.missing.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Om pasienten",
                "Kostnader",
                "Relevant litteratur",
                "Forankring og anbefaling"
            ]
        );
        assert_eq!(n.missing[0].items[0].field, "Om pasienten › Juridisk kjønn");
        assert_eq!(
            n.missing[2].items[0].field,
            "Relevant litteratur › nr. 1 › Lenke"
        );
        assert!(n.text.contains("Kontroller søknad – Koordinator"));
        assert!(n.text.contains("Kilde: nye-metoder-tilgangsordningen.txt"));
        let pos = |s: &str| n.text.find(s).unwrap();
        assert!(
            pos("Juridisk kjønn") < pos("Legemiddelkostnad") && pos("Lenke") < pos("Fagdirektør")
        );
    }

    #[test]
    fn never_a_value_from_the_application() {
        let mut d = example();
        d["patient"]["medical_history"] =
            json!("Kari Nordmann, fnr 14037410021, tlf 912 34 567, kari@example.no.");
        d["patient"]["Kari Nordmann 14037410021"] = json!("x");
        d["literature"][0]["url"] = json!("14037410021");
        d["reference"] = json!("2099-14-03-HBE-Kari");
        let n = return_notice(&d, &opts(json!({})), vec![]);
        assert!(n.must_return);
        let all = serde_json::to_string(&n).unwrap();
        for v in [
            "Kari",
            "Nordmann",
            "14037410021",
            "912 34 567",
            "kari@example",
            "2099-14-03",
        ] {
            assert!(!all.contains(v), "{v} in the notice");
        }
        assert!(n.text.contains("ukjent felt"));
        assert!(n.text.contains("fødselsnummer") || n.text.contains("Fødselsnummer"));
    }

    #[test]
    fn a_sealed_package_is_checked_first() {
        let c = canonical_json(&example());
        let p = json!({"form": "tilgang-del2", "canonical": c, "sha256": sha256_hex(c.as_bytes())});
        let n = return_notice(&p, &opts(json!({})), vec![]);
        assert!(!n.must_return && n.sha256.as_deref() == Some(sha256_hex(c.as_bytes()).as_str()));
        let mut broken = p.clone();
        broken["sha256"] = json!("0".repeat(64));
        let n = return_notice(&broken, &opts(json!({})), vec![]);
        assert!(n.must_return && n.missing[0].items[0].code == "verify.digest");
        let bad = return_notice_text("{ not json", &opts(json!({"lang": "en"})));
        assert!(bad.must_return && bad.text.contains("Returned for additional information"));
    }
}
