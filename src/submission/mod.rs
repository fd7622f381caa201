//! Submission: what happens when an application is to leave the hospital.
//!
//! [`gate::prepare_submission`] validates part 2 at stage `submission`, scans it for direct
//! identifiers ([`crate::privacy`]), checks it against [`Part1`] (read once from its JSON at
//! the API boundary) and either refuses with every blocking diagnostic or [`seal`]s it:
//! canonical JSON, its SHA-256 digest, and a keyed pseudonym of the patient. [`verify`] checks
//! a sealed package before it is printed.

mod exit;
pub mod gate;
mod part1;
pub mod seal;
pub mod verify;

pub use part1::Part1;
