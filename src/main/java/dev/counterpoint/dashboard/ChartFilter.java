package dev.counterpoint.dashboard;

import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * What a chart counts: whose labels (the current ones, or the latest of one source), how sure they must be, the
 * dates of the comments, and whether items people disagree on count. Every chart and its drill-down use the same
 * filter, so a drill-down lists exactly the items a bar counted.
 */
public record ChartFilter(String source, double minConfidence, LocalDate from, LocalDate to, boolean includeDisputed) {

    static final Set<String> SOURCES = Set.of("current", "model", "human", "adjudicated");
    public static final ChartFilter ALL = new ChartFilter("current", 0, null, null, true);

    public ChartFilter {
        if (!SOURCES.contains(source)) {
            throw new BadRequestException("source must be current, model, human or adjudicated, not '" + source + "'.");
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new BadRequestException("min-confidence must be between 0 and 1.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("The date range ends (" + to + ") before it starts (" + from + ").");
        }
    }

    /** Reads the filter from query parameters, with a panel's defaults underneath. */
    public static ChartFilter of(Map<String, String> query, Map<String, String> defaults) {
        String source = pick(query, defaults, "source", "current");
        double minConfidence;
        try {
            minConfidence = Double.parseDouble(pick(query, defaults, "min-confidence", "0"));
        } catch (NumberFormatException e) {
            throw new BadRequestException("min-confidence must be a number between 0 and 1.");
        }
        return new ChartFilter(
                source,
                minConfidence,
                date(query.get("from"), "from"),
                date(query.get("to"), "to"),
                !"false".equals(pick(query, defaults, "include-disputed", "true")));
    }

    /** The confidence bucket (0-9) labels must reach in the rollups: buckets are tenths. */
    int minBucket() {
        return (int) Math.floor(minConfidence * 10 + 1e-9);
    }

    static String pick(Map<String, String> query, Map<String, String> defaults, String key, String fallback) {
        String value = query.get(key);
        if (value == null || value.isBlank()) {
            value = defaults == null ? null : defaults.get(key);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date like 2025-12-03, not '" + value + "'.");
        }
    }
}
