#!/usr/bin/env bash
# Runs every benchmark and prints the numbers the README quotes:
#   1. the scaling check (analysis time per byte for 1 KB ... 10 MB inputs, within 1.5x);
#   2. criterion benches of `analyze` (skipped with --quick);
#   3. `--jsonl` throughput of the CLI on one core and on all;
#   3b. the README's GNU parallel recipe (when `parallel` is installed) gives the same output;
#   4. peak memory of the CLI on a 10 MB story (/usr/bin/time -v, when installed);
#   5. the Node benchmark: wasm package vs compromise (throughput, cold start, gzip size);
#      builds www/pkg with scripts/build.sh when it is missing.
#
#   scripts/bench.sh [--quick] [STORY_DIR...]    (STORY_DIRs: more *.txt stories for 5)
#
# Exits 1 when the scaling check or the peak-memory budget fails; the other numbers are
# for reading. Outputs go to target/bench/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=false
dirs=()
for arg in "$@"; do
    case "$arg" in
        --quick) quick=true ;;
        -*) echo "usage: scripts/bench.sh [--quick] [STORY_DIR...]" >&2; exit 2 ;;
        *) dirs+=("$(cd "$arg" && pwd)") ;;
    esac
done
out="$root/target/bench"
mkdir -p "$out"
failed=()
say() { printf '\n== %s\n' "$*"; }

cargo build --release --quiet
cli="$root/target/release/article-analyzer"

say "scaling: ns per byte of analyze, 1 KB to 10 MB"
cargo bench --quiet --bench scaling || failed+=("scaling")

if ! $quick; then
    say "criterion: analyze on each story, the corpus, growing inputs"
    cargo bench --quiet --bench analyze -- --noplot 2>&1 | grep -E '^[a-z]|thrpt' || true
fi

# A 10 MB story and a ~40 MB JSON-lines archive, made from the shipped stories.
python3 - "$out" <<'PY'
import json, pathlib, sys
root, out = pathlib.Path("."), pathlib.Path(sys.argv[1])
texts = [p.read_text() for d in ("tests/fixtures", "benches/stories") for p in sorted((root / d).glob("*.txt"))]
story = ""
while len(story.encode()) < 10_000_000:
    story += "\n\n".join(texts) + "\n\n"
(out / "story-10mb.txt").write_text(story)
with open(out / "archive.jsonl", "w") as f:
    for i in range(2_000):
        for j, t in enumerate(texts):
            f.write(json.dumps({"id": f"{i}-{j}", "text": t, "reference_date": "2024-05-02"}) + "\n")
PY

say "--jsonl throughput ($(du -m "$out/archive.jsonl" | cut -f1) MB, $(wc -l <"$out/archive.jsonl") lines)"
cores=$(nproc)
for threads in 1 "$cores"; do
    start=$(date +%s.%N)
    "$cli" --jsonl --threads "$threads" <"$out/archive.jsonl" >"$out/archive.out.$threads.jsonl"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$out/archive.jsonl")" -v t="$threads" \
        'BEGIN { printf "%2d thread(s): %6.2f s, %6.1f MB/s\n", t, e - s, b / 1e6 / (e - s) }'
done
cmp -s "$out/archive.out.1.jsonl" "$out/archive.out.$cores.jsonl" ||
    { echo "output differs between 1 and $cores threads"; failed+=("jsonl order"); }

if command -v parallel >/dev/null; then
    say "GNU parallel: the README's sharding recipe gives the same lines as one process"
    start=$(date +%s.%N)
    parallel --pipe --keep-order --block 8M -j "$cores" "$cli" --jsonl --threads 1 \
        <"$out/archive.jsonl" >"$out/archive.out.parallel.jsonl"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$out/archive.jsonl")" \
        'BEGIN { printf "parallel --pipe: %6.2f s, %6.1f MB/s\n", e - s, b / 1e6 / (e - s) }'
    cmp -s "$out/archive.out.1.jsonl" "$out/archive.out.parallel.jsonl" && echo "same output" ||
        { echo "output differs under GNU parallel"; failed+=("parallel recipe"); }
fi

say "peak memory: one 10 MB story through the CLI (budget 100 MB)"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$cli" "$out/story-10mb.txt" 2>"$out/time.txt" >/dev/null
    peak_kb=$(awk -F': ' '/Maximum resident/ { print $2 }' "$out/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall/ { print $2 }' "$out/time.txt")
    echo "peak RSS $((peak_kb / 1024)) MB, wall $wall"
    [ "$peak_kb" -lt $((100 * 1024)) ] || failed+=("peak memory")
else
    echo "skipped: /usr/bin/time missing (Debian package 'time')"
fi

say "Node: wasm package vs compromise"
if command -v node >/dev/null; then
    [ -f www/pkg/article_analyzer_bg.wasm ] || scripts/build.sh
    [ -d benches/node/node_modules/compromise ] ||
        (cd benches/node && npm ci --silent --no-audit --no-fund)
    node --expose-gc benches/node/bench.mjs --json "$out/node.json" "${dirs[@]}"
else
    echo "skipped: no node"
fi

if [ ${#failed[@]} -gt 0 ]; then
    say "FAILED: ${failed[*]}"
    exit 1
fi
say "all benchmarks within their budgets"
