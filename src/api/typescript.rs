//! The package's generated TypeScript declarations (`types/forms.d.ts`, part of
//! `skjemavakt.d.ts`): one document type per form kind, generated from the form schema
//! ([`crate::forms::schema::Field`]: keys, types, enumerations as unions of their values,
//! requirement), and the codes as string-literal unions, from the rule catalogue. Never
//! written by hand: a new field, value, kind or rule is in the types as soon as it is in the
//! library (`tests/generated.rs` fails when the committed file is not what [`declarations`]
//! writes; regenerate with [`REGENERATE`]).
//!
//! For each kind `K` (`TilgangDel2` for `tilgang-del2`):
//! - `K`: the document complete at submission — the members the form requires at submission
//!   are required, the others optional;
//! - `KDraft`: the same members, all optional but `form` (what the page holds while the
//!   physician types, and what `validate` and the gate take).
//!
//! An amount and a whole number are `number | string` (the library reads «125 000» and
//! "1974" too). Values are checked by the library whatever the types say; the types catch
//! the typo at compile time.

use crate::diagnostic::Lang;
use crate::forms::schema::{Field, Ty};
use crate::forms::{FormKind, Stage};
use crate::privacy::FindingKind;
use std::fmt::Write;

/// The command that regenerates the committed files (`types/forms.d.ts`, `schemas/`).
pub const REGENERATE: &str = "cargo run --example generated";

/// The type name of a kind: `tilgang-del2` → `TilgangDel2`.
pub fn type_name(kind: FormKind) -> String {
    let mut out = String::new();
    for part in kind.as_str().split(['-', '_']) {
        let mut cs = part.chars();
        if let Some(c) = cs.next() {
            out.push(crate::letter_case::upper_char(c));
            out.push_str(cs.as_str());
        }
    }
    out
}

fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn union<'a>(out: &mut String, values: impl IntoIterator<Item = &'a str>, indent: &str) {
    let mut first = true;
    let mut line = 0usize;
    for v in values {
        if !first {
            if line > 80 {
                out.push('\n');
                out.push_str(indent);
                out.push_str("| ");
                line = indent.len() + 2;
            } else {
                out.push_str(" | ");
                line += 3;
            }
        }
        first = false;
        let before = out.len();
        quoted(out, v);
        line += out.len() - before;
    }
}

/// A doc comment of program text (`*/` cannot occur in the labels; kept out all the same).
fn doc(out: &mut String, indent: &str, text: &str) {
    out.push_str(indent);
    out.push_str("/** ");
    let mut prev = ' ';
    for c in text.chars() {
        if prev == '*' && c == '/' {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    out.push_str(" */\n");
}

fn members(out: &mut String, fields: &'static [Field], indent: &str, complete: bool) {
    for f in fields {
        let mut comment = String::from(f.label.get(Lang::Nb));
        if let Ty::Enum { values, labels, .. } = f.ty {
            comment.push_str(": ");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    comment.push_str(", ");
                }
                let _ = write!(comment, "`{v}`");
                if let Some(l) = labels.get(i) {
                    let _ = write!(comment, " ({})", l.get(Lang::Nb));
                }
            }
        }
        match f.ty {
            Ty::Text { max } => {
                let _ = write!(comment, " (at most {max} characters)");
            }
            Ty::List { max, .. } => {
                let _ = write!(comment, " (at most {max} entries)");
            }
            _ => {}
        }
        doc(out, indent, &comment);
        out.push_str(indent);
        out.push_str(f.key);
        if !(complete && super::schema::required_at(f, Stage::Submission)) {
            out.push('?');
        }
        out.push_str(": ");
        ty(out, f, indent, complete);
        out.push_str(";\n");
    }
}

fn ty(out: &mut String, f: &'static Field, indent: &str, complete: bool) {
    let inner = format!("{indent}  ");
    match f.ty {
        Ty::Text { .. } => out.push_str("string"),
        Ty::Bool => out.push_str("boolean"),
        Ty::Enum { values, .. } => union(out, values.iter().copied(), &inner),
        Ty::Amount | Ty::Integer => out.push_str("number | string"),
        Ty::Object(sub) => {
            out.push_str("{\n");
            members(out, sub, &inner, complete);
            out.push_str(indent);
            out.push('}');
        }
        Ty::List { item, .. } => {
            out.push_str("Array<{\n");
            members(out, item, &inner, complete);
            out.push_str(indent);
            out.push_str("}>");
        }
    }
}

fn document(out: &mut String, kind: FormKind, complete: bool) {
    let name = type_name(kind);
    let title = kind.title().get(Lang::Nb);
    if complete {
        doc(
            out,
            "",
            &format!(
                "{title} (`{}`), complete at submission: what the form requires then is required here.",
                kind.as_str()
            ),
        );
        let _ = writeln!(out, "export interface {name} {{");
    } else {
        doc(
            out,
            "",
            &format!(
                "{title} (`{}`) as it is being filled in: every member optional but `form`.",
                kind.as_str()
            ),
        );
        let _ = writeln!(out, "export interface {name}Draft {{");
    }
    out.push_str("  /** Skjema */\n  form: ");
    quoted(out, kind.as_str());
    out.push_str(";\n");
    members(out, kind.fields(), "  ", complete);
    out.push_str("}\n\n");
}

