#!/usr/bin/env bash
# Side-by-side: the same plain-text corpus scanned for Norwegian national identity numbers by
# `skjemavakt scan` and by a python-stdnum-based scanner (the reference a user would otherwise
# pick: python-stdnum's stdnum.no.fodselsnummer.is_valid on regex candidates).
# Reports wall time (best of 3, process start included), the speed ratio, and both tools'
# recall and false positives on national identity numbers.
#
# Not part of the default test run. Usage: scripts/compare-stdnum.sh [LINES]   (default 20000)
# Needs python3 (venv) and PyPI; installs python-stdnum into target/compare-venv.
#
# Why not Presidio: presidio-analyzer's default setup loads a spaCy model, which cannot be
# downloaded here, and it has no recognizer for Norwegian national identity numbers; with a
# blank NLP engine it would be a regex plus our own checksum — i.e. the stdnum scanner below.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LINES="${1:-20000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WORK="$CARGO_TARGET_DIR/compare"
VENV="$CARGO_TARGET_DIR/compare-venv"
mkdir -p "$WORK"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c "import stdnum" 2>/dev/null || "$VENV/bin/pip" install --quiet python-stdnum
(cd "$ROOT" && cargo build --quiet --release --features cli --bin skjemavakt)
BIN="$CARGO_TARGET_DIR/release/skjemavakt"

"$VENV/bin/python" - "$WORK" "$LINES" "$BIN" <<'PY'
import json, random, re, subprocess, sys, time
from stdnum.no import fodselsnummer

work, n_lines, binary = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(20250601)  # deterministic corpus

W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

def check(digits, weights):
    r = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return 0 if r == 11 else r

def make_fnr(d_number=False):
    """A valid fødselsnummer (or D-number: day + 40), check digits per Skatteetaten
    (weights K1 3,7,6,1,8,9,4,5,2; K2 5,4,3,2,7,6,5,4,3,2)."""
    while True:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1930, 2020)
        ind = rng.randint(0, 499) if year < 2000 else rng.randint(500, 999)
        base = f"{day + (40 if d_number else 0):02d}{month:02d}{year % 100:02d}{ind:03d}"
        k1 = check(base, W1)
        if k1 == 10:
            continue
        k2 = check(base + str(k1), W2)
        if k2 == 10:
            continue
        s = base + str(k1) + str(k2)
        assert fodselsnummer.is_valid(s) or d_number
        return s

def written(s):
    style = rng.randrange(5)
    if style == 0: return s
    if style == 1: return f"{s[:6]} {s[6:]}"
    if style == 2: return f"{s[:6]}-{s[6:]}"
    if style == 3: return f"{s[:2]}.{s[2:4]}.{s[4:6]} {s[6:9]} {s[9:]}"
    return f"{s[:6]}\u00a0{s[6:]}"

fillers = [
    "Pasienten har ikke-småcellet lungekreft med ROS1-fusjon.",
    "Kontroll med CT thorax/abdomen etter 8 og 16 uker (RECIST 1.1).",
    "Ingen vesentlig komorbiditet; ECOG 1, går tur daglig.",
    "Legemiddelkostnad kr 245 000 per måned, oppfølging ved lokalsykehuset.",
]
distractors = [
    lambda: f"Telefon {rng.randint(40000000, 99999999)}.",
    lambda: f"Kontonummer {rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}.",
    lambda: f"Saksnummer {rng.randint(10**10, 10**11 - 1)} i arkivet.",  # 11 digits, mostly invalid
    lambda: f"Nye metoder ID2023_{rng.randint(1, 999):03d}.",
]

text_parts, truth, pos = [], [], 0
def add(s):
    global pos
    text_parts.append(s)
    pos += len(s.encode("utf-8"))

for i in range(n_lines):
    add(rng.choice(fillers) + " ")
    if i % 4 == 0:
        fnr = make_fnr(d_number=(i % 20 == 0))
        w = written(fnr)
        add("Fnr. " if i % 8 else "Fødselsnummer: ")
        start = pos
        add(w)
        truth.append((start, pos))
        add(". ")
    if i % 3 == 0:
        add(rng.choice(distractors)() + " ")
    add("\n")
text = "".join(text_parts)
corpus = f"{work}/corpus.txt"
with open(corpus, "w", encoding="utf-8") as f:
    f.write(text)
size = len(text.encode("utf-8"))

