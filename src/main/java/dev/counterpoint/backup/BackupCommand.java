package dev.counterpoint.backup;

import dev.counterpoint.platform.Command;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

/** {@code backup --out FILE}: the whole database in one file, consistent even while the app runs. */
@ApplicationScoped
public class BackupCommand implements Command {

    @Inject
    DatabaseBackup backup;

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String usage() {
        return "--out FILE.zip   write the whole database (documents, labels and their history, users, models) to FILE";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 2 || !arguments.get(0).equals("--out")) {
            throw new IllegalArgumentException("usage: backup " + usage());
        }
        Path out = Path.of(arguments.get(1)).toAbsolutePath();
        // Written next to its place and moved there when whole, so a failed backup never looks like a good one.
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            BackupManifest manifest;
            try (OutputStream stream = Files.newOutputStream(partial)) {
                manifest = backup.write(stream, Progress.NONE);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long rows = manifest.tables().stream()
                    .mapToLong(BackupManifest.TableEntry::rows)
                    .sum();
            System.out.println("Backed up " + rows + " rows of "
                    + manifest.tables().size() + " tables (schema version " + manifest.schemaVersion() + ") to " + out);
            return 0;
        } catch (IOException | SQLException e) {
            deleteQuietly(partial);
            throw new IllegalArgumentException("cannot back up to " + out + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("Counterpoint backup: could not remove " + file);
        }
    }
}
