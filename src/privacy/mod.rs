//! The privacy gate.
