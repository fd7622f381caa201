//! Writes the rules page from the rule catalogue:
//! `cargo run --example rules_doc > docs/rules.md` (a test fails when the committed page is
//! out of date).

fn main() {
    print!("{}", skjemavakt::catalogue::markdown());
}
