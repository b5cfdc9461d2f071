#!/usr/bin/env bash
# Browser tests use Debian's Chromium (Playwright drives the system browser; no browser
# download). Installs it when missing and this user may; otherwise says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium installeren voor de browsertests (Debian-pakket)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium ontbreekt: installeer het pakket 'chromium' (de browsertests worden anders overgeslagen)." >&2
