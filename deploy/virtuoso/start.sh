#!/bin/sh
# Start Virtuoso on loopback with this directory's virtuoso.ini and wait until SPARQL answers.
# Anonymous /sparql stays read-only (Virtuoso's default); kg writes through the digest-auth
# endpoints /sparql-auth and /sparql-graph-crud-auth as dba (password "dba" on a new database:
# fine for this loopback-only dev/test server, change it with isql-vt for anything else).
# Usage: deploy/virtuoso/start.sh [DBDIR]   (default: $KG_VIRTUOSO_DIR or /tmp/kg-virtuoso)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
db=${1:-${KG_VIRTUOSO_DIR:-/tmp/kg-virtuoso}}
port=${KG_VIRTUOSO_HTTP_PORT:-18890}
bin=$(command -v virtuoso-t || true)
[ -n "$bin" ] || { echo "virtuoso-t not found: apt-get install virtuoso-opensource" >&2; exit 1; }
mkdir -p "$db"
if [ -f "$db/virtuoso.pid" ] && kill -0 "$(cat "$db/virtuoso.pid")" 2>/dev/null; then
  echo "virtuoso already running in $db (pid $(cat "$db/virtuoso.pid"))"; exit 0
fi
cp "$here/virtuoso.ini" "$db/virtuoso.ini"
cd "$db"
"$bin" +configfile virtuoso.ini +foreground >/dev/null 2>&1 &
echo $! > virtuoso.pid
i=0
until python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "http://127.0.0.1:$port/sparql?query=ASK%7B%7D" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 120 ] || ! kill -0 "$(cat virtuoso.pid)" 2>/dev/null; then
    echo "virtuoso did not start; see $db/virtuoso.log" >&2; tail -20 virtuoso.log >&2 || true; exit 1
  fi
  sleep 0.5
done
echo "virtuoso up: http://127.0.0.1:$port/sparql (db $db, pid $(cat virtuoso.pid))"
