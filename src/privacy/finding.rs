//! What a scan reports: [`Finding`]s, per field in [`FieldFindings`] — never the text.

use super::FindingKind;
use crate::diagnostic::{Pointer, Span};
use serde::Serialize;

/// One identifier found in a text: kind, byte and UTF-16 offsets in the original text, and
/// confidence. Never the text itself.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub span: Span,
    pub confidence: f32,
}

/// Findings in one field of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldFindings {
    pub path: Pointer,
    pub findings: Vec<Finding>,
}
