#!/usr/bin/env bash
# Installs the web app's front-end assets from npm (package-lock.json pins them) and copies what
# the pages load into src/Gongkai.Web/wwwroot/lib/ (not committed). Idempotent: does nothing when
# the copied files are already there and newer than the lock file.
set -euo pipefail
cd "$(dirname "$0")/../src/Gongkai.Web"

target=wwwroot/lib/echarts/echarts.min.js
if [ -f "$target" ] && [ "$target" -nt package-lock.json ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "assets: installing nodejs and npm" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

echo "assets: npm ci (echarts)" >&2
npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || npm ci --no-audit --no-fund --loglevel=error >&2
mkdir -p wwwroot/lib/echarts
cp node_modules/echarts/dist/echarts.min.js "$target"
cp node_modules/echarts/LICENSE wwwroot/lib/echarts/LICENSE
