#!/usr/bin/env bash
# The year's round of `pledgekit serve` in headless Chromium (scripts/browser-round.py): builds
# nothing, runs the given binary on a scratch state/inbox/out, and saves a screenshot of every page.
#
#   scripts/browser-round.sh PLEDGEKIT [SCREENSHOT_DIR]      # default .build/screenshots/
#
# Needs Debian's chromium and chromium-driver and Selenium in .venv/
# (scripts/install-deps.sh --with-test-tools --with-browser). Missing, the round is skipped with a
# line saying so; under CI=true it fails.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "使い方: $0 PLEDGEKIT [SCREENSHOT_DIR]" >&2
  exit 64
fi
pledgekit=$(realpath "$1"); shift
cd "$(dirname "$0")/.."
PY=python3; [ -x .venv/bin/python ] && PY=.venv/bin/python
exec "$PY" scripts/browser-round.py "$pledgekit" "$@"
