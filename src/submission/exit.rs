//! The gate's checks across the whole document, and of exactly what is sealed.
//!
//! - **Part 1's number across fields** ([`part1_number`]): the digits of every string and
//!   number that leaves, read in the order the canonical JSON writes them and joined, are
//!   searched for part 1's eleven digits — so `140374` in one field and `10021` in the next,
//!   or a number split by any characters in one field, is found. Digits of every script and
//!   form count (full-width, Arabic-Indic, superscript, circled …), and so do `O`/`o`, `l` and
//!   `I` typed among digits (`14O3741OO21`).
//! - **What is sealed is what was checked** ([`normalised_changes`]): where the gate seals a
//!   normalised value instead of the one given (a trust's code for its name, a reference in
//!   its canonical writing, a year typed as text as a number), the normalised value is
//!   scanned too.

use crate::diagnostic::{Pointer, Span};
use crate::forms::FormKind;
use crate::ident::fnr::NationalId;
use crate::privacy::leaves::{self, Order};
use crate::privacy::{scan_with, Basis, FieldFindings, Finding, FindingKind, Identity};
use serde_json::Value;

/// The value of a digit of any script or form (`None` for anything else): Unicode's decimal
/// digits, and the superscript, subscript, circled and parenthesised ones.
pub fn digit_value(c: char) -> Option<u8> {
    if let Some(d) = crate::privacy::normalize::decimal_digit_value(c) {
        return Some(d);
    }
    let from = |base: u32| u8::try_from(c as u32 - base).ok();
    match c {
        '\u{2070}' | '\u{24EA}' | '\u{24FF}' | '\u{1F100}' => Some(0),
        '\u{00B9}' => Some(1),
        '\u{00B2}' => Some(2),
        '\u{00B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => from(0x2070),
        '\u{2080}'..='\u{2089}' => from(0x2080),
        '\u{2460}'..='\u{2468}' => from(0x245F),
        '\u{2474}'..='\u{247C}' => from(0x2473),
        '\u{2488}'..='\u{2490}' => from(0x2487),
        '\u{2776}'..='\u{277E}' => from(0x2775),
        '\u{2780}'..='\u{2788}' => from(0x277F),
        '\u{278A}'..='\u{2792}' => from(0x2789),
        '\u{1F101}'..='\u{1F10A}' => from(0x1F101),
        _ => None,
    }
}

/// A letter typed for a digit: `O`/`o` for 0, `l`/`I` for 1.
fn look_alike(c: char) -> Option<u8> {
    match c {
        'O' | 'o' => Some(0),
        'l' | 'I' => Some(1),
        _ => None,
    }
}

/// The digits of `text` with their byte ranges: every digit, and every look-alike letter in
/// a run of digits and look-alikes (nothing else between them) that holds a digit.
fn digits_of(text: &str, out: &mut Vec<(u8, usize, usize)>) {
    let mut run: Vec<(u8, usize, usize)> = Vec::new();
    let mut real = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if let Some(d) = digit_value(c) {
            run.push((d, i, end));
            real = true;
        } else if let Some(d) = look_alike(c) {
            run.push((d, i, end));
        } else {
            if real {
                out.append(&mut run);
            }
            run.clear();
            real = false;
        }
    }
    if real {
        out.append(&mut run);
    }
}

/// Findings where part 1's national identity number is written across the digits of what
/// leaves (see the module documentation): one per field that holds some of its digits, over
/// them.
pub fn part1_number(doc: &Value, kind: FormKind, id: &NationalId) -> Vec<FieldFindings> {
    part1_number_with(doc, kind, id, &[])
}

