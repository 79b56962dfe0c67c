#!/usr/bin/env bash
# Classification speed: the encoder alone, then the whole labelling path (read items, encode, 7 stance targets,
# sentiment, incivility, labels with evidence stored in PostgreSQL, dashboard rollups refreshed) on the same
# ~200-character comments, heap capped at 1 GB, for each encoder. Each run uses a fresh temporary embedded database.
# Usage: [ENCODERS="bge minilm"] [PATHS="pipeline serial"] scripts/bench-classify.sh [comments]  (default 2000)
# PATHS: the worker's pipelined path (the default) and/or the serial one, one batch at a time, to compare them.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
for encoder in ${ENCODERS:-bge minilm}; do
  for path in ${PATHS:-pipeline}; do
    pipeline=$([ "$path" = serial ] && echo false || echo true)
    echo "== encoder $encoder, $path path; machine: $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx1g -Dcounterpoint.classifier.encoder="$encoder" -Dcounterpoint.classifier.pipeline="$pipeline" \
        -jar "$jar" bench-classify --comments "${1:-2000}" || echo "   the $encoder $path run failed"
    echo "   load after $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
