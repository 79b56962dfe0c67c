package dev.counterpoint.classify.text;

import java.util.Arrays;

/**
 * Additive per-class offsets on log-probabilities, chosen to maximise an {@link Objective} on held-out
 * (out-of-fold) probabilities. Coordinate ascent over a grid; the first class is kept at 0.
 */
public final class DecisionBias {
    private DecisionBias() {}

    public static int argmax(double[] p, double[] bias) {
        int best = 0;
        double bv = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            double v = Math.log(Math.max(p[c], 1e-12)) + (bias == null ? 0 : bias[c]);
            if (v > bv) {
                bv = v;
                best = c;
            }
        }
        return best;
    }

    public static double evaluate(double[][] probs, int[] gold, String[] labels, double[] bias, Objective obj) {
        Confusion confusion = new Confusion(java.util.List.of(labels));
        for (int i = 0; i < gold.length; i++) {
            confusion.add(labels[gold[i]], labels[argmax(probs[i], bias)]);
        }
        return obj.of(confusion);
    }

    public static double[] tune(double[][] probs, int[] gold, String[] labels, Objective obj) {
        int k = labels.length;
        double[] bias = new double[k];
        double best = evaluate(probs, gold, labels, bias, obj);
        for (int round = 0; round < 3; round++) {
            boolean improved = false;
            for (int c = 1; c < k; c++) {
                double keep = bias[c];
                for (double v = -2.0; v <= 2.0001; v += 0.1) {
                    bias[c] = v;
                    double s = evaluate(probs, gold, labels, bias, obj);
                    // prefer smaller |bias| on ties
                    if (s > best + 1e-9 || (Math.abs(s - best) <= 1e-9 && Math.abs(v) < Math.abs(keep))) {
                        if (s > best + 1e-9) improved = true;
                        best = s;
                        keep = v;
                    }
                }
                bias[c] = keep;
            }
            if (!improved) break;
        }
        return bias;
    }

    public static String toString(double[] b) {
        return Arrays.toString(b);
    }
}
