package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CohenKappaTest {

    @Test
    void the_2x2_table_20_20_10_50_gives_0_348() {
        CohenKappa kappa = CohenKappa.fromTable(new long[][] {{20, 20}, {10, 50}});
        assertEquals(0.348, kappa.kappa(), 0.001);
        assertEquals(0.7, kappa.observedAgreement(), 1e-12);
        assertEquals(0.4 * 0.3 + 0.6 * 0.7, kappa.expectedAgreement(), 1e-12);
        assertEquals(100, kappa.n());
        assertTrue(kappa.defined());
    }

    @Test
    void a_hand_computed_3x3_table() {
        // p_o = 7/10; marginals 3,4,3 on both sides, so p_e = (9 + 16 + 9) / 100
        CohenKappa kappa = CohenKappa.fromTable(new long[][] {{2, 1, 0}, {0, 3, 1}, {1, 0, 2}});
        assertEquals((0.7 - 0.34) / 0.66, kappa.kappa(), 1e-12);
        assertEquals(10, kappa.n());
    }

    @Test
    void perfect_agreement_gives_1() {
        assertEquals(
                1,
                CohenKappa.fromTable(new long[][] {{5, 0, 0}, {0, 3, 0}, {0, 0, 9}})
                        .kappa(),
                1e-12);
    }

    @Test
    void agreement_at_chance_level_gives_0() {
        assertEquals(0, CohenKappa.fromTable(new long[][] {{25, 25}, {25, 25}}).kappa(), 1e-12);
    }

    @Test
    void complete_disagreement_on_balanced_categories_gives_minus_1() {
        assertEquals(-1, CohenKappa.fromTable(new long[][] {{0, 5}, {5, 0}}).kappa(), 1e-12);
    }

    @Test
    void both_coders_using_one_identical_category_everywhere_leave_kappa_undefined() {
        CohenKappa kappa = CohenKappa.fromTable(new long[][] {{0, 0}, {0, 12}});
        assertTrue(Double.isNaN(kappa.kappa()));
        assertFalse(kappa.defined());
        assertEquals(1, kappa.observedAgreement());
        assertEquals(1, kappa.expectedAgreement());
        assertEquals(12, kappa.n());
    }

    @Test
    void coders_each_sticking_to_a_different_category_get_0() {
        CohenKappa kappa = CohenKappa.fromTable(new long[][] {{0, 10}, {0, 0}});
        assertEquals(0, kappa.kappa(), 1e-12);
        assertEquals(0, kappa.observedAgreement());
        assertEquals(0, kappa.expectedAgreement());
    }

    @Test
    void an_empty_table_is_undefined_with_n_0() {
        CohenKappa kappa = CohenKappa.fromTable(new long[][] {{0, 0}, {0, 0}});
        assertTrue(Double.isNaN(kappa.kappa()));
        assertTrue(Double.isNaN(kappa.observedAgreement()));
        assertTrue(Double.isNaN(kappa.expectedAgreement()));
        assertEquals(0, kappa.n());
        assertEquals(0, CohenKappa.fromTable(new long[0][0]).n());
    }

    @Test
    void a_table_that_is_not_square_or_has_a_negative_cell_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> CohenKappa.fromTable(new long[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThrows(IllegalArgumentException.class, () -> CohenKappa.fromTable(new long[][] {{1, -1}, {0, 2}}));
    }

    @Test
    void between_two_coders_only_the_units_both_labelled_count() {
        ReliabilityData data =
                Examples.coderRows(Examples.STANCE, "favor none against . favor", "favor against against none .");
        assertArrayEquals(new long[][] {{1, 0, 0}, {1, 0, 0}, {0, 0, 1}}, CohenKappa.confusion(data, 0, 1));
        CohenKappa kappa = CohenKappa.between(data, 0, 1);
        assertEquals(3, kappa.n());
        assertEquals(CohenKappa.fromTable(CohenKappa.confusion(data, 0, 1)), kappa);
    }

    @Test
    void kappa_is_the_same_whichever_coder_comes_first() {
        ReliabilityData data = Examples.krippendorff2011();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                if (a == b) continue;
                assertEquals(
                        CohenKappa.between(data, a, b).kappa(),
                        CohenKappa.between(data, b, a).kappa(),
                        1e-12);
            }
        }
    }

    @Test
    void coders_with_no_shared_unit_are_undefined() {
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 . .", ". . 1 0");
        CohenKappa kappa = CohenKappa.between(data, 0, 1);
        assertEquals(0, kappa.n());
        assertFalse(kappa.defined());
    }
}
