package dev.counterpoint.labels.agreement;

/**
 * Cohen's kappa for two coders: κ = (p_o − p_e) / (1 − p_e), where p_o is the share of units on which they agree
 * and p_e the agreement expected from each coder's own category frequencies.
 *
 * <p>Undefined cases are {@link Double#NaN}, never 0 or 1: with no shared units everything is NaN; when chance
 * agreement is certain (p_e = 1, i.e. both coders used one and the same category on every unit) {@code kappa} is NaN
 * while p_o and p_e are still reported (both 1).
 *
 * @param kappa Cohen's kappa, NaN when undefined
 * @param observedAgreement p_o, the share of units on which the two coders agree
 * @param expectedAgreement p_e, the chance agreement from the two coders' marginal frequencies
 * @param n how many units the two coders both labelled
 */
public record CohenKappa(double kappa, double observedAgreement, double expectedAgreement, long n) {

    /** Whether kappa is a number; callers show "undefined" otherwise. */
    public boolean defined() {
        return !Double.isNaN(kappa);
    }

    /**
     * From a square confusion table, {@code confusion[i][j]} = units coder A put in category i and coder B in j.
     * Refuses a table that is not square or has a negative cell.
     */
    public static CohenKappa fromTable(long[][] confusion) {
        int k = confusion.length;
        long[] rowTotals = new long[k];
        long[] columnTotals = new long[k];
        long n = 0;
        long agreements = 0;
        for (int i = 0; i < k; i++) {
            if (confusion[i].length != k) {
                throw new IllegalArgumentException("The confusion table must be square: row " + i + " has "
                        + confusion[i].length + " cells, " + "there are " + k + " rows");
            }
            for (int j = 0; j < k; j++) {
                long cell = confusion[i][j];
                if (cell < 0) throw new IllegalArgumentException("Negative count at [" + i + "][" + j + "]");
                rowTotals[i] += cell;
                columnTotals[j] += cell;
                n += cell;
                if (i == j) agreements += cell;
            }
        }
        if (n == 0) return new CohenKappa(Double.NaN, Double.NaN, Double.NaN, 0);
        double observed = (double) agreements / n;
        double expected = 0;
        boolean chanceIsCertain = false; // decided on the counts, so rounding cannot make p_e look like 1
        for (int i = 0; i < k; i++) {
            expected += ((double) rowTotals[i] / n) * ((double) columnTotals[i] / n);
            chanceIsCertain |= rowTotals[i] == n && columnTotals[i] == n;
        }
        double kappa = chanceIsCertain ? Double.NaN : (observed - expected) / (1 - expected);
        return new CohenKappa(kappa, observed, expected, n);
    }

    /** Between coders {@code a} and {@code b} of the data, over the units both labelled. */
    public static CohenKappa between(ReliabilityData data, int a, int b) {
        return fromTable(confusion(data, a, b));
    }

    /** Rows are coder {@code a}'s categories, columns coder {@code b}'s, over the units both labelled. */
    public static long[][] confusion(ReliabilityData data, int a, int b) {
        long[][] table = new long[data.categoryCount()][data.categoryCount()];
        for (int u = 0; u < data.unitCount(); u++) {
            int va = data.value(u, a);
            int vb = data.value(u, b);
            if (va != ReliabilityData.MISSING && vb != ReliabilityData.MISSING) table[va][vb]++;
        }
        return table;
    }
}
