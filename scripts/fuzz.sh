#!/usr/bin/env bash
# Runs the property tests of tests/properties.rs (analyze on generated and arbitrary
# text; the JSON-lines reader on arbitrary bytes) for a fixed time budget, in rounds
# of fresh random cases, stopping at the first failure. A failure is shrunk by proptest
# and recorded in tests/data/regressions/properties.proptest-regressions; copy the
# shrunk input into tests/data/regressions/found-NAME.txt when you fix it.
#
#   scripts/fuzz.sh [SECONDS]     (default 300)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

budget="${1:-300}"
cases_per_round="${CASES_PER_ROUND:-20000}"
cargo test --release --quiet --test properties --no-run
deadline=$(( $(date +%s) + budget ))
rounds=0
while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! PROPTEST_CASES="$cases_per_round" cargo test --release --quiet --test properties >"$root/target/fuzz.log" 2>&1; then
        cat "$root/target/fuzz.log"
        echo "fuzz: FAILED in round $((rounds + 1)); see tests/data/regressions/properties.proptest-regressions"
        exit 1
    fi
    rounds=$((rounds + 1))
    echo "fuzz: round $rounds passed ($cases_per_round cases per property)"
done
echo "fuzz: $rounds rounds, $((rounds * cases_per_round)) cases per property, no failure in ${budget}s"
