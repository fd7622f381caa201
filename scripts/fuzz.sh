#!/usr/bin/env bash
# Runs every fuzz target (cargo-fuzz, libFuzzer) on its corpus in fuzz/corpus/<target>/ until
# it has executed RUNS inputs (default 1 000 000), one after the other, and prints for each
# target the executions, the time and the corpus size (a table at the end). A crash stops the
# run: libFuzzer writes the input to fuzz/artifacts/<target>/; add it to the corpus and a
# regression test (tests/fuzz_smoke.rs) with the fix.
#
#   scripts/fuzz.sh                     every target, 1 000 000 executions each
#   RUNS=50000 scripts/fuzz.sh scan     one target, fewer executions
#   MAX_TIME=600 scripts/fuzz.sh        at most 600 s per target (whichever comes first)
#   scripts/fuzz.sh --seed              rebuild the corpus first: the current corpus, the
#                                       example documents, the privacy corpus's sentences and
#                                       the adversarial gate cases (tests/adversarial.rs),
#                                       minimised with `cargo fuzz cmin`
#
# After each run the corpus is minimised again (`cargo fuzz cmin`), so what the run found is
# kept in as few files as reach the same code; commit fuzz/corpus/ after a long run.
#
# Not part of the default test run; tests/fuzz_smoke.rs runs the same invariants briefly
# there. The toolchain here is stable, so cargo-fuzz's -Z flags are enabled with
# RUSTC_BOOTSTRAP=1. The crate forbids unsafe code, so the targets are built without a
# sanitizer (`-s none`: several times the executions per second); debug assertions stay on.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1
ALL=(identifiers amounts references forms scan gate seal)
RUNS="${RUNS:-1000000}"
MAX_TIME="${MAX_TIME:-0}"
# The longest input per target: the example applications are about 4 KB, with room for what a
# mutation adds; a text for the scanner 4 KB; a number, an amount, a reference 1 KB.
max_len() {
  case "$1" in
    forms | gate | seal) echo "${MAX_LEN:-16384}" ;;
    scan) echo "${MAX_LEN:-4096}" ;;
    *) echo "${MAX_LEN:-1024}" ;;
  esac
}

# Minimises a target's corpus in place: the fewest files that reach every edge the corpus
# reaches (-use_counters=0: an edge counts once, not by how often it runs).
minimise() {
  fuzz cmin "$1" "fuzz/corpus/$1" -- -max_len="$(max_len "$1")" -use_counters=0 2>&1 | tail -n 1
  echo "    $(ls "fuzz/corpus/$1" | wc -l) files kept"
}
seed=0
targets=()
for a in "$@"; do
  case "$a" in
    --seed) seed=1 ;;
    *) targets+=("$a") ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${ALL[@]}")

fuzz() { cargo fuzz "$1" -s none "${@:2}"; }

if [ "$seed" = 1 ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  SKJEMAVAKT_SEED_DIR="$tmp/adversarial" cargo test --quiet --test adversarial seeds_for_the_fuzz_corpus >/dev/null
  # The privacy corpus, a sentence a file (comments left out, ⟦kind:value⟧ as its value).
  mkdir -p "$tmp/sentences"
  n=0
  for f in tests/corpus/*.txt; do
    while IFS= read -r line; do
      case "$line" in '#'* | '') continue ;; esac
      n=$((n + 1))
      printf '%s' "$line" | sed -E 's/⟦[a-z_]+:([^⟧]*)⟧/\1/g; s/^!//' >"$tmp/sentences/sentence-$n.txt"
    done <"$f"
  done
  for t in "${targets[@]}"; do
    new="$tmp/new-$t"
    mkdir -p "$new" "fuzz/corpus/$t"
    cp fuzz/corpus/"$t"/* "$new"/ 2>/dev/null || true
    cp tests/data/*.json "$new"/
    case "$t" in
      forms | gate) cp "$tmp"/adversarial/documents/* "$new"/ ;;
      seal) cp "$tmp"/adversarial/documents/* "$tmp"/adversarial/pairs/* "$new"/ ;;
      *) cp "$tmp"/sentences/* "$tmp"/adversarial/texts/* tests/data/cli/*.txt "$new"/ ;;
    esac
    echo "==> $t: $(ls "$new" | wc -l) seeds, minimising"
    rm -rf "fuzz/corpus/$t"
    mv "$new" "fuzz/corpus/$t"
    minimise "$t"
  done
fi

report=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "==> fuzzing $t: $RUNS executions"
  log="$(mktemp)"
  start=$(date +%s)
  limit=()
  [ "$MAX_TIME" != 0 ] && limit=(-max_total_time="$MAX_TIME")
  if ! fuzz run "$t" "fuzz/corpus/$t" -- -runs="$RUNS" -max_len="$(max_len "$t")" "${limit[@]}" \
    -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $t failed; the input is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  secs=$(($(date +%s) - start))
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n 1)
  rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -n 1)
  rm -f "$log"
  # What the run added, minimised again: the corpus in the repository stays small.
  minimise "$t" >/dev/null
  files=$(ls "fuzz/corpus/$t" | wc -l)
  line=$(printf '%-12s %12s executions %7s s %8s exec/s %5s corpus files' "$t" "${execs:-?}" "$secs" "${rate:-?}" "$files")
  echo "$line"
  report+=("$line")
done
echo
echo "fuzz: every target ran without a crash"
printf '%s\n' "${report[@]}"
