package dev.counterpoint.labels.agreement;

/**
 * A bootstrap percentile interval for an agreement statistic. Resamples on which the statistic was undefined are not
 * counted; if none was defined, {@code lower} and {@code upper} are {@code null}.
 *
 * @param lower the lower bound, or null
 * @param upper the upper bound, or null
 * @param confidence the nominal coverage, e.g. 0.95
 * @param resamplesUsed resamples on which the statistic was defined, the ones the bounds come from
 * @param resamplesDrawn resamples drawn
 */
public record BootstrapInterval(Double lower, Double upper, double confidence, int resamplesUsed, int resamplesDrawn) {

    /** Whether there are bounds to show. */
    public boolean defined() {
        return lower != null;
    }

    /** Whether the value lies within the bounds, ends included; false when the interval is undefined. */
    public boolean contains(double value) {
        return defined() && lower <= value && value <= upper;
    }
}
