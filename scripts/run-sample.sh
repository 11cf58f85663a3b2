#!/usr/bin/env bash
# One command for a new user: installs what is needed, builds pledgekit and merges the bundled
# Tomakomai sample (FY2020, with FY2019 as the previous year) into ./out/tomakomai.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product pledgekit 2>&1 | tail -1
out="${1:-out/tomakomai}"
.build/release/pledgekit merge Samples/tomakomai/inbox \
  --plan Samples/tomakomai/plan.csv --year 令和2年度 \
  --previous Samples/tomakomai/previous/summary.csv --out "$out"
echo "出力先: $(cd "$out" && pwd)"
