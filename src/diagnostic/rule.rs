//! Rules and their texts: [`Rule`], [`Source`] ([`Document::at`]), [`Texts`], and the one way
//! to define each — the `rule!` and `texts!` macros.
//!
//! A rule is defined once, beside the check that reports it:
//!
//! ```ignore
//! rule! {
//!     /// Birth year not four digits.
//!     pub static BIRTH_YEAR_FORMAT: "patient.birth_year.format", Error, S_PATIENT;
//!     nb: "Fødselsår må være et årstall med fire sifre.",
//!     nn: "Fødselsår må vere eit årstal med fire siffer.",
//!     en: "The birth year must be a four-digit year.",
//!     hint_nb: "Skriv bare året, f.eks. 1974 – aldri hele fødselsdatoen.",
//!     hint_nn: "Skriv berre året, t.d. 1974 – aldri heile fødselsdatoen.",
//!     hint_en: "Write the year only, e.g. 1974 — never the full date of birth.",
//! }
//! texts!(pub L_BIRTH_YEAR, "Fødselsår", "Fødselsår", "Birth year");
//! ```
//!
//! The code's first word names the module that defines the rule, or its folder (`patient.*`
//! in `forms/sections/patient.rs`; a plural name gives the singular word: `cost.*` in
//! `costs.rs`), and [`crate::catalogue`] lists every rule; its tests hold both.

use super::{Lang, Severity};
use serde::Serialize;
use std::fmt;

/// A text in the three languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Texts {
    pub nb: &'static str,
    pub nn: &'static str,
    pub en: &'static str,
}

impl Texts {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.nb,
            Lang::Nn => self.nn,
            Lang::En => self.en,
        }
    }
}

/// A governing document (a file in `shared/domain/`) or another named authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Document {
    /// `nye-metoder-tilgangsordningen.txt` — the national Tilgangsordningen.
    Tilgangsordningen,
    /// `helse-bergen-behandling-av-soknad-1.2.2.5-16.txt` — Helse Bergen's procedure.
    HelseBergen1_2_2_5_16,
    /// `helse-bergen-kjernegruppen-mandat.txt` — the core group's mandate.
    HelseBergenKjernegruppen,
    /// `BRIEF.md` — the project's digest of the domain.
    DomainBrief,
    /// Skatteetaten's rules for national identity numbers (folkeregisteret).
    Skatteetaten,
    /// skjemavakt's own product rules (limits, input format), documented in README.md.
    Skjemavakt,
}

impl Document {
    /// File name (or name) of the document, as cited.
    pub fn name(self) -> &'static str {
        match self {
            Document::Tilgangsordningen => "nye-metoder-tilgangsordningen.txt",
            Document::HelseBergen1_2_2_5_16 => "helse-bergen-behandling-av-soknad-1.2.2.5-16.txt",
            Document::HelseBergenKjernegruppen => "helse-bergen-kjernegruppen-mandat.txt",
            Document::DomainBrief => "BRIEF.md",
            Document::Skatteetaten => "Skatteetaten: fødselsnummer og d-nummer",
            Document::Skjemavakt => "skjemavakt README.md",
        }
    }

    /// The document's version, as it says (`None`: it gives none).
    pub fn version(self) -> Option<&'static str> {
        match self {
            // «fra april 2025» (BRIEF.md; the page gives no version number).
            Document::Tilgangsordningen => Some("april 2025"),
            // «Versjon: 1.07» (the document's footer).
            Document::HelseBergen1_2_2_5_16 => Some("1.07"),
            _ => None,
        }
    }

    /// The last day the document is valid, `YYYY-MM-DD`, as it says (`None`: no date).
    pub fn valid_until(self) -> Option<&'static str> {
        match self {
            // «Forlenget gyldighet til 11.10.2025» (§5, «Endringer siden forrige versjon»).
            Document::HelseBergen1_2_2_5_16 => Some("2025-10-11"),
            _ => None,
        }
    }

    /// Every document, in the order cited.
    pub const ALL: [Document; 6] = [
        Document::Tilgangsordningen,
        Document::HelseBergen1_2_2_5_16,
        Document::HelseBergenKjernegruppen,
        Document::DomainBrief,
        Document::Skatteetaten,
        Document::Skjemavakt,
    ];

    /// The source "`section` of this document": the one way to write a rule's source.
    ///
    /// ```
    /// use skjemavakt::diagnostic::Document;
    /// let s = Document::Tilgangsordningen.at("Kostnader");
    /// assert_eq!(s.to_string(), "nye-metoder-tilgangsordningen.txt — Kostnader");
    /// ```
    pub const fn at(self, section: &'static str) -> Source {
        Source {
            document: self,
            section,
        }
    }
}

/// Where a rule comes from: a document and a section of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    pub document: Document,
    pub section: &'static str,
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let d = self.document;
        let mut st = s.serialize_struct("Source", 4)?;
        st.serialize_field("document", d.name())?;
        st.serialize_field("section", self.section)?;
        match d.version() {
            Some(v) => st.serialize_field("version", v)?,
            None => st.skip_field("version")?,
        }
        match d.valid_until() {
            Some(v) => st.serialize_field("validUntil", v)?,
            None => st.skip_field("validUntil")?,
        }
        st.end()
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.document.name(), self.section)
    }
}

