#!/usr/bin/env bash
# Runs every fuzz target with cargo-fuzz (libFuzzer) for a bounded time each (default 60 s:
# SECONDS_PER_TARGET=600 ./scripts/fuzz.sh for a longer run). Not part of the default test
# run; tests/fuzz_smoke.rs runs the same invariants briefly there. The toolchain here is
# stable, so cargo-fuzz's -Z flags are enabled with RUSTC_BOOTSTRAP=1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
secs="${SECONDS_PER_TARGET:-60}"
mkdir -p fuzz/corpus
for t in identifiers amounts references forms scan gate; do
  mkdir -p "fuzz/corpus/$t"
  # Seed every target with the example documents.
  cp -n tests/data/*.json "fuzz/corpus/$t/" 2>/dev/null || true
  echo "==> fuzzing $t for ${secs}s"
  cargo fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -max_len=4096 2>&1 | tail -n 3
done
echo "fuzz: all targets ran ${secs}s each without a crash"
