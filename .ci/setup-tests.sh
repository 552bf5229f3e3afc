#!/usr/bin/env bash
# Installs what the test suite needs beyond `npm ci`: Prisma's migration-diff tool (to prove the
# migrated database matches schema.prisma) and Chromium for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d prisma/tools/node_modules/prisma ]; then
  npm ci --prefix prisma/tools --no-audit --no-fund
fi

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the end-to-end tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# Chinese text in the screenshots the browser tests keep needs a CJK font.
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh | grep -q . && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null || echo "Could not install a CJK font; screenshots will show boxes for Chinese text." >&2
fi
