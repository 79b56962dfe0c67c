package dev.counterpoint.labels.review;

import dev.counterpoint.labels.LabelVisibility;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the review queue (table {@code review_item}, kept by a trigger on labels): a page of subjects under a filter
 * in the chosen order, the counts per reason, and the subject after a given one, for "save and next". Counts come
 * from {@code review_count}, so they cost the same at a million comments as at ten.
 */
@ApplicationScoped
public class ReviewQueue {

    public static final int PAGE_SIZE = 50;

    /** One subject waiting for a person. {@code cursor} names its place in the order, for {@link #next}. */
    public record Row(
            long itemId,
            long documentId,
            String documentTitle,
            String kind,
            int position,
            String snippet,
            String dimension,
            String target,
            String targetName,
            List<String> reasons,
            String currentSource,
            String modelValue,
            Double modelConfidence,
            String humanValue,
            int coders,
            int distinctValues,
            String openedAt,
            int labelVersion,
            boolean masked,
            String cursor) {

        /** The subject's key: the target's slug, or "sentiment" / "incivility". */
        public String key() {
            return "stance".equals(dimension) ? target : dimension;
        }

        public List<String> reasonWords() {
            return reasons.stream()
                    .map(r -> switch (r) {
                        case "uncertain" -> "model unsure";
                        case "overturned" -> "model overturned";
                        case "relabel" -> "codebook changed: label again";
                        default -> "people disagree";
                    })
                    .toList();
        }

        public String modelConfidencePercent() {
            return modelConfidence == null ? "" : Math.round(modelConfidence * 100) + "%";
        }

        /** "2026-12-03 15:04" */
        public String waitingSince() {
            return openedAt == null ? "" : openedAt.substring(0, Math.min(16, openedAt.length()));
        }

        public String label() {
            return targetName != null ? targetName : dimension;
        }

        public String link() {
            return "/documents/" + documentId + ("comment".equals(kind) ? "#c" : "article".equals(kind) ? "#" : "#p")
                    + ("article".equals(kind) ? "labels-heading" : String.valueOf(position));
        }
    }

    public record Counts(long uncertain, long overturned, long disagreement, long relabel, long total) {}

    public record Page(QueueFilter filter, List<Row> rows, Counts counts, long matching, int page, int pageSize) {

