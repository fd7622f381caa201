//! Two halves of a long scan at once, natively.
//!
//! A scan's stages that only read what an earlier stage built run side by side on a long
//! text: the detectors and the name finder both read the tokens ([`super::detect::Ctx`]),
//! and the two halves of the text are split into tokens apart (the tokens of each half
//! are exactly those of the whole text there: [`super::detect::Ctx::new`] splits only
//! between a space and a letter or digit). Each side computes the same as it would alone,
//! so the findings do not depend on threads; a test compares the two ways.
//!
//! Natively this uses rayon's pool (already there for the CLI, which scans many documents
//! at once: inside its pool the halves are just more work for the same threads). The wasm
//! package is single-threaded: there both run one after the other. Short texts (form
//! fields, typed on every keystroke) always run one after the other: starting work on
//! another thread costs more than it saves there.

/// Texts at least this long (bytes) are scanned on two threads natively. At this length a
/// scan takes about a millisecond, well above the microseconds handing work over costs.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const PARALLEL_FROM: usize = 64 << 10;
/// In the wasm package, never: there is one thread.
#[cfg(target_arch = "wasm32")]
pub(crate) const PARALLEL_FROM: usize = usize::MAX;

/// `(a(), b())`: on two threads when `parallel` (natively), else one after the other.
pub(crate) fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if parallel {
        return rayon::join(a, b);
    }
    let _ = parallel;
    (a(), b())
}
