package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The packaged app on an external PostgreSQL (one this test runs itself, on a fixed folder and port) that restarts
 * in the middle of an import: the import is whole or absent, health goes down and comes back without a restart of
 * the app, and the next import works.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseRestartIT {

    private static final int COMMENTS = 30_000;

    private Path pgData;
    private Path dataDir;
    private int port;
    private EmbeddedPostgres postgres;

    @BeforeEach
    void startPostgres() throws Exception {
        pgData = Files.createTempDirectory("counterpoint-external-pg");
        dataDir = Files.createTempDirectory("counterpoint-external-app");
        port = PackagedApp.freePort();
        postgres = startOn(pgData, port);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE counterpoint");
        }
    }

    @AfterEach
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        TestDatabase.deleteQuietly(pgData);
        TestDatabase.deleteQuietly(dataDir);
    }

    @Test
    void a_postgresql_restart_during_an_import_leaves_all_or_nothing_and_the_app_recovers_by_itself() throws Exception {
        Map<String, String> environment = Map.of(
                "COUNTERPOINT_DATA_DIR",
                dataDir.toString(),
                "COUNTERPOINT_DB_URL",
                "jdbc:postgresql://localhost:" + port + "/counterpoint",
                "COUNTERPOINT_DB_USER",
                "postgres",
                "COUNTERPOINT_CLASSIFIER_CLASSIFY_SAMPLE_ON_START",
                "false");
        try (PackagedApp app = PackagedApp.start(environment).awaitRunning()) {
            assertEquals(200, awaitHealth(app, 200));
            String jsonl = FaultsIT.documentJsonl(COMMENTS);
            CompletableFuture<Integer> importing = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.post("/api/documents/jsonl", "application/x-ndjson", jsonl)
                            .statusCode();
                } catch (RuntimeException e) {
                    return -1;
                }
            });
            Thread.sleep(1500);
            postgres.close();
            postgres = null;
            int importStatus = importing.get();
            assertEquals(503, awaitHealth(app, 503), "health is down while PostgreSQL is");

            postgres = startOn(pgData, port);
            assertEquals(200, awaitHealth(app, 200), "health comes back without restarting the app");
            long items = itemsOfFaultDocument();
            System.out.println("import answered " + importStatus + " with PostgreSQL stopped under it; stored " + items
                    + " items");

            var again = app.post("/api/documents/jsonl", "application/x-ndjson", jsonl);
            assertEquals(200, again.statusCode(), again.body());
            long whole = itemsOfFaultDocument();
            assertTrue(whole > COMMENTS, "the next import works: " + whole + " items");
            assertTrue(items == 0 || items == whole, "all or nothing, not " + items + " of " + whole + " items");
            if (importStatus == 200) {
                assertEquals(whole, items, "an import that answered 200 is whole");
            }
        }
    }

    private static int awaitHealth(PackagedApp app, int wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(90);
        int status = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                // As a monitor probes it: without credentials (signing in needs the database itself).
                status = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + "/q/health"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException | RuntimeException e) {
                status = -1;
            }
            if (status == wanted) {
                return status;
            }
            Thread.sleep(250);
        }
        return status;
    }

    private long itemsOfFaultDocument() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "counterpoint").getConnection();
                Statement s = c.createStatement();
                ResultSet row = s.executeQuery("""
                        SELECT count(*) FROM item i JOIN document d ON d.id = i.document_id
                        WHERE d.external_key = 'fault-test'
                        """)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static EmbeddedPostgres startOn(Path pgData, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }
}
