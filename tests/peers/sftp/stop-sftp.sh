#!/usr/bin/env bash
# Stops the SFTP test server started by start-sftp.sh WORKDIR (only the listener in WORKDIR/sshd.pid).
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 WORKDIR" >&2; exit 2; fi
PIDFILE="$1/sshd.pid"
if [ ! -s "$PIDFILE" ]; then echo "stop-sftp.sh: no pid file $PIDFILE" >&2; exit 0; fi
PID=$(cat "$PIDFILE")
if kill -0 "$PID" 2>/dev/null; then
  kill "$PID"
  for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
fi
rm -f "$PIDFILE"
PORT=$(sed -n 's/^PORT=//p' "$1/env" 2>/dev/null || true)
if [ -n "$PORT" ] && mountpoint -q "/srv/oclc-sftp-test/$PORT/xfer/full" 2>/dev/null; then umount "/srv/oclc-sftp-test/$PORT/xfer/full"; fi
echo "SFTP test server stopped (pid $PID)"
