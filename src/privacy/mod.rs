//! The privacy gate.

pub mod names;
pub mod normalize;
