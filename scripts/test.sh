#!/usr/bin/env bash
# Installs what the tests need and runs them all (unit tests and end-to-end runs of the binary).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-test-tools
swift build --build-tests
swift test --skip-build
