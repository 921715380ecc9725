#!/usr/bin/env bash
# Runs the coverage-guided fuzz targets of fuzz/ (cargo-fuzz, libFuzzer) one after
# another, each for SECONDS, one fuzzing process at a time. The test command runs it
# for 20 s a target as a smoke run; long runs give more (see fuzz/README.md).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 20 s each, every target)
#
# Installs cargo-fuzz into .tools/ (ignored) when it is missing, once. Each target
# starts from its seeds (the shipped stories and tests/data/regressions/ for analyze,
# fuzz/seeds/TARGET/ for the others) and its own corpus fuzz/corpus/TARGET/ (ignored),
# which keeps what earlier runs found. A failure leaves the input in
# fuzz/artifacts/TARGET/ and exits non-zero; fuzz/README.md says how to turn it into
# a regression file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze jsonl options)

say() { printf 'fuzz: %s\n' "$*" >&2; }

cargo_fuzz_version=0.13.2
tools="$root/.tools"
if ! [ "$("$tools/bin/cargo-fuzz" --version 2>/dev/null)" = "cargo-fuzz $cargo_fuzz_version" ]; then
    say "installing cargo-fuzz $cargo_fuzz_version into .tools/ (once; about 1.5 min of CPU)"
    cargo install --quiet --locked cargo-fuzz --version "=$cargo_fuzz_version" --root "$tools" --force
fi
export PATH="$tools/bin:$PATH"
# No sanitizer: the crate forbids unsafe code, and AddressSanitizer would cost half
# the executions. Without one, every flag cargo-fuzz passes is stable (no
# RUSTC_BOOTSTRAP needed; fuzz/README.md). Release build with debug assertions and
# overflow checks (cargo-fuzz's default).
fuzz_build=(--sanitizer none)

cargo fuzz build "${fuzz_build[@]}"
for target in "${targets[@]}"; do
    case "$target" in
        analyze) seeds=(tests/fixtures tests/data/regressions) ;;
        *) seeds=("fuzz/seeds/$target") ;;
    esac
    mkdir -p "fuzz/corpus/$target"
    say "$target: ${seconds} s"
    log="fuzz/target/$target.log"
    # -timeout: one input taking 10 s is a hang (analyze is linear; 8 KiB takes ~1 ms).
    status=0
    cargo fuzz run "${fuzz_build[@]}" "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log" >&2
        say "$target: FAILED (exit $status); the input is in fuzz/artifacts/$target/, the log in $log"
        exit 1
    fi
done
say "no failure in ${targets[*]} (${seconds} s each)"
