package dev.counterpoint.dashboard;

import dev.counterpoint.corpus.DocumentCatalog;
import dev.counterpoint.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The per-document measures. Every number is a PostgreSQL aggregate over {@link DocumentSlice}; Java only
 * turns counts into shares and lays them out for the chart.
 */
@ApplicationScoped
public class DocumentCharts {

    public record Target(String slug, String name) {}

    static final List<String> STANCES = List.of("favor", "against", "none");

    @Inject
    DataSource dataSource;

    @Inject
    DocumentCatalog documents;

    public PanelData panel(Panel panel, long documentId, ChartFilter filter, Map<String, String> params) {
        List<Target> targets = targets(documentId);
        return switch (panel.measure()) {
            case READER_STANCE -> readerStance(panel, documentId, filter, targets);
            case ALIGNMENT -> alignment(panel, documentId, filter, targets);
            case TONE -> tone(panel, documentId, filter);
            case INCIVILITY_BY_STANCE -> incivilityByStance(panel, documentId, filter, targets);
            case STANCE_HEATMAP -> heatmap(panel, documentId, filter, targets, params);
            case STANCE_OVER_TIME -> overTime(panel, documentId, filter, targets);
            default -> throw new IllegalArgumentException(panel.measure().code() + " is not a document measure");
        };
    }

    List<Target> targets(long documentId) {
        long version = documents.codebookOf(documentId).versionId();
        return new Sql()
                        .append(
                                "SELECT slug, name FROM target WHERE codebook_version_id = ? ORDER BY position",
                                version)
                        .rows(dataSource)
                        .stream()
                        .map(r -> new Target((String) r.get("slug"), (String) r.get("name")))
                        .toList();
    }

    /** Counts of stance values per target among items of a kind: target -> value -> {n, checked}. */
    private Map<String, Map<String, long[]>> stanceCounts(long documentId, ChartFilter filter, String kind) {
        Sql sql = DocumentSlice.with(documentId, filter).append("""
                SELECT l.target, l.value, count(*) AS n, count(ck.item_id) AS checked
                FROM labels l JOIN items i ON i.id = l.item_id AND i.kind = ?
                LEFT JOIN checked ck ON ck.item_id = l.item_id AND ck.dimension = l.dimension AND ck.target = l.target
                WHERE l.dimension = 'stance' GROUP BY l.target, l.value""", kind);
        Map<String, Map<String, long[]>> counts = new HashMap<>();
        for (Map<String, Object> row : sql.rows(dataSource)) {
            counts.computeIfAbsent((String) row.get("target"), k -> new HashMap<>())
                    .put((String) row.get("value"), new long[] {number(row.get("n")), number(row.get("checked"))});
        }
        return counts;
    }

    private Map<String, String> authorStances(long documentId, ChartFilter filter) {
        Map<String, String> author = new HashMap<>();
        Sql sql = DocumentSlice.with(documentId, filter).append("""
                SELECT l.target, l.value FROM labels l JOIN items i ON i.id = l.item_id AND i.kind = 'article'
                WHERE l.dimension = 'stance'""");
        sql.rows(dataSource).forEach(r -> author.put((String) r.get("target"), (String) r.get("value")));
        return author;
    }

