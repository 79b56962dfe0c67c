package dev.counterpoint.dashboard;

import dev.counterpoint.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Measures across documents, summed from {@code document_rollup} for one page of documents at a time (most
 * discussed first, searchable by title), so they stay fast at a thousand documents and a million comments.
 */
@ApplicationScoped
public class CorpusCharts {

    public record TargetOption(String slug, String name) {}

    static final int DEFAULT_TOP = 25;
    static final int MAX_TOP = 200;

    @Inject
    DataSource dataSource;

    @Inject
    RollupRefresher rollups;

    public PanelData panel(Panel panel, ChartFilter filter, Map<String, String> params) {
        rollups.refreshBatch();
        return switch (panel.measure()) {
            case CORPUS_OVERVIEW -> overview(panel, filter, params);
            case TARGET_ACROSS_DOCUMENTS -> targetAcross(panel, filter, params);
            default -> throw new IllegalArgumentException(panel.measure().code() + " is not a corpus measure");
        };
    }

    public List<TargetOption> targets() {
        return new Sql()
                .append("""
                SELECT DISTINCT ON (t.slug) t.slug, t.name FROM target t
                JOIN codebook_version v ON v.id = t.codebook_version_id
                WHERE v.version = (SELECT max(version) FROM codebook_version w WHERE w.codebook_id = v.codebook_id)
                ORDER BY t.slug""").rows(dataSource).stream()
                        .map(r -> new TargetOption((String) r.get("slug"), (String) r.get("name")))
                        .toList();
    }

    /** One page of documents: id, title, comments. */
    private record Docs(List<Map<String, Object>> rows, long total, int page, int top) {
        Long[] ids() {
            return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toArray(Long[]::new);
        }
    }

