package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.text.Confusion;
import dev.counterpoint.imports.JsonlReader;
import dev.counterpoint.imports.JsonlRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores exported predictions against a test file's labels. A target missing from an item's gold labels is
 * unknown and not scored (TweetEval labels each tweet for one target only).
 */
record EvalReport(int items, String text) {

    static final List<String> STANCE = List.of("favor", "against", "none");
    static final List<String> SENTIMENT = List.of("negative", "neutral", "positive");
    static final List<String> INCIVILITY = List.of("civil", "uncivil");

    static EvalReport score(List<JsonlReader.Line> gold, List<JsonlReader.Line> predictions, String prefix) {
        Map<String, Map<String, String>> predicted = new HashMap<>();
        for (JsonlReader.Line line : predictions) {
            JsonlRecord r = line.record();
            if (!r.isDocumentLine()) {
                predicted.put(
                        key(r.document().substring(prefix.length()), r.id()),
                        r.labels() == null ? Map.of() : r.labels());
            }
        }
        Map<String, Confusion> stance = new TreeMap<>();
        Confusion sentiment = new Confusion(SENTIMENT);
        Confusion incivility = new Confusion(INCIVILITY);
        int items = 0;
        int missing = 0;
        for (JsonlReader.Line line : gold) {
            JsonlRecord r = line.record();
            if (r.isDocumentLine()) {
                continue;
            }
            items++;
            if (r.labels() == null) {
                continue;
            }
            Map<String, String> prediction = predicted.getOrDefault(key(r.document(), r.id()), Map.of());
            for (Map.Entry<String, String> label : r.labels().entrySet()) {
                String goldValue = label.getValue().toLowerCase(Locale.ROOT);
                String predictedValue = prediction.get(label.getKey());
                if (predictedValue == null) {
                    missing++;
                    continue;
                }
                switch (label.getKey()) {
                    case "sentiment" -> sentiment.add(goldValue, predictedValue);
                    case "incivility" -> incivility.add(goldValue, predictedValue);
                    default ->
                        stance.computeIfAbsent(label.getKey(), k -> new Confusion(STANCE))
                                .add(goldValue, predictedValue);
                }
            }
        }
        return new EvalReport(items, render(stance, sentiment, incivility, missing));
    }

    private static String render(
            Map<String, Confusion> stance, Confusion sentiment, Confusion incivility, int missing) {
        StringBuilder out = new StringBuilder();
        if (!stance.isEmpty()) {
            Confusion pooled = new Confusion(STANCE);
            double sumFavg = 0;
            for (Map.Entry<String, Confusion> target : stance.entrySet()) {
                Confusion c = target.getValue();
                out.append(String.format(
                        Locale.ROOT,
                        "%n== Stance toward %s (n=%d): F_avg %.2f, macro-F1 %.2f%n",
                        target.getKey(),
                        c.total(),
                        100 * c.fAvg(),
                        100 * c.macroF1()));
                out.append(c.table());
                pooled.addAll(c);
                sumFavg += c.fAvg();
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%n== Stance, all %d targets pooled (SemEval-2016 F_avg): %.2f%n",
                    stance.size(),
                    100 * pooled.fAvg()));
            out.append(String.format(
                    Locale.ROOT, "== Stance, mean of the per-target F_avg: %.2f%n", 100 * sumFavg / stance.size()));
        }
        if (sentiment.total() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n== Sentiment (n=%d): macro-recall %.2f, macro-F1 %.2f%n",
                    sentiment.total(),
                    100 * sentiment.macroRecall(),
                    100 * sentiment.macroF1()));
            out.append(sentiment.table());
        }
        if (incivility.total() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "%n== Incivility (n=%d): macro-F1 %.2f%n",
                    incivility.total(),
                    100 * incivility.macroF1()));
            out.append(incivility.table());
        }
        if (missing > 0) {
            out.append(String.format(Locale.ROOT, "%n%d gold labels had no prediction (not scored).%n", missing));
        }
        return out.toString();
    }

    private static String key(String document, String id) {
        return document + "\u0000" + id;
    }
}
