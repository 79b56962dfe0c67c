package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.counterpoint.labels.agreement.ModelAgreement.Comparison;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModelAgreementTest {

    private static final List<String> BINARY = List.of("civil", "uncivil");

    /** The 2×2 table [[20, 20], [10, 50]] as rows: model's value first. */
    private static List<Comparison> table() {
        List<Comparison> rows = new ArrayList<>();
        add(rows, "civil", "civil", 20);
        add(rows, "civil", "uncivil", 20);
        add(rows, "uncivil", "civil", 10);
        add(rows, "uncivil", "uncivil", 50);
        return rows;
    }

    private static void add(List<Comparison> rows, String model, String human, int count) {
        for (int i = 0; i < count; i++) rows.add(new Comparison("item-" + rows.size(), model, human));
    }

    @Test
    void accuracy_kappa_and_overturn_rate_from_model_and_human_rows() {
        ModelAgreement agreement = ModelAgreement.of(BINARY, table());
        assertEquals(100, agreement.units());
        assertEquals(0.7, agreement.accuracy(), 1e-12);
        assertEquals(0.3, agreement.overturnRate(), 1e-12);
        assertEquals(0.348, agreement.cohenKappa(), 0.001);
    }

    @Test
    void rows_without_a_human_or_a_model_value_are_not_compared() {
        List<Comparison> rows = table();
        rows.add(new Comparison("unreviewed", "civil", null));
        rows.add(new Comparison("model-skipped", null, "uncivil"));
        assertEquals(ModelAgreement.of(BINARY, table()), ModelAgreement.of(BINARY, rows));
    }

    @Test
    void no_unit_with_both_values_gives_nulls() {
        ModelAgreement none = ModelAgreement.of(BINARY, List.of(new Comparison("a", "civil", null)));
        assertEquals(new ModelAgreement(0, null, null, null), none);
        assertEquals(new ModelAgreement(0, null, null, null), ModelAgreement.of(BINARY, List.of()));
    }

    @Test
    void model_and_human_always_saying_the_same_one_category_leave_kappa_null() {
        ModelAgreement same = ModelAgreement.of(
                BINARY, List.of(new Comparison("a", "civil", "civil"), new Comparison("b", "civil", "civil")));
        assertEquals(2, same.units());
        assertEquals(1, same.accuracy());
        assertEquals(0, same.overturnRate());
        assertNull(same.cohenKappa());
    }

    @Test
    void a_unit_given_two_different_human_values_is_refused() {
        List<Comparison> rows = List.of(new Comparison("a", "civil", "civil"), new Comparison("a", "civil", "uncivil"));
        assertThrows(IllegalArgumentException.class, () -> ModelAgreement.of(BINARY, rows));
        assertThrows(
                IllegalArgumentException.class,
                () -> ModelAgreement.of(BINARY, List.of(new Comparison("a", "polite", "civil"))));
    }

    @Test
    void a_model_can_also_be_one_coder_among_others_in_reliability_data() {
        ReliabilityData data = Examples.coderRows(BINARY, "civil uncivil civil .", "civil civil civil uncivil");
        ModelAgreement agreement = ModelAgreement.of(data, 0, 1);
        assertEquals(3, agreement.units());
        assertEquals(2.0 / 3, agreement.accuracy(), 1e-12);
        assertEquals(1.0 / 3, agreement.overturnRate(), 1e-12);
        assertEquals(CohenKappa.between(data, 0, 1).kappa(), agreement.cohenKappa());
    }
}
