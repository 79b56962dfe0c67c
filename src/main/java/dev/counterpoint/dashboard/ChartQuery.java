package dev.counterpoint.dashboard;

import dev.counterpoint.platform.InvalidInputException;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of charts and drill-downs, read strictly: a parameter the charts do not know (often a
 * misspelling, such as {@code min_confidence} for {@code min-confidence}) and a number that is not one are refused
 * with 400, because a filter silently ignored shows numbers for something the person did not ask for.
 */
final class ChartQuery {

    /** What dashboards and their panels read: the filter, the scope and paging. */
    static final Set<String> PANEL = Set.of(
            "source",
            "min-confidence",
            "include-disputed",
            "from",
            "to",
            "kind",
            "target",
            "top",
            "document",
            "codebook",
            "format",
            "page",
            "q");

    /** A drill-down also names the bar, cell or point it lists the items of. */
    static final Set<String> DRILL_DOWN = union(PANEL, Set.of("key", "value", "uncivil", "day", "hour", "item"));

    private ChartQuery() {}

    static Map<String, String> of(UriInfo uri, Set<String> known) {
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            requireKnown(key, known);
            query.put(key, values.get(0));
        });
        return query;
    }

    static void requireKnown(String key, Set<String> known) {
        if (known.contains(key)) {
            return;
        }
        String hyphenated = key.replace('_', '-');
        String hint = known.contains(hyphenated) ? " Did you mean '" + hyphenated + "'?" : "";
        throw new InvalidInputException(
                "Unknown filter",
                "'" + key + "' is not a filter of this chart." + hint + " The filters are "
                        + String.join(", ", new TreeSet<>(known)) + ".");
    }

    /** A whole number given as {@code name}; missing or blank means {@code fallback}. */
    static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Invalid filter", name + " must be a whole number, not '" + value + "'.");
        }
    }

    static long id(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Invalid filter", name + " must be a number (an id), not '" + value + "'.");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
