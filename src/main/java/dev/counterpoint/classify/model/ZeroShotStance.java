package dev.counterpoint.classify.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zero-shot stance toward several codebook targets at once. Each target's score is its own standardised
 * {@link CodebookScorer#stanceScore} minus the mean score of the targets the codebook declares as its opponents
 * (e.g. Russia ↔ Ukraine): being pro-Ukraine is evidence against Russia. Scores are standardised over the corpus
 * being analysed ({@link #calibrate}, unlabelled). Decision: NONE when not relevant or |score| ≤ threshold.
 */
public final class ZeroShotStance {

    private final Map<String, CodebookScorer> scorers = new LinkedHashMap<>();
    private final Map<String, List<String>> opponents;
    private final double threshold;
    private final double relevanceThreshold;

    /**
     * @param opponents  target name → names of opposing targets (may be empty)
     * @param threshold  |score| (in standard deviations) needed for FAVOR/AGAINST
     */
    public ZeroShotStance(
            List<CodebookScorer> scorers,
            Map<String, List<String>> opponents,
            double threshold,
            double relevanceThreshold) {
        for (CodebookScorer s : scorers) this.scorers.put(s.target().name(), s);
        this.opponents = new HashMap<>(opponents);
        this.threshold = threshold;
        this.relevanceThreshold = relevanceThreshold;
    }

    public void calibrate(List<String> texts, float[][] vectors) {
        for (CodebookScorer s : scorers.values()) s.calibrate(texts, vectors);
    }

    /** Signed score per target (positive = FAVOR). */
    public Map<String, Double> scores(String text, float[] vector) {
        Map<String, double[]> feats = new HashMap<>();
        Map<String, Double> own = new HashMap<>();
        for (var e : scorers.entrySet()) {
            double[] f = e.getValue().features(text, vector);
            feats.put(e.getKey(), f);
            own.put(e.getKey(), e.getValue().stanceScore(f));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String t : scorers.keySet()) {
            double s = own.get(t);
            List<String> opp = opponents.getOrDefault(t, List.of());
            double o = 0;
            int n = 0;
            for (String x : opp)
                if (own.containsKey(x)) {
                    o += own.get(x);
                    n++;
                }
            out.put(t, n == 0 ? s : (s - o / n) / Math.sqrt(2));
        }
        return out;
    }

    public Map<String, String> decide(String text, float[] vector) {
        Map<String, Double> sc = scores(text, vector);
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : scorers.entrySet()) {
            double[] f = e.getValue().features(text, vector);
            double s = sc.get(e.getKey());
            String label;
            if (e.getValue().relevance(f) < relevanceThreshold) label = "NONE";
            else if (s > threshold) label = "FAVOR";
            else if (s < -threshold) label = "AGAINST";
            else label = "NONE";
            out.put(e.getKey(), label);
        }
        return out;
    }
}
