//! The privacy gate.
pub mod detect;
pub mod seal;
