#!/usr/bin/env bash
# Runs every test layer: lint (cargo fmt --check, cargo clippy --all-targets with
# warnings as errors), the Rust tests (cargo test --release, snapshots included), a
# 20 s smoke run of each fuzz target (scripts/fuzz.sh, which installs cargo-fuzz into
# .tools/), the wasm package from Node (node --test tests/node) and the page in headless Chromium
# (node --test tests/e2e). Installs what is missing first: the wasm toolchain and tools (through
# scripts/build.sh), Debian's chromium (apt, as root), and the npm test tools pinned by
# tests/package-lock.json (npm ci into tests/node_modules).
# Exits non-zero when any layer fails; each runner's summary is printed as it goes.
# Arguments name the layers to run (default: all): bash scripts/test.sh lint rust
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

say() { printf '\n== test: %s\n' "$*" >&2; }
die() { printf 'test: error: %s\n' "$*" >&2; exit 1; }

layers="lint rust fuzz build node e2e"
for layer in "$@"; do
    [[ " $layers " == *" $layer "* ]] || die "unknown layer $layer (layers: $layers)"
done

# ---- what the layers need -----------------------------------------------------------
command -v cargo >/dev/null || die "cargo is needed (https://rustup.rs)"
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    command -v rustup >/dev/null || die "the lint layer needs rustfmt and clippy"
    say "installing rustfmt and clippy (rustup)"
    rustup component add rustfmt clippy || die "could not install rustfmt and clippy"
fi
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js 20+ with npm is needed"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js 20+ is needed (found $(node --version))"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "installing chromium (apt)"
        apt="apt-get -o DPkg::Lock::Timeout=900 -y -q"
        DEBIAN_FRONTEND=noninteractive $apt install chromium >/dev/null ||
            { $apt update >/dev/null && DEBIAN_FRONTEND=noninteractive $apt install chromium >/dev/null; } ||
            die "could not install chromium"
    else
        die "the browser tests need Debian's chromium: apt-get install -y chromium (as root)"
    fi
fi

# npm ci only when the lockfile changed since the last install.
lock_sum="$(sha256sum tests/package-lock.json | cut -d' ' -f1)"
if [ "$(cat tests/node_modules/.installed-from 2>/dev/null)" != "$lock_sum" ]; then
    say "installing the npm test tools (npm ci in tests/)"
    (cd tests && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
    echo "$lock_sum" >tests/node_modules/.installed-from
fi

# ---- the layers ---------------------------------------------------------------------
failed=()
summary=()
only=" $* "
wanted() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }
run_layer() {
    local name="$1" started=$SECONDS
    shift
    wanted "$name" || return 0
    say "$name: $*"
    if "$@"; then
        summary+=("ok      $name ($((SECONDS - started)) s)")
    else
        summary+=("FAILED  $name ($((SECONDS - started)) s)")
        failed+=("$name")
    fi
}

lint() {
    local ok=0
    cargo fmt --check || { echo "lint: cargo fmt --check failed (run cargo fmt)" >&2; ok=1; }
    cargo fmt --check --manifest-path fuzz/Cargo.toml ||
        { echo "lint: cargo fmt --check failed in fuzz/ (run cargo fmt there)" >&2; ok=1; }
    cargo clippy --all-targets --quiet -- -D warnings || { echo "lint: clippy failed" >&2; ok=1; }
    return $ok
}

run_layer "lint" lint
run_layer "rust" cargo test --release
run_layer "fuzz" bash scripts/fuzz.sh 20
run_layer "build" bash scripts/build.sh
if [[ " ${failed[*]} " == *" build "* ]] && { wanted node || wanted e2e; }; then
    summary+=("skipped node, e2e (no wasm package)")
else
    run_layer "node" node --test --test-reporter=spec tests/node
    run_layer "e2e" node --test --test-reporter=spec tests/e2e
fi

printf '\n== test summary (%d s)\n' "$SECONDS"
printf '  %s\n' "${summary[@]}"
[ ${#failed[@]} -eq 0 ] || { echo "test: failed: ${failed[*]}" >&2; exit 1; }
