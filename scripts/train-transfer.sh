#!/usr/bin/env bash
# Learns the shipped models from the public benchmarks' training splits and writes them into the build's
# resources: the transfer stance model (TweetEval stance + RUW train), sentiment (TweetEval sentiment) and
# incivility (OffensEval train), with shipped-reliability.json. It also prints the leave-one-target-out and
# validation scores (README, "Classifier quality"). Encoder vectors are cached in bench-results/transfer/.
# Usage: scripts/train-transfer.sh [EVAL_DIR] [OUT_DIR]   (defaults ../shared/eval, src/main/resources/classify)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval}
out=${2:-src/main/resources/classify}
mkdir -p bench-results/transfer "$out"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
java -Xmx4g -jar "$jar" train-transfer "$data" "$out" bench-results/transfer | tee bench-results/transfer/train-transfer.txt