    private Docs documents(Panel panel, ChartFilter filter, Map<String, String> params) {
        int top = Math.min(
                MAX_TOP,
                Math.max(
                        1,
                        ChartQuery.number(
                                "top",
                                ChartFilter.pick(params, panel.filters(), "top", String.valueOf(DEFAULT_TOP)),
                                DEFAULT_TOP)));
        int page = Math.max(1, DocumentCharts.parseInt(params.get("page"), 1));
        String search = params.getOrDefault("q", "").strip();
        Sql where = new Sql().append(" WHERE TRUE");
        Sql count = new Sql().append("SELECT count(*) AS total FROM document d WHERE TRUE");
        Sql list = new Sql().append("SELECT d.id, d.title, d.comment_count FROM document d WHERE TRUE");
        for (Sql sql : List.of(count, list)) {
            if (!search.isEmpty()) {
                sql.append(
                        " AND d.title ILIKE ?",
                        "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (filter.from() != null) {
                sql.append(" AND coalesce(d.published_on, d.imported_at::date) >= ?", Date.valueOf(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" AND coalesce(d.published_on, d.imported_at::date) <= ?", Date.valueOf(filter.to()));
            }
        }
        list.append(" ORDER BY d.comment_count DESC, d.id LIMIT ? OFFSET ?", top, (page - 1) * top);
        long total = DocumentCharts.number(count.rows(dataSource).get(0).get("total"));
        return new Docs(list.rows(dataSource), total, page, top);
    }

    /** Stance counts per document, kind, target and value from the rollup, under the filter. */
    private Map<String, long[]> stanceRollup(Long[] documents, ChartFilter filter, String target) {
        Sql sql = new Sql().append("""
                SELECT document_id, kind, target, value, sum(n) AS n, sum(n) FILTER (WHERE checked) AS checked
                FROM document_rollup WHERE document_id = ANY (?) AND label_view = ? AND dimension = 'stance'
                  AND kind IN ('article', 'comment') AND (confidence_bucket >= ? OR confidence_bucket = 10)""", documents, filter.source(), filter.minBucket());
        if (!filter.includeDisputed()) {
            sql.append(" AND NOT disputed");
        }
        if (target != null) {
            sql.append(" AND target = ?", target);
        }
        sql.append(" GROUP BY 1, 2, 3, 4");
        Map<String, long[]> counts = new HashMap<>();
        for (Map<String, Object> r : sql.rows(dataSource)) {
            counts.put(
                    r.get("document_id") + "|" + r.get("kind") + "|" + r.get("target") + "|" + r.get("value"),
                    new long[] {DocumentCharts.number(r.get("n")), DocumentCharts.number(r.get("checked"))});
        }
        return counts;
    }

    private PanelData overview(Panel panel, ChartFilter filter, Map<String, String> params) {
        Docs docs = documents(panel, filter, params);
        Map<String, long[]> counts = stanceRollup(docs.ids(), filter, null);
        Map<Long, List<String>> targetsOf = new HashMap<>();
        counts.keySet().forEach(k -> {
            String[] p = k.split("\\|");
            targetsOf.computeIfAbsent(Long.parseLong(p[0]), x -> new ArrayList<>());
            if (!targetsOf.get(Long.parseLong(p[0])).contains(p[2])) {
                targetsOf.get(Long.parseLong(p[0])).add(p[2]);
            }
        });
        List<PanelData.Row> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> alignment = new ArrayList<>();
        List<Long> stanceTakingCounts = new ArrayList<>();
        List<String> drills = new ArrayList<>();
        long n = 0;
        long labelled = 0;
        long checked = 0;
        for (Map<String, Object> doc : docs.rows()) {
            long id = ((Number) doc.get("id")).longValue();
            long comments = DocumentCharts.number(doc.get("comment_count"));
            n += comments;
            long aligned = 0;
            long opposed = 0;
            String divergent = null;
            double worst = 2;
            for (String target : targetsOf.getOrDefault(id, List.of())) {
                for (String value : DocumentCharts.STANCES) {
                    long[] c = counts.get(id + "|comment|" + target + "|" + value);
                    if (c != null) {
                        labelled += c[0];
                        checked += c[1];
                    }
                }
                String author = authorValue(counts, id, target);
                if (author == null) {
                    continue;
                }
                long a = counts.getOrDefault(id + "|comment|" + target + "|" + author, new long[2])[0];
                long o = counts.getOrDefault(
                                id + "|comment|" + target + "|" + ("favor".equals(author) ? "against" : "favor"),
                                new long[2])[0];
                aligned += a;
                opposed += o;
                if (a + o > 0 && (double) a / (a + o) < worst) {
                    worst = (double) a / (a + o);
                    divergent = target + " (" + Math.round(100 * worst) + "% side with the author)";
                }
            }
            String title = (String) doc.get("title");
            Double share = aligned + opposed == 0 ? null : 100.0 * aligned / (aligned + opposed);
            labels.add(title);
            alignment.add(share);
            stanceTakingCounts.add(aligned + opposed);
            drills.add("document=" + id);
            rows.add(new PanelData.Row(
                    title,
                    "/dashboards/framing-vs-reactions?document=" + id,
                    List.of(
                            new PanelData.Cell(null, String.valueOf(comments), null, null, null),
                            new PanelData.Cell(
                                    null,
                                    share == null
                                            ? "—"
                                            : String.format(Locale.ROOT, "%.0f%% of %d", share, aligned + opposed),
                                    null,
                                    null,
                                    null),
                            new PanelData.Cell(null, divergent == null ? "—" : divergent, null, null, null))));
        }
        List<String> notes = new ArrayList<>();
        if (docs.rows().isEmpty()) {
            notes.add(
                    params.getOrDefault("q", "").isBlank()
                            ? "There are no documents yet."
                            : "No document title matches the search.");
        }
        staleNote(notes);
        List<PanelData.Series> series = List.of(
                new PanelData.Series("side with the author", "aligned", null, alignment, stanceTakingCounts, drills));
        return panel.data(
                "% of stance-taking comments",
                labels,
                series,
                List.of("Comments", "Side with the author", "Most divergent target"),
                rows,
                n,
                "comments on this page",
                DocumentCharts.share(checked, labelled),
                notes,
                new PanelData.Paging(docs.page(), docs.top(), docs.total()));
    }

    private PanelData targetAcross(Panel panel, ChartFilter filter, Map<String, String> params) {
        String target = ChartFilter.pick(params, panel.filters(), "target", "");
        if (!target.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new BadRequestException("Choose a target (its slug), such as russia.");
        }
        Docs docs = documents(panel, filter, params);
        Map<String, long[]> counts = stanceRollup(docs.ids(), filter, target);
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        Map<String, List<Long>> ns = new LinkedHashMap<>();
        Map<String, List<String>> drills = new LinkedHashMap<>();
        DocumentCharts.STANCES.forEach(v -> {
            shares.put(v, new ArrayList<>());
            ns.put(v, new ArrayList<>());
            drills.put(v, new ArrayList<>());
        });
        List<String> labels = new ArrayList<>();
        long n = 0;
        long checked = 0;
        for (Map<String, Object> doc : docs.rows()) {
            long id = ((Number) doc.get("id")).longValue();
            long labelled = 0;
            for (String value : DocumentCharts.STANCES) {
                long[] c = counts.getOrDefault(id + "|comment|" + target + "|" + value, new long[2]);
                labelled += c[0];
                checked += c[1];
            }
            n += labelled;
            String author = authorValue(counts, id, target);
            boolean articleLabelled = DocumentCharts.STANCES.stream()
                    .anyMatch(v -> counts.containsKey(id + "|article|" + target + "|" + v));
            labels.add(doc.get("title") + " — author: "
                    + (author != null
                            ? ("favor".equals(author) ? "for" : "against")
                            : articleLabelled ? "no stance" : "not labelled"));
            for (String value : DocumentCharts.STANCES) {
                long count = counts.getOrDefault(id + "|comment|" + target + "|" + value, new long[2])[0];
                double share = labelled == 0 ? 0 : 100.0 * count / labelled;
                shares.get(value).add("against".equals(value) ? -share : share);
                ns.get(value).add(count);
                drills.get(value).add("document=" + id + "&kind=comment&key=" + target + "&value=" + value);
            }
        }
        List<PanelData.Series> series = List.of(
                new PanelData.Series(
                        "against",
                        "against",
                        "stance",
                        shares.get("against"),
                        ns.get("against"),
                        drills.get("against")),
                new PanelData.Series(
                        "favor", "favor", "stance", shares.get("favor"), ns.get("favor"), drills.get("favor")),
                new PanelData.Series(
                        "no stance", "none", "none", shares.get("none"), ns.get("none"), drills.get("none")));
        List<String> notes = new ArrayList<>();
        if (n == 0) {
            notes.add("No comment on these documents has a stance label for '" + target + "' under these filters.");
        }
        staleNote(notes);
        return panel.data(
                "% of labelled comments",
                labels,
                series,
                null,
                null,
                n,
                "comments labelled for " + target,
                DocumentCharts.share(checked, n),
                notes,
                new PanelData.Paging(docs.page(), docs.top(), docs.total()));
    }

    private static String authorValue(Map<String, long[]> counts, long document, String target) {
        for (String value : List.of("favor", "against")) {
            if (counts.containsKey(document + "|article|" + target + "|" + value)) {
                return value;
            }
        }
        return null;
    }

    private void staleNote(List<String> notes) {
        long stale = DocumentCharts.number(new Sql()
                .append("SELECT count(*) AS n FROM rollup_stale")
                .rows(dataSource)
                .get(0)
                .get("n"));
        if (stale > 0) {
            notes.add(stale + " documents have new labels not yet counted here; their figures update within moments.");
        }
    }
}
