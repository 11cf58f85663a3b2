#!/usr/bin/env bash
# The load run of `pledgekit serve` (issue 26), one command, loopback only, bounded:
#
#   Benchmarks/serve/run.sh [PLEDGEKIT]      # DEPARTMENTS=300 UPLOADS=3 CLIENTS=300 HARD_TIMEOUT=900
#
# Without PLEDGEKIT it builds the release binary into .build-bench (as Benchmarks/merge/run.sh does).
# Generates the city (Benchmarks/merge/generate_city.py: DEPARTMENTS departments, ~100 activities
# each) into Benchmarks/.data/serve-N once, starts the server on a scratch state folder, lets every
# department upload UPLOADS times at once, checks that nothing was lost, and prints p50/p95 of
# upload+check and of the 提出状況 page (Benchmarks/serve/load.py). Python tools from .venv/
# (scripts/install-deps.sh --with-test-tools) when there, else python3 with openpyxl and xlsxwriter.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -ge 1 ]; then
  PK=$(realpath "$1")
else
  swift build -c release --scratch-path .build-bench --product pledgekit 2>&1 | tail -1
  PK=$PWD/.build-bench/release/pledgekit
fi
PY=python3; [ -x .venv/bin/python ] && PY=.venv/bin/python
work=$(mktemp -d /tmp/serve-load.XXXXXX)
trap 'rm -rf "$work"' EXIT
# timeout(1) is the outer bound: load.py stops itself at HARD_TIMEOUT, this kills it 60 s later.
timeout --kill-after=10 $(( ${HARD_TIMEOUT:-900} + 60 )) "$PY" Benchmarks/serve/load.py "$PK" \
  --departments "${DEPARTMENTS:-300}" --uploads "${UPLOADS:-3}" --clients "${CLIENTS:-300}" \
  --hard-timeout "${HARD_TIMEOUT:-900}" --work "$work"
