package dev.counterpoint.classify.transfer;

import dev.counterpoint.classify.model.TargetSentiment;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A codebook target as vectors: its name with its description, the mean of each side's example statements, and
 * anchors measured on those examples (how close an on-topic statement is to the description, how far apart the
 * two sides lie), so that similarities become comparable across targets without any labelled text.
 */
public record TargetEncoding(
        String slug,
        float[] description,
        float[][] favor,
        float[][] against,
        float[] direction,
        double onTopic,
        double midpoint,
        double spread,
        TargetSentiment sentiment,
        CorpusNorms norms) {

    /**
     * Mean and spread of the target's similarities over the corpus being labelled, so that "close to the
     * description" or "leans favor" mean so compared with the texts at hand (a tweet corpus and a corpus of long
     * comments sit at different similarity levels).
     */
    public record CorpusNorms(
            double relevance,
            double relevanceSpread,
            double lean,
            double leanSpread,
            double sides,
            double sidesSpread) {

        static CorpusNorms of(TargetEncoding target, float[][] vectors) {
            int n = vectors.length;
            double[][] v = new double[3][n];
            for (int i = 0; i < n; i++) {
                v[0][i] = Vectors.dot(vectors[i], target.description());
                v[1][i] = StanceFeatures.lean(vectors[i], target);
                v[2][i] = StanceFeatures.sides(vectors[i], target);
            }
            double[] m = new double[3];
            double[] sd = new double[3];
            for (int k = 0; k < 3; k++) {
                for (double x : v[k]) {
                    m[k] += x / n;
                }
                for (double x : v[k]) {
                    sd[k] += (x - m[k]) * (x - m[k]) / Math.max(1, n - 1);
                }
                sd[k] = Math.max(1e-3, Math.sqrt(sd[k]));
            }
            return new CorpusNorms(m[0], sd[0], m[1], sd[1], m[2], sd[2]);
        }
    }

    /** Below this many texts the corpus is too small to standardise over; the codebook's own statements are used. */
    public static final int MIN_CORPUS = 50;

    /** The same target standardised over {@code vectors} (or, for a small corpus, over {@code fallback}). */
    public TargetEncoding normalisedOver(float[][] vectors, float[][] fallback) {
        float[][] pool = vectors.length >= MIN_CORPUS || fallback.length < 3 ? vectors : fallback;
        if (pool.length < 3) {
            return this;
        }
        return new TargetEncoding(
                slug,
                description,
                favor,
                against,
                direction,
                onTopic,
                midpoint,
                spread,
                sentiment,
                CorpusNorms.of(this, pool));
    }

    public static TargetEncoding of(TargetSpec target, TextEncoder encoder) {
        List<String> texts = new ArrayList<>();
        texts.add(target.name() + ". " + target.description());
        target.favor().forEach(e -> texts.add(TextNormalizer.clean(e)));
        target.against().forEach(e -> texts.add(TextNormalizer.clean(e)));
        return of(target, encoder.encode(texts));
    }

    /** {@code vectors}: the description's, then the favor examples', then the against examples'. */
    static TargetEncoding of(TargetSpec target, float[][] vectors) {
        int favorCount = target.favor().size();
        float[] description = vectors[0];
        float[][] favor = Arrays.copyOfRange(vectors, 1, 1 + favorCount);
        float[][] against = Arrays.copyOfRange(vectors, 1 + favorCount, vectors.length);
        float[] direction = difference(mean(favor, description.length), mean(against, description.length));
        double onTopic = 0;
        int examples = favor.length + against.length;
        double favorSide = 0;
        double againstSide = 0;
        for (float[] example : favor) {
            onTopic += Vectors.dot(example, description) / examples;
            favorSide += Vectors.dot(example, direction) / favor.length;
        }
        for (float[] example : against) {
            onTopic += Vectors.dot(example, description) / examples;
            againstSide += Vectors.dot(example, direction) / against.length;
        }
        List<String> names = new ArrayList<>(target.aliases());
        names.add(target.name());
        return new TargetEncoding(
                target.slug(),
                description,
                favor,
                against,
                direction,
                examples == 0 ? 0.5 : onTopic,
                (favorSide + againstSide) / 2,
                Math.max(0.02, (favorSide - againstSide) / 2),
                new TargetSentiment(names),
                new CorpusNorms(0.5, 0.1, 0, 1, 0, 0.1));
    }

    private static float[] mean(float[][] vectors, int dimension) {
        float[] mean = new float[dimension];
        for (float[] v : vectors) {
            for (int i = 0; i < dimension; i++) {
                mean[i] += v[i] / vectors.length;
            }
        }
        return mean;
    }

    /** favor − against, scaled to unit length (zero when a side has no examples). */
    private static float[] difference(float[] favor, float[] against) {
        float[] d = new float[favor.length];
        double norm = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = favor[i] - against[i];
            norm += d[i] * d[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 1e-9) {
            for (int i = 0; i < d.length; i++) {
                d[i] /= (float) norm;
            }
        }
        return d;
    }
}