/// The generated declarations (the text of `types/forms.d.ts`).
pub fn declarations() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated from the form schema (src/forms/) and the rule catalogue (src/catalogue.rs)\n\
         // by `{REGENERATE}`. Do not edit by hand: a test fails when this file is out of date.\n"
    );
    doc(&mut out, "", "The form kinds.");
    out.push_str("export type FormKind = ");
    union(&mut out, FormKind::ALL.iter().map(|k| k.as_str()), "  ");
    out.push_str(";\n\n");
    doc(
        &mut out,
        "",
        "The stages: `draft` checks formats only, `approval` what the physician fills in, `submission` also the approvals.",
    );
    out.push_str("export type Stage = ");
    union(
        &mut out,
        super::schema::STAGES.iter().map(|s| s.as_str()),
        "  ",
    );
    out.push_str(";\n\n");
    for kind in FormKind::ALL {
        document(&mut out, kind, true);
        document(&mut out, kind, false);
    }
    doc(
        &mut out,
        "",
        "A form document complete at submission, of any kind.",
    );
    out.push_str("export type FormDocument =");
    for kind in FormKind::ALL {
        let _ = write!(out, "\n  | {}", type_name(kind));
    }
    out.push_str(";\n\n");
    doc(
        &mut out,
        "",
        "A form document of any kind as it is being filled in (what `validate`, `scan` and the gate take).",
    );
    out.push_str("export type FormDraft =");
    for kind in FormKind::ALL {
        let _ = write!(out, "\n  | {}Draft", type_name(kind));
    }
    out.push_str(";\n\n");
    doc(&mut out, "", "Each kind's complete document, by kind.");
    out.push_str("export interface FormDocuments {\n");
    for kind in FormKind::ALL {
        out.push_str("  ");
        quoted(&mut out, kind.as_str());
        let _ = writeln!(out, ": {};", type_name(kind));
    }
    out.push_str("}\n\n");
    doc(
        &mut out,
        "",
        "Each kind's document being filled in, by kind.",
    );
    out.push_str("export interface FormDrafts {\n");
    for kind in FormKind::ALL {
        out.push_str("  ");
        quoted(&mut out, kind.as_str());
        let _ = writeln!(out, ": {}Draft;", type_name(kind));
    }
    out.push_str("}\n\n");
    let del1 = type_name(FormKind::TilgangDel1);
    doc(
        &mut out,
        "",
        "Part 1 (stays in the record), as the gate and the scan take it: `form` may be left out.",
    );
    let _ = writeln!(
        out,
        "export type Part1 = Omit<{del1}Draft, \"form\"> & {{ form?: \"{}\" }};\n",
        FormKind::TilgangDel1.as_str()
    );
    doc(
        &mut out,
        "",
        "Every diagnostic code (the rule catalogue: `rules()`, docs/rules.md).",
    );
    out.push_str("export type DiagnosticCode =\n  | ");
    let codes: Vec<&str> = crate::catalogue::rules().map(|r| r.code).collect();
    union(&mut out, codes.iter().copied(), "  ");
    out.push_str(";\n\n");
    doc(
        &mut out,
        "",
        "The kinds of identifier the privacy scan finds.",
    );
    out.push_str("export type FindingKind =\n  | ");
    union(&mut out, FindingKind::ALL.iter().map(|k| k.as_str()), "  ");
    out.push_str(";\n\n");
    doc(
        &mut out,
        "",
        "The codes of the identifiers found (`privacy.*`).",
    );
    out.push_str("export type FindingCode =\n  | ");
    union(
        &mut out,
        FindingKind::ALL.iter().map(|k| k.rule().code),
        "  ",
    );
    out.push_str(";\n\n");
    doc(
        &mut out,
        "",
        "Why a finding is kept as a false alarm (`options.keep`): an eponym, a clinician's or author's name, a place or institution, a code or value, or something else said in words (`text`).",
    );
    out.push_str("export type KeepReason =\n  | ");
    union(
        &mut out,
        crate::privacy::Reason::ALL.iter().map(|r| r.as_str()),
        "  ",
    );
    out.push_str(";\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_field_and_code_is_declared() {
        let d = declarations();
        assert_eq!(type_name(FormKind::HbOfflabelGroup), "HbOfflabelGroup");
        for kind in FormKind::ALL {
            assert!(d.contains(&format!("export interface {} {{", type_name(kind))));
            assert!(d.contains(&format!("export interface {}Draft {{", type_name(kind))));
        }
        for r in crate::catalogue::rules() {
            assert!(d.contains(&format!("\"{}\"", r.code)), "{}", r.code);
        }
        // Required at submission in the complete type, optional in the draft.
        assert!(d.contains("  legal_sex: \"female\" | \"male\";"));
        assert!(d.contains("  legal_sex?: \"female\" | \"male\";"));
        assert!(d.contains("  npr_id?: string;"));
        assert!(d.contains(
            "goal: \"curative\" | \"life_prolonging\" | \"symptom_relief\" | \"other\";"
        ));
    }
}
