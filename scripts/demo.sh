#!/usr/bin/env bash
# The main job: builds the wasm package and serves the demo pages on http://127.0.0.1:8080
# (PORT=… to change). Installs what is missing first.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$DIR/build-pkg.sh"
source "$DIR/ensure-tools.sh"
exec node "$ROOT/scripts/serve.mjs" --port "${PORT:-8080}"
