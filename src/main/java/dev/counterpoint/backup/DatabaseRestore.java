package dev.counterpoint.backup;

import dev.counterpoint.platform.Progress;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into this database, all or nothing, in one transaction: empties every table, loads each in the
 * backup's order with the tables' own triggers off (the backup already holds what they would derive, such as
 * current labels and rollups; foreign keys stay checked), then moves every id sequence past the restored ids.
 */
@ApplicationScoped
public class DatabaseRestore {

    public record Restored(BackupManifest manifest, long rows) {}

    @Inject
    AgroalDataSource dataSource;

    public Restored restore(Path file, boolean replace, Progress progress) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile());
                Connection connection = dataSource.getConnection()) {
            BackupManifest manifest = manifest(zip, file);
            connection.setAutoCommit(false);
            try {
                requireSameSchema(connection, manifest);
                if (!replace) {
                    requireNothingToLose(connection);
                }
                List<String> names = manifest.tables().stream()
                        .map(t -> '"' + t.name() + '"')
                        .toList();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE " + String.join(", ", names) + " RESTART IDENTITY CASCADE");
                    for (String name : names) {
                        statement.execute("ALTER TABLE " + name + " DISABLE TRIGGER USER");
                    }
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long rows = 0;
                progress.start("restore", manifest.tables().size());
                int done = 0;
                for (BackupManifest.TableEntry table : manifest.tables()) {
                    rows += load(zip, copy, table);
                    progress.done(++done);
                }
                try (Statement statement = connection.createStatement()) {
                    for (String name : names) {
                        statement.execute("ALTER TABLE " + name + " ENABLE TRIGGER USER");
                    }
                }
                resetIdSequences(connection);
                connection.commit();
                return new Restored(manifest, rows);
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                progress.finish();
            }
        }
    }

    private static BackupManifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new IllegalArgumentException(file + " is not a Counterpoint backup (it has no " + BackupManifest.ENTRY
                    + "); make one with the backup command.");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            BackupManifest manifest = DatabaseBackup.JSON.readValue(in, BackupManifest.class);
            if (!BackupManifest.FORMAT.equals(manifest.format())
                    || manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
                throw new IllegalArgumentException(file + " is a backup format this version cannot read ("
                        + manifest.format() + " " + manifest.formatVersion() + ").");
            }
            return manifest;
        }
    }

    private static void requireSameSchema(Connection connection, BackupManifest manifest) throws SQLException {
        String here = BackupTables.schemaVersion(connection);
        if (!here.equals(manifest.schemaVersion())) {
            throw new IllegalArgumentException("the backup has schema version " + manifest.schemaVersion()
                    + " but this database has " + here + ". Restore it with the Counterpoint version that made it, "
                    + "then upgrade.");
        }
    }

    /** A fresh database holds at most the bundled sample and its machine labels: nothing a person made. */
    private static void requireNothingToLose(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (SELECT count(*) FROM document WHERE external_key NOT LIKE 'sample:%')
                     + (SELECT count(*) FROM label WHERE source <> 'model')
                """);
                ResultSet row = statement.executeQuery()) {
            row.next();
            if (row.getLong(1) > 0) {
                throw new IllegalArgumentException("this database already holds documents or people's labels; a "
                        + "restore replaces everything in it. Restore into an empty database, or add --replace.");
            }
        }
    }

    private static long load(ZipFile zip, CopyManager copy, BackupManifest.TableEntry table)
            throws IOException, SQLException {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new IllegalArgumentException("the backup is incomplete: " + table.entry() + " is missing");
        }
        String columns = String.join(
                ", ", table.columns().stream().map(c -> '"' + c + '"').toList());
        try (InputStream in = zip.getInputStream(entry)) {
            long rows = copy.copyIn("COPY \"" + table.name() + "\" (" + columns + ") FROM STDIN", in);
            if (rows != table.rows()) {
                throw new IllegalArgumentException("the backup is damaged: " + table.name() + " has " + rows
                        + " rows, the manifest says " + table.rows());
            }
            return rows;
        }
    }

    /** Identity and serial columns continue after the restored ids, so new rows never collide with them. */
    private static void resetIdSequences(Connection connection) throws SQLException {
        try (PreparedStatement columns = connection.prepareStatement("""
                SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                  AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
                """);
                ResultSet rows = columns.executeQuery();
                Statement statement = connection.createStatement()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String column = rows.getString(2);
                statement.execute("SELECT setval('" + rows.getString(3).replace("'", "''") + "', coalesce(max(\""
                        + column + "\"), 0) + 1, false) FROM \"" + table + "\"");
            }
        }
    }
}
