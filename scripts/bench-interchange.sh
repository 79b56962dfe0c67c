#!/usr/bin/env bash
# Import and export speed: a fresh embedded database, a synthetic corpus (default 100 documents x 1,000 comments =
# 100,000 comments with model, human and adjudicated labels), then, with the heap capped at 512 MB: CSV, JSONL and
# Parquet exports of everything beside PostgreSQL's COPY TO STDOUT of the same items and labels, and a CSV import
# of N comments beside COPY FROM STDIN of the same file.
# Usage: scripts/bench-interchange.sh [documents] [comments-per-document] [import-comments]
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-100}
comments=${2:-1000}
imports=${3:-100000}
jar=${COUNTERPOINT_JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
dir=$(mktemp -d /tmp/counterpoint-interchange-XXXX)
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); data in $dir"
export COUNTERPOINT_DATA_DIR="$dir" COUNTERPOINT_CLASSIFIER_CLASSIFY_SAMPLE_ON_START=false
echo "== Generating $documents documents x $comments comments"
time java -Xmx1g -jar "$jar" generate-synthetic --documents "$documents" --comments "$comments"
echo "== Exports and import, heap capped at 512 MB"
java -Xmx512m -jar "$jar" bench-interchange --import-comments "$imports"