# --- the python-stdnum scanner (byte offsets, to compare with skjemavakt's spans) ---------
CAND = re.compile(r"(?<![\d.])(\d{2}\.?\d{2}\.?\d{2}[ \u00a0.-]?\d{3} ?\d{2})(?![\d])")
def stdnum_scan(t):
    out, last_char, last_byte = [], 0, 0
    for m in CAND.finditer(t):
        digits = re.sub(r"\D", "", m.group(1))
        if len(digits) == 11 and fodselsnummer.is_valid(digits):
            last_byte += len(t[last_char : m.start(1)].encode("utf-8"))  # linear
            last_char = m.start(1)
            out.append((last_byte, last_byte + len(m.group(1).encode("utf-8"))))
    return out

def score(found):
    hit = sum(1 for (a, b) in truth if any(x < b and a < y for (x, y) in found))
    fp = sum(1 for (x, y) in found if not any(x < b and a < y for (a, b) in truth))
    return hit / len(truth), fp

def best_of(n, fn):
    best, res = None, None
    for _ in range(n):
        t0 = time.perf_counter(); res = fn(); dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    return best, res

def run_stdnum():
    # As a user would run it: a fresh interpreter that imports stdnum and scans the file.
    code = ("import re,sys,json\nfrom stdnum.no import fodselsnummer\n"
            f"CAND=re.compile({CAND.pattern!r})\n"
            "t=open(sys.argv[1],encoding='utf-8').read()\nout=[]\n"
            "for m in CAND.finditer(t):\n"
            "  d=re.sub(r'\\D','',m.group(1))\n"
            "  if len(d)==11 and fodselsnummer.is_valid(d): out.append(m.start(1))\n"
            "print(len(out))\n")
    subprocess.run([sys.executable, "-c", code, corpus], check=True, capture_output=True)

def run_skjemavakt():
    p = subprocess.run([binary, "scan", "--text", "--format", "json", corpus],
                       capture_output=True, check=False)
    if p.returncode not in (0, 1):
        sys.exit(f"skjemavakt failed: {p.stderr.decode()}")
    return json.loads(p.stdout)["findings"]

t_sv, findings = best_of(3, run_skjemavakt)
t_py, _ = best_of(3, run_stdnum)
py_found = stdnum_scan(text)  # the same scanner in-process, for byte offsets (not timed)
sv_nid = [(f["span"]["start"], f["span"]["end"]) for f in findings if f["kind"] == "national_id"]
sv_any = sv_nid + [(f["span"]["start"], f["span"]["end"]) for f in findings if f["kind"] == "possible_national_id"]
r_sv, fp_sv = score(sv_nid)
r_sv_any, _ = score(sv_any)
r_py, fp_py = score(py_found)

print(f"corpus: {n_lines} lines, {size / 1e6:.2f} MB, {len(truth)} national identity numbers "
      f"(fødselsnummer and D-numbers; plain, space, dash, dotted and no-break-space writings)")
print(f"{'tool':<34} {'time (s)':>9} {'MB/s':>7} {'recall':>8} {'false pos.':>11}")
print(f"{'skjemavakt scan (national_id)':<34} {t_sv:>9.3f} {size / 1e6 / t_sv:>7.2f} {r_sv:>8.3f} {fp_sv:>11}")
print(f"{'python-stdnum ' + __import__('stdnum').__version__ + ' scanner':<34} {t_py:>9.3f} {size / 1e6 / t_py:>7.2f} {r_py:>8.3f} {fp_py:>11}")
print(f"skjemavakt recall counting possible_national_id too: {r_sv_any:.3f}")
print(f"speed ratio (python-stdnum time / skjemavakt time): {t_py / t_sv:.2f}")
fp_spans = [(x, y) for (x, y) in sv_nid if not any(x < b and a < y for (a, b) in truth)]
raw = text.encode("utf-8")
also_stdnum = sum(1 for (x, y) in fp_spans
                  if fodselsnummer.is_valid(re.sub(rb"\D", b"", raw[x:y]).decode()))
print(f"skjemavakt's national_id matches outside the inserted numbers: {len(fp_spans)}; "
      f"python-stdnum accepts {also_stdnum} of those digit strings too (skjemavakt also accepts "
      f"H-, FH- and synthetic numbers and the 2032 check digits)")
print(f"skjemavakt found {len(findings)} identifiers of all kinds "
      f"({', '.join(sorted(set(f['kind'] for f in findings)))})")
PY
