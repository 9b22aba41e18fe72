#!/usr/bin/env bash
# `make run`: a developer instance on http://localhost:8080 — wte-server
# serves both the API and the client bundle; demo data on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
server=build/native/server/wte-server
dir=build/run
mkdir -p "$dir"
if [ ! -f "$dir/wte.ini" ]; then
  "$server" generate-config --filename "$dir/wte.ini" >/dev/null
  sed -i -e 's/^port = 6543/port = 8080/' -e 's/^host = 127.0.0.1/host = 0.0.0.0/' \
         -e "s|^static_dir =.*|static_dir = $PWD/build/wasm/bundle|" "$dir/wte.ini"
fi
if [ ! -f "$dir/wte.db" ]; then
  "$server" init-db "$dir/wte.ini" --demo --admin-password admin-demo >/dev/null
fi
"$server" migrate "$dir/wte.ini" >/dev/null
cat <<MSG

  WTE is running at http://localhost:8080   (Ctrl+C stops it)

  Demo accounts (email / password):
    student   student1@example.org / student1-demo   (has taken "Web Development Basics")
    student   student2@example.org / student2-demo   ("JavaScript in Practice" password: js-demo)
    teacher   teacher@example.org  / teacher-demo    (owns both demo modules)
    admin     admin@example.org    / admin-demo

  Database: $dir/wte.db   Configuration: $dir/wte.ini

MSG
exec "$server" serve "$dir/wte.ini"
