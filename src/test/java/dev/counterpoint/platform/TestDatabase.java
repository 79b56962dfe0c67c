package dev.counterpoint.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The real PostgreSQL the tests run on: an embedded server in a fresh folder by default, or a fresh database on
 * the server named by COUNTERPOINT_TEST_DB_URL (with _USER and _PASSWORD), which .ci/run uses to prove the
 * external-database path.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase embedded;
    private Path folder;
    private String externalAdminUrl;
    private String externalDatabase;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("COUNTERPOINT_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return startExternal(external);
        }
        try {
            folder = Files.createTempDirectory("counterpoint-test-db");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a folder for the test database", e);
        }
        embedded = EmbeddedDatabase.start(folder);
        return datasource(embedded.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    private Map<String, String> startExternal(String adminUrl) {
        externalAdminUrl = adminUrl;
        externalDatabase = "counterpoint_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        execute(adminUrl, "CREATE DATABASE " + externalDatabase);
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + externalDatabase + "$1");
        return datasource(url, user(), password());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
            deleteQuietly(folder);
        }
        if (externalDatabase != null) {
            execute(externalAdminUrl, "DROP DATABASE IF EXISTS " + externalDatabase + " WITH (FORCE)");
        }
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database setup failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String user() {
        String user = System.getenv("COUNTERPOINT_TEST_DB_USER");
        return user == null ? "postgres" : user;
    }

    private static String password() {
        String password = System.getenv("COUNTERPOINT_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