/// [`part1_number`] over the document and then `after`: other texts that leave with it, in
/// the order the package writes them (the words of the kept findings' `other` reasons).
pub fn part1_number_with(
    doc: &Value,
    kind: FormKind,
    id: &NationalId,
    after: &[(Pointer, &str)],
) -> Vec<FieldFindings> {
    let target = id.digits();
    let outgoing = leaves::outgoing(doc, kind, Order::Canonical);
    let leaves: Vec<(&Pointer, &str)> = outgoing
        .iter()
        .map(|l| (&l.path, l.text.as_ref()))
        .chain(after.iter().map(|(p, t)| (p, *t)))
        .collect();
    // (digit, leaf, start, end) in canonical order.
    let mut stream: Vec<(u8, usize, usize, usize)> = Vec::new();
    let mut buf = Vec::new();
    for (n, &(_, text)) in leaves.iter().enumerate() {
        buf.clear();
        digits_of(text, &mut buf);
        stream.extend(buf.iter().map(|&(d, s, e)| (d, n, s, e)));
    }
    // Each leaf's covered range (start of the first digit, end of the last).
    let mut covered: Vec<Option<(usize, usize)>> = vec![None; leaves.len()];
    for w in stream.windows(11) {
        if w.iter().map(|x| x.0).eq(target.iter().copied()) {
            for &(_, n, s, e) in w {
                if let Some(slot) = covered.get_mut(n) {
                    *slot = Some(match *slot {
                        Some((a, b)) => (a.min(s), b.max(e)),
                        None => (s, e),
                    });
                }
            }
        }
    }
    let mut out: Vec<FieldFindings> = Vec::new();
    for (&(path, text), range) in leaves.iter().zip(covered) {
        let Some((s, e)) = range else { continue };
        out.push(FieldFindings {
            path: path.clone(),
            findings: vec![Finding {
                kind: FindingKind::NationalId,
                span: Span::from_bytes(text, s, e),
                confidence: 1.0,
                basis: Basis::Patient,
            }],
        });
    }
    out
}

/// Findings in the normalised values the gate seals where they differ from the values
/// given (`sealed` is `given` normalised, [`crate::forms::schema::normalised`]): each is
/// scanned with its field's class, and a finding covers the whole value given.
pub fn normalised_changes(
    given: &Value,
    sealed: &Value,
    kind: FormKind,
    identity: &Identity,
) -> Vec<FieldFindings> {
    let before = leaves::outgoing(given, kind, Order::Document);
    let after = leaves::outgoing(sealed, kind, Order::Document);
    let mut out = Vec::new();
    for (i, leaf) in after.iter().enumerate() {
        let was = before.get(i).filter(|b| b.path == leaf.path);
        if was.is_some_and(|b| b.text == leaf.text) {
            continue;
        }
        let given_text = was.map_or("", |b| &b.text);
        let found = scan_with(&leaf.text, leaf.class, identity);
        if !found.is_empty() {
            out.push(FieldFindings {
                path: leaf.path.clone(),
                findings: found
                    .into_iter()
                    .map(|f| Finding {
                        span: Span::from_bytes(given_text, 0, given_text.len()),
                        ..f
                    })
                    .collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn id() -> NationalId {
        crate::ident::fnr::validate("14037410021").unwrap()
    }

    fn found(doc: &Value) -> Vec<String> {
        part1_number(doc, FormKind::TilgangDel2, &id())
            .iter()
            .map(|f| f.path.as_str().to_string())
            .collect()
    }

    #[test]
    fn part1_number_across_fields_and_disguises() {
        let doc = json!({"form": "tilgang-del2", "patient": {"diagnosis": "Kreft 140374", "function_level": "ECOG 10021"}});
        assert_eq!(
            found(&doc),
            ["/patient/diagnosis", "/patient/function_level"]
        );
        for text in [
            "14037410021",
            "140374 10021",
            "1_4_0_3_7_4_1_0_0_2_1",
            "14O3741OO21",
            "l4037410021",
            "１４０３７４１００２１",
            "¹⁴⁰³⁷⁴¹⁰⁰²¹",
            "①④⓪③⑦④①⓪⓪②①",
            "1,4 0/3 7:4 1·0 0 2 1",
        ] {
            let doc = json!({"form": "tilgang-del2", "patient": {"medical_history": text}});
            assert_eq!(found(&doc), ["/patient/medical_history"], "{text}");
        }
        // Numbers, and a member name that is no field.
        let doc = json!({"form": "tilgang-del2", "group": {"x": 1.4037410021e10}});
        assert_eq!(found(&doc), ["/*1/*1"]);
        // Other digits, and letters between digits that are not look-alikes.
        for text in [
            "14037410022",
            "1403741002",
            "14037X10021",
            "Oslo 140374 l",
            "ID2023_013",
        ] {
            let doc = json!({"form": "tilgang-del2", "patient": {"medical_history": text}});
            assert!(found(&doc).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_span_covers_the_digits_in_each_field() {
        let doc =
            json!({"form": "tilgang-del2", "patient": {"medical_history": "fnr: 140374 10021."}});
        let f = part1_number(&doc, FormKind::TilgangDel2, &id());
        assert_eq!(
            (f[0].findings[0].span.start, f[0].findings[0].span.end),
            (5, 17)
        );
    }
}
