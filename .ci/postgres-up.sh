#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1:5432 for the tests of Connectors.Sync.PostgreSql and prints the
# connection string they read from CONNECTORS_POSTGRES. Idempotent: safe to run again on a running server.
# Debian only: installs the distribution's `postgresql` package when it is missing. Needs root.
# `postgres-up.sh --stop` stops the server again.
set -euo pipefail

# The newest installed server version (e.g. 15 on Debian 12), or nothing.
server_version() { ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | awk -F/ '{ print $5 }' | sort -n | tail -n 1; }

if [ "${1:-}" = "--stop" ]; then
  version=$(server_version)
  [ -z "$version" ] || pg_ctlcluster "$version" main stop >&2 || true
  exit 0
fi

role=connectors
password=connectors
database=connectors_test

# A machine may have the client (psql) without the server: look for the server binary itself.
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi

version=$(server_version)
if [ -z "$version" ]; then
  echo "postgres-up: no PostgreSQL found under /usr/lib/postgresql" >&2
  exit 1
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  pg_createcluster "$version" main >&2
fi

# Loopback only (the default listen_addresses, 'localhost'), on the standard port.
# No systemd in CI: the cluster is started directly.
pg_conftool "$version" main remove listen_addresses >&2 || true
pg_conftool "$version" main set port 5432 >&2
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster "$version" main start >&2
fi

# Wait until the server accepts connections on loopback.
for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    break
  fi
  sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "postgres-up: the server does not accept connections on 127.0.0.1:5432; see /var/log/postgresql/" >&2
  exit 1
fi

as_postgres() { su postgres -c "psql -p 5432 -d postgres -v ON_ERROR_STOP=1 -Atq $*"; }

if [ "$(as_postgres "-c \"select 1 from pg_roles where rolname = '$role'\"")" != "1" ]; then
  as_postgres "-c \"create role $role login password '$password'\"" >&2
fi
if [ "$(as_postgres "-c \"select 1 from pg_database where datname = '$database'\"")" != "1" ]; then
  as_postgres "-c \"create database $database owner $role\"" >&2
fi

echo "Host=127.0.0.1;Port=5432;Username=$role;Password=$password;Database=$database"
