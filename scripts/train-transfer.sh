#!/usr/bin/env bash
# Learns the shipped models from the public benchmarks' training splits and writes them into the build's
# resources: the transfer stance model (TweetEval stance + RUW train), sentiment (TweetEval sentiment) and
# incivility (OffensEval train), with shipped-reliability.json. It also prints the leave-one-target-out and
# validation scores (README, "Classifier quality"). Encoder vectors are cached in bench-results/transfer/.
# Each encoder has its own models: ENCODER=minilm writes MiniLM's into src/main/resources/classify/all-minilm-l6-v2-q.
# Usage: [ENCODER=bge|minilm] scripts/train-transfer.sh [EVAL_DIR] [OUT_DIR]
#        (defaults ../shared/eval, src/main/resources/classify or its encoder's folder)
set -euo pipefail
cd "$(dirname "$0")/.."
encoder=${ENCODER:-bge}
case "$encoder" in
    bge) folder=src/main/resources/classify ;;
    minilm) folder=src/main/resources/classify/all-minilm-l6-v2-q ;;
    *) echo "unknown ENCODER $encoder (bge|minilm)" >&2; exit 2 ;;
esac
data=${1:-../shared/eval}
out=${2:-$folder}
mkdir -p bench-results/transfer "$out"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
java -Xmx4g -Dtransfer.encoder="$encoder" -jar "$jar" train-transfer "$data" "$out" bench-results/transfer \
    | tee "bench-results/transfer/train-transfer-$encoder.txt"
