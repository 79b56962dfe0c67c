#!/usr/bin/env bash
# Leave-one-target-out over the 7 benchmark targets: for each target, the transfer model is trained on the other
# six targets' training rows and scores the held-out target's validation split through its codebook entry; printed
# beside today's codebook rule and the in-target model. Writes its models to bench-results/transfer/out, not to
# the build. Usage: scripts/eval-transfer.sh [EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval}
mkdir -p bench-results/transfer/out
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
java -Xmx4g -Dtransfer.stance-only=true -jar "$jar" train-transfer "$data" bench-results/transfer/out \
    bench-results/transfer | grep -E "rows|rule|transfer,|in-target" | tee bench-results/transfer/loto.txt
