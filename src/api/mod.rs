//! The JSON-in, JSON-out API shared by the wasm package and the CLI: everything the shells
//! need, so that they only convert (JS values, files, the terminal) and call here.
//!
//! Both shells convert their input to [`serde_json::Value`], call a function here, and
//! serialise the result. Nothing here throws: input of the wrong shape gives diagnostics
//! (codes `input.*`), so the page's validator never dies on what a user or a page sends.
//! Every function takes the [`Options`] and the diagnostics the shell found while converting
//! its arguments (`pre`), which come first in the result.
//!
//! | family | functions |
//! |---|---|
//! | [`options`] | [`Options::from_json`], [`parse_hex`] |
//! | [`validate`](mod@validate) | [`validate()`], [`cost_summary`], [`check_text`] (the CLI's `check`) |
//! | [`scan`](mod@scan) | [`scan()`], [`scan_field`], [`redact`], [`finding_kinds`], [`keep_reasons`] |
//! | [`submission`] | [`prepare_submission`], [`check_submission`] |
//! | [`reference`](mod@reference) | [`check_reference`], [`build_reference`], [`registry`] |
//! | [`rules`] | [`catalogue`], [`catalogue_info`] |
//! | [`fields`](mod@fields) | [`fields()`] (the drop-in guard's view of a form kind) |
//! | [`schema`](mod@schema) | [`schema()`]: the JSON Schema of a form kind at a stage |
//! | [`render`](mod@render) | [`render()`]: the printable application of a sealed package |
//! | [`report`] | [`return_notice`]: the coordinator's return notice of an application |
//! | [`typescript`] | [`typescript::declarations`]: the package's generated TypeScript types |

pub mod fields;
pub mod options;
pub mod reference;
pub mod render;
pub mod report;
pub mod rules;
pub mod scan;
pub mod schema;
pub mod submission;
pub mod typescript;
pub mod validate;

pub use crate::input::{parse_json, type_error, MAX_TEXT_BYTES};
pub use crate::privacy::{Kept, Reason as KeepReason};
pub use fields::{fields, FieldInfo, FieldsResult};
pub use options::{parse_hex, Options};
pub use reference::{build_reference, check_reference, registry, ReferenceResult};
pub use render::{render, render_with, RenderResult};
pub use report::{return_notice, return_notice_text, ReturnNotice};
pub use rules::{catalogue, catalogue_info, RuleInfo, Texts3};
pub use scan::{
    finding_kinds, keep_reasons, redact, scan, scan_field, FindingKindInfo, FindingOut,
    KeepReasonInfo, RedactResult, ScanResult,
};
pub use schema::{schema, SchemaResult};
pub use submission::{check_submission, prepare_submission, SubmissionCheck, SubmissionResult};
pub use validate::{check_text, cost_summary, validate, ValidateResult};
