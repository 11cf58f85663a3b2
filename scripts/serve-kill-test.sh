#!/usr/bin/env bash
# SIGKILL `pledgekit serve` during uploads and during a merge, restart it, check nothing answered
# 受け付けました is lost and --out is all-old or all-new (scripts/serve-kill-test.py). Builds nothing.
#
#   scripts/serve-kill-test.sh PLEDGEKIT
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "使い方: $0 PLEDGEKIT" >&2
  exit 64
fi
pledgekit=$(realpath "$1"); shift
cd "$(dirname "$0")/.."
PY=python3; [ -x .venv/bin/python ] && PY=.venv/bin/python
# Bounded: the script's own waits are bounded; this is the outer limit.
exec timeout --kill-after=10 900 "$PY" scripts/serve-kill-test.py "$pledgekit" "$@"
