#!/usr/bin/env bash
# Installs what Gongkai needs beside the .NET SDK, idempotently: OpenCC's library and dictionaries
# (traditional → simplified); with --browser also Debian's Chromium and CJK fonts for the browser
# tests. Safe to run again; does nothing when everything is there.
set -euo pipefail

installed() {
  # No pipe into grep -q here: under pipefail, grep's early exit would fail the pipeline.
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)
  [[ "$status" == *"ok installed"* ]]
}

need=()
installed libopencc1.1 || need+=(libopencc1.1)
{ installed libopencc-data && [ -f /usr/share/opencc/t2s.json ]; } || need+=(libopencc-data)
if [ "${1:-}" = "--browser" ]; then
  { installed chromium && [ -x /usr/bin/chromium ]; } || need+=(chromium)
  installed fonts-noto-cjk || need+=(fonts-noto-cjk)
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install: ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi

echo "setup: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
