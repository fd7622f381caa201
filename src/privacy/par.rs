//! Windows of a long scan side by side, natively.
//!
//! A long text is scanned in windows ([`super::chunks`]); each window's scan reads only its
//! own stretch of the text and computes the same whichever thread runs it, so the findings
//! do not depend on threads.
//!
//! Natively this uses rayon's pool (already there for the CLI, which scans many documents
//! at once: inside its pool the windows are just more work for the same threads). The wasm
//! package is single-threaded: there the windows run one after the other.

/// `f` of every item, in order: side by side on rayon's threads natively, one after the
/// other in the wasm package.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    items.iter().map(f).collect()
}
