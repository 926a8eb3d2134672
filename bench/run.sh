#!/usr/bin/env bash
# Benchmarks. Usage:
#   bench/run.sh corpus [count]   parse + check ≥ 10,000 generated reports: MB/s, reports/s, 1 core and all, memory
#   bench/run.sh import [count] [all|sqlite|postgres]   import a generated corpus into SQLite and PostgreSQL: reports/s, time for 100,000
#   bench/run.sh http [count]     HTTP latency p50/p95/p99 of the report page, filtered list and dashboard, 50 clients
#   bench/run.sh micro [filter]   BenchmarkDotNet micro-benchmarks of parse and parse + check per layout
set -euo pipefail
cd "$(dirname "$0")/.."
eng/setup.sh
mode=${1:-corpus}
shift || true
case "$mode" in
  corpus) dotnet run -c Release --project bench/Gongkai.Benchmarks -- corpus "${1:-10000}" "${2:-${TMPDIR:-/tmp}/gongkai-corpus}" ;;
  import) dotnet run -c Release --project bench/Gongkai.Benchmarks -- import "${1:-10000}" "$(eng/postgres.sh | tail -n 1)" "${2:-all}" ;;
  http)   dotnet build -c Release src/Gongkai.Web >/dev/null
          dotnet run -c Release --project bench/Gongkai.Benchmarks -- http "${1:-100000}" "$PWD/artifacts/bin/Gongkai.Web/release/Gongkai.Web.dll" ;;
  micro)  dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter "${1:-*}" --artifacts bench/results ;;
  *) echo "usage: bench/run.sh corpus [count] | import [count] | http [count] | micro [filter]" >&2; exit 2 ;;
esac
