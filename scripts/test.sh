#!/usr/bin/env bash
# Installs what the tests need and runs them all (unit tests and end-to-end runs of the binary).
# The Python test tools live in .venv/ (made by install-deps.sh), put first on PATH here, so the
# frictionless checks really run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-test-tools
export PATH="$PWD/.venv/bin:$PATH"
echo "ビルド中（初回は数分かかります）…" >&2
swift build --build-tests
swift test --skip-build
