package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.labels.agreement.KrippendorffAlpha.Metric;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KrippendorffAlphaTest {

    private static final List<String> THREE = List.of("0", "1", "2");

    @Test
    void the_published_example_gives_nominal_0_743() {
        assertEquals(
                0.743, KrippendorffAlpha.nominal(Examples.krippendorff2011()).alpha(), 0.001);
    }

    @Test
    void the_published_example_gives_ordinal_0_815() {
        assertEquals(
                0.815, KrippendorffAlpha.ordinal(Examples.krippendorff2011()).alpha(), 0.001);
    }

    @Test
    void the_published_example_gives_interval_0_849() {
        assertEquals(
                0.849, KrippendorffAlpha.interval(Examples.krippendorff2011()).alpha(), 0.001);
    }

    @Test
    void the_published_example_has_40_pairable_values_in_11_units_because_unit_12_has_only_one() {
        KrippendorffAlpha alpha = KrippendorffAlpha.nominal(Examples.krippendorff2011());
        assertEquals(11, alpha.units());
        assertEquals(40, alpha.values());
        assertEquals(Metric.NOMINAL, alpha.metric());
    }

    @Test
    void the_coincidence_matrix_matches_the_published_one_with_marginals_9_13_10_5_3() {
        double[][] o = KrippendorffAlpha.coincidences(Examples.krippendorff2011());
        double[][] published = {
            {7, 4.0 / 3, 1.0 / 3, 1.0 / 3, 0},
            {4.0 / 3, 10, 4.0 / 3, 1.0 / 3, 0},
            {1.0 / 3, 4.0 / 3, 8, 1.0 / 3, 0},
            {1.0 / 3, 1.0 / 3, 1.0 / 3, 4, 0},
            {0, 0, 0, 0, 3}
        };
        for (int c = 0; c < 5; c++) {
            for (int k = 0; k < 5; k++) assertEquals(published[c][k], o[c][k], 1e-12, "o[" + c + "][" + k + "]");
        }
        double[] marginals = {9, 13, 10, 5, 3};
        for (int c = 0; c < 5; c++)
            assertEquals(marginals[c], Arrays.stream(o[c]).sum(), 1e-12, "n_" + (c + 1));
    }

    @Test
    void the_published_two_observer_binary_example_gives_0_095() {
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0");
        // 1 − (n − 1) · o_01·2 / (2 · n_0 · n_1) = 1 − 19 · 8 / (2 · 14 · 6)
        assertEquals(1 - 19.0 * 8 / 168, KrippendorffAlpha.nominal(data).alpha(), 1e-12);
        assertEquals(0.095, KrippendorffAlpha.nominal(data).alpha(), 0.001);
    }

    /**
     * Units (0,0), (1,1), (0,2): o_00 = o_11 = 2, o_02 = o_20 = 1; n_0 = 3, n_1 = 2, n_2 = 1, n = 6. Ordinal
     * δ²(0,1) = (5 − 2.5)² = 6.25, δ²(1,2) = (3 − 1.5)² = 2.25, δ²(0,2) = (6 − 2)² = 16.
     */
    private static ReliabilityData threeUnits() {
        return Examples.coderRows(THREE, "0 1 0", "0 1 2");
    }

    @Test
    void a_hand_computed_nominal_case() {
        // 1 − 5 · 2 / (2 · (3·2 + 3·1 + 2·1))
        assertEquals(1 - 10.0 / 22, KrippendorffAlpha.nominal(threeUnits()).alpha(), 1e-12);
    }

    @Test
    void a_hand_computed_ordinal_case() {
        // 1 − 5 · (2 · 16) / (2 · (3·2·6.25 + 3·1·16 + 2·1·2.25))
        assertEquals(1 - 5.0 * 32 / 180, KrippendorffAlpha.ordinal(threeUnits()).alpha(), 1e-12);
    }

    @Test
    void a_hand_computed_interval_case() {
        // 1 − 5 · (2 · 4) / (2 · (3·2·1 + 3·1·4 + 2·1·1)) = 1 − 40 / 40
        KrippendorffAlpha alpha = KrippendorffAlpha.interval(threeUnits());
        assertEquals(0, alpha.alpha(), 1e-12);
        assertEquals(8.0 / 6, alpha.observedDisagreement(), 1e-12);
        assertEquals(40.0 / 30, alpha.expectedDisagreement(), 1e-12);
    }

    @Test
    void perfect_agreement_gives_1_under_every_metric() {
        ReliabilityData data = Examples.coderRows(THREE, "0 1 2 2 .", "0 1 2 2 1", ". 1 2 2 1");
        for (Metric metric : Metric.values())
            assertEquals(1, KrippendorffAlpha.of(data, metric).alpha(), 1e-12);
    }

    @Test
    void units_with_a_single_value_change_nothing() {
        ReliabilityData withSingles = Examples.coderRows(THREE, "0 1 0 2 .", "0 1 2 . 1");
        for (Metric metric : Metric.values()) {
            KrippendorffAlpha alpha = KrippendorffAlpha.of(withSingles, metric);
            assertEquals(KrippendorffAlpha.of(threeUnits(), metric).alpha(), alpha.alpha(), 1e-12);
            assertEquals(3, alpha.units());
            assertEquals(6, alpha.values());
        }
    }

    @Test
    void a_unit_with_more_coders_counts_each_value_once() {
        // One unit, three coders: 0, 0, 1. o_00 = 2·1/2 = 1, o_01 = o_10 = 2·1/2 = 1; row sums 2 and 1.
        double[][] o = KrippendorffAlpha.coincidences(Examples.coderRows(List.of("0", "1"), "0", "0", "1"));
        assertEquals(1, o[0][0], 1e-12);
        assertEquals(1, o[0][1], 1e-12);
        assertEquals(1, o[1][0], 1e-12);
        assertEquals(0, o[1][1], 1e-12);
    }

    @Test
    void all_values_in_one_category_leave_alpha_undefined() {
        ReliabilityData data = Examples.coderRows(THREE, "1 1 1", "1 1 .");
        for (Metric metric : Metric.values()) {
            KrippendorffAlpha alpha = KrippendorffAlpha.of(data, metric);
            assertTrue(Double.isNaN(alpha.alpha()));
            assertFalse(alpha.defined());
            assertEquals(0, alpha.observedDisagreement());
            assertEquals(0, alpha.expectedDisagreement());
            assertEquals(2, alpha.units());
            assertEquals(4, alpha.values());
        }
    }

    @Test
    void no_pairable_unit_leaves_everything_undefined() {
        ReliabilityData data = Examples.coderRows(THREE, "0 . 2", ". 1 .");
        KrippendorffAlpha alpha = KrippendorffAlpha.ordinal(data);
        assertTrue(Double.isNaN(alpha.alpha()));
        assertTrue(Double.isNaN(alpha.observedDisagreement()));
        assertTrue(Double.isNaN(alpha.expectedDisagreement()));
        assertEquals(0, alpha.units());
        assertEquals(0, alpha.values());
        assertTrue(Double.isNaN(KrippendorffAlpha.nominal(ReliabilityData.fromMatrix(new int[0][0], 3))
                .alpha()));
    }

    @Test
    void reversing_the_category_order_changes_no_metric_but_shuffling_it_changes_the_ordinal_one() {
        ReliabilityData data = Examples.krippendorff2011();
        ReliabilityData reversed = recoded(data, new int[] {4, 3, 2, 1, 0});
        ReliabilityData shuffled = recoded(data, new int[] {2, 0, 4, 1, 3});
        for (Metric metric : Metric.values()) {
            assertEquals(
                    KrippendorffAlpha.of(data, metric).alpha(),
                    KrippendorffAlpha.of(reversed, metric).alpha(),
                    1e-12);
        }
        assertEquals(
                KrippendorffAlpha.nominal(data).alpha(),
                KrippendorffAlpha.nominal(shuffled).alpha(),
                1e-12);
        assertTrue(Math.abs(KrippendorffAlpha.ordinal(data).alpha()
                        - KrippendorffAlpha.ordinal(shuffled).alpha())
                > 0.01);
    }

    @Test
    void systematic_disagreement_gives_a_negative_alpha() {
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 0 1", "1 0 1 0");
        assertTrue(KrippendorffAlpha.nominal(data).alpha() < 0);
    }

    private static ReliabilityData recoded(ReliabilityData data, int[] newCode) {
        int[][] matrix = new int[data.unitCount()][data.coderCount()];
        for (int u = 0; u < data.unitCount(); u++) {
            for (int c = 0; c < data.coderCount(); c++) {
                int value = data.value(u, c);
                matrix[u][c] = value == ReliabilityData.MISSING ? value : newCode[value];
            }
        }
        return ReliabilityData.fromMatrix(matrix, data.categories());
    }
}
