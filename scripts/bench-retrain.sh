#!/usr/bin/env bash
# Times retraining from people's labels as an admin would after a morning's relabelling: RUW train + validation
# (4,800 tweets, 9,600 stance labels) imported as people's labels on a fresh temporary database, trained once (which
# encodes and stores the vectors), then trained again on the stored vectors: that second training is the figure.
# Usage: scripts/bench-retrain.sh [EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval}
out=bench-results/retrain
mkdir -p "$out"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
java -jar "$jar" convert-benchmark ruw "$data/ruw/train.csv" "$out/ruw-train.jsonl" >/dev/null
java -jar "$jar" convert-benchmark ruw "$data/ruw/val.csv" "$out/ruw-val.jsonl" >/dev/null
# One document of both splits' tweets (ids made unique), scored on the validation split only to finish the run.
{ cat "$out/ruw-train.jsonl"; tail -n +2 "$out/ruw-val.jsonl" | sed -e 's/"id":"t/"id":"v/' -e 's/"document":"ruw-val"/"document":"ruw-train"/'; } > "$out/ruw-5000.jsonl"
java -Xmx2g -jar "$jar" eval --codebook ruw --train "$out/ruw-5000.jsonl" --test "$out/ruw-val.jsonl" \
    --out "$out/predictions.jsonl" --retrain 1 | tee "$out/retrain.txt"
grep -E "Retrained|Trained on" "$out/retrain.txt" || true
