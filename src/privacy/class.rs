//! What each privacy class runs and allows ([`Privacy`]): which detectors and which names
//! ([`detectors_for`]), which name hits a clinician's field or a code lets pass
//! ([`keep_names`]), a clinician's field that holds more than one clinician
//! ([`more_than_one_clinician`]), and a link read in parts ([`link_parts`]). The scan
//! (`scan`) runs them.

use super::detect::{self, Detectors};
use super::{Basis, FindingKind};
use crate::forms::schema::Privacy;

/// Which names a privacy class reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Names {
    /// Every name: the patient's, after a cue word, from the lists.
    All,
    /// A clinician's name field: the first name the lists or a title know is allowed;
    /// the patient's, one after any other cue word, and every further name are reported.
    OneClinician,
    /// The patient's own name only (from part 1).
    PatientOnly,
}

/// Which detectors and which names a privacy class runs. Every class runs the national-ID,
/// contact and part-1 checks.
pub(super) fn detectors_for(p: Privacy) -> (Detectors, Names) {
    let all = Detectors {
        all: true,
        literature_only: false,
    };
    let literature = Detectors {
        all: true,
        literature_only: true,
    };
    match p {
        Privacy::FreeText | Privacy::Structured => (all, Names::All),
        Privacy::AllowedName => (all, Names::OneClinician),
        Privacy::Code => (all, Names::PatientOnly),
        Privacy::Literature => (literature, Names::PatientOnly),
        // A link holds no person's name (an author's is in the title): every name counts.
        Privacy::Link => (literature, Names::All),
    }
}

/// Two lists of ranges sorted by start, merged; a range that overlaps one kept is dropped.
pub(super) fn merge(
    a: Vec<(usize, usize, detect::Hit)>,
    b: Vec<(usize, usize, detect::Hit)>,
) -> Vec<(usize, usize, detect::Hit)> {
    if b.is_empty() {
        return a;
    }
    let mut all = a;
    all.extend(b);
    crate::sort::sort_by_key(&mut all, |x| x.0);
    let mut out: Vec<(usize, usize, detect::Hit)> = Vec::with_capacity(all.len());
    for r in all {
        match out.last() {
            Some(last) if r.0 < last.1 => {}
            _ => out.push(r),
        }
    }
    out
}

/// A link with its scheme, host and delimiters (`/ ? & = # ;`) blanked out, byte for byte
/// (the offsets stay): its path segments and query values as words.
pub(super) fn link_parts(link: &str) -> String {
    // After `://` (no `&str` search: it links core's two-way searcher into the package).
    let rest = link
        .as_bytes()
        .windows(3)
        .position(|w| w == b"://")
        .map_or(0, |i| i + 3);
    let host_end = link
        .get(rest..)
        .and_then(|r| r.find(['/', '?', '#']))
        .map_or(link.len(), |i| rest + i);
    link.char_indices()
        .flat_map(|(i, c)| {
            let blank = i < host_end || matches!(c, '/' | '?' | '&' | '=' | '#' | ';');
            let n = if blank { c.len_utf8() } else { 0 };
            std::iter::repeat_n(' ', n).chain((!blank).then_some(c))
        })
        .collect()
}

/// In a clinician's name field, what makes it more than one clinician's name: a cue word that
/// is no title («mor», «datter», «pasient»), or a word that joins another person («og»,
/// «and», «&»), with words after it. Reported from that word to the end, as a name.
pub(super) fn more_than_one_clinician(text: &str) -> Option<(usize, usize, detect::Hit)> {
    use crate::lexicon::names::{classify, key, CUE, TITLE};
    let mut start = None;
    let mut at = 0;
    while at < text.len() {
        let rest = text.get(at..).unwrap_or("");
        let Some(off) = rest.find(|c: char| c.is_alphabetic() || c == '&' || c == '+') else {
            break;
        };
        let w_start = at + off;
        let w = text.get(w_start..).unwrap_or("");
        let len = if w.starts_with(['&', '+']) {
            1
        } else {
            w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len())
        };
        let word = w.get(..len).unwrap_or("");
        let low = crate::letter_case::lower(word);
        let joins = matches!(
            low.as_str(),
            "og" | "and" | "samt" | "eller" | "or" | "&" | "+"
        );
        let flags = classify(&key(word));
        if joins || (flags & CUE != 0 && flags & TITLE == 0) {
            start = Some(w_start);
            break;
        }
        at = w_start + len.max(1);
    }
    let start = start?;
    let more = text.get(start..)?.split_whitespace().count() > 1;
    more.then_some((
        start,
        text.len(),
        detect::Hit {
            start,
            end: text.len(),
            kind: FindingKind::Name,
            confidence: 0.75,
            basis: Basis::Cue,
        },
    ))
}

