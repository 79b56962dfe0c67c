package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;
import dev.counterpoint.classify.transfer.CodebookEncodings;
import dev.counterpoint.classify.transfer.RuleSignals;
import dev.counterpoint.classify.transfer.StanceFeatures;
import dev.counterpoint.classify.transfer.TransferStanceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Benchmark rows turned into transfer-model features, with their gold class ids. */
final class StanceRows {

    final List<StanceBenchmarks.Row> rows;
    final float[][] vectors;
    final double[][] features;
    final int[] gold;

    StanceRows(List<StanceBenchmarks.Row> rows, VectorCache cache, TextEncoder encoder, StanceFeatures.Layout layout) {
        this.rows = rows;
        this.vectors =
                cache.vectors(rows.stream().map(StanceBenchmarks.Row::text).toList());
        Map<String, CodebookEncodings> codebooks = new HashMap<>();
        for (String codebook : List.of("tweeteval-stance", "ruw")) {
            codebooks.put(codebook, CodebookEncodings.of(StanceBenchmarks.targets(codebook), encoder));
        }
        // Each (codebook, split) is a corpus of its own: its targets are standardised over its distinct texts.
        Map<String, CodebookEncodings> corpora = new HashMap<>();
        Map<String, Map<String, float[]>> texts = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            StanceBenchmarks.Row row = rows.get(i);
            texts.computeIfAbsent(row.codebook() + "/" + row.split(), k -> new java.util.LinkedHashMap<>())
                    .put(row.text(), vectors[i]);
        }
        Map<String, RuleSignals> rules = new HashMap<>();
        texts.forEach((key, corpus) -> {
            String codebook = key.substring(0, key.indexOf('/'));
            float[][] corpusVectors = corpus.values().toArray(float[][]::new);
            corpora.put(key, codebooks.get(codebook).normalisedOver(corpusVectors));
            rules.put(
                    key,
                    new RuleSignals(StanceBenchmarks.targets(codebook), encoder)
                            .calibrate(new ArrayList<>(corpus.keySet()), corpusVectors));
        });
        Map<String, double[][]> ruleOf = new HashMap<>();
        Vader vader = Vader.standard();
        Map<String, Double> tone = new HashMap<>();
        features = new double[rows.size()][];
        gold = new int[rows.size()];
        List<String> labels = List.of(TransferStanceModel.LABELS);
        for (int i = 0; i < rows.size(); i++) {
            StanceBenchmarks.Row row = rows.get(i);
            double wholeTone = tone.computeIfAbsent(
                    row.text(), t -> vader.score(TextNormalizer.clean(t)).compound());
            String key = row.codebook() + "/" + row.split();
            CodebookEncodings corpus = corpora.get(key);
            int t = corpus.indexOf(row.target());
            float[] vector = vectors[i];
            double[][] rule = ruleOf.computeIfAbsent(
                    key + "\n" + row.text(), k -> rules.get(key).of(row.text(), vector));
            features[i] = StanceFeatures.of(
                    row.text(), vectors[i], wholeTone, corpus.encoding(t), corpus.opponents(t), rule[t], layout);
            gold[i] = labels.indexOf(row.gold());
        }
    }

    List<Integer> where(java.util.function.Predicate<StanceBenchmarks.Row> test) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (test.test(rows.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    double[][] features(List<Integer> indices) {
        return indices.stream().map(i -> features[i]).toArray(double[][]::new);
    }

    int[] gold(List<Integer> indices) {
        return indices.stream().mapToInt(i -> gold[i]).toArray();
    }
}
