#!/usr/bin/env bash
# F_avg on RUW and TweetEval stance validation with 0, 50, 200, 1,000 and all training labels (three random
# samples per size), through the product's trainer and classifier on cached vectors, beside the shipped model alone.
# Usage: scripts/learning-curve.sh [EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval}
mkdir -p bench-results/transfer
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
java -Xmx4g -jar "$jar" learning-curve "$data" bench-results/transfer | tee bench-results/transfer/learning-curve.txt
