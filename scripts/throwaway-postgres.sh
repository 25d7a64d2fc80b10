#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests (as root, with Debian's postgresql package).
# Usage: scripts/throwaway-postgres.sh start DIR PORT | stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?directory}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
case "$cmd" in
  start)
    port=${3:-5433}
    rm -rf "$dir"
    install -d -o postgres "$dir"
    su postgres -c "$bin/initdb -D '$dir/data' -A trust -U postgres" >/dev/null
    su postgres -c "$bin/pg_ctl -D '$dir/data' -o '-p $port -k $dir -c listen_addresses=127.0.0.1' -l '$dir/pg.log' -w start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    su postgres -c "$bin/pg_ctl -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
