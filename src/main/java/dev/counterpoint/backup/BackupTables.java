package dev.counterpoint.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables a backup holds, read from the catalog so a new migration's tables are backed up without a code
 * change: every table of the schema but Flyway's history, parents before the tables that reference them (so a
 * restore can load them in this order with foreign keys checked), and each with the columns it can be loaded into.
 */
final class BackupTables {

    record Table(String name, List<String> columns) {

        String columnList() {
            return String.join(", ", columns.stream().map(c -> '"' + c + '"').toList());
        }
    }

    private BackupTables() {}

    static List<Table> inLoadOrder(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (PreparedStatement tables = connection.prepareStatement("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> 'flyway_schema_history'
                ORDER BY c.relname
                """);
                ResultSet rows = tables.executeQuery()) {
            while (rows.next()) {
                parents.put(rows.getString(1), new LinkedHashSet<>());
            }
        }
        try (PreparedStatement keys = connection.prepareStatement("""
                SELECT child.relname, parent.relname FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid
                """);
                ResultSet rows = keys.executeQuery()) {
            while (rows.next()) {
                Set<String> of = parents.get(rows.getString(1));
                if (of != null && parents.containsKey(rows.getString(2))) {
                    of.add(rows.getString(2));
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < parents.size()) {
            int before = placed.size();
            for (var entry : parents.entrySet()) {
                if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
                    placed.add(entry.getKey());
                    ordered.add(new Table(entry.getKey(), columns(connection, entry.getKey())));
                }
            }
            if (placed.size() == before) {
                throw new IllegalStateException("the tables' foreign keys form a cycle; cannot order a backup");
            }
        }
        return ordered;
    }

    /** Stored columns in table order; generated columns are computed again on load. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                WHERE a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
                  AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ORDER BY a.attnum
                """)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** The schema version Flyway last applied; a backup restores only into the same version. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                ORDER BY installed_rank DESC LIMIT 1
                """);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : "";
        }
    }
}
