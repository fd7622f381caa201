//! The sections of the forms, each with its fields, labels, checks and rules across fields,
//! in the order of Tilgangsordningen part 2 (nye-metoder-tilgangsordningen.txt, "Fyll ut
//! søknad – Behandlingsansvarlig lege (del 2)"). Helse Bergen's forms share them where the
//! content is the same (helse-bergen-behandling-av-soknad-1.2.2.5-16.txt §3.3).
//!
//! | section | fields | codes |
//! |---|---|---|
//! | [`application`] | `/reference`, `/application/…` | `application.*` |
//! | [`patient`] | `/patient/…` | `patient.*` |
//! | [`treatment`] | `/treatment/…` | `treatment.*` |
//! | [`costs`] | `/costs/…`, and the cost summary | `cost.*` |
//! | [`exceptionality`] | `/exceptionality/…`, `/overall_assessment` | `exceptionality.*` |
//! | [`literature`] | `/literature/{i}/…` | `literature.*` |
//! | [`approvals`] | `/approvals/…` | `approval.*` |
//!
//! Part 1 and the sections only Helse Bergen's forms have are in [`super::kinds`].

pub mod application;
pub mod approvals;
pub mod costs;
pub mod exceptionality;
pub mod literature;
pub mod patient;
pub mod treatment;
