package dev.counterpoint.classify.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfusionTest {

    /**
     * gold \ predicted  favor against none
     * favor                 3       1    1
     * against               1       4    0
     * none                  2       0    3
     */
    private static Confusion example() {
        Confusion c = new Confusion(List.of("favor", "against", "none"));
        add(c, "favor", "favor", 3);
        add(c, "favor", "against", 1);
        add(c, "favor", "none", 1);
        add(c, "against", "favor", 1);
        add(c, "against", "against", 4);
        add(c, "none", "favor", 2);
        add(c, "none", "none", 3);
        return c;
    }

    @Test
    void precision_recall_and_f1_match_the_hand_computed_values() {
        Confusion c = example();
        assertEquals(15, c.total());
        assertEquals(3.0 / 6, c.precision("favor"), 1e-12); // predicted favor: 3 + 1 + 2
        assertEquals(3.0 / 5, c.recall("favor"), 1e-12);
        assertEquals(2 * 0.5 * 0.6 / 1.1, c.f1("favor"), 1e-12); // 0.545454...
        assertEquals(4.0 / 5, c.precision("against"), 1e-12);
        assertEquals(4.0 / 5, c.recall("against"), 1e-12);
        assertEquals(0.8, c.f1("against"), 1e-12);
        assertEquals(3.0 / 4, c.precision("none"), 1e-12);
        assertEquals(3.0 / 5, c.recall("none"), 1e-12);
    }

    @Test
    void f_avg_is_the_mean_of_favor_and_against_f1_and_ignores_none_f1() {
        Confusion c = example();
        assertEquals((6.0 / 11 + 0.8) / 2, c.fAvg(), 1e-12); // 0.672727...
        double noneF1 = 2 * 0.75 * 0.6 / 1.35;
        assertEquals((6.0 / 11 + 0.8 + noneF1) / 3, c.macroF1(), 1e-12);
        assertEquals((0.6 + 0.8 + 0.6) / 3, c.macroRecall(), 1e-12);
        assertEquals(10.0 / 15, c.accuracy(), 1e-12);
    }

    @Test
    void pooling_adds_counts_and_labels_are_case_insensitive() {
        Confusion pooled = new Confusion(List.of("favor", "against", "none"));
        pooled.addAll(example());
        pooled.add("FAVOR", "AGAINST");
        assertEquals(16, pooled.total());
        assertEquals(2, pooled.count("favor", "against"));
    }

    @Test
    void a_label_never_predicted_scores_zero_not_nan() {
        Confusion c = new Confusion(List.of("civil", "uncivil"));
        add(c, "civil", "civil", 5);
        add(c, "uncivil", "civil", 5);
        assertEquals(0, c.precision("uncivil"));
        assertEquals(0, c.f1("uncivil"));
        assertEquals((2 * 0.5 / 1.5 + 0) / 2, c.macroF1(), 1e-12);
    }

    private static void add(Confusion c, String gold, String predicted, int times) {
        for (int i = 0; i < times; i++) {
            c.add(gold, predicted);
        }
    }
}
