#!/usr/bin/env bash
# Runs pledgekit's libFuzzer targets (Fuzz/: the XLSX reader on any bytes and on the XML parts
# of a well-formed zip, the CSV reader, the CSV writer in every encoding read back, the whole
# `check` path, CSV files mixing UTF-8 and CP932 lines read back without mojibake) for SECONDS each, seeded with the samples and the test fixtures, and fails on the
# first crash, hang (> 20 s an input), leak or input that takes more than 2 GB. Inputs are capped
# at 64 KB (the parts and CSV targets) or 256 KB: small inputs run faster, and the size limits
# have tests of their own.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 fuzz-xlsx
# JOBS=2 runs two workers per target (libFuzzer's -fork); FUZZ_SEED=N repeats a run's choices
# (CI uses a fixed seed, so that what it finds can be run again). The corpus grows in
# Fuzz/.corpus/ and is kept between runs; a failing input is written to Fuzz/.artifacts/TARGET/
# and named in the output.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(fuzz-xlsx fuzz-xlsx-parts fuzz-csv fuzz-csv-write fuzz-check fuzz-csv-mixed)
jobs="${JOBS:-1}"

echo "ファジング用にビルド中（--sanitize fuzzer,address、初回は数分かかります）…" >&2
swift build --package-path Fuzz -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address >&2
bin="$(swift build --package-path Fuzz -c release --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address --show-bin-path)"

seeds() {  # TARGET -> the files that start its corpus
  case "$1" in
    fuzz-xlsx) find Samples Tests -name '*.xlsx' ;;
    fuzz-csv|fuzz-csv-write) find Samples Tests -name '*.csv' -o -name '*.tsv' ;;
    fuzz-csv-mixed) ;;  # its input is a recipe of lines, not a file: it starts from nothing
    *) find Samples -path '*inbox*' \( -name '*.xlsx' -o -name '*.csv' \) ;;
  esac
}

export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
total=0; failed=()
for target in "${targets[@]}"; do
  corpus="Fuzz/.corpus/$target"; artifacts="Fuzz/.artifacts/$target"; seed="Fuzz/.corpus/$target-seeds"
  mkdir -p "$corpus" "$artifacts" "$seed"
  if [ "$target" = fuzz-xlsx-parts ]; then
    find Samples Tests -name '*.xlsx' -print0 | xargs -0 python3 Fuzz/make-part-seeds.py "$seed"
  else
    seeds "$target" | while read -r file; do cp "$file" "$seed/$(sha1sum "$file" | cut -c1-16).${file##*.}"; done
  fi
  log="Fuzz/.artifacts/$target.log"
  case "$target" in fuzz-csv-mixed) max_len=4096 ;; fuzz-xlsx-parts|fuzz-csv|fuzz-csv-write) max_len=65536 ;; *) max_len=262144 ;; esac
  options=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$max_len"
           -print_final_stats=1 -artifact_prefix="$artifacts/" -seed="${FUZZ_SEED:-0}")
  [ "$jobs" -gt 1 ] && options+=(-fork="$jobs" -ignore_crashes=0)
  set +e
  "$bin/$target" "${options[@]}" "$corpus" "$seed" >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  if [ "$runs" -eq 0 ]; then  # -fork prints no final stats: take the last progress line
    runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#'); runs=${runs:-0}
  fi
  total=$((total + runs))
  printf '%-11s %12d 回実行  終了コード %d  コーパス %d 件\n' "$target" "$runs" "$status" "$(ls "$corpus" | wc -l)"
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$log" | head -20 >&2
  fi
done
printf '合計 %d 回実行\n' "$total"
if [ ${#failed[@]} -gt 0 ]; then
  echo "失敗したターゲット: ${failed[*]}（入力は Fuzz/.artifacts/ に保存しました）" >&2
  exit 1
fi
