#!/usr/bin/env bash
# The browser journey as CI runs it: Debian's Chromium (installed when missing; Playwright never
# downloads a browser), then `npm run test:e2e` and `npm run test:e2e:pages` against a production
# build of the admin.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium ontbreekt: installeren uit Debian (apt-get install chromium)..."
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

npm run test:e2e
npm run test:e2e:pages
