package dev.counterpoint.labels.review;

import dev.counterpoint.platform.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * Which part of the review queue someone looks at, and in what order: by document, by key (a target's slug, or
 * "sentiment" / "incivility"), by where the label that counts came from, and by reason. Values that cannot be
 * understood are refused, never ignored.
 */
public record QueueFilter(Long document, String key, String source, String reason, String sort, int page) {

    public static final List<String> REASONS = List.of("uncertain", "overturned", "disagreement", "relabel");
    public static final List<String> SOURCES = List.of("model", "human", "adjudicated");
    public static final List<String> SORTS = List.of("priority", "document", "target", "age");
    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, "priority", 1);

    public QueueFilter {
        if (source != null && !SOURCES.contains(source)) {
            throw invalid("source must be one of " + SOURCES + ", not '" + source + "'.");
        }
        if (reason != null && !REASONS.contains(reason)) {
            throw invalid("reason must be one of " + REASONS + ", not '" + reason + "'.");
        }
        if (!SORTS.contains(sort)) {
            throw invalid("sort must be one of " + SORTS + ", not '" + sort + "'.");
        }
        if (page < 1) {
            throw invalid("page must be 1 or more.");
        }
    }

    public static QueueFilter of(Map<String, String> query) {
        return new QueueFilter(
                id(blankToNull(query.get("document"))),
                blankToNull(query.get("target")),
                blankToNull(query.get("source")),
                blankToNull(query.get("reason")),
                blankToNull(query.get("sort")) == null ? "priority" : blankToNull(query.get("sort")),
                page(blankToNull(query.get("page"))));
    }

    /** The document's id as the filter form's value, "" for all. */
    public String documentValue() {
        return document == null ? "" : document.toString();
    }

    public QueueFilter withPage(int number) {
        return new QueueFilter(document, key, source, reason, sort, number);
    }

    /** The dimension and target a key names: "sentiment" and "incivility" are dimensions, anything else a target. */
    String dimension() {
        return key == null ? null : ("sentiment".equals(key) || "incivility".equals(key) ? key : "stance");
    }

    String target() {
        return key == null ? null : ("stance".equals(dimension()) ? key : "");
    }

    /** The query string that reproduces this filter (without the page), for links. */
    public String query() {
        StringBuilder q = new StringBuilder("sort=" + sort);
        if (document != null) q.append("&document=").append(document);
        if (key != null)
            q.append("&target=").append(java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));
        if (source != null) q.append("&source=").append(source);
        if (reason != null) q.append("&reason=").append(reason);
        return q.toString();
    }

    private static Long id(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid("document must be a document's number, not '" + value + "'.");
        }
    }

    private static int page(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid("page must be a number, not '" + value + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("The queue filter was not understood", message);
    }
}
