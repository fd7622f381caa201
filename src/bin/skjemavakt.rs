//! The back-office command line. Everything is in [`skjemavakt::cli`]; see `skjemavakt --help`
//! and README.md, "Back office: the command line".

#![forbid(unsafe_code)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(skjemavakt::cli::main());
}

/// The crate also builds for wasm32 (the web package); the command line has no place there.
#[cfg(target_arch = "wasm32")]
fn main() {}
