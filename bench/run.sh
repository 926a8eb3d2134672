#!/usr/bin/env bash
# Benchmarks. Usage:
#   bench/run.sh corpus [count]   parse + check ≥ 10,000 generated reports: MB/s, reports/s, 1 core and all, memory
#   bench/run.sh import [count]   import a generated corpus into SQLite and PostgreSQL: reports/s, time for 100,000
#   bench/run.sh micro [filter]   BenchmarkDotNet micro-benchmarks of parse and parse + check per layout
set -euo pipefail
cd "$(dirname "$0")/.."
eng/setup.sh
mode=${1:-corpus}
shift || true
case "$mode" in
  corpus) dotnet run -c Release --project bench/Gongkai.Benchmarks -- corpus "${1:-10000}" "${2:-${TMPDIR:-/tmp}/gongkai-corpus}" ;;
  import) dotnet run -c Release --project bench/Gongkai.Benchmarks -- import "${1:-10000}" "$(eng/postgres.sh | tail -n 1)" ;;
  micro)  dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter "${1:-*}" --artifacts bench/results ;;
  *) echo "usage: bench/run.sh corpus [count] | import [count] | micro [filter]" >&2; exit 2 ;;
esac
