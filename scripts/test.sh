#!/usr/bin/env bash
# Runs every test: formatting, clippy (native with and without the command line, and wasm32),
# native tests (unit, integration, doc; the library's own also without the default features),
# the wasm package build with its size line (failing over the size budget), wasm-bindgen
# tests in headless Chromium, the page tests (playwright-core + Debian's Chromium), and the
# consumer test of the npm package (tests/consumer/).
# Installs what is missing first.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$DIR/ensure-tools.sh"
ensure_wasm
ensure_browser
ensure_valgrind
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check

# Native: with the command line (the default features), and the library alone (what a
# library user gets with `default-features = false`). wasm32: the package's configuration.
say "clippy (native, with the command line)"
cargo clippy --quiet --all-targets --features cli -- -D warnings
say "clippy (native, the library alone)"
cargo clippy --quiet --all-targets --no-default-features -- -D warnings
say "clippy (wasm32)"
cargo clippy --quiet --all-targets --target wasm32-unknown-unknown --no-default-features -- -D warnings

say "native tests"
cargo test --quiet --features cli
say "native library tests without the default features (long texts' windows one after the other)"
cargo test --quiet --no-default-features --lib
# The learned name finder's weights rebuilt from NorNE and compared byte for byte with
# src/privacy/names/model.bin (training takes seconds in a release build, minutes in a debug
# one); skipped with a message when ../shared/data/norne is not there.
say "name finder: the weights are what training gives (release)"
cargo test --quiet --release --test names_norne training_rebuilds_the_committed_weights

say "wasm package"
"$DIR/build-pkg.sh"

say "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --no-default-features --test web

say "page tests (playwright-core, headless Chromium)"
node --test tests/page/

# The npm package as a hospital web developer gets it: npm pack, installed into a small Vite +
# TypeScript app (its TypeScript and Vite from the npm registry, by its own lockfile, once),
# tsc --strict over the README's examples, the app and every result, vite build run in
# Chromium under the CSP, and vite dev.
say "consumer test (the npm package in a Vite + TypeScript app)"
node --test tests/consumer/
