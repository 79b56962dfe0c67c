#!/usr/bin/env bash
# The shipped models on long reader comments rather than tweets, through the eval path (no training labels):
#  * stance: VAST (NYT "Room for Debate" comments; github.com/emilyallaway/zero-shot-stance, data/VAST/
#    vast_test-sentswap.csv, the only VAST split that repository serves) for six topics, scored with the minute
#    codebooks of src/main/resources/eval/vast-minute.yaml (written before any comment was read);
#  * incivility: the Unhealthy Comments Corpus (Globe and Mail comments; github.com/conversationai/
#    unhealthy-conversations, corpus/val.csv), "uncivil" where annotators marked it hostile or antagonistic.
# Usage: scripts/eval-comments.sh VAST_CSV UCC_CSV   (fetched data stays outside the repository, e.g. /work/data)
set -euo pipefail
cd "$(dirname "$0")/.."
vast=${1:?VAST csv}
ucc=${2:?UCC csv}
out=bench-results/comments
mkdir -p "$out"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
python3 - "$vast" "$ucc" "$out" <<'PY'
import csv, json, re, sys
vast, ucc, out = sys.argv[1:4]
topics = {"bike-lanes": r"bike lane", "humanities": r"humanit", "tenure": r"^tenure$", "medicare": r"^medicare$",
          "guns": r"^guns?$", "nato": r"^nato$"}
values = {"0": "against", "1": "favor", "2": "none"}
items = {}
for row in csv.DictReader(open(vast, encoding="utf-8")):
    for slug, pattern in topics.items():
        if re.search(pattern, row["new_topic"]):
            items.setdefault(row["post"], {})[slug] = values[row["label"]]
def write(path, doc, codebook, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": doc, "kind": "document", "title": doc, "codebook": codebook,
                            "attribution": "Public research data: evaluation only, not for shipping."}) + "\n")
        for n, (text, labels) in enumerate(rows, 1):
            f.write(json.dumps({"id": "c%d" % n, "document": doc, "kind": "comment", "text": text,
                                "labels": labels, "annotator": doc}) + "\n")
write(out + "/vast.jsonl", "vast-sentswap", "vast-minute", list(items.items()))
rows = []
for row in csv.DictReader(open(ucc, encoding="utf-8")):
    uncivil = row["hostile"] == "1" or row["antagonize"] == "1"
    rows.append((row["comment"], {"incivility": "uncivil" if uncivil else "civil"}))
write(out + "/ucc.jsonl", "ucc-val", "default", rows)
print("VAST: %d comments with %d topic labels; UCC: %d comments" % (
    len(items), sum(len(v) for v in items.values()), len(rows)))
PY
echo "== VAST, six topics, minute codebooks, shipped transfer model"
java -Xmx2g -jar "$jar" eval --codebook vast-minute --test "$out/vast.jsonl" --out "$out/vast.predictions.jsonl" \
    | tee "$out/vast.txt"
echo "== Unhealthy Comments Corpus (val), incivility = hostile or antagonistic, shipped incivility model"
java -Xmx2g -jar "$jar" eval --codebook default --test "$out/ucc.jsonl" --out "$out/ucc.predictions.jsonl" \
    | tee "$out/ucc.txt"
