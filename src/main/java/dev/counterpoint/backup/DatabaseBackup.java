package dev.counterpoint.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.platform.Progress;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the whole database to one ZIP file through the server's own COPY, so it needs no pg_dump (the embedded
 * server ships none, and a pg_dump older than the server refuses to run). Every table is read in one
 * repeatable-read snapshot, so a backup taken while the app works is consistent.
 */
@ApplicationScoped
public class DatabaseBackup {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    public BackupManifest write(OutputStream out, Progress progress) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement snapshot = connection.createStatement()) {
                snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            List<BackupTables.Table> tables = BackupTables.inLoadOrder(connection);
            String schema = BackupTables.schemaVersion(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            List<BackupManifest.TableEntry> entries = new ArrayList<>();
            progress.start("backup", tables.size());
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (BackupTables.Table table : tables) {
                    BackupManifest.TableEntry entry = new BackupManifest.TableEntry(table.name(), table.columns(), 0);
                    zip.putNextEntry(new ZipEntry(entry.entry()));
                    long rows = copy.copyOut(
                            "COPY \"" + table.name() + "\" (" + table.columnList() + ") TO STDOUT", new Unclosed(zip));
                    zip.closeEntry();
                    entries.add(new BackupManifest.TableEntry(table.name(), table.columns(), rows));
                    progress.done(entries.size());
                }
                BackupManifest manifest = new BackupManifest(
                        BackupManifest.FORMAT,
                        BackupManifest.FORMAT_VERSION,
                        schema,
                        Instant.now().toString(),
                        entries);
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                return manifest;
            } finally {
                progress.finish();
                connection.rollback();
            }
        }
    }

    /** The COPY API closes nothing, but keeps the ZIP stream open between entries either way. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {}
    }
}
