#!/usr/bin/env bash
# Runs every test project of Gongkai and ends with one plain line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

eng/setup.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
eng/assets.sh || { echo "0 passed, 1 failed"; exit 1; }

# The storage tests run against a real PostgreSQL on loopback (installed and started if needed).
GONGKAI_TEST_POSTGRES=$(eng/postgres.sh | tail -n 1) || { echo "0 passed, 1 failed"; exit 1; }
export GONGKAI_TEST_POSTGRES

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! dotnet build Gongkai.slnx -c Release -v quiet -nologo; then
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
dotnet test --solution Gongkai.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform's run summary: "  succeeded: N" and "  failed: N", summed over projects.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "${passed} passed, ${failed} failed"
exit "$status"
