//! "Relevant litteratur": each entry a title and a link (an http(s) address, a DOI or a
//! PMID).
//!
//! Source: nye-metoder-tilgangsordningen.txt, "Fyll ut søknad – Behandlingsansvarlig lege
//! (del 2): Relevant litteratur"; Helse Bergen's forms have the same list
//! (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3 point 6).

use crate::diagnostic::{rule, texts, Diagnostic, DocData, Document, Pointer, Source};
use crate::forms::schema::{Check, Field, Privacy, Req, Ty, Walk, MAX_LIST};
use serde_json::Value;

/// Part 2, "Relevant litteratur".
pub const SOURCE: Source = Document::Tilgangsordningen
    .at("Fyll ut søknad – Behandlingsansvarlig lege (del 2): Relevant litteratur");

rule! {
    /// A literature link that is neither an http(s) URL, a DOI nor a PMID.
    pub static LINK_FORMAT: "literature.link", Error, SOURCE;
    nb: "Lenken til litteraturen er verken en nettadresse (http/https), en DOI eller en PMID.",
    nn: "Lenkja til litteraturen er korkje ei nettadresse (http/https), ein DOI eller ein PMID.",
    en: "The literature link is neither a web address (http/https), a DOI nor a PMID.",
    hint_nb: "Skriv f.eks. https://doi.org/10.1056/NEJMoa2034577, 10.1056/NEJMoa2034577 eller PMID: 33306283.",
    hint_nn: "Skriv t.d. https://doi.org/10.1056/NEJMoa2034577, 10.1056/NEJMoa2034577 eller PMID: 33306283.",
    hint_en: "Write e.g. https://doi.org/10.1056/NEJMoa2034577, 10.1056/NEJMoa2034577 or PMID: 33306283.",
}

texts!(pub L_LITERATURE, "Relevant litteratur", "Relevant litteratur", "Relevant literature");
texts!(pub L_LIT_TITLE, "Tittel", "Tittel", "Title");
texts!(pub L_LIT_URL, "Lenke", "Lenkje", "Link");

/// An http(s) address, a DOI or a PMID.
pub static CHECK_LINK: Check = Check {
    run: check_link,
    rules: DocData::new(&[&LINK_FORMAT]),
};

/// One literature entry: title and link.
pub static ITEM: &[Field] = &[
    Field::new("title", &L_LIT_TITLE, Ty::Text { max: 1_000 }, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Literature),
    Field::new("url", &L_LIT_URL, Ty::Text { max: 2_000 }, SOURCE)
        .req(Req::Approval)
        .privacy(Privacy::Link)
        .check(&CHECK_LINK),
];

/// `/literature`: the list, in part 2 and Helse Bergen's forms.
pub const FIELD: Field = Field::new(
    "literature",
    &L_LITERATURE,
    Ty::List {
        item: ITEM,
        max: MAX_LIST,
    },
    SOURCE,
);

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

fn check_link(_f: &Field, v: &Value, p: &Pointer, _w: &Walk<'_>, d: &mut Vec<Diagnostic>) {
    if let Some(s) = v.as_str().filter(|s| !s.trim().is_empty()) {
        if !is_literature_link(s) {
            d.push(Diagnostic::new(&LINK_FORMAT, p.clone()));
        }
    }
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