    private PanelData readerStance(Panel panel, long documentId, ChartFilter filter, List<Target> targets) {
        Map<String, Map<String, long[]>> counts = stanceCounts(documentId, filter, "comment");
        Map<String, String> author = authorStances(documentId, filter);
        List<String> labels = new ArrayList<>();
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        Map<String, List<Long>> ns = new LinkedHashMap<>();
        Map<String, List<String>> drills = new LinkedHashMap<>();
        STANCES.forEach(v -> {
            shares.put(v, new ArrayList<>());
            ns.put(v, new ArrayList<>());
            drills.put(v, new ArrayList<>());
        });
        long n = 0;
        long total = 0;
        long checked = 0;
        for (Target target : targets) {
            Map<String, long[]> byValue = counts.getOrDefault(target.slug(), Map.of());
            long labelled = byValue.values().stream().mapToLong(c -> c[0]).sum();
            n = Math.max(n, labelled);
            total += labelled;
            checked += byValue.values().stream().mapToLong(c -> c[1]).sum();
            String stance = author.get(target.slug());
            labels.add(target.name() + " — author: " + (stance == null ? "not labelled" : authorWord(stance)));
            for (String value : STANCES) {
                long count = byValue.getOrDefault(value, new long[2])[0];
                double share = labelled == 0 ? 0 : 100.0 * count / labelled;
                shares.get(value).add("against".equals(value) ? -share : share);
                ns.get(value).add(count);
                drills.get(value).add("kind=comment&key=" + target.slug() + "&value=" + value);
            }
        }
        List<PanelData.Series> series = new ArrayList<>();
        series.add(new PanelData.Series(
                "against", "against", "stance", shares.get("against"), ns.get("against"), drills.get("against")));
        series.add(new PanelData.Series(
                "favor", "favor", "stance", shares.get("favor"), ns.get("favor"), drills.get("favor")));
        series.add(new PanelData.Series(
                "no stance", "none", "none", shares.get("none"), ns.get("none"), drills.get("none")));
        List<String> notes = n == 0 ? List.of("No comment has a stance label under these filters.") : List.of();
        return panel.data(
                "% of labelled comments",
                labels, series, null, null, n, "comments", share(checked, total), notes, null);
    }

