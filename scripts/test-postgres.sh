#!/usr/bin/env bash
# A throwaway PostgreSQL for tests, from the machine's own binaries (Debian's postgresql package):
#   scripts/test-postgres.sh start DIR PORT   a fresh cluster in DIR on 127.0.0.1:PORT, database and user cogentx
#   scripts/test-postgres.sh stop DIR         stops it (fast shutdown); DIR stays for its log
# Exits 3 without doing anything when no PostgreSQL binaries are installed (the tests then say SKIPPED).
# As root, the server runs as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail
action=${1:?start|stop}
dir=${2:?directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "test-postgres: no PostgreSQL binaries (apt-get install postgresql)" >&2
  exit 3
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    port=${3:?port}
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U cogentx -E UTF8 --locale=C --no-sync >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=64MB" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U cogentx cogentx
    echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
