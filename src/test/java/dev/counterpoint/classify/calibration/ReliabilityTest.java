package dev.counterpoint.classify.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReliabilityTest {

    @Test
    void the_expected_calibration_error_is_the_count_weighted_gap_between_confidence_and_accuracy() {
        Reliability r = new Reliability();
        for (int i = 0; i < 10; i++) {
            r.add(0.9, i < 9); // 90 % stated, 90 % right: no gap
            r.add(0.6, i < 3); // 60 % stated, 30 % right: a gap of 0.3
        }
        assertEquals(0.15, r.ece(), 1e-9);
        assertEquals(20, r.total());
        assertEquals(10, r.bins().get(9).count());
        assertEquals(0.3, r.bins().get(6).accuracy(), 1e-9);
    }

    @Test
    void bins_rebuild_the_same_error_and_pool_with_others() {
        Reliability r = new Reliability().add(0.75, true).add(0.75, false).add(0.15, false);
        Reliability copy = Reliability.of(r.bins());
        assertEquals(r.ece(), copy.ece(), 1e-9);
        assertEquals(6, copy.addAll(r).total());
    }

    @Test
    void a_confidence_of_one_falls_in_the_top_bin() {
        assertEquals(1, new Reliability().add(1.0, true).bins().get(9).count());
    }
}
