package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.counterpoint.labels.agreement.KrippendorffAlpha.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** No statistic may depend on the order in which units or coders happen to come, e.g. from SQL without ORDER BY. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderInvarianceTest {

    private static final double EXACT = 1e-12;
    private static final ReliabilityData EXAMPLE = Examples.krippendorff2011();

    private static int[] shuffled(int size, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    @RepeatedTest(20)
    void every_statistic_is_unchanged_when_units_and_coders_are_reordered(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int[] units = shuffled(EXAMPLE.unitCount(), random);
        int[] coders = shuffled(EXAMPLE.coderCount(), random);
        ReliabilityData reordered = Examples.reordered(EXAMPLE, units, coders);

        for (Metric metric : Metric.values()) {
            assertEquals(
                    KrippendorffAlpha.of(EXAMPLE, metric).alpha(),
                    KrippendorffAlpha.of(reordered, metric).alpha(),
                    EXACT,
                    metric.name());
        }
        assertEquals(
                FleissKappa.ofModalRaterCount(EXAMPLE).kappa(),
                FleissKappa.ofModalRaterCount(reordered).kappa(),
                EXACT);
        for (int a = 0; a < coders.length; a++) {
            for (int b = 0; b < coders.length; b++) {
                if (a == b) continue;
                // new coder a is old coder coders[a]
                assertEquals(
                        CohenKappa.between(EXAMPLE, coders[a], coders[b]).kappa(),
                        CohenKappa.between(reordered, a, b).kappa(),
                        EXACT);
            }
        }
        assertEquals(
                AgreementReport.of(EXAMPLE, new Bootstrap(1, 1, 0.95)).observedAgreement(),
                AgreementReport.of(reordered, new Bootstrap(1, 1, 0.95)).observedAgreement(),
                EXACT);
    }

    @Test
    void ratings_fed_in_any_order_give_the_same_statistics() {
        List<Rating> ratings = new ArrayList<>();
        for (int u = 0; u < EXAMPLE.unitCount(); u++) {
            for (int c = 0; c < EXAMPLE.coderCount(); c++) {
                int value = EXAMPLE.value(u, c);
                if (value != ReliabilityData.MISSING) {
                    ratings.add(new Rating(
                            "unit " + u, "coder " + c, EXAMPLE.categories().get(value)));
                }
            }
        }
        Collections.shuffle(ratings, new Random(11));
        ReliabilityData fromRows = ReliabilityData.fromRatings(Examples.ONE_TO_FIVE, ratings);
        for (Metric metric : Metric.values()) {
            assertEquals(
                    KrippendorffAlpha.of(EXAMPLE, metric).alpha(),
                    KrippendorffAlpha.of(fromRows, metric).alpha(),
                    EXACT);
        }
        assertEquals(
                FleissKappa.ofModalRaterCount(EXAMPLE).kappa(),
                FleissKappa.ofModalRaterCount(fromRows).kappa(),
                EXACT);
        int a = fromRows.coders().indexOf("coder 0");
        int b = fromRows.coders().indexOf("coder 3");
        assertEquals(
                CohenKappa.between(EXAMPLE, 0, 3).kappa(),
                CohenKappa.between(fromRows, a, b).kappa(),
                EXACT);
    }
}
