package dev.counterpoint.labels.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReliabilityDataTest {

    private static final int M = ReliabilityData.MISSING;

    private static ReliabilityData fromRows() {
        return ReliabilityData.fromRatings(
                Examples.STANCE,
                List.of(
                        new Rating("item-7", "ana", "favor"),
                        new Rating("item-7", "ben", "none"),
                        new Rating("item-3", "ben", "against"),
                        new Rating("item-3", "cy", "against"),
                        new Rating("item-9", "ana", null)));
    }

    @Test
    void ratings_become_a_units_by_coders_matrix_in_the_order_first_seen() {
        ReliabilityData data = fromRows();
        assertEquals(List.of("item-7", "item-3", "item-9"), data.units());
        assertEquals(List.of("ana", "ben", "cy"), data.coders());
        assertEquals(Examples.STANCE, data.categories());
        assertEquals(3, data.unitCount());
        assertEquals(3, data.coderCount());
        assertEquals(3, data.categoryCount());
        assertEquals(2, data.value(0, 0));
        assertEquals(1, data.value(0, 1));
        assertEquals(M, data.value(0, 2));
        assertEquals(0, data.value(1, 2));
    }

    @Test
    void a_null_value_leaves_the_cell_missing_but_the_unit_is_known() {
        ReliabilityData data = fromRows();
        assertEquals(0, data.ratingCount(2));
        assertEquals(M, data.value(2, 0));
    }

    @Test
    void counts_leave_missing_values_out() {
        ReliabilityData data = fromRows();
        assertEquals(4, data.ratingCount());
        assertEquals(2, data.ratingCount(0));
        assertEquals(3, data.activeCoderCount());
        assertArrayEquals(new int[] {0, 1, 1}, data.categoryCounts(0));
        assertArrayEquals(new int[] {2, 0, 0}, data.categoryCounts(1));
    }

    @Test
    void codes_can_be_added_by_index_and_the_same_rating_twice_is_harmless() {
        ReliabilityData data = ReliabilityData.builder(Examples.STANCE)
                .addCode("u", "a", 2)
                .add("u", "a", "favor")
                .add(new Rating("u", "b", "favor"))
                .build();
        assertEquals(2, data.ratingCount());
        assertEquals(2, data.value(0, 1));
    }

    @Test
    void a_second_different_value_for_the_same_unit_and_coder_is_refused() {
        ReliabilityDataBuilder builder =
                ReliabilityData.builder(Examples.STANCE).add("u", "a", "favor");
        assertThrows(IllegalArgumentException.class, () -> builder.add("u", "a", "none"));
    }

    @Test
    void values_outside_the_categories_and_repeated_categories_are_refused() {
        ReliabilityDataBuilder builder = ReliabilityData.builder(Examples.STANCE);
        assertThrows(IllegalArgumentException.class, () -> builder.add("u", "a", "Favor"));
        assertThrows(IllegalArgumentException.class, () -> builder.addCode("u", "a", 3));
        assertThrows(IllegalArgumentException.class, () -> builder.addCode("u", "a", -1));
        assertThrows(IllegalArgumentException.class, () -> ReliabilityData.builder(List.of("a", "b", "a")));
        assertThrows(NullPointerException.class, () -> new Rating(null, "a", "favor"));
    }

    @Test
    void a_matrix_names_units_and_coders_by_position_and_checks_its_codes() {
        ReliabilityData data = ReliabilityData.fromMatrix(new int[][] {{0, M}, {1, 2}}, 3);
        assertEquals(List.of("u0", "u1"), data.units());
        assertEquals(List.of("c0", "c1"), data.coders());
        assertEquals(List.of("0", "1", "2"), data.categories());
        assertThrows(IllegalArgumentException.class, () -> ReliabilityData.fromMatrix(new int[][] {{0, 3}}, 3));
        assertThrows(IllegalArgumentException.class, () -> ReliabilityData.fromMatrix(new int[][] {{0, -2}}, 3));
        assertThrows(IllegalArgumentException.class, () -> ReliabilityData.fromMatrix(new int[][] {{0, 1}, {0}}, 3));
    }

    @Test
    void the_matrix_is_copied_so_later_changes_to_the_array_do_not_leak_in() {
        int[][] matrix = {{0, 1}};
        ReliabilityData data = ReliabilityData.fromMatrix(matrix, 2);
        matrix[0][0] = 1;
        assertEquals(0, data.value(0, 0));
        assertThrows(UnsupportedOperationException.class, () -> data.units().add("x"));
    }

    @Test
    void pairable_units_are_those_with_at_least_two_values() {
        ReliabilityData data = Examples.krippendorff2011().pairableUnits();
        assertEquals(11, data.unitCount());
        assertEquals(4, data.coderCount());
        assertEquals("u10", data.units().get(10));
        assertEquals(8, Examples.krippendorff2011().unitsWithRatingCount(4).unitCount());
    }

    @Test
    void shared_units_keep_two_coders_over_the_units_both_labelled() {
        ReliabilityData pair = Examples.krippendorff2011().sharedUnits(2, 0); // C and A share units 2 to 9
        assertEquals(List.of("c2", "c0"), pair.coders());
        assertEquals(List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"), pair.units());
        assertEquals(2, pair.value(0, 0)); // C gave unit 2 a "3"
        assertEquals(1, pair.value(0, 1)); // A gave it a "2"
    }

    @Test
    void no_ratings_give_empty_data() {
        ReliabilityData data = ReliabilityData.fromRatings(Examples.STANCE, List.of());
        assertEquals(0, data.unitCount());
        assertEquals(0, data.coderCount());
        assertEquals(0, data.ratingCount());
    }
}
