#!/usr/bin/env bash
# Load: starts the packaged app on a fresh embedded database, generates a synthetic corpus (default 1,000 documents
# x 1,000 comments = 1,000,000 comments), then for SECONDS (default 60) has ANNOTATORS (default 50) people saving
# labels on random comments and VIEWERS (default 20) reading chart panels at once, over loopback HTTP. Afterwards
# it checks in SQL that every save the benchmark counted is a row in the label history, and prints p95 latencies.
# Usage: scripts/bench-load.sh [documents] [comments-per-document] [annotators] [viewers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-1000}
comments=${2:-1000}
annotators=${3:-50}
viewers=${4:-20}
seconds=${5:-60}
jar=${COUNTERPOINT_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
command -v psql >/dev/null || { echo "bench-load needs psql (any version) to check the label history" >&2; exit 1; }
dir=$(mktemp -d /tmp/counterpoint-load-XXXX)
port=${BENCH_PORT:-18097}
password=bench-password-1
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); data in $dir"
COUNTERPOINT_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port COUNTERPOINT_ADMIN_PASSWORD=$password \
  COUNTERPOINT_CLASSIFIER_CLASSIFY_SAMPLE_ON_START=false java -Xmx1g -jar "$jar" >"$dir/app.log" 2>&1 &
app=$!
trap 'rc=$?; kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$dir"; exit $rc' EXIT
up=no
for _ in $(seq 1 1200); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" || true)" = 200 ]; then up=yes; break; fi
  kill -0 $app 2>/dev/null || break
  sleep 0.1
done
if [ $up != yes ]; then
  echo "The app did not come up on port $port within 120 s; its log ends:" >&2
  tail -20 "$dir/app.log" >&2
  exit 1
fi
echo "== Generating $documents documents x $comments comments"
time COUNTERPOINT_DATA_DIR="$dir" java -Xmx1g -jar "$jar" generate-synthetic --documents "$documents" --comments "$comments"
echo "== Database size: $(du -sh "$dir/postgres" | cut -f1)"
pgport=$(sed -n 4p "$dir/postgres/postmaster.pid")
sql() { psql -X -q -t -A -h localhost -p "$pgport" -U postgres -d counterpoint -c "$1"; }
read -r first last <<<"$(sql "SELECT min(id), max(id) FROM item WHERE kind = 'comment'" | tr '|' ' ')"
comments_total=$(sql "SELECT count(*) FROM item WHERE kind = 'comment'")
labels_before=$(sql "SELECT count(*) FROM label")
echo "== $annotators annotators and $viewers viewers for $seconds s on $comments_total comments"
out="$dir/load.txt"
status=0
java -jar "$jar" bench-load "http://localhost:$port" admin "$password" "$first" "$last" \
  "$annotators" "$viewers" "$seconds" | tee "$out" || status=$?
result=$(grep '^RESULT ' "$out" || true)
[ -n "$result" ] || { echo "the benchmark printed no result" >&2; exit 1; }
saves=$(sed 's/.* saves=\([0-9]*\).*/\1/' <<<"$result")
prefix=$(sed 's/.*annotator_prefix=\([^ ]*\).*/\1/' <<<"$result")
stored=$(sql "SELECT count(*) FROM label WHERE source = 'human' AND annotator LIKE '$prefix%'")
labels_after=$(sql "SELECT count(*) FROM label")
echo "== History: $saves saves answered 200, $stored label rows by the load annotators, label rows $labels_before -> $labels_after"
if [ "$saves" != "$stored" ]; then
  echo "LOST OR DOUBLED: $saves saves but $stored rows in the history" >&2
  exit 1
fi
echo "Every save is in the history (labels lost: 0)."
grep -q "ERROR\|Exception" "$dir/app.log" && { echo "== the app logged errors:"; grep -m5 "ERROR\|Exception" "$dir/app.log"; }
exit $status
