//! # skjemavakt — form guard
//!
//! Makes sure an application for treatment with a method not introduced in Norwegian
//! specialist care is complete, correctly costed and free of direct patient identifiers
//! before anything leaves the hospital. Runs natively (library, CLI) and in the browser
//! (WebAssembly).
//!
//! Every check returns all its [`diagnostic::Diagnostic`]s at once; each carries a JSON
//! Pointer path, a stable code, a severity, the rule's source (document + section) and a
//! message in bokmål, nynorsk and English — never a value taken from the input.

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::disallowed_methods
    )
)]

pub mod api;
pub mod catalogue;
#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
pub mod cli;
pub mod dates;
pub mod diagnostic;
pub mod forms;
pub mod fuzzing;
pub mod ident;
pub mod input;
pub mod letter_case;
pub mod lexicon;
pub mod money;
pub mod privacy;
pub mod reference;
pub mod registry;
pub mod sort;
pub mod submission;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Diagnostic, Lang, Pointer, Rendered, Severity, Source, Span};

/// What a check needs from outside the input: today's date (the library never reads a clock,
/// so the same code runs in the browser and in tests) and the health-trust registry.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Today, in Norwegian local time.
    pub today: chrono::NaiveDate,
    /// Health trusts and the hospital's configuration.
    pub registry: &'a registry::Registry,
}

impl<'a> Context<'a> {
    /// A context for `today` with `registry`.
    pub fn new(today: chrono::NaiveDate, registry: &'a registry::Registry) -> Context<'a> {
        Context { today, registry }
    }
}
