#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests and benchmarks:
#   ci/postgres.sh start DIR PORT [URL_FILE]  initialises DIR (afresh) and
#                   starts the server on 127.0.0.1:PORT (auto: a free one);
#                   prints its URL (and writes it to URL_FILE)
#   ci/postgres.sh stop DIR         stops it (fast shutdown)
#   ci/postgres.sh createdb URL NAME  a new database NAME (dropped first)
# The server runs as the unprivileged user `postgres` when started by root
# (PostgreSQL refuses root), with trust authentication on loopback only and
# the C collation, so text sorts as on SQLite. The role `wte` owns the
# databases the tests create.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "ci/postgres.sh: PostgreSQL is not installed (run ci/deps.sh)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  dir=$2 port=$3 url_file=${4:-}
  if [ "$port" = auto ]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  fi
  # Fresh every time: a server left running by an interrupted run is stopped
  # and its data removed.
  [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir" -U wte --auth=trust --encoding=UTF8 --locale=C >"$dir.initdb.log" 2>&1 ||
    { cat "$dir.initdb.log" >&2; exit 1; }
  # Tests run many servers and runners at once: room for their connections.
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='' -c max_connections=300 -c fsync=on -c shared_buffers=64MB" \
    start >/dev/null
  url="postgresql://wte@127.0.0.1:$port/postgres"
  [ -n "$url_file" ] && echo "$url" >"$url_file"
  echo "$url"
  ;;
stop)
  dir=$2
  [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
  ;;
createdb)
  url=$2 name=$3
  PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$url" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
    -c "CREATE DATABASE \"$name\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >/dev/null
  echo "${url%/*}/$name"
  ;;
*)
  echo "usage: ci/postgres.sh start DIR PORT | stop DIR | createdb URL NAME" >&2
  exit 2
  ;;
esac
