#!/usr/bin/env bash
# The merged-cell flood of issue 28, one command:
#
#   Benchmarks/merged-cells/run.sh          # RUNS=3 (medians), COUNT=300000
#
# generate.py writes a submission workbook whose table of 5 activities has COUNT merged ranges
# below it (a template's formatting copied down the sheet) into Benchmarks/.data/merged-cells-COUNT,
# then `pledgekit check` and `pledgekit merge` (release build) run on it RUNS times, beside
# `unzip -p` of the same sheet (the floor: inflating the part alone). Prints the median wall
# time and peak RSS of each, and the ratio to unzip. Issue 28 asked for both under 2 s (before:
# merge 18 s / 784 MB, check 3 s, on the machine where it was found). PK=path skips the build.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-3}"
COUNT="${COUNT:-300000}"
DATA="Benchmarks/.data/merged-cells-$COUNT"
if [ -z "${PK:-}" ]; then
  swift build -c release --scratch-path .build-bench --product pledgekit 2>&1 | tail -1
  PK=.build-bench/release/pledgekit
fi
[ -f "$DATA/inbox/財政課.xlsx" ] || python3 Benchmarks/merged-cells/generate.py "$DATA" "$COUNT"

# "wall peakKB" medians of RUNS runs, from /usr/bin/time.
measure() {
  local out; out=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -a -o "$out" -f "%e %M" "$@" >/dev/null 2>/dev/null || { echo "failed: $*" >&2; exit 1; }
  done
  local mid=$(( (RUNS + 1) / 2 ))
  echo "$(awk '{ print $1 }' "$out" | sort -n | sed -n "${mid}p")" "$(awk '{ print $2 }' "$out" | sort -n | sed -n "${mid}p")"
  rm -f "$out"
}

unzip_figures=$(measure unzip -p "$DATA/inbox/財政課.xlsx" xl/worksheets/sheet1.xml)
check_figures=$(measure "$PK" check "$DATA/inbox/財政課.xlsx" --plan "$DATA/plan.csv")
merge_figures=$(measure "$PK" merge "$DATA/inbox" --plan "$DATA/plan.csv" --year 2020 --out "$DATA/out")
echo "$COUNT merged ranges below a table, median of $RUNS runs"
printf '%-28s %8s %10s %10s\n' "" "wall (s)" "peak (MB)" "/ unzip"
for row in "unzip -p (the sheet alone):$unzip_figures" "pledgekit check:$check_figures" "pledgekit merge:$merge_figures"; do
  name=${row%%:*}; set -- ${row#*:}
  unzip_wall=${unzip_figures%% *}
  printf '%-28s %8.2f %10d %9.1fx\n' "$name" "$1" "$(( $2 / 1024 ))" "$(awk -v a="$1" -v b="$unzip_wall" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done
