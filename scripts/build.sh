#!/usr/bin/env bash
# Builds the browser package into www/pkg/: the crate's lib for wasm32, twice, bound with
# wasm-bindgen (--target web) and optimized by wasm-opt, plus the files of www/pkg-src/:
#   article_analyzer.js + _bg.wasm       without the cargo feature `full`: what every
#                                        page loads (the download budget);
#   article_analyzer_full.js + _bg.wasm  with it (patterns, compare): loaded only by
#                                        callers who need them (`initFull()`).
# Also copies the sample stories (tests/fixtures/*.txt) into www/samples/.
#
# It picks the Rust route by itself (see ../shared/TOOLCHAIN.md for why there are two):
#   - rustup with the wasm32-unknown-unknown target installed: plain cargo;
#   - otherwise Debian's rustc-web + rust-web-src + lld-19, building std from source.
# Tools it installs itself (wasm-bindgen-cli) go in .tools/ (ignored), reused when present.
# Idempotent: a second run with nothing changed only re-copies files (a few seconds).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target=wasm32-unknown-unknown
profile=wasm-release
crate=article_analyzer
tools="$root/.tools"
pkg="$root/www/pkg"
# wasm-bindgen + wasm-opt output, kept between runs and keyed by the input wasm.
bound="$root/target/wasm-bound"

