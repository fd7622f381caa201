#![no_main]
//! Fuzz target: the invariants of `skjemavakt::fuzzing::identifiers` (see src/fuzzing.rs).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| skjemavakt::fuzzing::identifiers(data));
