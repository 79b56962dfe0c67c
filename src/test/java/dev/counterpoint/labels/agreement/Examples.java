package dev.counterpoint.labels.agreement;

import java.util.List;

/** Published and hand-made data sets shared by the agreement tests. */
final class Examples {

    static final List<String> ONE_TO_FIVE = List.of("1", "2", "3", "4", "5");
    static final List<String> STANCE = List.of("against", "none", "favor");

    private Examples() {}

    /**
     * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 coders × 12 units, values 1–5.
     * Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849.
     */
    static ReliabilityData krippendorff2011() {
        return coderRows(
                ONE_TO_FIVE,
                "1 2 3 3 2 1 4 1 2 . . .",
                "1 2 3 3 2 2 4 1 2 5 . 3",
                ". 3 3 3 2 3 4 2 2 5 1 .",
                "1 2 3 3 2 4 4 1 2 5 1 .");
    }

    /** Wikipedia, "Fleiss' kappa", worked example: 10 subjects × 5 categories, 14 raters each; κ = 0.210. */
    static int[][] wikipediaFleiss() {
        return new int[][] {
            {0, 0, 0, 0, 14},
            {0, 2, 6, 4, 2},
            {0, 0, 3, 5, 6},
            {0, 3, 9, 2, 0},
            {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0},
            {3, 2, 6, 3, 0},
            {2, 5, 3, 2, 2},
            {6, 5, 2, 1, 0},
            {0, 2, 2, 3, 7}
        };
    }

    /**
     * One string per coder, one space-separated token per unit: a category name, or "." for missing. Units are
     * "u0", "u1", …, coders "c0", "c1", … in the order given.
     */
    static ReliabilityData coderRows(List<String> categories, String... coders) {
        String[][] tokens = new String[coders.length][];
        for (int c = 0; c < coders.length; c++) tokens[c] = coders[c].trim().split("\\s+");
        int[][] unitsByCoders = new int[tokens[0].length][coders.length];
        for (int c = 0; c < coders.length; c++) {
            for (int u = 0; u < tokens[c].length; u++) {
                String token = tokens[c][u];
                unitsByCoders[u][c] = token.equals(".") ? ReliabilityData.MISSING : categories.indexOf(token);
                if (unitsByCoders[u][c] == -1 && !token.equals(".")) throw new IllegalArgumentException(token);
            }
        }
        return ReliabilityData.fromMatrix(unitsByCoders, categories);
    }

    /** The same data reordered: row i is old unit unitOrder[i], column j is old coder coderOrder[j]. */
    static ReliabilityData reordered(ReliabilityData data, int[] unitOrder, int[] coderOrder) {
        int[][] matrix = new int[unitOrder.length][coderOrder.length];
        for (int i = 0; i < unitOrder.length; i++) {
            for (int j = 0; j < coderOrder.length; j++) matrix[i][j] = data.value(unitOrder[i], coderOrder[j]);
        }
        return ReliabilityData.fromMatrix(matrix, data.categories());
    }
}
