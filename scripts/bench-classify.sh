#!/usr/bin/env bash
# Classification speed: the encoder alone, then the whole labelling path (encode, 7 stance targets, sentiment,
# incivility, labels with evidence stored in PostgreSQL) on the same ~200-character comments, heap capped at 1 GB.
# Runs on a fresh temporary embedded database. Usage: scripts/bench-classify.sh [comments]  (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -jar "$jar" bench-classify --comments "${1:-2000}"
