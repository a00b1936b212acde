#!/usr/bin/env bash
# Starts the OclcCataloging Zebra test server (SRU 1.1/1.2/2.0 + Z39.50) on 127.0.0.1 only.
# Needs the Debian package idzebra-2.0 (zebraidx, zebrasrv) and perl.
# Usage: start-zebra.sh WORKDIR [PORT]     (default port 21210)
#   fills conf/*.in into WORKDIR/conf, generates the test records into WORKDIR/data, indexes them,
#   starts zebrasrv in the background (pid in WORKDIR/zebrasrv.pid) and waits until the port answers.
# SRU base address: http://127.0.0.1:PORT/Default        Stop: stop-zebra.sh WORKDIR
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 WORKDIR [PORT]" >&2; exit 2; fi
HERE=$(cd "$(dirname "$0")" && pwd)
WORKDIR=$(mkdir -p "$1" && cd "$1" && pwd)
PORT=${2:-21210}
for tool in zebraidx zebrasrv perl; do
  command -v "$tool" >/dev/null || { echo "start-zebra.sh: $tool not found (apt-get install idzebra-2.0)" >&2; exit 3; }
done
if [ -s "$WORKDIR/zebrasrv.pid" ] && kill -0 "$(cat "$WORKDIR/zebrasrv.pid")" 2>/dev/null; then
  echo "start-zebra.sh: already running (pid $(cat "$WORKDIR/zebrasrv.pid"))" >&2; exit 4
fi

rm -rf "$WORKDIR/conf" "$WORKDIR/data" "$WORKDIR/register" "$WORKDIR/lock" "$WORKDIR/tmp"
mkdir -p "$WORKDIR/conf" "$WORKDIR/data" "$WORKDIR/register" "$WORKDIR/lock" "$WORKDIR/tmp" "$WORKDIR/log"
for template in "$HERE"/conf/*.in; do
  sed -e "s#@WORKDIR@#$WORKDIR#g" -e "s#@PORT@#$PORT#g" "$template" > "$WORKDIR/conf/$(basename "${template%.in}")"
done
perl "$HERE/generate-test-data.pl" "$WORKDIR/data"

cd "$WORKDIR"
zebraidx -c conf/zebra.cfg -l log/zebraidx.log init
zebraidx -c conf/zebra.cfg -l log/zebraidx.log -d Default update data
rm -f zebrasrv.pid
nohup zebrasrv -f conf/yazgfs.xml -l log/zebrasrv.log -p "$WORKDIR/zebrasrv.pid" >/dev/null 2>&1 &

# Ready when the port accepts a connection (bash's /dev/tcp; no curl needed).
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "Zebra SRU test server: http://127.0.0.1:$PORT/Default (pid $(cat "$WORKDIR/zebrasrv.pid" 2>/dev/null))"
    exit 0
  fi
  sleep 0.1
done
echo "start-zebra.sh: zebrasrv did not answer on 127.0.0.1:$PORT; see $WORKDIR/log/zebrasrv.log" >&2
exit 1
