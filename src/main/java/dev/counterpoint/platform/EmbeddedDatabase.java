package dev.counterpoint.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server Counterpoint runs itself when no database is configured. Its files live in
 * {@code <data dir>/postgres} and survive restarts; the server stops when {@link #close()} is called.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "counterpoint";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        requireWritableFolder(dataDir);
        requireNotRunningElsewhere(pgData);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Counterpoint stops the server itself, after the work that uses it (ShutdownOrder): the
                    // library's own hook stopped it at once, under a classifier still writing.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "60")
                    .start();
        } catch (IOException | RuntimeException e) {
            // A stop during start-up can fail the start after the server came up; no one else would stop it.
            OrphanedServer.stopIfRunning(pgData, ShutdownOrder.hasBegun() ? Duration.ofSeconds(20) : Duration.ZERO);
            if (ShutdownOrder.hasBegun()) {
                throw new StartupProblem("stopped while the embedded PostgreSQL was starting", e);
            }
            throw new StartupProblem(
                    "The embedded PostgreSQL in " + pgData + " did not start (" + rootMessage(e)
                            + "). Check that the folder is writable and not used by another server, or set "
                            + "COUNTERPOINT_DATA_DIR to another folder.",
                    e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir);
        database.createDatabaseIfMissing();
        return database;
    }

    /** The JDBC URL of the embedded server already running on this data folder, if one is. */
    public static Optional<String> runningIn(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of("jdbc:postgresql://localhost:" + port + "/" + DATABASE);
            }
        } catch (IOException | RuntimeException e) {
            // No running server (or an unreadable pid file, which PostgreSQL itself will deal with).
        }
        return Optional.empty();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Counterpoint: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            close();
            throw new StartupProblem(
                    "The embedded PostgreSQL started but the database '" + DATABASE + "' could not be created ("
                            + e.getMessage() + ").",
                    e);
        }
    }

    private static void requireWritableFolder(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupProblem(
                    "Cannot write the data folder " + dataDir + " (" + rootMessage(e)
                            + "). Set COUNTERPOINT_DATA_DIR to a folder you can write, or set COUNTERPOINT_DB_URL "
                            + "to use an existing PostgreSQL server.",
                    e);
        }
    }

    private static void requireNotRunningElsewhere(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (postmaster.isPresent() && !OrphanedServer.ownerIsAlive(pgData)) {
                OrphanedServer.stopOrphan(postmaster.get(), pgData);
                return;
            }
            if (postmaster.isPresent()) {
                throw new StartupProblem("The data folder " + pgData.getParent() + " is in use by another running "
                        + "Counterpoint (PostgreSQL process " + pid + "). Stop that one first, or set "
                        + "COUNTERPOINT_DATA_DIR to another folder.");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof StartupProblem problem) {
                throw problem;
            }
            // An unreadable or stale pid file is PostgreSQL's to handle: it removes stale ones at start.
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
