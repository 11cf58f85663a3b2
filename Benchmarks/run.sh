#!/usr/bin/env bash
# One command: generates a 200,000-row and a 20-row submission-shaped workbook (XlsxWriter, shared
# strings, 6 columns, Japanese text) and a wide one (200 sheets, each one row of 16,384 numbers: the
# wide-row case of issue 10) into Benchmarks/.data, then reads each with pledgekit's reader
# (release build), python-calamine, openpyxl (read-only) and `unzip -p` (the floor), and prints the
# median wall time and peak RSS of RUNS runs (default 5; openpyxl 3 on the large file) and the ratios
# to calamine.
#
#   Benchmarks/run.sh            # needs: pip install python-calamine openpyxl xlsxwriter
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
DATA=Benchmarks/.data
mkdir -p "$DATA"
python3 -c "import python_calamine, openpyxl, xlsxwriter" 2>/dev/null \
  || python3 -m pip install -q --disable-pip-version-check python-calamine openpyxl xlsxwriter
[ -f "$DATA/submission-200k.xlsx" ] || python3 Benchmarks/generate.py "$DATA/submission-200k.xlsx" 200000
[ -f "$DATA/submission-20.xlsx" ] || python3 Benchmarks/generate.py "$DATA/submission-20.xlsx" 20
[ -f "$DATA/wide-200x16384.xlsx" ] || python3 Benchmarks/generate_wide.py "$DATA/wide-200x16384.xlsx" 200
swift build -c release --scratch-path .build-reader --product xlsx-read-bench 2>&1 | tail -1
BENCH=.build-reader/release/xlsx-read-bench

# median of N runs of wall seconds and of peak KB, from /usr/bin/time
measure() {
  local runs="$1"; shift
  local out; out=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -a -o "$out" -f "%e %M" "$@" >/dev/null 2>/dev/null
  done
  local mid=$(( (runs + 1) / 2 ))
  echo "$(awk '{ print $1 }' "$out" | sort -n | sed -n "${mid}p") $(awk '{ print $2 }' "$out" | sort -n | sed -n "${mid}p")"
  rm -f "$out"
}

for file in "$DATA/submission-200k.xlsx" "$DATA/submission-20.xlsx" "$DATA/wide-200x16384.xlsx"; do
  echo
  echo "== $(basename "$file") ($(stat -c %s "$file") bytes; $($BENCH "$file"))"
  openpyxl_runs=$RUNS; [[ "$file" == *200k* || "$file" == *wide* ]] && openpyxl_runs=1
  read -r cal_t cal_m < <(measure "$RUNS" python3 Benchmarks/read_calamine.py "$file")
  read -r pk_t pk_m < <(measure "$RUNS" "$BENCH" "$file")
  read -r opx_t opx_m < <(measure "$openpyxl_runs" python3 Benchmarks/read_openpyxl.py "$file")
  read -r unz_t unz_m < <(measure "$RUNS" sh -c "unzip -p '$file' >/dev/null")
  printf '%-22s %9s %10s %12s %12s\n' reader "wall (s)" "peak (MB)" "time/calam." "mem/calam."
  row() { awk -v n="$1" -v t="$2" -v m="$3" -v ct="$cal_t" -v cm="$cal_m" 'BEGIN {
    printf "%-22s %9.2f %10.1f %12.2f %12.2f\n", n, t, m / 1024, (ct > 0 ? t / ct : 0), m / cm }'; }
  row "pledgekit XLSXReader" "$pk_t" "$pk_m"
  row "python-calamine" "$cal_t" "$cal_m"
  row "openpyxl read-only" "$opx_t" "$opx_m"
  row "unzip -p (floor)" "$unz_t" "$unz_m"
  awk -v t="$pk_t" -v u="$unz_t" 'BEGIN { if (u > 0) printf "pledgekit / unzip floor: %.2fx\n", t / u }'
done
