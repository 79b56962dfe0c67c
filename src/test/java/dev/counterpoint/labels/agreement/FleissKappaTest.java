package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FleissKappaTest {

    @Test
    void the_wikipedia_example_gives_0_210() {
        FleissKappa kappa = FleissKappa.fromCounts(Examples.wikipediaFleiss());
        assertEquals(0.378, kappa.observedAgreement(), 0.001);
        assertEquals(0.213, kappa.expectedAgreement(), 0.001);
        assertEquals(0.210, kappa.kappa(), 0.001);
        assertEquals(10, kappa.subjects());
        assertEquals(14, kappa.ratersPerSubject());
    }

    @Test
    void a_hand_computed_case_with_two_raters() {
        // P_i = 1, 1, 0 so P̄ = 2/3; p = (1/2, 1/2) so P̄e = 1/2; κ = (2/3 − 1/2) / (1/2) = 1/3
        FleissKappa kappa = FleissKappa.fromCounts(new int[][] {{2, 0}, {0, 2}, {1, 1}});
        assertEquals(2.0 / 3, kappa.observedAgreement(), 1e-12);
        assertEquals(0.5, kappa.expectedAgreement(), 1e-12);
        assertEquals(1.0 / 3, kappa.kappa(), 1e-12);
    }

    @Test
    void perfect_agreement_gives_1() {
        assertEquals(
                1,
                FleissKappa.fromCounts(new int[][] {{3, 0, 0}, {0, 3, 0}, {0, 0, 3}, {3, 0, 0}})
                        .kappa(),
                1e-12);
    }

    @Test
    void every_rating_in_one_category_leaves_kappa_undefined() {
        FleissKappa kappa = FleissKappa.fromCounts(new int[][] {{0, 4}, {0, 4}});
        assertTrue(Double.isNaN(kappa.kappa()));
        assertFalse(kappa.defined());
        assertEquals(1, kappa.observedAgreement());
        assertEquals(1, kappa.expectedAgreement());
    }

    @Test
    void no_subjects_leave_everything_undefined() {
        FleissKappa kappa = FleissKappa.fromCounts(new int[0][]);
        assertTrue(Double.isNaN(kappa.kappa()));
        assertTrue(Double.isNaN(kappa.observedAgreement()));
        assertEquals(0, kappa.subjects());
        assertEquals(0, kappa.ratersPerSubject());
    }

    @Test
    void subjects_with_different_numbers_of_raters_are_refused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> FleissKappa.fromCounts(new int[][] {{2, 1}, {1, 1}}));
        assertTrue(refused.getMessage().contains("same number"), refused.getMessage());
    }

    @Test
    void fewer_than_two_raters_ragged_rows_and_negative_counts_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.fromCounts(new int[][] {{1, 0}, {0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.fromCounts(new int[][] {{1, 1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.fromCounts(new int[][] {{3, -1}, {1, 1}}));
    }

    @Test
    void from_reliability_data_it_counts_each_units_categories_and_drops_units_with_one_rating() {
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 0 1", "0 1 1 .");
        assertEquals(FleissKappa.fromCounts(new int[][] {{2, 0}, {0, 2}, {1, 1}}), FleissKappa.of(data));
    }

    @Test
    void from_reliability_data_with_unequal_rater_counts_it_refuses() {
        assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(Examples.krippendorff2011()));
    }

    @Test
    void the_modal_rater_count_keeps_the_units_with_the_most_common_number_of_ratings() {
        ReliabilityData data = Examples.krippendorff2011(); // 8 units with 4 ratings, 2 with 3, 1 with 2, 1 with 1
        assertEquals(4, FleissKappa.modalRaterCount(data));
        assertEquals(8, FleissKappa.modalRaterUnits(data).unitCount());
        FleissKappa kappa = FleissKappa.ofModalRaterCount(data);
        assertEquals(8, kappa.subjects());
        assertEquals(4, kappa.ratersPerSubject());
        assertEquals(
                FleissKappa.of(Examples.reordered(data, new int[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {0, 1, 2, 3})),
                kappa);
    }

    @Test
    void a_tie_in_rater_counts_goes_to_the_larger_count_and_no_pairable_unit_gives_0() {
        ReliabilityData tie = Examples.coderRows(List.of("0", "1"), "0 1 . .", "0 1 0 .", ". 1 . 1");
        assertEquals(3, FleissKappa.modalRaterCount(tie)); // one unit with 3, one with 2, two with 1
        ReliabilityData singles = Examples.coderRows(List.of("0", "1"), "0 . .", ". . 1");
        assertEquals(0, FleissKappa.modalRaterCount(singles));
        assertTrue(Double.isNaN(FleissKappa.ofModalRaterCount(singles).kappa()));
        assertEquals(0, FleissKappa.ofModalRaterCount(singles).subjects());
    }

    @Test
    void with_two_raters_and_no_missing_values_it_matches_krippendorffs_alpha_up_to_the_small_sample_term() {
        // For two coders Fleiss' kappa is Scott's pi; nominal alpha = 1 − (1 − π)(n − 1)/n with n = 2N values.
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0");
        double pi = FleissKappa.of(data).kappa();
        double n = 20;
        assertEquals(KrippendorffAlpha.nominal(data).alpha(), 1 - (1 - pi) * (n - 1) / n, 1e-12);
    }
}
