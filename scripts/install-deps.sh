#!/usr/bin/env bash
# Installs what pledgekit needs on a fresh Debian 12 machine with Swift: the C libraries it
# links (libxlsxwriter, libxml2, and SQLite for `serve`'s state through GRDB) and pkg-config. With --with-test-tools it also makes the
# project-local Python environment .venv/ holding the tools the tests call (frictionless and the
# readers the comparison tests use), pinned in scripts/test-requirements.txt. Debian's own
# Python refuses `pip install` (externally-managed-environment), hence the virtual environment,
# which needs Debian's python3-venv.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=()
for pkg in libxlsxwriter-dev libxml2-dev libsqlite3-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${1:-}" = "--with-test-tools" ] && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  need_apt+=(python3-venv)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "apt: ${need_apt[*]} を入れます" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "${1:-}" = "--with-test-tools" ]; then
  requirements=scripts/test-requirements.txt
  stamp=.venv/.installed-$(sha1sum "$requirements" | cut -c1-12)
  if [ ! -e "$stamp" ]; then
    echo "テスト用の Python ツールを .venv/ に入れます（$requirements）" >&2
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
    touch "$stamp"
  fi
fi
