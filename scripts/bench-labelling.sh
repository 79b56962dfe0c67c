#!/usr/bin/env bash
# Labelling speed at scale: starts the packaged app on a fresh embedded database, generates a synthetic corpus
# (default 1,000 documents x 1,000 comments = 1,000,000 comments, labels from model, people and adjudication),
# then times the review queue over HTTP as an annotator meets it: save-and-next and the queue pages (p50, p95, max).
# Usage: scripts/bench-labelling.sh [documents] [comments-per-document] [saves]
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-1000}
comments=${2:-1000}
saves=${3:-200}
jar=${COUNTERPOINT_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
dir=$(mktemp -d /tmp/counterpoint-labelling-XXXX)
port=18096
password=bench-password-1
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); data in $dir"
COUNTERPOINT_DATA_DIR="$dir" QUARKUS_HTTP_PORT=$port COUNTERPOINT_ADMIN_PASSWORD=$password \
  COUNTERPOINT_CLASSIFIER_CLASSIFY_SAMPLE_ON_START=false java -Xmx1g -jar "$jar" >"$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$dir"' EXIT
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
echo "== Timing the review queue"
java -jar "$jar" bench-labelling "http://localhost:$port" admin "$password" "$saves"
