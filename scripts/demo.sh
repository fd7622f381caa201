#!/usr/bin/env bash
# The main job: builds the wasm package and serves the demo pages on http://127.0.0.1:8080
# (PORT=… to change). Installs what is missing first. The CLI is built too: the demo server's
# receiving end (/mottak) checks each sealed package with `skjemavakt seal`, as a hospital's
# server should.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$DIR/build-pkg.sh"
source "$DIR/ensure-tools.sh"
say "Building the CLI (the demo server's check of what it receives)"
(cd "$ROOT" && cargo build --quiet --features cli --bin skjemavakt)
exec node "$ROOT/scripts/serve.mjs" --port "${PORT:-8080}"
