#!/usr/bin/env bash
# The app as deployed, on loopback, for the browser tests (ci/e2e.sh) and the
# soak benchmark: a real Apache2 started from web/apache2/wte.conf serves the
# wasm bundle and proxies /api/ to a real wte-server with demo data, which
# mails through a real SMTP server (aiosmtpd). Runs the command given with
# WTE_BASE_URL, WTE_SERVER, WTE_CONFIG, WTE_DB, WTE_MAILDIR and
# WTE_SCREENSHOTS set, then stops everything.
#   bash ci/stack.sh COMMAND [ARGS...]
# With WTE_CLUSTER=1 the stack is the one for a school that outgrew one
# machine: a PostgreSQL server (ci/postgres.sh), three wte-server instances
# on it and Apache2 balancing over them (web/apache2/wte-balanced.conf);
# WTE_SERVER_PIDS then lists the three (WTE_SERVER_PID is the first) and
# WTE_DB is the database's URL. WTE_INSTANCES=1 or 2 runs fewer instances
# (the balancer's other members then name the first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
server=${WTE_SERVER:-$root/build/native/server/wte-server}
bundle=$root/build/wasm/bundle
[ -f "$bundle/wte.wasm" ] || { echo "e2e: no client bundle in $bundle (run ci/build-client.sh)" >&2; exit 1; }

work=$(mktemp -d /tmp/wte-e2e.XXXXXX)
chmod 755 "$work"
# Apache runs as www-data: it serves a copy in the work directory, so the
# checkout may live anywhere (a private mktemp clone, a home directory).
cp -r "$bundle" "$work/bundle"
chmod -R a+rX "$work/bundle"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api_port=$(free_port)
web_port=$(free_port)
smtp_port=$(free_port)

cluster=${WTE_CLUSTER:-}
server_pids=()
cleanup() {
  [ -f "$work/apache.pid" ] && kill "$(cat "$work/apache.pid")" 2>/dev/null || true
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$cluster" ] && bash "$root/ci/postgres.sh" stop "$work/postgresql" || true
  [ -n "${smtp_pid:-}" ] && kill "$smtp_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${E2E_KEEP:-}" != 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

"$server" generate-config --filename "$work/wte.ini" >/dev/null
sed -i "s/^port = 6543/port = $api_port/" "$work/wte.ini"
# The app's origin: the preview's frame-ancestors names it.
sed -i "s#^public_url = .*#public_url = http://127.0.0.1:$web_port#" "$work/wte.ini"
# A real SMTP server (Debian's aiosmtpd) files every mail into a Maildir the
# tests read (WTE_MAILDIR); retries come quickly.
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox \
  "$work/Maildir" >"$work/smtp.log" 2>&1 &
smtp_pid=$!
sed -i -e "s/^smtp_host =.*/smtp_host = 127.0.0.1/" -e "s/^port = 25$/port = $smtp_port/" \
  -e "s/^retry_seconds = .*/retry_seconds = 1/" "$work/wte.ini"
database=$work/wte.db
if [ -n "$cluster" ]; then
  pg=$(bash "$root/ci/postgres.sh" start "$work/postgresql" auto)
  database=$(bash "$root/ci/postgres.sh" createdb "$pg" wte)
  sed -i "s#^url =.*#url = $database#" "$work/wte.ini"
  api_ports=("$api_port")
  for _ in $(seq 2 "${WTE_INSTANCES:-3}"); do api_ports+=("$(free_port)"); done
else
  api_ports=("$api_port")
fi
"$server" init-db "$work/wte.ini" --demo --admin-password admin-demo >/dev/null
for i in "${!api_ports[@]}"; do
  # server.log is the first instance's; the others write server-N.log.
  log=$work/server.log
  [ "$i" -gt 0 ] && log=$work/server-$i.log
  "$server" serve "$work/wte.ini" --port "${api_ports[$i]}" >"$log" 2>&1 &
  server_pids+=($!)
done
server_pid=${server_pids[0]}
for port in "${api_ports[@]}"; do
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
done

mods=/usr/lib/apache2/modules
cat >"$work/httpd.conf" <<CONF
ServerRoot "$work"
ServerName 127.0.0.1
Listen 127.0.0.1:$web_port
PidFile "$work/apache.pid"
ErrorLog "$work/apache-error.log"
LogFormat "%h %r %>s %b" short
CustomLog "$work/apache-access.log" short
User www-data
Group www-data
LoadModule mpm_event_module $mods/mod_mpm_event.so
LoadModule authz_core_module $mods/mod_authz_core.so
LoadModule dir_module $mods/mod_dir.so
LoadModule mime_module $mods/mod_mime.so
LoadModule headers_module $mods/mod_headers.so
LoadModule filter_module $mods/mod_filter.so
LoadModule deflate_module $mods/mod_deflate.so
LoadModule rewrite_module $mods/mod_rewrite.so
LoadModule proxy_module $mods/mod_proxy.so
LoadModule proxy_http_module $mods/mod_proxy_http.so
TypesConfig /etc/mime.types
Define WTE_PORT $web_port
Define WTE_ROOT $work/bundle
Define WTE_BACKEND 127.0.0.1:$api_port
CONF
if [ -n "$cluster" ]; then
  cat >>"$work/httpd.conf" <<CONF
LoadModule slotmem_shm_module $mods/mod_slotmem_shm.so
LoadModule proxy_balancer_module $mods/mod_proxy_balancer.so
LoadModule proxy_hcheck_module $mods/mod_proxy_hcheck.so
LoadModule lbmethod_byrequests_module $mods/mod_lbmethod_byrequests.so
DefaultRuntimeDir "$work"
Define WTE_MEMBER1 127.0.0.1:${api_ports[0]}
Define WTE_MEMBER2 127.0.0.1:${api_ports[1]:-${api_ports[0]}}
Define WTE_MEMBER3 127.0.0.1:${api_ports[2]:-${api_ports[0]}}
Define WTE_CONF_DIR $root/web/apache2
Include "$root/web/apache2/wte-balanced.conf"
CONF
else
  echo "Include \"$root/web/apache2/wte.conf\"" >>"$work/httpd.conf"
fi
apache2 -f "$work/httpd.conf" -k start

for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$web_port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$web_port/api/v1/health" >/dev/null || {
  echo "e2e: Apache2 or wte-server did not come up" >&2
  cat "$work/apache-error.log" "$work/server.log" >&2
  exit 1
}

mkdir -p build/screenshots
export WTE_BASE_URL="http://127.0.0.1:$web_port"
export WTE_SERVER="$server" WTE_CONFIG="$work/wte.ini" WTE_DB="$database"
export WTE_MAILDIR="$work/Maildir"
export WTE_SCREENSHOTS="$root/build/screenshots"
export WTE_SERVER_PID=$server_pid WTE_SERVER_PIDS="${server_pids[*]}"
status=0
"$@" || status=$?
if [ $status -ne 0 ]; then
  for log in "$work"/server*.log; do echo "--- $(basename "$log") (tail) ---" >&2; tail -n 40 "$log" >&2; done
  echo "--- apache error log (tail) ---" >&2; tail -n 20 "$work/apache-error.log" >&2
fi
exit $status