/// A rule: one check, one stable code, one source, one message in three languages.
///
/// Rules are `static`s defined with `rule!` next to the code that checks them, so a reader
/// finds the rule, its source and its message in one place, and every rule is listed once in
/// [`crate::catalogue`]. Templates may contain `{name}`
/// placeholders filled from [`Arg`](super::Arg)s.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, dotted lowercase, e.g. `reference.date.future`. Never changes meaning.
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Where the rule comes from.
    pub source: Source,
    /// What is wrong.
    pub message: Texts,
    /// How to fix it.
    pub hint: Option<Texts>,
}

impl PartialEq for Rule {
    /// Rules are identified by their code.
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}

/// Data that only the rule catalogue, the rules page and their tests read: which rules a
/// check may report and where, a module's path. Kept in native builds; left out of the wasm
/// package, where nothing reads it (there it holds nothing and [`DocData::get`] gives the
/// empty value) — half a kilobyte of the package.
#[derive(Clone, Copy, Debug)]
pub struct DocData<T: 'static> {
    #[cfg(not(target_arch = "wasm32"))]
    value: T,
    #[cfg(target_arch = "wasm32")]
    value: core::marker::PhantomData<T>,
}

impl<T: Copy + Default> DocData<T> {
    /// Keeps `value` (natively).
    pub const fn new(value: T) -> DocData<T> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            DocData { value }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = value;
            DocData {
                value: core::marker::PhantomData,
            }
        }
    }

    /// The value (natively; the empty value in the wasm package).
    pub fn get(&self) -> T {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.value
        }
        #[cfg(target_arch = "wasm32")]
        {
            T::default()
        }
    }
}

/// Defines a [`Rule`] static: its code, severity, source, message in bokmål, nynorsk and
/// English, and optionally a hint in the three languages. The one way to define a rule (the
/// catalogue's test finds rules by this macro).
///
/// The severity is `Error`, `Warning` or `Info`; the source an expression of type
/// [`Source`], usually a `const` written with [`Document::at`]. A hint several rules share
/// may be given as `hint: EXPR` (a [`Texts`] constant) instead of `hint_nb`/`hint_nn`/`hint_en`.
macro_rules! rule {
    (
        $(#[$attr:meta])*
        $vis:vis static $name:ident: $code:literal, $severity:ident, $source:expr;
        nb: $nb:literal,
        nn: $nn:literal,
        en: $en:literal,
        hint_nb: $hnb:literal,
        hint_nn: $hnn:literal,
        hint_en: $hen:literal $(,)?
    ) => {
        $(#[$attr])*
        #[doc = concat!("\n\n`", $code, "`: ", $nb)]
        $vis static $name: $crate::diagnostic::Rule = $crate::diagnostic::Rule {
            code: $code,
            severity: $crate::diagnostic::Severity::$severity,
            source: $source,
            message: $crate::diagnostic::Texts {
                nb: $nb,
                nn: $nn,
                en: $en,
            },
            hint: Some($crate::diagnostic::Texts {
                nb: $hnb,
                nn: $hnn,
                en: $hen,
            }),
        };
    };
    (
        $(#[$attr:meta])*
        $vis:vis static $name:ident: $code:literal, $severity:ident, $source:expr;
        nb: $nb:literal,
        nn: $nn:literal,
        en: $en:literal,
        hint: $hint:expr $(,)?
    ) => {
        $(#[$attr])*
        #[doc = concat!("\n\n`", $code, "`: ", $nb)]
        $vis static $name: $crate::diagnostic::Rule = $crate::diagnostic::Rule {
            code: $code,
            severity: $crate::diagnostic::Severity::$severity,
            source: $source,
            message: $crate::diagnostic::Texts {
                nb: $nb,
                nn: $nn,
                en: $en,
            },
            hint: Some($hint),
        };
    };
    (
        $(#[$attr:meta])*
        $vis:vis static $name:ident: $code:literal, $severity:ident, $source:expr;
        nb: $nb:literal,
        nn: $nn:literal,
        en: $en:literal $(,)?
    ) => {
        $(#[$attr])*
        #[doc = concat!("\n\n`", $code, "`: ", $nb)]
        $vis static $name: $crate::diagnostic::Rule = $crate::diagnostic::Rule {
            code: $code,
            severity: $crate::diagnostic::Severity::$severity,
            source: $source,
            message: $crate::diagnostic::Texts {
                nb: $nb,
                nn: $nn,
                en: $en,
            },
            hint: None,
        };
    };
}
pub(crate) use rule;

/// Defines a [`Texts`] static — a label, a title, a word used in messages — in bokmål,
/// nynorsk and English: `texts!(pub L_SEX, "Juridisk kjønn", "Juridisk kjønn", "Legal sex");`.
/// The one way to write a fixed text in the three languages.
macro_rules! texts {
    ($vis:vis $name:ident, $nb:literal, $nn:literal, $en:literal $(,)?) => {
        #[doc = $nb]
        $vis static $name: $crate::diagnostic::Texts = $crate::diagnostic::Texts {
            nb: $nb,
            nn: $nn,
            en: $en,
        };
    };
}
pub(crate) use texts;
