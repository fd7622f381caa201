//! The privacy gate.

pub mod detect;
pub mod names;
pub mod normalize;
pub mod seal;
