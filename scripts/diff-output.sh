#!/usr/bin/env bash
# Checks that a change keeps the analyzer's output identical: runs the release CLI on
# the seed stories (tests/fixtures), the bench stories (benches/stories) and a 1 MB mix
# of both, in each offset unit, and saves or compares the JSON.
#
#   scripts/diff-output.sh save [DIR]    # record the current tree's output (default target/output-before)
#   scripts/diff-output.sh check [DIR]   # compare the current tree's output with DIR; exit 1 on a difference
#
# Use it around a refactor: save on the commit before, check after.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode="${1:-}"
dir="${2:-$root/target/output-before}"
case "$mode" in save | check) ;; *) echo "usage: scripts/diff-output.sh save|check [DIR]" >&2; exit 2 ;; esac

cargo build --release --quiet
cli="$root/target/release/article-analyzer"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
stories=(tests/fixtures/*.txt benches/stories/*.txt)
# The 1 MB mix: every story, blank-line separated, repeated past 1 MB.
mix="$out/mix-1mb.txt"
while [ "$(stat -c %s "$mix" 2>/dev/null || echo 0)" -lt 1048576 ]; do
    for s in "${stories[@]}"; do cat "$s"; printf '\n\n'; done >>"$mix"
done
for s in "${stories[@]}" "$mix"; do
    name="$(basename "$s" .txt)"
    for unit in utf16 utf8 chars; do
        "$cli" --offsets "$unit" --reference-date 2023-09-14 "$s" >"$out/$name.$unit.json"
    done
done

if [ "$mode" = save ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$out"/*.json "$dir"/
    echo "diff-output: saved $(ls "$dir" | wc -l) outputs to $dir"
else
    [ -d "$dir" ] || { echo "diff-output: nothing saved in $dir (run save first)" >&2; exit 2; }
    changed=0
    for f in "$dir"/*.json; do
        if ! cmp -s "$f" "$out/$(basename "$f")"; then
            echo "diff-output: differs: $(basename "$f")"
            changed=1
        fi
    done
    [ "$changed" = 0 ] && echo "diff-output: identical ($(ls "$dir" | wc -l) outputs)"
    exit "$changed"
fi
