#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the test suite and print its DATABASE_URL.
# Usage: eval "$(bash scripts/postgres.sh start)"; ...; bash scripts/postgres.sh stop "$SPOORWIJZER_PGDATA"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    data=$(mktemp -d /tmp/spoorwijzer-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$data/db" -U spoorwijzer --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$bin/pg_ctl" -D "$data/db" -l "$data/log" -w \
      -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null
    echo "export DATABASE_URL=postgres://spoorwijzer@127.0.0.1:$port/postgres SPOORWIJZER_PGDATA=$data"
    ;;
  stop)
    [ -n "${2:-}" ] && as_pg "$bin/pg_ctl" -D "$2/db" -m fast stop >/dev/null 2>&1 || true
    [ -n "${2:-}" ] && rm -rf "$2"
    ;;
esac
