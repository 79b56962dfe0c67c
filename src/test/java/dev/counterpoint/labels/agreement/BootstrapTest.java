package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.labels.agreement.KrippendorffAlpha.Metric;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BootstrapTest {

    private final Bootstrap bootstrap = Bootstrap.withDefaults();
    private final ReliabilityData example = Examples.krippendorff2011();

    @Test
    void the_defaults_are_1000_resamples_at_95_percent() {
        assertEquals(1000, bootstrap.resamples());
        assertEquals(0.95, bootstrap.confidence());
        assertEquals(Bootstrap.DEFAULT_SEED, bootstrap.seed());
    }

    @Test
    void each_alpha_interval_contains_its_point_estimate() {
        for (Metric metric : Metric.values()) {
            BootstrapInterval interval = bootstrap.krippendorffAlpha(example, metric);
            double alpha = KrippendorffAlpha.of(example, metric).alpha();
            assertTrue(interval.contains(alpha), metric + ": " + alpha + " outside " + interval);
            assertTrue(interval.lower() < interval.upper(), interval.toString());
            assertEquals(1000, interval.resamplesDrawn());
            assertEquals(0.95, interval.confidence());
        }
    }

    @Test
    void the_cohen_and_fleiss_intervals_contain_their_point_estimates() {
        ReliabilityData modal = FleissKappa.modalRaterUnits(example);
        assertTrue(bootstrap.fleissKappa(modal).contains(FleissKappa.of(modal).kappa()));
        ReliabilityData twoCoders = Examples.coderRows(
                Examples.STANCE,
                "favor none against against favor none none favor against none favor against",
                "favor none against none favor none favor favor against none against against");
        assertTrue(bootstrap
                .cohenKappa(twoCoders, 0, 1)
                .contains(CohenKappa.between(twoCoders, 0, 1).kappa()));
    }

    @Test
    void the_same_seed_gives_the_same_interval_and_another_seed_another() {
        BootstrapInterval first = bootstrap.krippendorffAlpha(example, Metric.ORDINAL);
        BootstrapInterval again = Bootstrap.withDefaults().krippendorffAlpha(example, Metric.ORDINAL);
        BootstrapInterval other = new Bootstrap(1000, 7, 0.95).krippendorffAlpha(example, Metric.ORDINAL);
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void an_interval_does_not_depend_on_what_was_bootstrapped_before() {
        BootstrapInterval alone = Bootstrap.withDefaults().krippendorffAlpha(example, Metric.NOMINAL);
        Bootstrap used = Bootstrap.withDefaults();
        used.krippendorffAlpha(example, Metric.INTERVAL);
        assertEquals(alone, used.krippendorffAlpha(example, Metric.NOMINAL));
    }

    @Test
    void resamples_on_which_the_statistic_is_undefined_are_skipped_and_counted_out() {
        // Two units: a resample drawing the same unit twice has one category only, so kappa is undefined.
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1", "0 1");
        BootstrapInterval interval = bootstrap.cohenKappa(data, 0, 1);
        assertTrue(interval.resamplesUsed() > 400 && interval.resamplesUsed() < 600, interval.toString());
        assertEquals(1000, interval.resamplesDrawn());
        assertEquals(1, interval.lower());
        assertEquals(1, interval.upper());
    }

    @Test
    void a_statistic_never_defined_gives_no_bounds() {
        ReliabilityData sameCategory = Examples.coderRows(List.of("0", "1"), "1 1 1", "1 1 1");
        BootstrapInterval interval = bootstrap.krippendorffAlpha(sameCategory, Metric.NOMINAL);
        assertNull(interval.lower());
        assertNull(interval.upper());
        assertEquals(0, interval.resamplesUsed());
        assertFalse(interval.defined());
        assertFalse(interval.contains(0));
        BootstrapInterval empty = bootstrap.fleissKappa(ReliabilityData.fromMatrix(new int[0][0], 2));
        assertFalse(empty.defined());
    }

    @Test
    void cohens_kappa_is_resampled_over_the_units_the_pair_shares() {
        ReliabilityData data = Examples.coderRows(List.of("0", "1"), "0 1 0 1 . . . .", "0 1 0 1 1 0 0 1");
        ReliabilityData shared = data.sharedUnits(0, 1);
        assertEquals(4, shared.unitCount());
        int[] sizes = new int[1];
        bootstrap.interval(shared, resample -> {
            sizes[0] = resample.unitCount();
            return 0;
        });
        assertEquals(4, sizes[0]);
        assertEquals(
                bootstrap.interval(
                        shared, pair -> CohenKappa.between(pair, 0, 1).kappa()),
                bootstrap.cohenKappa(data, 0, 1));
    }

    @Test
    void a_higher_confidence_gives_a_wider_interval() {
        BootstrapInterval narrow = new Bootstrap(500, 1, 0.5).krippendorffAlpha(example, Metric.NOMINAL);
        BootstrapInterval wide = new Bootstrap(500, 1, 0.99).krippendorffAlpha(example, Metric.NOMINAL);
        assertTrue(wide.lower() < narrow.lower() && narrow.upper() < wide.upper());
        assertEquals(500, wide.resamplesDrawn());
    }

    @Test
    void the_bounds_are_interpolated_quantiles_of_the_resampled_values() {
        // A statistic that is the resample's index in order of drawing, 0 … 99: quantiles of 0 … 99 are known.
        int[] calls = new int[1];
        BootstrapInterval interval = new Bootstrap(100, 1, 0.9).interval(example, resample -> calls[0]++);
        assertEquals(0.05 * 99, interval.lower(), 1e-9);
        assertEquals(0.95 * 99, interval.upper(), 1e-9);
        BootstrapInterval single = new Bootstrap(1, 1, 0.95).interval(example, resample -> 0.5);
        assertEquals(0.5, single.lower());
        assertEquals(0.5, single.upper());
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1, Double.NaN));
    }
}
