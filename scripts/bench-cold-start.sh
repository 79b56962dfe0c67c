#!/usr/bin/env bash
# Cold start of the packaged app on the embedded database, to the first served page.
# "First start" uses an empty data folder (initdb, migrations, sample import); "restart" reuses it.
# Usage: scripts/bench-cold-start.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
port=18089

now_ms() { date +%s%3N; }

start_and_time() { # $1 data dir; prints milliseconds from launch to the first 200 from /login
  local dir=$1 t0 pid code
  t0=$(now_ms)
  COUNTERPOINT_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port COUNTERPOINT_ADMIN_PASSWORD=bench-password-1 \
    java -Xmx1g -jar "$jar" >"$dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" || true)
    if [ "$code" = "200" ]; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app exited; see $dir.log" >&2; exit 1; fi
    sleep 0.05
  done
  echo $(( $(now_ms) - t0 ))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
# The very first start on a machine also unpacks the PostgreSQL binaries (to java.io.tmpdir/embedded-pg).
rm -rf "${TMPDIR:-/tmp}/embedded-pg"
dir=$(mktemp -d /tmp/counterpoint-bench-XXXX)
echo "first start on this machine (unpacks PostgreSQL), ms: $(start_and_time "$dir/data")"
rm -rf "$dir"
first=(); again=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/counterpoint-bench-XXXX)
  first+=("$(start_and_time "$dir/data")")
  again+=("$(start_and_time "$dir/data")")
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first start (empty data folder), ms: ${first[*]}  median $(median "${first[@]}")"
echo "restart (existing data folder), ms:  ${again[*]}  median $(median "${again[@]}")"
