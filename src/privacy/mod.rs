//! The privacy gate.
pub mod seal;
