#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32), native tests (unit, integration,
# doc), the wasm package build with its size line, wasm-bindgen tests in headless Chromium,
# and the page tests (playwright-core + Debian's Chromium). Installs what is missing first.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$DIR/ensure-tools.sh"
ensure_wasm
ensure_browser
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check

say "clippy (native)"
cargo clippy --quiet --all-targets -- -D warnings
say "clippy (wasm32)"
cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings

say "native tests"
cargo test --quiet

say "wasm package"
"$DIR/build-pkg.sh"

say "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

say "page tests (playwright-core, headless Chromium)"
node --test tests/page/
