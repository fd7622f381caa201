//! Trains the learned name finder (`skjemavakt::privacy::names::model`) on NorNE and writes its
//! weights and their description: `src/privacy/names/model.bin` and `model.md`.
//!
//! ```text
//! cargo run --release --example train_names -- ../shared/data/norne            # rebuild
//! cargo run --release --example train_names -- ../shared/data/norne --check    # compare
//! cargo run --release --example train_names -- ../shared/data/norne --compare  # variants
//! cargo run --release --example train_names -- ../shared/data/norne --grid     # thresholds
//! cargo run --release --example train_names -- ../shared/data/norne --cv=15,17,10,15
//! cargo run --release --example train_names -- ../shared/data/norne --errors=nno
//! ```
//!
//! `--grid` lists every threshold pair within the false-alarm budget with its dev scores
//! and how many look-alike lines (tests/corpus/lookalikes.txt) the model alone flags;
//! `--cv=SET,BITS,EPOCHS,TOP[,VOCAB_BITS,VOCAB_MIN]` cross-validates a variant on train;
//! `--errors=LANG` prints dev's missed names and false alarms to the terminal (NorNE's
//! sentences are never written to a file).
//!
//! The program is in `examples/native/train_names.rs` (native only: it reads files).
#[cfg(target_arch = "wasm32")]
fn main() {}
#[cfg(not(target_arch = "wasm32"))]
include!("native/train_names.rs");
