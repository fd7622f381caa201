#![no_main]
//! Fuzz target: the invariants of `skjemavakt::fuzzing::amounts` (see src/fuzzing.rs).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| skjemavakt::fuzzing::amounts(data));
