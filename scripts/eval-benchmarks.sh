#!/usr/bin/env bash
# Scores the classifier on the public benchmarks through the product's own path (the eval command: fresh
# temporary database, import training labels, train, import test texts, classify, export, score).
# Usage: scripts/eval-benchmarks.sh [EVAL_DIR] [SPLIT]
#   EVAL_DIR holds tweeteval-stance/, ruw/, tweeteval-sentiment/, tweeteval-offensive/ (default ../shared/eval)
#   SPLIT is the file scored: val (default) or test where one is available. Output goes to bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval}
split=${2:-val}
out=bench-results/eval
mkdir -p "$out"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
run() { java -Xmx2g -jar "$jar" "$@"; }

convert() { # format folder split extension
  run convert-benchmark "$1" "$data/$2/$3.$4" "$out/$2-$3.jsonl" >/dev/null
}
convert tweeteval-stance tweeteval-stance train tsv; convert tweeteval-stance tweeteval-stance "$split" tsv
convert ruw ruw train csv; convert ruw ruw "$split" csv
convert tweeteval-offensive tweeteval-offensive train tsv; convert tweeteval-offensive tweeteval-offensive "$split" tsv
convert tweeteval-sentiment tweeteval-sentiment val tsv

echo "== TweetEval stance, trained on train, scored on $split"
run eval --codebook tweeteval-stance --train "$out/tweeteval-stance-train.jsonl" \
    --test "$out/tweeteval-stance-$split.jsonl" --out "$out/stance.predictions.jsonl" | tee "$out/stance.txt"
echo "== RUW, trained on train, scored on $split"
run eval --codebook ruw --train "$out/ruw-train.jsonl" --test "$out/ruw-$split.jsonl" \
    --out "$out/ruw.predictions.jsonl" | tee "$out/ruw.txt"
echo "== RUW zero-shot (codebook only), scored on $split"
run eval --codebook ruw --test "$out/ruw-$split.jsonl" --out "$out/ruw-zero-shot.predictions.jsonl" | tee "$out/ruw-zero-shot.txt"
echo "== RUW with 200 training labels (the first 200 of train), scored on $split"
head -n 201 "$out/ruw-train.jsonl" > "$out/ruw-train-200.jsonl"
run eval --codebook ruw --train "$out/ruw-train-200.jsonl" --test "$out/ruw-$split.jsonl" \
    --out "$out/ruw-200.predictions.jsonl" | tee "$out/ruw-200.txt"
echo "== TweetEval offensive (incivility), trained on train, scored on $split"
run eval --codebook default --train "$out/tweeteval-offensive-train.jsonl" \
    --test "$out/tweeteval-offensive-$split.jsonl" --out "$out/offensive.predictions.jsonl" | tee "$out/offensive.txt"
if [ "$split" != val ] && [ -f "$data/tweeteval-sentiment/$split.tsv" ]; then
  convert tweeteval-sentiment tweeteval-sentiment "$split" tsv
  echo "== TweetEval sentiment, trained on the 2,000-tweet split, scored on $split"
  run eval --codebook default --train "$out/tweeteval-sentiment-val.jsonl" \
      --test "$out/tweeteval-sentiment-$split.jsonl" --out "$out/sentiment.predictions.jsonl" | tee "$out/sentiment.txt"
else
  echo "== TweetEval sentiment: only its 2,000-tweet split is here; the cross-validated macro-recall on it is the"
  echo "   'sentiment' line of the model report printed by: eval --codebook default --train <that split> --test <it>"
  run eval --codebook default --train "$out/tweeteval-sentiment-val.jsonl" \
      --test "$out/tweeteval-sentiment-val.jsonl" --out "$out/sentiment.predictions.jsonl" | tee "$out/sentiment.txt"
fi
grep -hE "^== |pooled|mean of the per-target|macro-recall|Incivility|Sentiment|sentiment |incivility " "$out"/*.txt