    private PanelData alignment(Panel panel, long documentId, ChartFilter filter, List<Target> targets) {
        Map<String, Map<String, long[]>> counts = stanceCounts(documentId, filter, "comment");
        Map<String, String> author = authorStances(documentId, filter);
        record Row(Target target, String authorValue, long aligned, long opposed, long checked) {
            double alignment() {
                return aligned + opposed == 0 ? -1 : (double) aligned / (aligned + opposed);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Target target : targets) {
            String stance = author.get(target.slug());
            if (stance == null || "none".equals(stance)) {
                continue;
            }
            String opposite = "favor".equals(stance) ? "against" : "favor";
            Map<String, long[]> byValue = counts.getOrDefault(target.slug(), Map.of());
            long[] aligned = byValue.getOrDefault(stance, new long[2]);
            long[] opposed = byValue.getOrDefault(opposite, new long[2]);
            rows.add(new Row(target, stance, aligned[0], opposed[0], aligned[1] + opposed[1]));
        }
        // Most divergent first; targets no comment takes a stance on go last.
        rows.sort(Comparator.comparingDouble(r -> r.alignment() < 0 ? 2 : r.alignment()));
        long aligned = rows.stream().mapToLong(Row::aligned).sum();
        long stanceTaking =
                rows.stream().mapToLong(r -> r.aligned() + r.opposed()).sum();
        if (rows.isEmpty()) {
            notes.add(
                    "The article takes no stance on any target under these filters, so there is nothing to side with.");
        } else if (stanceTaking > 0) {
            notes.add(String.format(
                    java.util.Locale.ROOT,
                    "Overall %.0f%% of %d stance-taking comments side with the author.",
                    100.0 * aligned / stanceTaking,
                    stanceTaking));
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        List<String> drills = new ArrayList<>();
        for (Row row : rows) {
            labels.add(row.target().name() + " (author " + authorWord(row.authorValue()) + ")");
            values.add(row.alignment() < 0 ? null : 100 * row.alignment());
            ns.add(row.aligned() + row.opposed());
            drills.add("kind=comment&key=" + row.target().slug() + "&value=favor,against");
            if (row.alignment() < 0) {
                notes.add("No comment takes a stance on " + row.target().name() + ".");
            }
        }
        List<PanelData.Series> series =
                List.of(new PanelData.Series("sides with the author", "aligned", null, values, ns, drills));
        return panel.data(
                "% of stance-taking comments",
                labels,
                series,
                null,
                null,
                stanceTaking,
                "stance-taking comments",
                share(rows.stream().mapToLong(Row::checked).sum(), stanceTaking),
                notes,
                null);
    }

    private PanelData tone(Panel panel, long documentId, ChartFilter filter) {
        Sql sql = DocumentSlice.with(documentId, filter).append("""
                SELECT i.kind, l.dimension, l.value, count(*) AS n, count(ck.item_id) AS checked
                FROM labels l JOIN items i ON i.id = l.item_id AND i.kind IN ('paragraph', 'comment')
                LEFT JOIN checked ck ON ck.item_id = l.item_id AND ck.dimension = l.dimension AND ck.target = ''
                WHERE l.dimension IN ('sentiment', 'incivility') GROUP BY 1, 2, 3""");
        Map<String, Long> counts = new HashMap<>();
        long checked = 0;
        long labelled = 0;
        for (Map<String, Object> row : sql.rows(dataSource)) {
            counts.put(row.get("kind") + "|" + row.get("dimension") + "|" + row.get("value"), number(row.get("n")));
            if ("sentiment".equals(row.get("dimension"))) {
                checked += number(row.get("checked"));
                labelled += number(row.get("n"));
            }
        }
        List<String> kinds = List.of("paragraph", "comment");
        List<PanelData.Series> series = new ArrayList<>();
        for (String value : List.of("negative", "neutral", "positive", "uncivil")) {
            String dimension = "uncivil".equals(value) ? "incivility" : "sentiment";
            List<Double> values = new ArrayList<>();
            List<Long> ns = new ArrayList<>();
            List<String> drills = new ArrayList<>();
            for (String kind : kinds) {
                long total = dimension.equals("incivility")
                        ? counts.getOrDefault(kind + "|incivility|civil", 0L)
                                + counts.getOrDefault(kind + "|incivility|uncivil", 0L)
                        : List.of("negative", "neutral", "positive").stream()
                                .mapToLong(v -> counts.getOrDefault(kind + "|sentiment|" + v, 0L))
                                .sum();
                long count = counts.getOrDefault(kind + "|" + dimension + "|" + value, 0L);
                values.add(total == 0 ? 0 : 100.0 * count / total);
                ns.add(count);
                drills.add("kind=" + kind + "&key=" + dimension + "&value=" + value);
            }
            series.add(new PanelData.Series(value, value, dimension, values, ns, drills));
        }
        List<String> notes = labelled == 0
                ? List.of("No paragraph or comment has a sentiment label under these filters.")
                : List.of();
        return panel.data(
                "% of labelled items",
                List.of("Article paragraphs", "Reader comments"),
                series,
                null,
                null,
                labelled,
                "paragraphs and comments",
                share(checked, labelled),
                notes,
                null);
    }

    private PanelData incivilityByStance(Panel panel, long documentId, ChartFilter filter, List<Target> targets) {
        // One pass with a window, not a self-join of the labels CTE: that was planned as a nested loop (seconds).
        Sql sql = DocumentSlice.with(documentId, filter).append("""
                SELECT x.target, x.value, count(*) AS n, count(*) FILTER (WHERE x.uncivil) AS uncivil
                FROM (SELECT l.dimension, l.target, l.value,
                             bool_or(l.dimension = 'incivility') OVER w AS rated,
                             bool_or(l.dimension = 'incivility' AND l.value = 'uncivil') OVER w AS uncivil
                      FROM labels l JOIN items i ON i.id = l.item_id AND i.kind = 'comment'
                      WINDOW w AS (PARTITION BY l.item_id)) x
                WHERE x.dimension = 'stance' AND x.value IN ('favor', 'against') AND x.rated GROUP BY 1, 2""");
        Map<String, long[]> counts = new HashMap<>();
        for (Map<String, Object> row : sql.rows(dataSource)) {
            counts.put(
                    row.get("target") + "|" + row.get("value"),
                    new long[] {number(row.get("n")), number(row.get("uncivil"))});
        }
        List<String> labels = targets.stream().map(Target::name).toList();
        List<PanelData.Series> series = new ArrayList<>();
        long n = 0;
        for (String value : List.of("favor", "against")) {
            List<Double> values = new ArrayList<>();
            List<Long> ns = new ArrayList<>();
            List<String> drills = new ArrayList<>();
            for (Target target : targets) {
                long[] c = counts.getOrDefault(target.slug() + "|" + value, new long[2]);
                values.add(c[0] == 0 ? null : 100.0 * c[1] / c[0]);
                ns.add(c[1]);
                n += c[0];
                drills.add("kind=comment&key=" + target.slug() + "&value=" + value + "&uncivil=true");
            }
            series.add(new PanelData.Series(
                    "uncivil among comments " + value.replace("favor", "for"), value, null, values, ns, drills));
        }
        List<String> notes = n == 0
                ? List.of("No comment both takes a stance and has an incivility label under these filters.")
                : List.of();
        return panel.data("% uncivil", labels, series, null, null, n, "stance labels on comments", null, notes, null);
    }

    static final int HEATMAP_PAGE = 100;

    private PanelData heatmap(
            Panel panel, long documentId, ChartFilter filter, List<Target> targets, Map<String, String> params) {
        String kind = ChartFilter.pick(params, panel.filters(), "kind", "comment");
        int page = Math.max(1, parseInt(params.get("page"), 1));
        // The page of items first, then labels for those items only: a document may have thousands of comments.
        Map<String, Object> paging = DocumentSlice.with(documentId, filter)
                .append("""
                SELECT (SELECT count(*) FROM items WHERE kind = ? AND NOT heading) AS total,
                       (SELECT string_agg(p.id::text, ',' ORDER BY p.position) FROM (SELECT id, position FROM items
                        WHERE kind = ? AND NOT heading ORDER BY position LIMIT ? OFFSET ?) p) AS ids""", kind, kind, HEATMAP_PAGE, (page - 1) * HEATMAP_PAGE)
                .rows(dataSource)
                .get(0);
        long total = number(paging.get("total"));
        Long[] shown = paging.get("ids") == null
                ? new Long[0]
                : Arrays.stream(((String) paging.get("ids")).split(","))
                        .map(Long::valueOf)
                        .toArray(Long[]::new);
        Sql sql = DocumentSlice.with(documentId, filter, shown).append("""
                , shown AS (SELECT id, position, text FROM items WHERE kind = ? AND NOT heading)
                SELECT s.id, s.position, left(s.text, 90) AS excerpt, l.target, l.value, l.confidence, l.source,
                       (ck.item_id IS NOT NULL) AS checked
                FROM shown s LEFT JOIN labels l ON l.item_id = s.id AND l.dimension = 'stance'
                LEFT JOIN checked ck ON ck.item_id = l.item_id AND ck.dimension = 'stance' AND ck.target = l.target
                ORDER BY s.position""", kind);
        Map<Long, PanelData.Row> rows = new LinkedHashMap<>();
        Map<Long, Map<String, PanelData.Cell>> cells = new HashMap<>();
        long labelled = 0;
        long checked = 0;
        for (Map<String, Object> r : sql.rows(dataSource)) {
            long id = number(r.get("id"));
            rows.computeIfAbsent(
                    id,
                    k -> new PanelData.Row("#" + r.get("position") + " " + r.get("excerpt"), null, new ArrayList<>()));
            if (r.get("target") != null) {
                labelled++;
                checked += Boolean.TRUE.equals(r.get("checked")) ? 1 : 0;
                cells.computeIfAbsent(id, k -> new HashMap<>())
                        .put(
                                (String) r.get("target"),
                                new PanelData.Cell(
                                        (String) r.get("value"),
                                        null,
                                        r.get("confidence") == null
                                                ? null
                                                : ((Number) r.get("confidence")).doubleValue(),
                                        (String) r.get("source"),
                                        "item=" + id));
            }
        }
        List<PanelData.Row> laidOut = new ArrayList<>();
        rows.forEach((id, row) -> {
            Map<String, PanelData.Cell> byTarget = cells.getOrDefault(id, Map.of());
            List<PanelData.Cell> ordered = targets.stream()
                    .map(t -> byTarget.getOrDefault(t.slug(), new PanelData.Cell(null, null, null, null, "item=" + id)))
                    .toList();
            laidOut.add(new PanelData.Row(row.label(), null, ordered));
        });
        List<String> notes =
                labelled == 0 ? List.of("No " + kind + " has a stance label under these filters.") : List.of();
        return panel.data(
                "stance",
                null,
                null,
                targets.stream().map(Target::name).toList(),
                laidOut,
                total,
                kind.equals("comment") ? "comments" : kind.equals("article") ? "articles" : "paragraphs",
                share(checked, labelled),
                notes,
                new PanelData.Paging(page, HEATMAP_PAGE, total));
    }

    private PanelData overTime(Panel panel, long documentId, ChartFilter filter, List<Target> targets) {
        String unit = "hour".equals(panel.group()) ? "hour" : "day";
        Sql sql = DocumentSlice.with(documentId, filter)
                .append("""
                SELECT to_char(date_trunc(?, i.posted_at AT TIME ZONE 'UTC'), ?) AS bucket, l.target,
                       count(*) FILTER (WHERE l.value = 'favor') AS favor, count(*) FILTER (WHERE l.value = 'against') AS against,
                       count(ck.item_id) AS checked
                FROM labels l JOIN items i ON i.id = l.item_id AND i.kind = 'comment' AND i.posted_at IS NOT NULL
                LEFT JOIN checked ck ON ck.item_id = l.item_id AND ck.dimension = 'stance' AND ck.target = l.target
                WHERE l.dimension = 'stance' AND l.value IN ('favor', 'against')
                GROUP BY 1, 2 ORDER BY 1""", unit, "hour".equals(unit) ? "YYYY-MM-DD\"T\"HH24:00\"Z\"" : "YYYY-MM-DD");
        List<Map<String, Object>> rows = sql.rows(dataSource);
        List<String> buckets = rows.stream()
                .map(r -> (String) r.get("bucket"))
                .distinct()
                .sorted()
                .toList();
        Map<String, long[]> counts = new HashMap<>();
        long n = 0;
        long checked = 0;
        for (Map<String, Object> r : rows) {
            long favor = number(r.get("favor"));
            long against = number(r.get("against"));
            counts.put(r.get("target") + "|" + r.get("bucket"), new long[] {favor, against});
            n += favor + against;
            checked += number(r.get("checked"));
        }
        List<PanelData.Series> series = new ArrayList<>();
        for (Target target : targets) {
            List<Double> values = new ArrayList<>();
            List<Long> ns = new ArrayList<>();
            List<String> drills = new ArrayList<>();
            boolean any = false;
            for (String bucket : buckets) {
                long[] c = counts.get(target.slug() + "|" + bucket);
                any |= c != null;
                values.add(c == null ? null : 100.0 * (c[0] - c[1]) / (c[0] + c[1]));
                ns.add(c == null ? 0 : c[0] + c[1]);
                drills.add("kind=comment&key=" + target.slug() + "&value=favor,against&" + unit + "=" + bucket);
            }
            if (any) {
                series.add(new PanelData.Series(target.name(), target.slug(), null, values, ns, drills));
            }
        }
        List<String> notes = new ArrayList<>();
        if (buckets.isEmpty()) {
            notes.add(
                    "No stance-taking comment has a time, so there is no time line; import comments with posted_at to see one.");
        }
        return panel.data(
                "net favor − against, % of stance-taking comments",
                buckets, series, null, null, n, "stance labels on timed comments", share(checked, n), notes, null);
    }

    private static String authorWord(String stance) {
        return switch (stance) {
            case "favor" -> "for";
            case "against" -> "against";
            default -> "no stance";
        };
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static int parseInt(String value, int fallback) {
        return ChartQuery.number("page", value, fallback);
    }
}
