#!/usr/bin/env bash
# Installs what pledgekit needs on a fresh Debian 12 machine with Swift 6 (as swift.org installs
# it): Swift's own Debian prerequisites and git, the C libraries pledgekit links (libxlsxwriter,
# libxml2, and SQLite for `serve`'s state through GRDB) and pkg-config. Without Swift, or with a
# swift that does not start, it says so plainly and stops (69).
# With --with-test-tools it also makes the project-local Python environment .venv/ holding the
# tools the tests call (frictionless, the readers the comparison tests use, and Selenium for the
# browser round), pinned in scripts/test-requirements.txt. Debian's own Python refuses
# `pip install` (externally-managed-environment), hence the virtual environment, which needs
# Debian's python3-venv. With --with-browser it also installs Debian's Chromium and its driver
# (the browser round of `pledgekit serve`, scripts/browser-round.sh), its Japanese words
# (chromium-l10n: the file button reads ファイルを選択) and a Japanese font (fonts-ipaexfont), so
# that the screenshots show Japanese rather than boxes. The flags combine:
#
#   scripts/install-deps.sh --with-test-tools --with-browser
set -euo pipefail
cd "$(dirname "$0")/.."
with_test_tools=false; with_browser=false
for arg in "$@"; do
  case "$arg" in
    --with-test-tools) with_test_tools=true ;;
    --with-browser) with_browser=true ;;
    *) echo "使い方: $0 [--with-test-tools] [--with-browser]" >&2; exit 64 ;;
  esac
done
if ! command -v swift >/dev/null 2>&1; then
  cat >&2 <<'MSG'
Swift が見つかりません。pledgekit のビルドには Swift 6 が要ります。
swift.org の Debian 12 向けの手順で入れ、swift を PATH に加えてから、もう一度実行してください:
  https://www.swift.org/install/linux/debian/12/
（Swift が必要とする Debian のパッケージは、このスクリプトが apt で入れます。）
MSG
  exit 69
fi
need_apt=()
# What Swift itself needs on Debian 12 (swift.org's list, with libncurses6: without it `swift`
# stops with "libncurses.so.6: cannot open shared object file") and git, with which SwiftPM
# fetches the packages; then what pledgekit links.
wanted=(binutils git libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libncurses6 libpython3-dev libsqlite3-0
        libstdc++-12-dev libz3-dev tzdata unzip zlib1g-dev)
wanted+=(libxlsxwriter-dev libxml2-dev libsqlite3-dev pkg-config)
$with_browser && wanted+=(chromium chromium-driver chromium-l10n fonts-ipaexfont)
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if $with_test_tools && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  need_apt+=(python3-venv)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "apt: ${need_apt[*]} を入れます" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if ! swift_version=$(swift --version 2>&1); then
  echo "swift が起動しません（$(command -v swift)）:" >&2
  echo "$swift_version" | head -3 >&2
  echo "Swift 6 を swift.org の Debian 12 向けの手順で入れ直してください: https://www.swift.org/install/linux/debian/12/" >&2
  exit 69
fi
case "$swift_version" in
  *"Swift version 6."*) ;;
  *) echo "pledgekit には Swift 6 が要ります。いまの swift は: $(echo "$swift_version" | head -1)" >&2; exit 69 ;;
esac
if $with_test_tools; then
  requirements=scripts/test-requirements.txt
  stamp=.venv/.installed-$(sha1sum "$requirements" | cut -c1-12)
  if [ ! -e "$stamp" ]; then
    echo "テスト用の Python ツールを .venv/ に入れます（$requirements）" >&2
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
    touch "$stamp"
  fi
fi
