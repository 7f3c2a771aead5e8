#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium. `pnpm test` runs this first so that the README's
# second command works on a fresh Debian machine with only Node.js; elsewhere it says what to install.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "chromium: ${chromium} is missing; installing Debian's chromium for the browser tests" >&2
  apt-get install -y -q chromium >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }
  [ -x "$chromium" ] && exit 0
fi
echo "chromium: ${chromium} is missing. The console's browser tests need it: on Debian or Ubuntu" >&2
echo "  sudo apt-get install -y chromium    (or set CHROMIUM_PATH to a Chromium executable)" >&2
exit 1
