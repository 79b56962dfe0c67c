package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.calibration.Reliability;
import dev.counterpoint.classify.text.Confusion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stance predictions on benchmark rows, scored as the benchmarks do: F_avg per target, TweetEval pooled over its
 * targets (SemEval-2016), RUW as the mean of its two targets; and the reliability of the stated confidences.
 */
final class StanceScores {

    private static final List<String> LABELS = List.of("favor", "against", "none");

    private final Map<String, Confusion> perTarget = new LinkedHashMap<>();
    private final Map<String, String> codebookOf = new LinkedHashMap<>();
    private final Reliability reliability = new Reliability();

    void add(StanceBenchmarks.Row row, String predicted, double confidence) {
        perTarget.computeIfAbsent(row.target(), t -> new Confusion(LABELS)).add(row.gold(), predicted);
        codebookOf.put(row.target(), row.codebook());
        if (!Double.isNaN(confidence)) {
            reliability.add(confidence, row.gold().equals(predicted));
        }
    }

    double target(String target) {
        Confusion c = perTarget.get(target);
        return c == null ? Double.NaN : c.fAvg();
    }

    /** TweetEval: pooled over its targets; RUW: mean of its targets. */
    double benchmark(String codebook) {
        if (codebook.equals("ruw")) {
            return perTarget.keySet().stream()
                    .filter(t -> codebookOf.get(t).equals("ruw"))
                    .mapToDouble(this::target)
                    .average()
                    .orElse(Double.NaN);
        }
        Confusion pooled = new Confusion(LABELS);
        perTarget.forEach((t, c) -> {
            if (codebookOf.get(t).equals(codebook)) {
                pooled.addAll(c);
            }
        });
        return pooled.total() == 0 ? Double.NaN : pooled.fAvg();
    }

    Reliability reliability() {
        return reliability;
    }

    String line(String label) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-34s", label));
        perTarget.keySet().forEach(t -> out.append(String.format(Locale.ROOT, " %s %5.1f", t, 100 * target(t))));
        out.append(String.format(
                Locale.ROOT,
                " | TweetEval %5.1f RUW %5.1f",
                100 * benchmark("tweeteval-stance"),
                100 * benchmark("ruw")));
        if (reliability.total() > 0) {
            out.append(String.format(Locale.ROOT, " | ECE %.3f", reliability.ece()));
        }
        return out.toString();
    }
}
