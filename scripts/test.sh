#!/usr/bin/env bash
# Installs what the tests need and runs them all (unit tests and end-to-end runs of the binary),
# then uses `pledgekit serve` from the outside: the year's round in headless Chromium
# (scripts/browser-round.sh, screenshots in .build/screenshots/) and SIGKILL during uploads and a
# merge (scripts/serve-kill-test.sh). The Python test tools live in .venv/ (made by
# install-deps.sh), put first on PATH here, so the frictionless checks really run; Chromium and
# its driver come from Debian (install-deps.sh --with-browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-test-tools --with-browser
export PATH="$PWD/.venv/bin:$PATH"
echo "ビルド中（初回は数分かかります）…" >&2
swift build --build-tests
# Every test is a Swift Testing test: without XCTest, no "Executed 0 tests" lines before the real count.
swift test --skip-build --disable-xctest
pledgekit="$(swift build --show-bin-path)/pledgekit"
echo "== ブラウザでの提出と集計（scripts/browser-round.sh）" >&2
scripts/browser-round.sh "$pledgekit" .build/screenshots
echo "== 強制終了からの再開（scripts/serve-kill-test.sh）" >&2
scripts/serve-kill-test.sh "$pledgekit"
