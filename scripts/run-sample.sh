#!/usr/bin/env bash
# One command for a new user: installs what is needed, builds pledgekit (release; the first build
# takes a few minutes and shows its progress), merges the bundled Tomakomai sample (FY2020, with
# FY2019 as the previous year) into ./out/tomakomai, and installs the binary as ./bin/pledgekit
# so that README's tour works as printed after `export PATH="$PWD/bin:$PATH"`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "pledgekit をビルドしています（初回は数分かかります）…" >&2
swift build -c release --product pledgekit
mkdir -p bin
ln -sf "$(swift build -c release --show-bin-path)/pledgekit" bin/pledgekit
out="${1:-out/tomakomai}"
bin/pledgekit merge Samples/tomakomai/inbox \
  --plan Samples/tomakomai/plan.csv --year 令和2年度 \
  --previous Samples/tomakomai/previous/summary.csv --layout templates/tomakomai --out "$out"
echo "出力先: $(cd "$out" && pwd)"
echo "pledgekit: $PWD/bin/pledgekit（export PATH=\"$PWD/bin:\$PATH\" で README の例がそのまま動きます）"
