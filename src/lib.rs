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

pub mod diagnostic;
pub mod ident;
pub mod money;
pub mod privacy;
pub mod reference;
pub mod registry;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Diagnostic, Lang, Pointer, Rendered, Severity, Source, Span};