/// Drops the name hits a class allows (the other hits are all kept).
pub(super) fn keep_names(text: &str, hits: Vec<detect::Hit>, names: Names) -> Vec<detect::Hit> {
    if names == Names::All {
        return hits;
    }
    let mut clinician_seen = false;
    hits.into_iter()
        .filter(|h| {
            if h.kind != FindingKind::Name || h.basis == Basis::Patient {
                return true;
            }
            match names {
                Names::All => true,
                Names::PatientOnly => false,
                Names::OneClinician => {
                    let allowed = match h.basis {
                        Basis::List => true,
                        Basis::Cue => after_title(text, h.start),
                        _ => false,
                    };
                    if allowed && !clinician_seen {
                        clinician_seen = true;
                        false
                    } else {
                        true
                    }
                }
            }
        })
        .collect()
}

/// True when the word before byte `at` (across spaces and `.`, `:`) is a clinician's title
/// («Overlege», «Dr.») and no other cue word («datter», «mor», «pasienten»).
fn after_title(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':'));
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    let word = trimmed.get(start..).unwrap_or("");
    if word.is_empty() {
        return false;
    }
    use crate::lexicon::names::{classify, key, CUE, TITLE};
    let flags = classify(&key(word));
    flags & TITLE != 0 && flags & CUE == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::{scan_with, Identity};

    fn kinds(text: &str, class: Privacy, id: &Identity) -> Vec<(FindingKind, String)> {
        scan_with(text, class, id)
            .into_iter()
            .map(|f| (f.kind, text[f.span.start..f.span.end].to_string()))
            .collect()
    }

    #[test]
    fn a_clinicians_field_allows_one_clinician() {
        let none = Identity::none();
        for ok in [
            "Overlege Ingrid Solberg",
            "Fagdirektør Marte Lie",
            "Avdelingssjef Per Olav Haugland",
            "Per Olav Haugland, overlege",
            "Dr. Marte Lie",
        ] {
            assert!(kinds(ok, Privacy::AllowedName, &none).is_empty(), "{ok}");
        }
        for (text, found) in [
            ("Marte Lie (datter: Sigvor Nordmann)", "Sigvor Nordmann"),
            (
                "Marte Lie, mor til Sigvor Nordmann",
                "mor til Sigvor Nordmann",
            ),
            ("Marte Lie og Per Hansen", "og Per Hansen"),
        ] {
            let k = kinds(text, Privacy::AllowedName, &none);
            assert!(k.iter().any(|(_, t)| t.contains(found)), "{text}: {k:?}");
        }
        // The patient (part 1) never, even as the only name.
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        assert_eq!(
            kinds("Kari Nordmann", Privacy::AllowedName, &id),
            [(FindingKind::Name, "Kari Nordmann".to_string())]
        );
        // The same names in free text are all reported.
        assert_eq!(kinds("Marte Lie", Privacy::FreeText, &none).len(), 1);
    }

    #[test]
    fn a_link_is_decoded_and_read_in_parts() {
        let none = Identity::none();
        let link = "https://x.no/?e=kari.nordmann%40example.no";
        assert_eq!(
            kinds(link, Privacy::Link, &none),
            [(FindingKind::Email, "kari.nordmann%40example.no".to_string())]
        );
        let link = "https://x.no/?fnr=%31%34%30%33%37%34%31%30%30%32%31";
        assert_eq!(
            kinds(link, Privacy::Link, &none)[0].0,
            FindingKind::NationalId
        );
        assert_eq!(
            kinds("https://x.no/?q=Kari+Nordmann", Privacy::Link, &none),
            [(FindingKind::Name, "Kari+Nordmann".to_string())]
        );
        for ok in [
            "https://doi.org/10.1056/NEJMoa2302299",
            "https://pubmed.ncbi.nlm.nih.gov/33306283/",
            "10.1016/S0140-6736(20)30183-5",
            "PMID: 33306283",
        ] {
            assert!(kinds(ok, Privacy::Link, &none).is_empty(), "{ok}");
        }
        assert_eq!(link_parts("https://x.no/a?b=c#d"), "             a b c d");
    }

    #[test]
    fn a_code_is_scanned_for_numbers_contacts_and_the_patient() {
        let id = Identity::new(Some("Kari Nordmann"), Some("14037410021"));
        assert!(kinds("Helse Bergen", Privacy::Code, &id).is_empty());
        assert!(kinds("HBE-4f1c2a9e-77b0", Privacy::Code, &id).is_empty());
        assert_eq!(
            kinds("female 14037410021", Privacy::Code, &id)[0].0,
            FindingKind::NationalId
        );
        assert_eq!(
            kinds("Nordmann", Privacy::Code, &id)[0].0,
            FindingKind::Name
        );
        // Other names are no concern of a code (a trust's name is a place, a drug's a brand).
        assert!(kinds("Martina Hansens hospital", Privacy::Code, &Identity::none()).is_empty());
    }
}
