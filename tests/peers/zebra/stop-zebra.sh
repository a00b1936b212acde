#!/usr/bin/env bash
# Stops the Zebra test server started by start-zebra.sh WORKDIR (only the process in WORKDIR/zebrasrv.pid).
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
PIDFILE="$1/zebrasrv.pid"
if [ ! -s "$PIDFILE" ]; then echo "stop-zebra.sh: no pid file $PIDFILE" >&2; exit 0; fi
PID=$(cat "$PIDFILE")
if kill -0 "$PID" 2>/dev/null; then
  kill "$PID"
  for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
fi
rm -f "$PIDFILE"
echo "Zebra test server stopped (pid $PID)"
