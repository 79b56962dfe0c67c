package dev.counterpoint.classify.transfer;

import java.util.List;

/**
 * The features of a (text, target) pair that a stance model can learn once and apply to any target: the text's
 * vector multiplied elementwise by the target's description and by the favor-minus-against direction of its
 * examples (which dimensions matter is learnt, what they point at comes from the codebook), the text's vector
 * itself (how texts that take sides are worded), and similarities made comparable across targets by the
 * target's own anchors, alias mentions, target-directed sentiment and the lean toward declared opponents.
 */
public final class StanceFeatures {

    /** Which blocks of 384-dimensional products are included; the scalars always are. */
    public record Layout(boolean descriptionProduct, boolean directionProduct, boolean vector) {
        public static Layout full() {
            return new Layout(true, true, true);
        }

        public int size(int dimension) {
            return SCALARS + dimension * ((descriptionProduct ? 1 : 0) + (directionProduct ? 1 : 0) + (vector ? 1 : 0));
        }

        byte code() {
            return (byte) ((descriptionProduct ? 1 : 0) | (directionProduct ? 2 : 0) | (vector ? 4 : 0));
        }

        static Layout of(byte code) {
            return new Layout((code & 1) != 0, (code & 2) != 0, (code & 4) != 0);
        }
    }

    public static final int SCALARS = 19 + RuleSignals.SIZE;

    /** The product blocks are scaled up so that their weights regularise like the scalars'. */
    static final double PRODUCT_SCALE = 8;

    private StanceFeatures() {}

    /**
     * @param text       the raw text
     * @param vector     its unit-length encoder vector
     * @param wholeTone  VADER compound of the whole (cleaned) text
     * @param opponents  encodings of the targets the codebook declares as this one's opponents
     * @param rule       the codebook rule's signals for this target ({@link RuleSignals})
     */
    public static double[] of(
            String text,
            float[] vector,
            double wholeTone,
            TargetEncoding target,
            List<TargetEncoding> opponents,
            double[] rule,
            Layout layout) {
        int dimension = vector.length;
        double[] f = new double[layout.size(dimension)];
        double[] directed = target.sentiment().features(text);
        int mentions = directed[0] > 0 ? target.sentiment().mentionCount(text) : 0;
        double relevance = Vectors.dot(vector, target.description());
        double[] favor = Vectors.topSimilarities(vector, target.favor());
        double[] against = Vectors.topSimilarities(vector, target.against());
        double lean = lean(vector, target);
        double opponentLean = 0;
        double opponentMentioned = 0;
        for (TargetEncoding opponent : opponents) {
            opponentLean -= lean(vector, opponent) / opponents.size();
            opponentMentioned = Math.max(opponentMentioned, opponent.sentiment().mentions(text) ? 1 : 0);
        }
        int i = 0;
        f[i++] = directed[0];
        f[i++] = Math.log1p(mentions);
        f[i++] = relevance;
        f[i++] = (relevance - target.onTopic()) * 10;
        f[i++] = favor[0];
        f[i++] = against[0];
        f[i++] = (favor[0] - against[0]) * 10;
        f[i++] = (favor[1] - against[1]) * 10;
        f[i++] = lean;
        f[i++] = lean * directed[0];
        f[i++] = directed[1];
        f[i++] = wholeTone;
        f[i++] = wholeTone * directed[0];
        f[i++] = opponentLean;
        f[i++] = opponentMentioned;
        TargetEncoding.CorpusNorms norms = target.norms();
        f[i++] = (relevance - norms.relevance()) / norms.relevanceSpread();
        f[i++] = (lean - norms.lean()) / norms.leanSpread();
        f[i++] = (sides(vector, target) - norms.sides()) / norms.sidesSpread();
        double opponentZ = 0;
        for (TargetEncoding opponent : opponents) {
            TargetEncoding.CorpusNorms o = opponent.norms();
            opponentZ -= (lean(vector, opponent) - o.lean()) / o.leanSpread() / opponents.size();
        }
        f[i++] = opponentZ;
        for (double r : rule) {
            f[i++] = r;
        }
        if (layout.descriptionProduct()) {
            for (int d = 0; d < dimension; d++) {
                f[i++] = PRODUCT_SCALE * vector[d] * target.description()[d];
            }
        }
        if (layout.directionProduct()) {
            for (int d = 0; d < dimension; d++) {
                f[i++] = PRODUCT_SCALE * vector[d] * target.direction()[d];
            }
        }
        if (layout.vector()) {
            for (int d = 0; d < dimension; d++) {
                f[i++] = vector[d];
            }
        }
        return f;
    }

    /** Similarity to the closest favor example minus that to the closest against example. */
    static double sides(float[] vector, TargetEncoding target) {
        return Vectors.topSimilarities(vector, target.favor())[0]
                - Vectors.topSimilarities(vector, target.against())[0];
    }

    /** Position along the target's favor-minus-against direction, in units of its examples' own spread. */
    static double lean(float[] vector, TargetEncoding target) {
        return (Vectors.dot(vector, target.direction()) - target.midpoint()) / target.spread();
    }
}
