package dev.counterpoint.labels.agreement;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals for agreement statistics: draw as many units as there are, with replacement,
 * recompute the statistic, repeat, and take the (1 − confidence) / 2 and (1 + confidence) / 2 quantiles of the
 * results (linear interpolation between order statistics, as R's default quantile type 7).
 *
 * <p>Resamples on which the statistic is undefined (NaN) are skipped and counted out of
 * {@link BootstrapInterval#resamplesUsed()}. Every call starts a fresh {@link Random} from the seed, so an interval
 * depends only on the data, the statistic and this object's settings, not on what was computed before; and
 * {@code java.util.Random}'s algorithm is fixed by its specification, so the same seed gives the same interval on any
 * JVM.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 1_000;
    public static final long DEFAULT_SEED = 20_110_101L;
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final int resamples;
    private final long seed;
    private final double confidence;

    public Bootstrap(int resamples, long seed, double confidence) {
        if (resamples < 1) throw new IllegalArgumentException("At least one resample, not " + resamples);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("Confidence must lie strictly between 0 and 1, not " + confidence);
        }
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** 1,000 resamples, a fixed seed, 95 %. */
    public static Bootstrap withDefaults() {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED, DEFAULT_CONFIDENCE);
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    public double confidence() {
        return confidence;
    }

    /** Cohen's kappa between coders {@code a} and {@code b}, resampling the units both labelled. */
    public BootstrapInterval cohenKappa(ReliabilityData data, int a, int b) {
        return interval(
                data.sharedUnits(a, b), pair -> CohenKappa.between(pair, 0, 1).kappa());
    }

    /**
     * Fleiss' kappa over the same units as {@link FleissKappa#of(ReliabilityData)}, which they must suit: pass
     * {@link FleissKappa#modalRaterUnits} for data with unequal rater counts.
     */
    public BootstrapInterval fleissKappa(ReliabilityData data) {
        return interval(data.pairableUnits(), units -> FleissKappa.of(units).kappa());
    }

    /** Krippendorff's alpha, resampling the pairable units. */
    public BootstrapInterval krippendorffAlpha(ReliabilityData data, KrippendorffAlpha.Metric metric) {
        return interval(
                data.pairableUnits(),
                units -> KrippendorffAlpha.of(units, metric).alpha());
    }

    /** Any statistic of the data, resampling all its units. */
    public BootstrapInterval interval(ReliabilityData data, ToDoubleFunction<ReliabilityData> statistic) {
        Random random = new Random(seed);
        int units = data.unitCount();
        double[] estimates = new double[resamples];
        int used = 0;
        int[] rows = new int[units];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < units; i++) rows[i] = random.nextInt(units);
            double estimate = statistic.applyAsDouble(data.selectUnits(rows));
            if (!Double.isNaN(estimate)) estimates[used++] = estimate;
        }
        if (used == 0) return new BootstrapInterval(null, null, confidence, 0, resamples);
        double[] sorted = Arrays.copyOf(estimates, used);
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new BootstrapInterval(quantile(sorted, tail), quantile(sorted, 1 - tail), confidence, used, resamples);
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
