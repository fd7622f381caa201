//! What the shells hand to [`crate::api`]: JSON text, options, plain text — and the
//! `input.*` rules for input of the wrong shape, so that nothing here throws and the page's
//! validator never dies on what a user or a page sends.

use crate::diagnostic::{rule, Arg, Diagnostic, Document, Pointer, Source};
use serde_json::Value;

const SRC: Source = Document::Skjemavakt.at("Input");

rule! {
    /// The input is not valid JSON.
    pub static JSON: "input.json", Error, SRC;
    nb: "Inndata er ikke gyldig JSON (linje {line}, kolonne {column}).",
    nn: "Inndata er ikkje gyldig JSON (linje {line}, kolonne {column}).",
    en: "The input is not valid JSON (line {line}, column {column}).",
    hint_nb: "Kontroller klammer, anførselstegn og komma rundt stedet som er angitt.",
    hint_nn: "Kontroller klammer, hermeteikn og komma kring staden som er oppgitt.",
    hint_en: "Check brackets, quotes and commas around the position given.",
}

rule! {
    /// A value has the wrong JSON type.
    pub static TYPE: "input.type", Error, SRC;
    nb: "Feltet har feil type: forventet {expected}.",
    nn: "Feltet har feil type: venta {expected}.",
    en: "The field has the wrong type: expected {expected}.",
}

rule! {
    /// An option has a value the program does not know.
    pub static OPTION: "input.option", Warning, SRC;
    nb: "Innstillingen er ukjent eller ugyldig og blir ignorert.",
    nn: "Innstillinga er ukjend eller ugyldig og blir ignorert.",
    en: "The option is unknown or invalid and is ignored.",
    hint_nb: "Gyldige innstillinger: lang (nb, nn, en), today (ÅÅÅÅ-MM-DD), stage (draft, approval, submission), config, pseudonymKey (heksadesimal).",
    hint_nn: "Gyldige innstillingar: lang (nb, nn, en), today (ÅÅÅÅ-MM-DD), stage (draft, approval, submission), config, pseudonymKey (heksadesimal).",
    hint_en: "Valid options: lang (nb, nn, en), today (YYYY-MM-DD), stage (draft, approval, submission), config, pseudonymKey (hex).",
}

rule! {
    /// A text larger than [`MAX_TEXT_BYTES`].
    pub static TOO_LARGE: "input.too_large", Error, SRC;
    nb: "Teksten er for stor til å kontrolleres: høyst {max} byte.",
    nn: "Teksten er for stor til å kontrollerast: høgst {max} byte.",
    en: "The text is too large to check: at most {max} bytes.",
    hint_nb: "Del teksten opp og kontroller delene hver for seg.",
    hint_nn: "Del teksten opp og kontroller delane kvar for seg.",
    hint_en: "Split the text and check the parts one by one.",
}

/// Largest plain text scanned or redacted in one call.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

pub(crate) fn too_large(text: &str) -> Option<Diagnostic> {
    (text.len() > MAX_TEXT_BYTES).then(|| {
        Diagnostic::new(&TOO_LARGE, Pointer::root()).arg("max", Arg::Int(MAX_TEXT_BYTES as i64))
    })
}

/// Parses JSON text; a syntax error becomes an `input.json` diagnostic with line and column
/// (never the offending text).
pub fn parse_json(text: &str) -> Result<Value, Diagnostic> {
    serde_json::from_str(text).map_err(|e| {
        Diagnostic::new(&JSON, Pointer::root())
            .arg("line", Arg::Int(e.line() as i64))
            .arg("column", Arg::Int(e.column() as i64))
    })
}

/// A type-error diagnostic at `path`, naming the expected type in words.
pub fn type_error(path: Pointer, expected: &'static str) -> Diagnostic {
    Diagnostic::new(&TYPE, path).arg("expected", Arg::Static(expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn json_syntax_errors_are_located_without_echo() {
        let d = parse_json("{\"a\": 26111593816x}").unwrap_err();
        let m = d.message(Lang::Nb);
        assert!(m.contains("linje 1"), "{m}");
        assert!(!m.contains("26111593816"));
    }
}
