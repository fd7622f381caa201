//! The form kinds: which sections each has ([`Form::fields`]) and which rules across fields
//! run from which stage ([`Form::rules`]). The sections are in [`super::sections`]; what only
//! one kind has (part 1, Helse Bergen's own criteria) is in its kind's file.
//!
//! | kind | file |
//! |---|---|
//! | `tilgang-del1`, `tilgang-del2` | [`tilgang`] |
//! | `hb-exception-single`, `hb-exception-group`, `hb-offlabel-single`, `hb-offlabel-group` | [`hb`] |

pub mod hb;
pub mod tilgang;

use super::schema::{CrossCheck, Field};
use crate::diagnostic::Texts;

/// One form kind's layout.
#[derive(Debug)]
pub struct Form {
    /// The form's name.
    pub title: &'static Texts,
    /// The top-level fields, in the form's order (mostly one section each).
    pub fields: &'static [Field],
    /// The rules across fields, in the order they run; each from its stage.
    pub rules: &'static [&'static CrossCheck],
    /// True when the form has costs: the cost summary is computed.
    pub costs: bool,
}
