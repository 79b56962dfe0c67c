package dev.counterpoint.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.counterpoint.imports.JsonlRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes documents as JSONL (docs/jsonl-format.md): a document line with its byline and attribution, then every
 * item with its current labels and, per label, where it came from. Rows stream from PostgreSQL, so an export of
 * any size runs in constant memory.
 */
@ApplicationScoped
public class JsonlExporter {

    private static final String DOCUMENTS = """
            SELECT d.id, d.external_key, d.title, d.source_url, d.byline, d.published_on, d.attribution, c.slug
            FROM document d JOIN codebook c ON c.id = d.codebook_id
            WHERE (? OR d.id = ANY (?)) ORDER BY d.id
            """;

    private static final String ITEMS = """
            SELECT i.kind, i.position, i.heading, i.text, i.author_handle, i.posted_at, i.external_id,
                   p.external_id AS parent_external_id, p.position AS parent_position,
                   (SELECT jsonb_object_agg(coalesce(c.target, c.dimension), jsonb_build_object(
                               'value', c.value, 'source', c.source, 'confidence', c.confidence,
                               'annotator', l.annotator, 'model', mv.name, 'labelled_at', c.created_at))
                    FROM current_label c
                    JOIN label l ON l.id = c.label_id
                    LEFT JOIN model_version mv ON mv.id = c.model_version_id
                    WHERE c.item_id = i.id) AS labels
            FROM item i LEFT JOIN item p ON p.id = i.parent_id
            WHERE i.document_id = ?
            ORDER BY CASE i.kind WHEN 'article' THEN 0 WHEN 'paragraph' THEN 1 ELSE 2 END, i.position
            """;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    DataSource dataSource;

    /** Writes the given documents, or all of them when {@code documentIds} is empty. */
    public void write(List<Long> documentIds, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement documents = connection.prepareStatement(DOCUMENTS)) {
                documents.setBoolean(1, documentIds.isEmpty());
                documents.setArray(2, connection.createArrayOf("bigint", documentIds.toArray()));
                try (ResultSet d = documents.executeQuery()) {
                    while (d.next()) {
                        String key = d.getString("external_key");
                        LocalDate published = d.getObject("published_on", LocalDate.class);
                        line(
                                out,
                                new JsonlRecord(
                                        key,
                                        null,
                                        JsonlRecord.DOCUMENT,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        d.getString("title"),
                                        d.getString("source_url"),
                                        d.getString("byline"),
                                        published,
                                        d.getString("attribution"),
                                        d.getString("slug")));
                        writeItems(connection, d.getLong("id"), key, out);
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The export failed in the database: " + e.getMessage(), e);
        }
    }

    private void writeItems(Connection connection, long documentId, String documentKey, OutputStream out)
            throws SQLException {
        try (PreparedStatement items = connection.prepareStatement(ITEMS)) {
            items.setFetchSize(1000);
            items.setLong(1, documentId);
            try (ResultSet i = items.executeQuery()) {
                while (i.next()) {
                    String kind = i.getString("kind");
                    int position = i.getInt("position");
                    String parent = i.getString("parent_external_id");
                    if (parent == null && i.getObject("parent_position") != null) {
                        parent = ExportIds.of("comment", i.getInt("parent_position"), null);
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    Map<String, JsonlRecord.Provenance> provenance = new LinkedHashMap<>();
                    readLabels(i.getString("labels"), values, provenance);
                    line(
                            out,
                            new JsonlRecord(
                                    ExportIds.of(kind, position, i.getString("external_id")),
                                    documentKey,
                                    kind,
                                    position,
                                    i.getBoolean("heading") ? Boolean.TRUE : null,
                                    i.getString("text"),
                                    i.getString("author_handle"),
                                    i.getObject("posted_at", OffsetDateTime.class),
                                    parent,
                                    values.isEmpty() ? null : values,
                                    null,
                                    provenance.isEmpty() ? null : provenance,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
                }
            }
        }
    }

    private static void readLabels(
            String json, Map<String, String> values, Map<String, JsonlRecord.Provenance> provenance) {
        if (json == null) {
            return;
        }
        try {
            Map<String, Map<String, Object>> labels = JSON.readValue(json, new TypeReference<>() {});
            labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                Map<String, Object> label = entry.getValue();
                values.put(entry.getKey(), (String) label.get("value"));
                String source = (String) label.get("source");
                provenance.put(
                        entry.getKey(),
                        new JsonlRecord.Provenance(
                                source,
                                "model".equals(source) ? null : (String) label.get("annotator"),
                                (String) label.get("model"),
                                label.get("confidence") == null
                                        ? null
                                        : ((Number) label.get("confidence")).doubleValue(),
                                (String) label.get("labelled_at")));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(OutputStream out, JsonlRecord record) {
        try {
            out.write(JSON.writeValueAsString(record).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
