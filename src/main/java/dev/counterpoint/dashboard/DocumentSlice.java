package dev.counterpoint.dashboard;

import dev.counterpoint.platform.Sql;
import java.sql.Date;

/**
 * The common table expressions every per-document chart and drill-down starts from: {@code items} (the
 * document's items in the date range), {@code labels} (the chosen labels that pass the filter) and
 * {@code checked} (item, dimension and target that a person has labelled). Date ranges apply to comments; the
 * article and its paragraphs have no time of their own.
 */
final class DocumentSlice {

    private DocumentSlice() {}

    static Sql with(long documentId, ChartFilter filter) {
        return with(documentId, filter, null);
    }

    /** The same, with {@code items} narrowed to the given ids (a page of a long list), or all when null. */
    static Sql with(long documentId, ChartFilter filter, Long[] onlyItems) {
        Sql sql = new Sql()
                .append(
                        "WITH items AS (SELECT i.id, i.kind, i.position, i.heading, i.posted_at, i.text, "
                                + "i.author_handle FROM item i WHERE i.document_id = ?",
                        documentId);
        if (onlyItems != null) {
            sql.append(" AND i.id = ANY (?)", (Object) onlyItems);
        }
        if (filter.from() != null) {
            sql.append(" AND (i.kind <> 'comment' OR i.posted_at >= ?)", Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(
                    " AND (i.kind <> 'comment' OR i.posted_at < ?)",
                    Date.valueOf(filter.to().plusDays(1)));
        }
        sql.append("), chosen AS (");
        if ("current".equals(filter.source())) {
            sql.append("SELECT c.item_id, c.dimension, c.target, c.value, c.confidence, c.source, c.label_id "
                    + "FROM current_label c JOIN items i ON i.id = c.item_id");
        } else {
            sql.append(
                    "SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, '')) l.item_id, l.dimension, "
                            + "l.target, l.value, l.confidence, l.source, l.id AS label_id FROM label l JOIN items i ON i.id = l.item_id "
                            + "WHERE l.source = ? ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), l.created_at DESC, "
                            + "l.id DESC",
                    filter.source());
        }
        sql.append(")");
        if (!filter.includeDisputed()) {
            sql.append(", disputed AS (SELECT * FROM label_disputes(ARRAY[CAST(? AS bigint)]))", documentId);
        }
        sql.append(
                ", labels AS (SELECT c.* FROM chosen c WHERE (c.confidence IS NULL OR c.confidence >= ?)",
                filter.minConfidence());
        if (!filter.includeDisputed()) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM disputed d WHERE d.item_id = c.item_id "
                    + "AND d.dimension = c.dimension AND d.target IS NOT DISTINCT FROM c.target)");
        }
        sql.append("), checked AS (SELECT DISTINCT l.item_id, l.dimension, coalesce(l.target, '') AS target "
                + "FROM label l JOIN items i ON i.id = l.item_id WHERE l.source <> 'model') ");
        return sql;
    }
}
