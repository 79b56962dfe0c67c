package dev.counterpoint.labels.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects (unit, coder, value) ratings, e.g. straight from SQL rows, into a {@link ReliabilityData}. Units and coders
 * get their row and column in the order first seen.
 */
public final class ReliabilityDataBuilder {

    private final List<String> categories;
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final Map<String, Integer> unitIndex = new LinkedHashMap<>();
    private final Map<String, Integer> coderIndex = new LinkedHashMap<>();
    private final List<Map<Integer, Integer>> valuesByUnit = new ArrayList<>(); // per unit: coder -> code

    ReliabilityDataBuilder(List<String> categories) {
        this.categories = List.copyOf(categories);
        for (int i = 0; i < this.categories.size(); i++) {
            if (categoryIndex.put(this.categories.get(i), i) != null) {
                throw new IllegalArgumentException("Categories repeat: " + categories);
            }
        }
    }

    /** Same as {@link #add(String, String, String)}. */
    public ReliabilityDataBuilder add(Rating rating) {
        return add(rating.unit(), rating.coder(), rating.value());
    }

    /**
     * Records that {@code coder} gave {@code unit} the category {@code value}. A {@code null} value leaves the cell
     * missing, though the unit and coder still get their row and column. Refuses a value outside the category list
     * and a second, different value for the same unit and coder; the same rating twice is harmless.
     */
    public ReliabilityDataBuilder add(String unit, String coder, String value) {
        if (value == null) {
            unitRow(unit);
            coderColumn(coder);
            return this;
        }
        Integer code = categoryIndex.get(value);
        if (code == null) {
            throw new IllegalArgumentException(
                    "Unit " + unit + ", coder " + coder + ": '" + value + "' is not one of " + categories);
        }
        return addCode(unit, coder, code);
    }

    /** Like {@link #add(String, String, String)} with the category given by its index. */
    public ReliabilityDataBuilder addCode(String unit, String coder, int code) {
        if (code < 0 || code >= categories.size()) {
            throw new IllegalArgumentException("Unit " + unit + ", coder " + coder + ": code " + code
                    + " is not an index into the " + categories.size() + " categories");
        }
        int c = coderColumn(coder);
        Integer previous = valuesByUnit.get(unitRow(unit)).putIfAbsent(c, code);
        if (previous != null && previous != code) {
            throw new IllegalArgumentException("Unit " + unit + ", coder " + coder + ": two values, "
                    + categories.get(previous) + " and " + categories.get(code));
        }
        return this;
    }

    private int unitRow(String unit) {
        Objects.requireNonNull(unit, "unit");
        return unitIndex.computeIfAbsent(unit, key -> {
            valuesByUnit.add(new HashMap<>());
            return valuesByUnit.size() - 1;
        });
    }

    private int coderColumn(String coder) {
        Objects.requireNonNull(coder, "coder");
        return coderIndex.computeIfAbsent(coder, key -> coderIndex.size());
    }

    public ReliabilityData build() {
        int[][] values = new int[unitIndex.size()][coderIndex.size()];
        for (int u = 0; u < values.length; u++) {
            int[] row = values[u];
            Arrays.fill(row, ReliabilityData.MISSING);
            valuesByUnit.get(u).forEach((coder, code) -> row[coder] = code);
        }
        return new ReliabilityData(
                List.copyOf(unitIndex.keySet()), List.copyOf(coderIndex.keySet()), categories, values);
    }
}
