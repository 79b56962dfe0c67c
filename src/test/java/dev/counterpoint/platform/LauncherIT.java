package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The packaged app, started and stopped as a person does: the embedded default, restarts and bad settings. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LauncherIT {

    private Path dataDir;

    @BeforeEach
    void freshDataFolder() throws IOException {
        dataDir = Files.createTempDirectory("counterpoint-launcher");
    }

    @AfterEach
    void removeDataFolder() {
        TestDatabase.deleteQuietly(dataDir);
    }

    @Test
    void the_embedded_database_keeps_its_data_across_a_restart_and_stops_with_the_app() {
        String before;
        try (PackagedApp app = PackagedApp.start(Map.of("COUNTERPOINT_DATA_DIR", dataDir.toString()))
                .awaitRunning()) {
            assertTrue(app.output().contains("Counterpoint is running at http://localhost:" + app.port + "/"));
            before = app.get("/api/documents").body();
            assertTrue(before.contains("\"total\":1"), before);
            assertEquals(200, app.get("/documents/1").statusCode());
        }
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped with the app");
        try (PackagedApp app = PackagedApp.start(Map.of("COUNTERPOINT_DATA_DIR", dataDir.toString()))
                .awaitRunning()) {
            assertEquals(before, app.get("/api/documents").body(), "same documents, sample not imported twice");
            assertFalse(app.output().contains("Imported the bundled sample"));
            assertFalse(app.output().contains("Created the first user"));
        }
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_one_clear_line() throws IOException {
        Path file = Files.createFile(dataDir.resolve("a-file"));
        assertFailsWith(
                Map.of("COUNTERPOINT_DATA_DIR", file.resolve("data").toString()),
                "Cannot write the data folder",
                "COUNTERPOINT_DATA_DIR");
    }

    @Test
    void a_port_in_use_is_one_clear_line() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertFailsWith(
                    Map.of(
                            "COUNTERPOINT_DATA_DIR",
                            dataDir.toString(),
                            "QUARKUS_HTTP_PORT",
                            String.valueOf(taken.getLocalPort())),
                    "port " + taken.getLocalPort() + " is already in use",
                    "QUARKUS_HTTP_PORT");
        }
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "the embedded PostgreSQL was stopped");
    }

    @Test
    void an_unreachable_database_url_is_one_clear_line() {
        assertFailsWith(
                Map.of(
                        "COUNTERPOINT_DATA_DIR",
                        dataDir.toString(),
                        "COUNTERPOINT_DB_URL",
                        "jdbc:postgresql://127.0.0.1:" + PackagedApp.freePort() + "/counterpoint"),
                "Cannot reach the database",
                "COUNTERPOINT_DB_URL");
    }

    @Test
    void a_corrupt_codebook_file_is_one_clear_line_naming_the_file() throws IOException {
        Path codebooks = Files.createDirectory(dataDir.resolve("codebooks"));
        Files.writeString(codebooks.resolve("broken.yaml"), "slug: broken\nname: [unclosed\n");
        assertFailsWith(
                Map.of(
                        "COUNTERPOINT_DATA_DIR",
                        dataDir.resolve("data").toString(),
                        "COUNTERPOINT_CODEBOOKS_DIR",
                        codebooks.toString()),
                "broken.yaml: not a readable codebook",
                "Fix the file");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "COUNTERPOINT_TEST_DB_URL", matches = ".+")
    void the_packaged_app_uses_a_configured_postgresql_server_and_starts_no_embedded_one() throws Exception {
        String admin = System.getenv("COUNTERPOINT_TEST_DB_URL");
        String database = "counterpoint_launcher_" + System.currentTimeMillis();
        execute(admin, "CREATE DATABASE " + database);
        try (PackagedApp app = PackagedApp.start(Map.of(
                        "COUNTERPOINT_DATA_DIR",
                        dataDir.toString(),
                        "COUNTERPOINT_DB_URL",
                        admin.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"),
                        "COUNTERPOINT_DB_USER",
                        env("COUNTERPOINT_TEST_DB_USER", "postgres"),
                        "COUNTERPOINT_DB_PASSWORD",
                        env("COUNTERPOINT_TEST_DB_PASSWORD", "")))
                .awaitRunning()) {
            assertTrue(app.get("/api/documents").body().contains("\"total\":1"));
            assertFalse(Files.exists(dataDir.resolve("postgres")), "no embedded server was started");
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void assertFailsWith(Map<String, String> environment, String problem, String remedy) {
        PackagedApp app = PackagedApp.start(environment);
        int exit = app.awaitExit();
        List<String> lines = app.outputLines();
        String output = app.output();
        assertNotEquals(0, exit, output);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("Counterpoint cannot start: "), output);
        assertTrue(last.contains(problem) && last.contains(remedy), last);
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "no stack trace:\n" + output);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        url, env("COUNTERPOINT_TEST_DB_USER", "postgres"), env("COUNTERPOINT_TEST_DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
