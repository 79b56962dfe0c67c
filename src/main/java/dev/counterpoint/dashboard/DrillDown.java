package dev.counterpoint.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.labels.LabelVisibility;
import dev.counterpoint.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The items behind a bar, cell or point: the same filtered labels the chart counted, narrowed to the clicked
 * kind, key and value (and time bucket, or item). Each comes with its labels, their provenance and the evidence to
 * highlight.
 */
@ApplicationScoped
public class DrillDown {

    public record Highlight(int start, int end, String type) {}

    public record ItemLabel(
            String key,
            String value,
            Double confidence,
            String source,
            String annotator,
            String model,
            String labelledAt) {}

    public record Item(
            long id,
            String kind,
            int position,
            String author,
            String postedAt,
            String text,
            List<Highlight> highlights,
            List<ItemLabel> labels) {}

    public record Page(long total, int page, int pageSize, List<Item> items) {}

    static final int PAGE_SIZE = 25;
    private static final Set<String> KINDS = Set.of("article", "paragraph", "comment");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    LabelVisibility visibility;

    public Page items(long documentId, ChartFilter filter, Map<String, String> query, String person) {
        String kind = query.get("kind");
        if (kind != null && !KINDS.contains(kind)) {
            throw new BadRequestException("kind must be article, paragraph or comment.");
        }
        // Label conditions as aggregates over one pass of the labels, grouped by item: joining the labels CTE to
        // itself or to the items gets planned as nested loops over CTE scans (seconds on a 1,000-comment page).
        Sql sql = DocumentSlice.with(documentId, filter)
                .append(
                        ", matched AS (SELECT i.id, i.kind, i.position FROM items i JOIN (SELECT l.item_id FROM labels l "
                                + "GROUP BY l.item_id HAVING TRUE");
        String key = query.get("key");
        if (key != null) {
            if (key.equals("sentiment") || key.equals("incivility")) {
                sql.append(" AND bool_or(l.dimension = ? AND l.target IS NULL", key);
            } else {
                sql.append(" AND bool_or(l.dimension = 'stance' AND l.target = ?", key);
            }
            String values = query.get("value");
            if (values != null) {
                sql.append(" AND l.value = ANY (?)", (Object) values.split(","));
            }
            sql.append(")");
        }
        if ("true".equals(query.get("uncivil"))) {
            sql.append(" AND bool_or(l.dimension = 'incivility' AND l.value = 'uncivil')");
        }
        sql.append(") m ON m.item_id = i.id WHERE TRUE");
        if (kind != null) {
            sql.append(" AND i.kind = ?", kind);
        }
        for (String unit : List.of("day", "hour")) {
            if (query.get(unit) != null) {
                sql.append(
                        " AND to_char(date_trunc(?, i.posted_at AT TIME ZONE 'UTC'), ?) = ?",
                        unit,
                        "hour".equals(unit) ? "YYYY-MM-DD\"T\"HH24:00\"Z\"" : "YYYY-MM-DD",
                        query.get(unit));
            }
        }
        if (query.get("item") != null) {
            sql.append(" AND i.id = ?", ChartQuery.id("item", query.get("item")));
        }
        int page = Math.max(1, DocumentCharts.parseInt(query.get("page"), 1));
        sql.append(
                "), shown AS (SELECT * FROM matched ORDER BY kind, position LIMIT ? OFFSET ?)",
                PAGE_SIZE,
                (page - 1) * PAGE_SIZE);
        sql.append("""
                SELECT s.id, i.kind, i.position, i.author_handle, i.posted_at::text AS posted_at, i.text,
                       (SELECT count(*) FROM matched) AS total,
                       coalesce(l.target, l.dimension) AS key, l.value, l.confidence, l.source, lb.annotator,
                       mv.name AS model, lb.created_at::text AS labelled_at, lb.evidence::text AS evidence
                FROM shown s JOIN items i ON i.id = s.id
                LEFT JOIN labels l ON l.item_id = s.id
                LEFT JOIN label lb ON lb.id = l.label_id
                LEFT JOIN model_version mv ON mv.id = lb.model_version_id
                ORDER BY i.kind, i.position, l.dimension, l.target""");
        Map<Long, Item> items = new LinkedHashMap<>();
        long total = 0;
        for (Map<String, Object> row : sql.rows(dataSource)) {
            total = DocumentCharts.number(row.get("total"));
            long id = DocumentCharts.number(row.get("id"));
            Item item = items.computeIfAbsent(
                    id,
                    k -> new Item(
                            id,
                            (String) row.get("kind"),
                            ((Number) row.get("position")).intValue(),
                            (String) row.get("author_handle"),
                            (String) row.get("posted_at"),
                            (String) row.get("text"),
                            new ArrayList<>(),
                            new ArrayList<>()));
            if (row.get("key") != null) {
                item.labels()
                        .add(new ItemLabel(
                                (String) row.get("key"),
                                (String) row.get("value"),
                                row.get("confidence") == null ? null : ((Number) row.get("confidence")).doubleValue(),
                                (String) row.get("source"),
                                (String) row.get("annotator"),
                                (String) row.get("model"),
                                (String) row.get("labelled_at")));
                addEvidence(item, (String) row.get("evidence"), (String) row.get("value"));
            }
        }
        items.values().forEach(i -> i.highlights().sort((a, b) -> a.start() - b.start()));
        return new Page(total, page, PAGE_SIZE, masked(List.copyOf(items.values()), person));
    }

    /** A double coder sees no one else's label (nor, coding blind, the model's) on items still to code. */
    private List<Item> masked(List<Item> items, String person) {
        LabelVisibility.Masking masking =
                visibility.forPerson(person, items.stream().map(Item::id).toList());
        if (masking.items().isEmpty()) {
            return items;
        }
        return items.stream()
                .map(i -> !masking.masks(i.id())
                        ? i
                        : new Item(
                                i.id(),
                                i.kind(),
                                i.position(),
                                i.author(),
                                i.postedAt(),
                                i.text(),
                                masking.shows(i.id(), "model", "", person) ? i.highlights() : List.of(),
                                i.labels().stream()
                                        .filter(l -> masking.shows(i.id(), l.source(), l.annotator(), person))
                                        .toList()))
                .toList();
    }

    private static void addEvidence(Item item, String evidence, String value) {
        if (evidence == null) {
            return;
        }
        try {
            JsonNode json = JSON.readTree(evidence);
            for (JsonNode m : json.path("mentions")) {
                addOnce(item, new Highlight(m.get(0).asInt(), m.get(1).asInt(), "mention"));
            }
            if (!"none".equals(value)) {
                for (JsonNode s : json.path("sentences")) {
                    addOnce(item, new Highlight(s.get(0).asInt(), s.get(1).asInt(), "evidence"));
                }
            }
            for (JsonNode r : json.path("reported")) {
                addOnce(item, new Highlight(r.get(0).asInt(), r.get(1).asInt(), "reported"));
            }
        } catch (IOException e) {
            // Evidence is a display aid; a label without readable evidence is still listed.
        }
    }

    private static void addOnce(Item item, Highlight highlight) {
        if (!item.highlights().contains(highlight)) {
            item.highlights().add(highlight);
        }
    }
}