        public int pages() {
            return (int) Math.max(1, (matching + pageSize - 1) / pageSize);
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    private static final String SELECT = """
            SELECT r.item_id, r.document_id, d.title, i.kind, i.position, left(i.text, 280) AS snippet, r.dimension,
                   r.target, t.name AS target_name, r.uncertain, r.overturned, r.disagreement, r.relabel, r.current_source,
                   r.model_value, r.model_confidence, r.human_value, r.coders, r.distinct_values,
                   r.opened_at::text AS opened_at, i.label_version, r.priority::text AS priority_text
            FROM review_item r
            JOIN item i ON i.id = r.item_id
            JOIN document d ON d.id = r.document_id
            LEFT JOIN LATERAL (SELECT t.name FROM target t JOIN codebook_version cv ON cv.id = t.codebook_version_id
                               WHERE cv.codebook_id = d.codebook_id AND t.slug = r.target
                               ORDER BY cv.version DESC LIMIT 1) t ON r.dimension = 'stance'
            WHERE TRUE""";

    @Inject
    DataSource dataSource;

    @Inject
    LabelVisibility visibility;

    public Page page(QueueFilter filter, String person) {
        Sql sql = where(new Sql().append(SELECT), filter);
        sql.append(
                " ORDER BY " + QueueOrder.of(filter.sort()).columns() + " LIMIT ? OFFSET ?",
                PAGE_SIZE,
                (filter.page() - 1) * PAGE_SIZE);
        Counts counts = counts(filter);
        long matching = filter.source() != null
                ? countMatching(filter)
                : switch (filter.reason() == null ? "" : filter.reason()) {
                    case "uncertain" -> counts.uncertain();
                    case "overturned" -> counts.overturned();
                    case "disagreement" -> counts.disagreement();
                    case "relabel" -> counts.relabel();
                    default -> counts.total();
                };
        return new Page(filter, rows(sql, filter, person), counts, matching, filter.page(), PAGE_SIZE);
    }

    /** The first subject after the one at {@code cursor} in the filter's order, if any is left. */
    public java.util.Optional<Row> next(QueueFilter filter, String cursor, String person) {
        QueueOrder order = QueueOrder.of(filter.sort());
        Sql sql = where(new Sql().append(SELECT), filter);
        if (cursor != null && !cursor.isBlank()) {
            List<String> values = Arrays.asList(cursor.split("\\|", -1));
            if (values.size() != order.width()) {
                throw new InvalidInputException(
                        "The queue position was not understood",
                        "after must be a cursor " + "given by the queue (" + order.width() + " parts), not '" + cursor
                                + "'.");
            }
            sql.append(" AND (" + order.columns() + ") > (" + order.placeholders() + ")", order.values(values));
        }
        sql.append(" ORDER BY " + order.columns() + " LIMIT 1");
        return rows(sql, filter, person).stream().findFirst();
    }

    public Counts counts(QueueFilter filter) {
        Sql sql = new Sql()
                .append("SELECT coalesce(sum(uncertain), 0) AS u, coalesce(sum(overturned), 0) AS o, "
                        + "coalesce(sum(disagreement), 0) AS g, coalesce(sum(relabel), 0) AS q, coalesce(sum(total), 0) AS t "
                        + "FROM review_count WHERE TRUE");
        if (filter.document() != null) {
            sql.append(" AND document_id = ?", filter.document());
        }
        if (filter.key() != null) {
            sql.append(" AND dimension = ? AND target = ?", filter.dimension(), filter.target());
        }
        Map<String, Object> row = sql.rows(dataSource).get(0);
        return new Counts(n(row.get("u")), n(row.get("o")), n(row.get("g")), n(row.get("q")), n(row.get("t")));
    }

    private long countMatching(QueueFilter filter) {
        Sql sql = where(new Sql().append("SELECT count(*) AS n FROM review_item r WHERE TRUE"), filter);
        return n(sql.rows(dataSource).get(0).get("n"));
    }

    private static Sql where(Sql sql, QueueFilter filter) {
        if (filter.document() != null) {
            sql.append(" AND r.document_id = ?", filter.document());
        }
        if (filter.key() != null) {
            sql.append(" AND r.dimension = ? AND r.target = ?", filter.dimension(), filter.target());
        }
        if (filter.source() != null) {
            sql.append(" AND r.current_source = ?", filter.source());
        }
        if (filter.reason() != null) {
            sql.append(" AND r." + filter.reason()); // one of QueueFilter.REASONS, checked there
        }
        return sql;
    }

    private List<Row> rows(Sql sql, QueueFilter filter, String person) {
        List<Map<String, Object>> found = sql.rows(dataSource);
        LabelVisibility.Masking masking = visibility.forPerson(
                person, found.stream().map(r -> n(r.get("item_id"))).distinct().toList());
        QueueOrder order = QueueOrder.of(filter.sort());
        List<Row> rows = new ArrayList<>(found.size());
        for (Map<String, Object> r : found) {
            long itemId = n(r.get("item_id"));
            boolean masked = masking.masks(itemId);
            List<String> reasons = new ArrayList<>();
            QueueFilter.REASONS.forEach(reason -> {
                if (Boolean.TRUE.equals(r.get(reason))) {
                    reasons.add(reason);
                }
            });
            String target = (String) r.get("target");
            rows.add(new Row(
                    itemId,
                    n(r.get("document_id")),
                    (String) r.get("title"),
                    (String) r.get("kind"),
                    ((Number) r.get("position")).intValue(),
                    (String) r.get("snippet"),
                    (String) r.get("dimension"),
                    target.isEmpty() ? null : target,
                    (String) r.get("target_name"),
                    masked ? List.of() : reasons,
                    (String) r.get("current_source"),
                    masked ? null : (String) r.get("model_value"),
                    masked || r.get("model_confidence") == null
                            ? null
                            : ((Number) r.get("model_confidence")).doubleValue(),
                    masked ? null : (String) r.get("human_value"),
                    ((Number) r.get("coders")).intValue(),
                    ((Number) r.get("distinct_values")).intValue(),
                    (String) r.get("opened_at"),
                    ((Number) r.get("label_version")).intValue(),
                    masked,
                    order.cursorOf(r)));
        }
        return rows;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
