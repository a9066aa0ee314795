#!/usr/bin/env bash
# Everything the project needs on a fresh Debian machine with Node: Debian's Chromium (with its
# zh-CN locale pack, so the extension shows its Chinese UI), Firefox ESR with its zh-CN language pack
# (the Firefox tests run the extension in Chinese) and
# the CJK fonts for the browser tests and `npm start`, poppler-utils (`pdftotext -layout`, the
# benchmark's peer for PDF reading), then the npm packages. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

PACKAGES=(chromium chromium-l10n firefox-esr firefox-esr-l10n-zh-cn fonts-noto-cjk poppler-utils)
if ! dpkg -s "${PACKAGES[@]}" >/dev/null 2>&1; then
  echo "== apt-get install ${PACKAGES[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
fi

# npm ci unless the installed packages are newer than the lock file (npm writes node_modules/.package-lock.json).
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi
