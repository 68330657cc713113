#!/bin/sh
# Stop the Virtuoso started by start.sh (checkpoints and exits on SIGTERM).
# Usage: deploy/virtuoso/stop.sh [DBDIR]   (default: $KG_VIRTUOSO_DIR or /tmp/kg-virtuoso)
set -eu
db=${1:-${KG_VIRTUOSO_DIR:-/tmp/kg-virtuoso}}
[ -f "$db/virtuoso.pid" ] || { echo "no virtuoso pid file in $db"; exit 0; }
pid=$(cat "$db/virtuoso.pid")
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  i=0
  while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do i=$((i + 1)); sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$db/virtuoso.pid"
echo "virtuoso stopped ($db)"
