package dev.counterpoint.labels.agreement;

import java.util.stream.IntStream;

/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, computed from the coincidence matrix as in Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability" (2011). Any number of coders, missing values allowed: units with fewer than two
 * values cannot be paired and are left out, and each remaining unit contributes its m_u values with weight
 * 1 / (m_u − 1).
 *
 * <p>Undefined cases are {@link Double#NaN}: with no pairable values everything is NaN; when all pairable values are
 * one category there is no variation to be reliable about (D_e = 0) and {@code alpha} is NaN.
 *
 * @param alpha Krippendorff's alpha, NaN when undefined
 * @param observedDisagreement D_o
 * @param expectedDisagreement D_e
 * @param units pairable units, those with at least two values
 * @param values pairable values n, the values in those units
 * @param metric the difference function used
 */
public record KrippendorffAlpha(
        double alpha, double observedDisagreement, double expectedDisagreement, int units, long values, Metric metric) {

    /** How different two categories are, δ²(c, k). */
    public enum Metric {
        /** Any two different categories differ by 1. */
        NOMINAL,
        /**
         * Categories are ranks in list order: δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², with n_g the marginal
         * counts of the coincidence matrix.
         */
        ORDINAL,
        /** Categories are equally spaced numbers, their indices: δ²(c, k) = (c − k)². */
        INTERVAL;

        double[][] squaredDifferences(double[] marginals) {
            int k = marginals.length;
            double[][] delta = new double[k][k];
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < k; d++) delta[c][d] = squaredDifference(c, d, marginals);
            }
            return delta;
        }

        private double squaredDifference(int c, int k, double[] marginals) {
            if (c == k) return 0;
            return switch (this) {
                case NOMINAL -> 1;
                case INTERVAL -> (double) (c - k) * (c - k);
                case ORDINAL -> {
                    double between = 0;
                    for (int g = Math.min(c, k); g <= Math.max(c, k); g++) between += marginals[g];
                    double d = between - (marginals[c] + marginals[k]) / 2;
                    yield d * d;
                }
            };
        }
    }

    /** Whether alpha is a number; callers show "undefined" otherwise. */
    public boolean defined() {
        return !Double.isNaN(alpha);
    }

    public static KrippendorffAlpha nominal(ReliabilityData data) {
        return of(data, Metric.NOMINAL);
    }

    public static KrippendorffAlpha ordinal(ReliabilityData data) {
        return of(data, Metric.ORDINAL);
    }

    public static KrippendorffAlpha interval(ReliabilityData data) {
        return of(data, Metric.INTERVAL);
    }

    public static KrippendorffAlpha of(ReliabilityData data, Metric metric) {
        double[][] o = coincidences(data);
        int k = o.length;
        double[] marginals = new double[k];
        double n = 0;
        int categoriesUsed = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) marginals[c] += o[c][d];
            n += marginals[c];
            if (marginals[c] > 0) categoriesUsed++;
        }
        int units = (int) IntStream.range(0, data.unitCount())
                .filter(u -> data.ratingCount(u) >= 2)
                .count();
        long values = Math.round(n); // each pairable value adds exactly 1 to its row of the matrix
        if (values == 0) return new KrippendorffAlpha(Double.NaN, Double.NaN, Double.NaN, 0, 0, metric);
        double[][] delta = metric.squaredDifferences(marginals);
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < k; d++) {
                observed += o[c][d] * delta[c][d];
                expected += marginals[c] * marginals[d] * delta[c][d];
            }
        }
        observed /= n;
        expected /= n * (n - 1);
        double alpha = categoriesUsed < 2 ? Double.NaN : 1 - observed / expected;
        return new KrippendorffAlpha(alpha, observed, expected, units, values, metric);
    }

    /**
     * The coincidence matrix o[c][k]: over pairable units u, the ordered pairs of values (c, k) from different
     * coders, each weighted 1 / (m_u − 1).
     */
    static double[][] coincidences(ReliabilityData data) {
        int k = data.categoryCount();
        double[][] o = new double[k][k];
        for (int u = 0; u < data.unitCount(); u++) {
            int m = data.ratingCount(u);
            if (m < 2) continue;
            int[] counts = data.categoryCounts(u);
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) continue;
                for (int d = 0; d < k; d++) {
                    int pairs = counts[c] * (c == d ? counts[d] - 1 : counts[d]);
                    o[c][d] += (double) pairs / (m - 1);
                }
            }
        }
        return o;
    }
}
