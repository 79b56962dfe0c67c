package dev.counterpoint.labels.agreement;

import java.util.stream.IntStream;

/**
 * Fleiss' kappa for many raters: κ = (P̄ − P̄e) / (1 − P̄e), where P̄ is the mean over subjects of the share of rater
 * pairs that agree and P̄e = Σ_j p_j² the agreement expected from the pooled category shares p_j.
 *
 * <p>This is Fleiss' (1971) formula, which assumes every subject has the same number of raters n ≥ 2. Input that
 * breaks that assumption is refused with {@link IllegalArgumentException} rather than run through one of the
 * unequal-n generalisations, which do not agree with each other; {@link #ofModalRaterCount} keeps the subjects with
 * the most common rater count instead, and Krippendorff's alpha handles unequal counts properly.
 *
 * <p>Undefined cases are {@link Double#NaN}: with no subjects everything is NaN; when every rating falls in one
 * category (P̄e = 1) {@code kappa} is NaN while P̄ and P̄e are reported (both 1).
 *
 * @param kappa Fleiss' kappa, NaN when undefined
 * @param observedAgreement P̄, the mean per-subject share of agreeing rater pairs
 * @param expectedAgreement P̄e, the chance agreement
 * @param subjects how many subjects (units) went in
 * @param ratersPerSubject n, the number of ratings each subject has (0 when there are no subjects)
 */
public record FleissKappa(
        double kappa, double observedAgreement, double expectedAgreement, int subjects, int ratersPerSubject) {

    /** Whether kappa is a number; callers show "undefined" otherwise. */
    public boolean defined() {
        return !Double.isNaN(kappa);
    }

    /**
     * From a subjects × categories matrix, {@code counts[i][j]} = raters who put subject i in category j. Refuses
     * ragged rows, negative counts, rows whose totals differ, and rows with fewer than two raters.
     */
    public static FleissKappa fromCounts(int[][] counts) {
        if (counts.length == 0) return new FleissKappa(Double.NaN, Double.NaN, Double.NaN, 0, 0);
        int categories = counts[0].length;
        int raters = IntStream.of(counts[0]).sum();
        if (raters < 2) {
            throw new IllegalArgumentException(
                    "Fleiss' kappa needs at least two raters per subject, row 0 has " + raters);
        }
        long[] categoryTotals = new long[categories];
        double sumOfAgreement = 0;
        for (int i = 0; i < counts.length; i++) {
            int[] row = counts[i];
            if (row.length != categories) {
                throw new IllegalArgumentException(
                        "Row " + i + " has " + row.length + " categories, row 0 " + categories);
            }
            long total = 0;
            long agreeingPairs = 0; // ordered pairs of distinct raters who chose the same category
            for (int j = 0; j < categories; j++) {
                if (row[j] < 0) throw new IllegalArgumentException("Negative count at [" + i + "][" + j + "]");
                total += row[j];
                agreeingPairs += (long) row[j] * (row[j] - 1);
                categoryTotals[j] += row[j];
            }
            if (total != raters) {
                throw new IllegalArgumentException("Row " + i + " has " + total + " raters, row 0 " + raters
                        + "; Fleiss' kappa needs the same number for every subject (see ofModalRaterCount)");
            }
            sumOfAgreement += (double) agreeingPairs / ((long) raters * (raters - 1));
        }
        long allRatings = (long) counts.length * raters;
        double expected = 0;
        boolean chanceIsCertain = false;
        for (long total : categoryTotals) {
            double share = (double) total / allRatings;
            expected += share * share;
            chanceIsCertain |= total == allRatings;
        }
        double observed = sumOfAgreement / counts.length;
        double kappa = chanceIsCertain ? Double.NaN : (observed - expected) / (1 - expected);
        return new FleissKappa(kappa, observed, expected, counts.length, raters);
    }

    /**
     * Over the units of the data that at least two coders labelled. They must all have the same number of ratings;
     * otherwise this refuses, and {@link #ofModalRaterCount} is the tolerant choice.
     */
    public static FleissKappa of(ReliabilityData data) {
        ReliabilityData pairable = data.pairableUnits();
        int[][] counts = new int[pairable.unitCount()][];
        for (int u = 0; u < counts.length; u++) counts[u] = pairable.categoryCounts(u);
        return fromCounts(counts);
    }

    /** Over the units with the {@link #modalRaterCount modal rater count}; units with other counts are left out. */
    public static FleissKappa ofModalRaterCount(ReliabilityData data) {
        return of(modalRaterUnits(data));
    }

    /** The units {@link #ofModalRaterCount} uses: those with exactly the modal number of ratings. */
    public static ReliabilityData modalRaterUnits(ReliabilityData data) {
        return data.unitsWithRatingCount(modalRaterCount(data));
    }

    /**
     * The most common number of ratings among units with at least two, or 0 if there are none. A tie goes to the
     * larger count: the same number of units then carries more ratings.
     */
    public static int modalRaterCount(ReliabilityData data) {
        int[] unitsByCount = new int[data.coderCount() + 1];
        for (int u = 0; u < data.unitCount(); u++) unitsByCount[data.ratingCount(u)]++;
        int modal = 0;
        int modalUnits = 0;
        for (int count = 2; count < unitsByCount.length; count++) {
            if (unitsByCount[count] > 0 && unitsByCount[count] >= modalUnits) {
                modal = count;
                modalUnits = unitsByCount[count];
            }
        }
        return modal;
    }
}
