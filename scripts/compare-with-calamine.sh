#!/usr/bin/env bash
# Compares pledgekit's XLSX reader with python-calamine on every .xlsx/.xlsm under DIR:
#   scripts/compare-with-calamine.sh DIR [--quiet-same]
# Builds xlsx-read-bench (debug) and runs scripts/compare-with-calamine.py with the project's venv
# (PYTHON=/path/to/python to use another; it needs python-calamine).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 DIR [--quiet-same]" >&2; exit 64; }
DIR="$(realpath "$1")"; shift
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-/work/venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON=python3
swift build --product xlsx-read-bench 2>&1 | tail -1 >&2
exec "$PYTHON" scripts/compare-with-calamine.py "$DIR" "$@" --bench "$(swift build --show-bin-path)/xlsx-read-bench"
