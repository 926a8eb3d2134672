#!/usr/bin/env bash
# ./run.sh           starts the web app on SQLite (data/gongkai.db) with the seed reports loaded
#                    and prints its address (PORT=5000 by default, loopback only)
# ./run.sh ARGS...   runs the gongkai command line instead: check, parse, import …
set -euo pipefail
cd "$(dirname "$0")"
eng/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ $# -gt 0 ]; then
  dotnet build src/Gongkai.Cli -c Release -v quiet -nologo >/dev/null
  exec dotnet artifacts/bin/Gongkai.Cli/release/gongkai.dll "$@"
fi

eng/assets.sh
dotnet build src/Gongkai.Web -c Release -v quiet -nologo >/dev/null
port=${PORT:-5000}
seeds=$(cd .. && pwd)/shared/seeds
mkdir -p data
echo "公开 Gongkai 正在启动：http://127.0.0.1:${port}/ （数据库 data/gongkai.db；种子报告 ${seeds}）"
export ConnectionStrings__Gongkai="Data Source=$(pwd)/data/gongkai.db"
export Gongkai__SeedFolder="$seeds"
export ASPNETCORE_URLS="http://127.0.0.1:${port}"
export ASPNETCORE_CONTENTROOT="$(pwd)/src/Gongkai.Web"
export Gongkai__IndexFolder="$(pwd)/data/index"
exec dotnet artifacts/bin/Gongkai.Web/release/Gongkai.Web.dll
