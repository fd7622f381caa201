//! Benchmark entry point; the criterion code is native-only (benches/native/privacy.rs), so
//! the crate's targets also build for wasm32 (clippy runs there too).
#[cfg(target_arch = "wasm32")]
fn main() {}
#[cfg(not(target_arch = "wasm32"))]
include!("native/privacy.rs");