say() { printf 'build: %s\n' "$*" >&2; }
die() { printf 'build: error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }
has_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# apt-get install the given Debian packages that are missing; as root only.
# Returns 1 (without installing) when some are missing and we are not root.
apt_install() {
    local missing=() p
    for p in "$@"; do has_deb "$p" || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || return 1
    is_root || return 1
    say "installing ${missing[*]} (apt)"
    # Another apt run holding dpkg's lock makes this wait instead of failing.
    local apt=(apt-get -o DPkg::Lock::Timeout=900 -y -q)
    if ! DEBIAN_FRONTEND=noninteractive "${apt[@]}" install "${missing[@]}" >/dev/null; then
        say "apt-get install failed; running apt-get update and retrying"
        "${apt[@]}" update >/dev/null
        DEBIAN_FRONTEND=noninteractive "${apt[@]}" install "${missing[@]}" >/dev/null
    fi
}

# ---- 1. the two wasm modules, by whichever route this machine has -------------------
# cargo_wasm NAME [CARGO ARGS]: builds the lib and copies it to $modules/NAME.wasm.
modules="$root/target/wasm-modules"
mkdir -p "$modules"
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    say "route: rustup ($target installed)"
    cargo_wasm() {
        local name="$1"
        shift
        cargo build --locked --lib --target "$target" --profile "$profile" "$@"
        cp "$root/target/$target/$profile/$crate.wasm" "$modules/$name.wasm"
    }
else
    say "route: Debian rustc-web (rustup has no $target here)"
    debs=(rustc-web cargo-web rust-web-src lld-19)
    apt_install "${debs[@]}" || die "the wasm target needs the Debian packages: ${debs[*]}
  install them as root:  apt-get install -y ${debs[*]}
  (or, where rustup can download:  rustup target add $target)"
    cargo_wasm() {
        local name="$1"
        shift
        # Debian's toolchain in its own target dir, so it never invalidates rustup's builds.
        PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 \
            cargo build --locked --lib --target "$target" --profile "$profile" \
            --target-dir "$root/target/debian-web" -Zbuild-std=std,panic_abort "$@"
        cp "$root/target/debian-web/$target/$profile/$crate.wasm" "$modules/$name.wasm"
    }
fi
cargo_wasm "$crate" --no-default-features
cargo_wasm "${crate}_full" --features full

# ---- 2. wasm-bindgen-cli at exactly the version in Cargo.lock ----------------------
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$bindgen_version" ] || die "no wasm-bindgen in Cargo.lock"
bindgen="$tools/bin/wasm-bindgen"
if ! { [ -x "$bindgen" ] && [ "$("$bindgen" --version | awk '{print $2}')" = "$bindgen_version" ]; }; then
    say "installing wasm-bindgen-cli $bindgen_version into .tools/ (once; a few minutes)"
    # Only the one binary, without the TLS stack its test runner needs: half the build.
    cargo install --quiet wasm-bindgen-cli --version "=$bindgen_version" --root "$tools" --force \
        --no-default-features --bin wasm-bindgen
fi

# ---- 3. bind and shrink, only when the wasm changed --------------------------------
# wasm-opt from npm's binaryen, pinned: Debian's binaryen 108 points the export of
# wasm-bindgen's externref table at the function table (seen with 0.2.130: the module
# then fails to load with "Table.set(): ... must be null ... or a Wasm function").
binaryen_version=132.0.0
wasm_opt="$tools/node_modules/.bin/wasm-opt"
if ! { [ -x "$wasm_opt" ] && grep -q "\"version\": \"$binaryen_version\"" "$tools/node_modules/binaryen/package.json"; }; then
    if command -v npm >/dev/null; then
        say "installing binaryen $binaryen_version (wasm-opt) into .tools/ (npm, once)"
        npm install --silent --no-audit --no-fund --no-save --prefix "$tools" "binaryen@$binaryen_version" ||
            say "warning: npm could not install binaryen"
    fi
fi
# bind NAME: $modules/NAME.wasm bound and shrunk into $bound/NAME/, only when it changed.
bind() {
    local name="$1" out="$bound/$1"
    local stamp
    stamp="$(sha256sum "$modules/$name.wasm" | cut -d' ' -f1) bindgen-$bindgen_version binaryen-$([ -x "$wasm_opt" ] && echo "$binaryen_version")"
    [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ] && return 0
    rm -rf "$out"
    mkdir -p "$out"
    "$bindgen" --target web --out-dir "$out" "$modules/$name.wasm"
    if [ -x "$wasm_opt" ]; then
        # Features come from the module's own target_features section (reference types,
        # bulk memory, ...). Not --all-features: binaryen then rewrites types into typed
        # function references, which Node 20 cannot compile.
        "$wasm_opt" -O3 "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm.opt"
        mv "$out/${name}_bg.wasm.opt" "$out/${name}_bg.wasm"
    else
        say "warning: no wasm-opt (npm package binaryen); the .wasm is not optimized by wasm-opt"
    fi
    echo "$stamp" >"$out/.stamp"
}
bind "$crate"
bind "${crate}_full"

# ---- 4. assemble www/pkg/ and www/samples/ -----------------------------------------
rm -rf "$pkg"
mkdir -p "$pkg"
cp "$bound/$crate"/* "$bound/${crate}_full"/* "$pkg"/
# The package's own files (entries, worker and client, custom element, renderer,
# package.json, README), and the licence texts and changelog from the repository root.
cp -R www/pkg-src/. "$pkg"/
cp LICENSE-MIT LICENSE-APACHE CHANGELOG.md "$pkg"/
# The package's version follows the crate's.
crate_version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
sed -i "0,/\"version\": \"[^\"]*\"/s//\"version\": \"$crate_version\"/" "$pkg/package.json"

rm -rf www/samples
mkdir -p www/samples
cp tests/fixtures/*.txt www/samples/
# The list of samples, for the page's picker.
(cd www/samples && printf '%s\n' *.txt | awk 'BEGIN { printf "[" } { printf "%s\"%s\"", (NR > 1 ? ", " : ""), $0 } END { print "]" }') >www/samples/index.json

gzipped() { gzip -9 -c "$1" | wc -c; }
for name in "$crate" "${crate}_full"; do
    wasm_gz=$(gzipped "$pkg/${name}_bg.wasm")
    glue_gz=$(gzipped "$pkg/$name.js")
    say "www/pkg: $name: wasm ${wasm_gz} B + glue ${glue_gz} B gzip = $(( (wasm_gz + glue_gz + 1023) / 1024 )) KiB"
done
