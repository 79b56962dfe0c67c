package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void every_migration_in_db_migrations_is_applied() throws Exception {
        long files;
        try (Stream<Path> migrations = Files.list(Path.of("db/migrations"))) {
            files = migrations
                    .filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .count();
        }
        assertEquals(
                files, queryLong("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
    }

    @Test
    void a_label_cannot_be_updated_or_deleted() throws Exception {
        long item = newItem();
        long label = insertLabel(item, "stance", "russia", "favor", "human", "ann", null);
        SQLException update = assertThrows(
                SQLException.class, () -> execute("UPDATE label SET value = 'against' WHERE id = " + label));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> execute("DELETE FROM label WHERE id = " + label));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
    }

    @Test
    void deleting_an_item_takes_its_labels_with_it() throws Exception {
        long item = newItem();
        insertLabel(item, "sentiment", null, "negative", "human", "ann", null);
        execute("DELETE FROM item WHERE id = " + item);
        assertEquals(0, queryLong("SELECT count(*) FROM label WHERE item_id = " + item));
        assertEquals(0, queryLong("SELECT count(*) FROM current_label WHERE item_id = " + item));
    }

    @Test
    void the_current_label_prefers_adjudicated_then_human_then_model_and_the_newest_within_each() throws Exception {
        long item = newItem();
        long model = modelVersion();
        insertLabel(item, "stance", "russia", "favor", "model", "m", model);
        assertEquals("favor", current(item, "russia"));
        insertLabel(item, "stance", "russia", "against", "human", "ann", null);
        assertEquals("against", current(item, "russia"));
        insertLabel(item, "stance", "russia", "favor", "model", "m", model);
        assertEquals("against", current(item, "russia"), "a newer model label must not override a person");
        insertLabel(item, "stance", "russia", "none", "human", "bob", null);
        assertEquals("none", current(item, "russia"), "the newest human label counts");
        insertLabel(item, "stance", "russia", "favor", "adjudicated", "lead", null);
        insertLabel(item, "stance", "russia", "against", "human", "ann", null);
        assertEquals("favor", current(item, "russia"), "an adjudicated label settles it");
        assertEquals(1, queryLong("SELECT count(*) FROM current_label WHERE item_id = " + item));
        assertEquals(6, queryLong("SELECT count(*) FROM label WHERE item_id = " + item), "history is kept whole");
    }

    @Test
    void sentiment_and_stance_are_separate_current_labels() throws Exception {
        long item = newItem();
        insertLabel(item, "stance", "russia", "favor", "human", "ann", null);
        insertLabel(item, "stance", "ukraine", "against", "human", "ann", null);
        insertLabel(item, "sentiment", null, "negative", "human", "ann", null);
        assertEquals(3, queryLong("SELECT count(*) FROM current_label WHERE item_id = " + item));
    }

    @Test
    void a_value_outside_the_dimension_is_refused() {
        assertThrows(
                SQLException.class, () -> insertLabel(newItem(), "stance", "russia", "positive", "human", "ann", null));
        assertThrows(
                SQLException.class,
                () -> insertLabel(newItem(), "sentiment", "russia", "positive", "human", "ann", null));
    }

    private long newItem() throws SQLException {
        long document = queryLong("INSERT INTO document (external_key, title, codebook_id) "
                + "SELECT 'schema-test-' || clock_timestamp(), 'Schema test', id FROM codebook LIMIT 1 RETURNING id");
        return queryLong("INSERT INTO item (document_id, kind, position, text) VALUES (" + document
                + ", 'comment', 1, 'text') RETURNING id");
    }

    private long modelVersion() throws SQLException {
        return queryLong(
                "INSERT INTO model_version (name, kind, codebook_version_id) "
                        + "SELECT 'schema-test-' || clock_timestamp(), 'zero-shot', id FROM codebook_version LIMIT 1 RETURNING id");
    }

    private long insertLabel(
            long item,
            String dimension,
            String target,
            String value,
            String source,
            String annotator,
            Long modelVersion)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO label (item_id, dimension, target, value, "
                                + "confidence, source, annotator, model_version_id) VALUES (?, ?, ?, ?, 0.9, ?, ?, ?) RETURNING id")) {
            insert.setLong(1, item);
            insert.setString(2, dimension);
            insert.setString(3, target);
            insert.setString(4, value);
            insert.setString(5, source);
            insert.setString(6, annotator);
            insert.setObject(7, modelVersion);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String current(long item, String target) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT value FROM current_label WHERE item_id = ? AND dimension = 'stance' AND target = ?")) {
            query.setLong(1, item);
            query.setString(2, target);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
