#!/usr/bin/env bash
# Makes a PostgreSQL server available on loopback for the storage tests, idempotently: installs
# Debian's postgresql when missing, creates and starts a cluster, and a role gongkai/gongkai.
# Prints the connection string on stdout.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }

status=$(dpkg-query -W -f='${Status}' postgresql 2>/dev/null || true)
if [[ "$status" != *"ok installed"* ]]; then
  echo "postgres: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  clusters=$(pg_lsclusters -h 2>/dev/null || true)
  if ! awk '{print $1" "$2}' <<<"$clusters" | grep -qx "$version main"; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  as_root pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi

exists=$(as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'gongkai'\"" || true)
if [ "$exists" != "1" ]; then
  as_postgres "psql -qc \"CREATE ROLE gongkai LOGIN SUPERUSER PASSWORD 'gongkai'\""
fi

echo "Host=127.0.0.1;Port=5432;Username=gongkai;Password=gongkai;Database=postgres"
