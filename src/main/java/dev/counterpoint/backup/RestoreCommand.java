package dev.counterpoint.backup;

import dev.counterpoint.platform.Command;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** {@code restore FILE [--replace]}: loads a backup into an empty database (or replaces everything with it). */
@ApplicationScoped
public class RestoreCommand implements Command {

    @Inject
    DatabaseRestore restore;

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String usage() {
        return "FILE.zip [--replace]   load a backup into an empty database, all or nothing (--replace: into one "
                + "with data, which is lost); stop the app first";
    }

    @Override
    public int run(List<String> arguments) {
        boolean replace = arguments.contains("--replace");
        List<String> files =
                arguments.stream().filter(a -> !a.equals("--replace")).toList();
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            throw new IllegalArgumentException("usage: restore " + usage());
        }
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no backup file " + file);
        }
        try {
            DatabaseRestore.Restored restored = restore.restore(file, replace, Progress.NONE);
            System.out.println("Restored " + restored.rows() + " rows of "
                    + restored.manifest().tables().size() + " tables from " + file + " (backed up "
                    + restored.manifest().createdAt() + ")");
            return 0;
        } catch (IOException | SQLException e) {
            throw new IllegalArgumentException(
                    "cannot restore " + file + ": " + e.getMessage() + ". Nothing was changed.");
        }
    }
}
