#!/usr/bin/env bash
# Shows a workbook's pages as a reader sees them: LibreOffice converts it to PDF, pdftoppm turns
# the pages into PNG files. Usage: scripts/render-workbook.sh WORKBOOK.xlsx [OUTDIR]
# Needs Debian's libreoffice-calc-nogui, poppler-utils and a Japanese font (fonts-ipaexfont);
# installs them when missing (they are large, so the test run does not).
set -euo pipefail
workbook="$1"
out="${2:-$(dirname "$workbook")/pages}"
missing=()
command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi ipaex || missing+=(fonts-ipaexfont)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mkdir -p "$out"
# A private profile, so that a running LibreOffice or a stale lock cannot block the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$workbook" >/dev/null
pdf="$out/$(basename "${workbook%.*}").pdf"
pdftoppm -r 60 -png "$pdf" "$out/page"
echo "$pdf"
ls "$out"/page-*.png
