package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Zero-shot stance toward one codebook target, from the codebook alone (no labelled data):
 * <ul>
 *   <li>relevance: the text names the target (aliases) or its vector is close to the description;</li>
 *   <li>stance: similarity to the FAVOR examples minus similarity to the AGAINST examples (mean of the top-k
 *       cosine similarities to each set), plus target-directed VADER sentiment in sentences naming the target.</li>
 * </ul>
 * {@link #features} exposes the raw signals so that they can also be used as prior features of a trained model.
 * Decisions use thresholds on scores standardised over a reference pool of (unlabelled) texts
 * ({@link #calibrate}); without calibration built-in defaults are used. Thread-safe after construction.
 */
public final class CodebookScorer {

    /** Number of values returned by {@link #features}. */
    public static final int SIZE = 6;

    /** Decision parameters. */
    public record Rule(int topK, double sentimentWeight, double relevanceThreshold, double stanceThreshold) {
        public static Rule defaults() {
            return new Rule(3, 0.5, 0.0, 0.25);
        }
    }

    private final CodebookTarget target;
    private final TargetSentiment targetSentiment;
    private final float[] description;
    private final float[][] favor;
    private final float[][] against;
    private final Rule rule;
    // standardisation of raw signals over a reference pool
    private double simMean = 0, simStd = 0.05, relMean = 0.5, relStd = 0.05, sentStd = 0.5;

    public CodebookScorer(CodebookTarget target, TextEncoder encoder) {
        this(target, encoder, Rule.defaults());
    }

    public CodebookScorer(CodebookTarget target, TextEncoder encoder, Rule rule) {
        this.target = target;
        this.rule = rule;
        List<String> names = new ArrayList<>(target.aliases());
        names.add(target.name());
        this.targetSentiment = new TargetSentiment(names);
        List<String> all = new ArrayList<>();
        all.add(target.name() + ". " + target.description());
        all.addAll(target.favorExamples());
        all.addAll(target.againstExamples());
        float[][] v = encoder.encode(all);
        this.description = v[0];
        this.favor = Arrays.copyOfRange(v, 1, 1 + target.favorExamples().size());
        this.against = Arrays.copyOfRange(v, 1 + target.favorExamples().size(), v.length);
    }

    public CodebookTarget target() {
        return target;
    }

    /**
     * [mentioned (0/1), cosine to description, top-k mean cosine to FAVOR examples, top-k mean cosine to AGAINST
     * examples, favor-minus-against, target-directed VADER compound (0 if not mentioned)].
     */
    public double[] features(String text, float[] vector) {
        double[] ts = targetSentiment.features(text);
        double f = topKMean(vector, favor), a = topKMean(vector, against);
        return new double[] {ts[0], dot(vector, description), f, a, f - a, ts[1]};
    }

    /** Sets the standardisation of similarity signals from unlabelled texts of the corpus being analysed. */
    public void calibrate(List<String> texts, float[][] vectors) {
        int n = texts.size();
        double[] sim = new double[n], rel = new double[n], sent = new double[n];
        for (int i = 0; i < n; i++) {
            double[] f = features(texts.get(i), vectors[i]);
            sim[i] = f[4];
            rel[i] = f[1];
            sent[i] = f[5];
        }
        simMean = mean(sim);
        simStd = Math.max(1e-6, std(sim, simMean));
        relMean = mean(rel);
        relStd = Math.max(1e-6, std(rel, relMean));
        sentStd = Math.max(1e-6, std(sent, 0));
    }

    /** Standardised stance score: positive leans FAVOR, negative leans AGAINST. */
    public double stanceScore(double[] f) {
        return (f[4] - simMean) / simStd + rule.sentimentWeight() * f[5] / sentStd;
    }

    /** Standardised relevance; a mention counts as fully relevant. */
    public double relevance(double[] f) {
        return f[0] > 0 ? Double.POSITIVE_INFINITY : (f[1] - relMean) / relStd;
    }

    /** "FAVOR", "AGAINST" or "NONE". */
    public String decide(String text, float[] vector) {
        double[] f = features(text, vector);
        if (relevance(f) < rule.relevanceThreshold()) return "NONE";
        double s = stanceScore(f);
        if (s > rule.stanceThreshold()) return "FAVOR";
        if (s < -rule.stanceThreshold()) return "AGAINST";
        return "NONE";
    }

    private double topKMean(float[] v, float[][] set) {
        if (set.length == 0) return 0;
        double[] s = new double[set.length];
        for (int i = 0; i < set.length; i++) s[i] = dot(v, set[i]);
        Arrays.sort(s);
        int k = Math.min(rule.topK(), s.length);
        double sum = 0;
        for (int i = 0; i < k; i++) sum += s[s.length - 1 - i];
        return sum / k;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return x.length == 0 ? 0 : s / x.length;
    }

    private static double std(double[] x, double m) {
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return x.length < 2 ? 1 : Math.sqrt(s / (x.length - 1));
    }
}
