#!/usr/bin/env bash
# Installs what pledgekit needs on a fresh Debian machine with Swift: the two C libraries it links
# (libxlsxwriter, libxml2) and, for the tests, frictionless (validates datapackage.json).
set -euo pipefail
need_apt=()
for pkg in libxlsxwriter-dev libxml2-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "${1:-}" = "--with-test-tools" ] && ! command -v frictionless >/dev/null 2>&1; then
  python3 -m pip install -q --disable-pip-version-check frictionless 2>&1 | grep -v "WARNING: Running pip as the 'root'" || true
  command -v frictionless >/dev/null
fi
