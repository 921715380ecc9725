#!/usr/bin/env bash
# Builds everything the page needs (scripts/build.sh: the wasm package, its tools) and
# serves www/ on http://127.0.0.1:8080/ (PORT=... to change it). Ctrl-C stops it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-8080}"

bash "$root/scripts/build.sh"
command -v python3 >/dev/null || { echo "serve: python3 is needed to serve www/ (apt-get install python3)" >&2; exit 1; }
# Python's http.server sends .wasm as application/wasm, which WebAssembly's streaming
# compile requires, and .js/.mjs as text/javascript.
echo
echo "  article-analyzer: http://127.0.0.1:$port/"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/www"
