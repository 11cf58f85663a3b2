#!/usr/bin/env bash
# Shows that a `pledgekit template` workbook keeps its input restrictions outside libxlsxwriter:
# LibreOffice Calc opens it, saves it again as .xlsx (and as .ods), and the saved files still
# carry the 0–10 whole-number rule with its Japanese messages, the sheet protection and the
# unlocked input cells. Run by hand (LibreOffice is large):
#   scripts/check-template-libreoffice.sh [path/to/pledgekit]
# Needs: soffice (Debian: apt-get install -y libreoffice-calc-nogui), unzip.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/debug/pledgekit}
command -v soffice >/dev/null || { echo "soffice がありません: apt-get install -y libreoffice-calc-nogui" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" template --plan "$root/Samples/tomakomai/plan.csv" --year 令和2年度 --out "$work/templates" >/dev/null
file="$work/templates/行政監理室.xlsx"
mkdir -p "$work/xlsx" "$work/ods"
# A private profile, so that a running LibreOffice or its settings do not interfere.
profile="-env:UserInstallation=file://$work/profile"
soffice "$profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/xlsx" "$file" >/dev/null 2>&1
soffice "$profile" --headless --convert-to ods --outdir "$work/ods" "$file" >/dev/null 2>&1

fail=0
check() { # description, text, fixed string
  if grep -qF -- "$3" <<<"$2"; then echo "ok   $1"; else echo "FAIL $1 (missing: $3)"; fail=1; fi
}

sheet=$(unzip -p "$work/xlsx/行政監理室.xlsx" xl/worksheets/sheet1.xml)
echo "== LibreOffice → xlsx ($(soffice --version | head -1))"
rule=$(grep -o '<dataValidation [^>]*type="whole"[^>]*>.*</dataValidation>' <<<"$sheet" | sed 's#</dataValidation>.*#</dataValidation>#' || true)
echo "$rule" | head -c 600; echo
check "評価の入力規則: 整数" "$rule" 'type="whole"'
check "評価の入力規則: 範囲 F12:F37" "$rule" 'sqref="F12:F37"'
check "評価の入力規則: 0〜10" "$rule" '<formula1>0</formula1><formula2>10</formula2>'
check "エラーメッセージ（日本語）" "$rule" '評価は0〜10の整数で入力してください。'
check "入力メッセージ（日本語）" "$rule" '進捗を0〜10の整数で入力してください'
check "入力規則: 施策IDの一覧" "$sheet" 'type="list"'
check "シートの保護" "$sheet" '<sheetProtection'
if grep -q '<sheetProtection[^>]*password' <<<"$sheet"; then echo "FAIL パスワードが付いています"; fail=1; else echo "ok   パスワードなし"; fi

echo "== LibreOffice → ods"
content=$(unzip -p "$work/ods/行政監理室.ods" content.xml)
check "整数かつ0〜10の規則" "$content" 'of:cell-content-is-whole-number() and cell-content-is-between(0,10)'
check "規則のエラーメッセージ" "$content" '評価は0〜10の整数で入力してください。'
check "シートの保護" "$content" 'table:protected="true"'
check "入力セルの保護解除" "$content" 'style:cell-protect="none"'

exit $fail
