#!/usr/bin/env bash
# Runs gongkai; with no arguments, reviews the seed reports beside the repository.
set -euo pipefail
cd "$(dirname "$0")"
eng/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ $# -eq 0 ]; then
  set -- check ../shared/seeds
fi
dotnet build src/Gongkai.Cli -c Release -v quiet -nologo >/dev/null
exec dotnet artifacts/bin/Gongkai.Cli/release/gongkai.dll "$@"
