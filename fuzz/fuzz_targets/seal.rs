//! `skjemavakt seal` on arbitrary input: the API function the command line calls (with part
//! 1 from the input or the example patient's), then the whole command line itself (part 2 on
//! standard input). See `skjemavakt::fuzzing::seal` and `fuzz/cli_path.rs`.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../cli_path.rs"]
mod cli_path;

fuzz_target!(|data: &[u8]| {
    skjemavakt::fuzzing::seal(data);
    cli_path::seal_cli(data);
});
