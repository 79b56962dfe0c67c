package dev.counterpoint.labels.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * An immutable units × coders matrix of category codes, the input to every agreement statistic here. A code is an
 * index into the ordered category list (for stance, e.g. against = 0 &lt; none = 1 &lt; favor = 2); a coder who did
 * not label a unit has {@link #MISSING} there.
 *
 * <p>Units and coders keep the order in which they were first seen. Build one from ratings with {@link #builder}
 * or {@link #fromRatings}, or from a plain matrix with {@link #fromMatrix}.
 */
public final class ReliabilityData {

    /** The code of a missing value: the coder did not label the unit. */
    public static final int MISSING = -1;

    private final List<String> units;
    private final List<String> coders;
    private final List<String> categories;
    private final int[][] values; // [unit][coder]

    ReliabilityData(List<String> units, List<String> coders, List<String> categories, int[][] values) {
        if (new HashSet<>(categories).size() != categories.size()) {
            throw new IllegalArgumentException("Categories repeat: " + categories);
        }
        this.units = List.copyOf(units);
        this.coders = List.copyOf(coders);
        this.categories = List.copyOf(categories);
        this.values = values;
    }

    /** Starts collecting ratings over the given categories, in their order (which the ordinal metric uses). */
    public static ReliabilityDataBuilder builder(List<String> categories) {
        return new ReliabilityDataBuilder(categories);
    }

    /** The matrix behind the given ratings; see {@link ReliabilityDataBuilder#add(Rating)} for what is refused. */
    public static ReliabilityData fromRatings(List<String> categories, Collection<Rating> ratings) {
        ReliabilityDataBuilder builder = builder(categories);
        ratings.forEach(builder::add);
        return builder.build();
    }

    /**
     * A matrix given as rows of units and columns of coders, each cell a code in {@code [0, categories.size())} or
     * {@link #MISSING}. Units are named "u0", "u1", …, coders "c0", "c1", ….
     */
    public static ReliabilityData fromMatrix(int[][] unitsByCoders, List<String> categories) {
        int coderCount = unitsByCoders.length == 0 ? 0 : unitsByCoders[0].length;
        int[][] copy = new int[unitsByCoders.length][];
        for (int u = 0; u < unitsByCoders.length; u++) {
            if (unitsByCoders[u].length != coderCount) {
                throw new IllegalArgumentException(
                        "Row " + u + " has " + unitsByCoders[u].length + " coders, the first row " + coderCount);
            }
            for (int value : unitsByCoders[u]) {
                if (value != MISSING && (value < 0 || value >= categories.size())) {
                    throw new IllegalArgumentException("Code " + value + " is neither MISSING nor one of the "
                            + categories.size() + " categories");
                }
            }
            copy[u] = unitsByCoders[u].clone();
        }
        return new ReliabilityData(names("u", unitsByCoders.length), names("c", coderCount), categories, copy);
    }

    /** Like {@link #fromMatrix(int[][], List)} with categories named "0", "1", …. */
    public static ReliabilityData fromMatrix(int[][] unitsByCoders, int categoryCount) {
        return fromMatrix(unitsByCoders, names("", categoryCount));
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    public List<String> units() {
        return units;
    }

    public List<String> coders() {
        return coders;
    }

    public List<String> categories() {
        return categories;
    }

    public int unitCount() {
        return units.size();
    }

    public int coderCount() {
        return coders.size();
    }

    public int categoryCount() {
        return categories.size();
    }

    /** The code coder {@code coder} gave unit {@code unit}, or {@link #MISSING}. */
    public int value(int unit, int coder) {
        return values[unit][coder];
    }

    /** How many coders gave the unit a value. */
    public int ratingCount(int unit) {
        int count = 0;
        for (int value : values[unit]) {
            if (value != MISSING) count++;
        }
        return count;
    }

    /** How many values the matrix holds, missing ones not counted. */
    public int ratingCount() {
        return IntStream.range(0, unitCount()).map(this::ratingCount).sum();
    }

    /** How many coders gave at least one value. */
    public int activeCoderCount() {
        return (int) IntStream.range(0, coderCount())
                .filter(c -> IntStream.range(0, unitCount()).anyMatch(u -> values[u][c] != MISSING))
                .count();
    }

    /** For one unit, how many coders chose each category. */
    public int[] categoryCounts(int unit) {
        int[] counts = new int[categoryCount()];
        for (int value : values[unit]) {
            if (value != MISSING) counts[value]++;
        }
        return counts;
    }

    /** The units that at least two coders labelled: the only ones that say anything about agreement. */
    public ReliabilityData pairableUnits() {
        return filterUnits(u -> ratingCount(u) >= 2);
    }

    /** The units that exactly {@code count} coders labelled. */
    public ReliabilityData unitsWithRatingCount(int count) {
        return filterUnits(u -> ratingCount(u) == count);
    }

    /** Two coders' columns over the units both labelled, coder {@code a} first. */
    public ReliabilityData sharedUnits(int a, int b) {
        List<Integer> rows = new ArrayList<>();
        for (int u = 0; u < unitCount(); u++) {
            if (values[u][a] != MISSING && values[u][b] != MISSING) rows.add(u);
        }
        int[][] pair = new int[rows.size()][];
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pair[i] = new int[] {values[rows.get(i)][a], values[rows.get(i)][b]};
            keys.add(units.get(rows.get(i)));
        }
        return new ReliabilityData(keys, List.of(coders.get(a), coders.get(b)), categories, pair);
    }

    private ReliabilityData filterUnits(IntPredicate keep) {
        return selectUnits(IntStream.range(0, unitCount()).filter(keep).toArray());
    }

    /** The given rows in the given order; a row may repeat, as in a bootstrap resample, and so may its key. */
    ReliabilityData selectUnits(int[] rows) {
        int[][] selected = new int[rows.length][];
        List<String> keys = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            selected[i] = values[rows[i]];
            keys.add(units.get(rows[i]));
        }
        return new ReliabilityData(keys, coders, categories, selected);
    }
}
