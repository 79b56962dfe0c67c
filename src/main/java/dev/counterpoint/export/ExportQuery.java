package dev.counterpoint.export;

import dev.counterpoint.dashboard.ChartFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Streams items with their labels and provenance from PostgreSQL a thousand rows at a time (a cursor in a
 * read-only transaction), so an export of any size runs in constant memory. The filter means what it means on
 * the dashboards (dashboard.DocumentSlice): date ranges apply to comments, labels are the current ones or the
 * latest of one source, those under the confidence are left out and, when asked, so are disputed ones.
 */
@ApplicationScoped
public class ExportQuery {

    static final int FETCH_SIZE = 1000;

    @Inject
    DataSource dataSource;

    /** Passes every row to {@code sink} in order; returns how many rows there were. */
    long stream(ExportRequest request, Consumer<ExportRow> sink) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(request, parameters);
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = parameters.get(i);
                    if (value instanceof Long[] ids) {
                        statement.setArray(i + 1, connection.createArrayOf("bigint", ids));
                    } else {
                        statement.setObject(i + 1, value);
                    }
                }
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        sink.accept(row(r));
                        rows++;
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The export failed in the database: " + e.getMessage(), e);
        }
        return rows;
    }

    static String sql(ExportRequest request, List<Object> parameters) {
        ChartFilter filter = request.filter();
        StringBuilder sql = new StringBuilder(
                "WITH items AS MATERIALIZED (SELECT i.* FROM item i WHERE (? OR i.document_id = ANY (?))");
        parameters.add(request.documents().isEmpty());
        parameters.add(request.documents().toArray(Long[]::new));
        if (filter.from() != null) {
            sql.append(" AND (i.kind <> 'comment' OR i.posted_at >= ?)");
            parameters.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND (i.kind <> 'comment' OR i.posted_at < ?)");
            parameters.add(Date.valueOf(filter.to().plusDays(1)));
        }
        sql.append("), chosen AS (");
        if (request.history()) {
            sql.append("SELECT l.item_id, l.dimension, l.target, l.value, l.confidence, l.score, l.source, "
                    + "l.id AS label_id FROM label l JOIN items i ON i.id = l.item_id");
            if (!"current".equals(filter.source())) {
                sql.append(" WHERE l.source = ?");
                parameters.add(filter.source());
            }
        } else if ("current".equals(filter.source())) {
            sql.append("SELECT c.item_id, c.dimension, c.target, c.value, c.confidence, c.score, c.source, c.label_id "
                    + "FROM current_label c JOIN items i ON i.id = c.item_id");
        } else {
            sql.append("SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, '')) l.item_id, l.dimension, "
                    + "l.target, l.value, l.confidence, l.score, l.source, l.id AS label_id FROM label l "
                    + "JOIN items i ON i.id = l.item_id WHERE l.source = ? "
                    + "ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), l.created_at DESC, l.id DESC");
            parameters.add(filter.source());
        }
        sql.append(
                "), disputed AS MATERIALIZED (SELECT * FROM label_disputes(ARRAY(SELECT DISTINCT document_id FROM items)))"
                        + ", labels AS (SELECT c.*, (d.item_id IS NOT NULL) AS disputed FROM chosen c "
                        // A hash join: an EXISTS per label would scan the disputes once for every label.
                        + "LEFT JOIN disputed d ON d.item_id = c.item_id AND d.dimension = c.dimension "
                        + "AND coalesce(d.target, '') = coalesce(c.target, '') "
                        + "WHERE (c.confidence IS NULL OR c.confidence >= ?))");
        parameters.add(filter.minConfidence());
        sql.append("""
                SELECT d.id AS document_id, d.external_key, d.title, d.source_url, d.byline, d.published_on,
                       d.attribution, cb.slug AS codebook, i.id AS item_id, i.kind, i.position, i.heading,
                       i.external_id, p.external_id AS parent_external_id, p.position AS parent_position,
                       i.author_handle, i.posted_at, i.text,
                       l.dimension, l.target, l.value, l.source, lb.annotator, mv.name AS model, l.confidence,
                       l.score, l.disputed, lb.created_at AS labelled_at,
                       coalesce(mcv.version, (SELECT max(v.version) FROM codebook_version v
                                              WHERE v.codebook_id = d.codebook_id
                                              AND v.created_at <= lb.created_at)) AS codebook_version,
                       (cl.label_id IS NOT NULL) AS is_current
                FROM items i
                JOIN document d ON d.id = i.document_id
                JOIN codebook cb ON cb.id = d.codebook_id
                LEFT JOIN item p ON p.id = i.parent_id
                LEFT JOIN labels l ON l.item_id = i.id""");
        if (!filter.includeDisputed()) {
            sql.append(" AND NOT l.disputed");
        }
        sql.append("""

                LEFT JOIN label lb ON lb.id = l.label_id
                LEFT JOIN current_label cl ON cl.label_id = l.label_id
                LEFT JOIN model_version mv ON mv.id = lb.model_version_id
                LEFT JOIN codebook_version mcv ON mcv.id = mv.codebook_version_id
                ORDER BY d.id, CASE i.kind WHEN 'article' THEN 0 WHEN 'paragraph' THEN 1 ELSE 2 END, i.position,
                         l.dimension, l.target, lb.created_at, lb.id""");
        return sql.toString();
    }

    private static ExportRow row(ResultSet r) throws SQLException {
        String kind = r.getString("kind");
        int position = r.getInt("position");
        String parent = r.getString("parent_external_id");
        if (parent == null && r.getObject("parent_position") != null) {
            parent = ExportIds.of("comment", r.getInt("parent_position"), null);
        }
        ExportRow.Label label = null;
        if (r.getString("dimension") != null) {
            String source = r.getString("source");
            label = new ExportRow.Label(
                    r.getString("dimension"),
                    r.getString("target"),
                    r.getString("value"),
                    source,
                    "model".equals(source) ? null : r.getString("annotator"),
                    r.getString("model"),
                    (Double) nullable(r, r.getDouble("confidence")),
                    (Double) nullable(r, r.getDouble("score")),
                    r.getBoolean("disputed"),
                    (Integer) nullable(r, r.getInt("codebook_version")),
                    r.getObject("labelled_at", OffsetDateTime.class),
                    r.getBoolean("is_current"));
        }
        return new ExportRow(
                r.getLong("document_id"),
                r.getString("external_key"),
                r.getString("title"),
                r.getString("source_url"),
                r.getString("byline"),
                r.getObject("published_on", LocalDate.class),
                r.getString("attribution"),
                r.getString("codebook"),
                r.getLong("item_id"),
                ExportIds.of(kind, position, r.getString("external_id")),
                kind,
                position,
                r.getBoolean("heading"),
                parent,
                r.getString("author_handle"),
                r.getObject("posted_at", OffsetDateTime.class),
                r.getString("text"),
                label);
    }

    private static Object nullable(ResultSet r, Object value) throws SQLException {
        return r.wasNull() ? null : value;
    }
}
