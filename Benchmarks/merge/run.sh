#!/usr/bin/env bash
# The merge benchmark (issue 10), one command:
#
#   Benchmarks/merge/run.sh            # RUNS=3 (medians), SIZES="40 200 1000"
#
# Generates a city's inbox per size N (generate_city.py: 200 measures, N department files of ~100
# activities, 70% XLSX from XlsxWriter and openpyxl, 30% CSV in CP932 and UTF-8 with BOM) into
# Benchmarks/.data/city-N, then runs on each, RUNS times, in the same run:
#   - `pledgekit merge` (release build),
#   - `pledgekit check` of every file of the inbox (the reading stage alone, to show both cores),
#   - merge_pandas.py (pandas + openpyxl + XlsxWriter, what an office would write instead),
# and prints the median wall time, CPU time (user+sys), CPU/wall, peak RSS and time per activity,
# the ratio pandas/pledgekit, and the growth of time per activity from the smallest size to the
# largest. Last, `pledgekit check` of the 200,000-row workbook of Benchmarks/run.sh beside
# python-calamine reading the same file.
# Python peers run in Benchmarks/.venv (git-ignored), made here when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-3}"
SIZES="${SIZES:-40 200 1000}"
DATA=Benchmarks/.data
VENV=Benchmarks/.venv
mkdir -p "$DATA"
if ! "$VENV/bin/python" -c "import pandas, openpyxl, xlsxwriter, python_calamine" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check pandas openpyxl xlsxwriter python-calamine
fi
PY="$VENV/bin/python"
swift build -c release --scratch-path .build-bench --product pledgekit 2>&1 | tail -1
PK=.build-bench/release/pledgekit

# "wall cpu peakKB" medians of RUNS runs, from /usr/bin/time (cpu = user + sys).
measure() {
  local out; out=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -a -o "$out" -f "%e %U %S %M" "$@" >/dev/null 2>/dev/null || { echo "failed: $*" >&2; exit 1; }
  done
  local mid=$(( (RUNS + 1) / 2 ))
  echo "$(awk '{ print $1 }' "$out" | sort -n | sed -n "${mid}p")" \
       "$(awk '{ print $2 + $3 }' "$out" | sort -n | sed -n "${mid}p")" \
       "$(awk '{ print $4 }' "$out" | sort -n | sed -n "${mid}p")"
  rm -f "$out"
}

table=$(mktemp)
for n in $SIZES; do
  city="$DATA/city-$n"
  [ -f "$city/plan.csv" ] || "$PY" Benchmarks/merge/generate_city.py "$city" "$n" >/dev/null
  "$PK" merge "$city/inbox" --plan "$city/plan.csv" --year R2 --out "$city/out-pledgekit" >/dev/null 2>&1
  activities=$(( $(wc -l < "$city/out-pledgekit/activities.csv") - 1 ))
  read -r pk_w pk_c pk_m < <(measure "$PK" merge "$city/inbox" --plan "$city/plan.csv" --year R2 --out "$city/out-pledgekit")
  read -r rd_w rd_c rd_m < <(measure "$PK" check "$city"/inbox/* --plan "$city/plan.csv" --year R2)
  read -r pd_w pd_c pd_m < <(measure "$PY" Benchmarks/merge/merge_pandas.py "$city/inbox" "$city/plan.csv" "$city/out-pandas")
  echo "$n $activities $pk_w $pk_c $pk_m $rd_w $rd_c $rd_m $pd_w $pd_c $pd_m" >> "$table"
done

echo
echo "merge, median of $RUNS runs (wall and CPU in s, peak RSS in MB, µs per activity)"
awk '
BEGIN { printf "%6s %8s | %-28s | %-22s | %-24s | %7s\n", "files", "activ.", "pledgekit merge: wall cpu/wall MB µs/act", "check (reading): wall cpu/wall", "pandas: wall cpu/wall MB", "pandas/pk" }
{
  printf "%6d %8d | %8.2f %6.2f %6.0f %7.1f | %12.2f %9.2f | %8.2f %6.2f %6.0f | %8.1fx\n",
    $1, $2, $3, ($3 > 0 ? $4 / $3 : 0), $5 / 1024, $3 / $2 * 1e6, $6, ($6 > 0 ? $7 / $6 : 0), $9, ($9 > 0 ? $10 / $9 : 0), $11 / 1024, ($3 > 0 ? $9 / $3 : 0)
  if (NR == 1) first = $3 / $2
  last = $3 / $2
}
END { if (first > 0) printf "time per activity, largest / smallest size: %.2fx\n", last / first }' "$table"
rm -f "$table"

# check of the 200,000-row workbook (Benchmarks/run.sh's generator) beside python-calamine reading it.
big="$DATA/submission-200k.xlsx"
[ -f "$big" ] && [ -f "$DATA/plan-200k.csv" ] || "$PY" Benchmarks/generate.py "$big" 200000 "$DATA/plan-200k.csv"
read -r ck_w ck_c ck_m < <(measure "$PK" check "$big" --plan "$DATA/plan-200k.csv" --year R2)
read -r cal_w cal_c cal_m < <(measure "$PY" Benchmarks/read_calamine.py "$big")
echo
echo "200,000-row workbook, median of $RUNS runs"
awk -v a="$ck_w" -v b="$ck_m" -v c="$cal_w" -v d="$cal_m" 'BEGIN {
  printf "%-34s %8s %9s\n", "", "wall (s)", "peak (MB)"
  printf "%-34s %8.2f %9.0f\n", "pledgekit check", a, b / 1024
  printf "%-34s %8.2f %9.0f\n", "python-calamine (read only)", c, d / 1024
  printf "check / calamine: %.2fx\n", a / c }'
