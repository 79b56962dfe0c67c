package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A backup of one embedded database restored into a fresh one serves the same dashboards: every panel's chart
 * JSON, the document charts and the label history are equal.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path original;
    private Path restored;
    private Path backup;

    @BeforeEach
    void folders() throws IOException {
        original = Files.createTempDirectory("counterpoint-backup-from");
        restored = Files.createTempDirectory("counterpoint-backup-to");
        backup = Files.createTempDirectory("counterpoint-backup-file").resolve("counterpoint.zip");
    }

    @AfterEach
    void removeFolders() {
        TestDatabase.deleteQuietly(original);
        TestDatabase.deleteQuietly(restored);
        TestDatabase.deleteQuietly(backup.getParent());
    }

    @Test
    void a_restored_backup_serves_the_same_dashboard_numbers() throws Exception {
        Map<String, String> before;
        long labelsBefore;
        try (PackagedApp app = PackagedApp.start(Map.of("COUNTERPOINT_DATA_DIR", original.toString()))
                .awaitRunning()) {
            var imported = app.post("/api/documents/jsonl", "application/x-ndjson", labelledDocument());
            assertEquals(200, imported.statusCode(), imported.body());
            FaultSql.awaitJobFinished(original, FaultSql.latestJob(original), Duration.ofSeconds(240));
            FaultSql.awaitRollupsFresh(original, Duration.ofSeconds(60));
            before = charts(app);
            labelsBefore = FaultSql.labelRows(original);
        }
        assertTrue(labelsBefore > 100, "machine and people's labels to restore: " + labelsBefore);

        PackagedApp.CommandRun made = PackagedApp.command(
                Map.of("COUNTERPOINT_DATA_DIR", original.toString()), "backup", "--out", backup.toString());
        assertEquals(0, made.exitCode(), made.output());
        assertTrue(made.output().contains("Backed up "), made.output());

        PackagedApp.CommandRun loaded =
                PackagedApp.command(Map.of("COUNTERPOINT_DATA_DIR", restored.toString()), "restore", backup.toString());
        assertEquals(0, loaded.exitCode(), loaded.output());

        PackagedApp.CommandRun again =
                PackagedApp.command(Map.of("COUNTERPOINT_DATA_DIR", restored.toString()), "restore", backup.toString());
        assertEquals(
                ExitCode.INVALID_INPUT, again.exitCode(), "a database with data is not overwritten without --replace");
        assertTrue(again.output().contains("--replace"), again.output());

        try (PackagedApp app = PackagedApp.start(Map.of("COUNTERPOINT_DATA_DIR", restored.toString()))
                .awaitRunning()) {
            assertFalse(app.output().contains("Imported the bundled sample"), "the restored sample is kept");
            FaultSql.awaitRollupsFresh(restored, Duration.ofSeconds(60));
            assertEquals(labelsBefore, FaultSql.labelRows(restored), "the whole label history");
            Map<String, String> after = charts(app);
            assertEquals(before.keySet(), after.keySet());
            before.forEach((url, body) -> assertEquals(body, after.get(url), url));
            var later = app.post(
                    "/api/documents/jsonl",
                    "application/x-ndjson",
                    "{\"id\": \"c1\", \"document\": \"after-restore\", \"kind\": \"comment\", \"text\": \"New.\", "
                            + "\"labels\": {\"sentiment\": \"neutral\"}, \"annotator\": \"ana\"}\n");
            assertEquals(200, later.statusCode(), "new rows get fresh ids after a restore: " + later.body());
        }
    }

    /** Every dashboard panel (document panels for each document) and each document's charts, by URL. */
    private static Map<String, String> charts(PackagedApp app) throws IOException {
        Map<String, String> charts = new TreeMap<>();
        JsonNode documents = JSON.readTree(app.get("/api/documents").body()).path("documents");
        JsonNode catalog = JSON.readTree(app.get("/api/dashboards").body()).path("dashboards");
        for (JsonNode dashboard : catalog) {
            for (JsonNode panel : dashboard.path("panels")) {
                String url = "/api/dashboards/" + dashboard.path("id").asText() + "/panels/"
                        + panel.path("id").asText();
                if (dashboard.path("scope").asText().equals("document")) {
                    for (JsonNode document : documents) {
                        put(
                                app,
                                charts,
                                url + "?document=" + document.path("id").asText());
                    }
                } else {
                    put(app, charts, url);
                }
            }
        }
        for (JsonNode document : documents) {
            put(app, charts, "/api/documents/" + document.path("id").asText() + "/charts/target-mentions");
        }
        assertTrue(charts.size() >= 10, "dashboards to compare: " + charts.keySet());
        return charts;
    }

    private static void put(PackagedApp app, Map<String, String> charts, String url) {
        var response = app.get(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        charts.put(url, response.body());
    }

    private static String labelledDocument() {
        StringBuilder jsonl =
                new StringBuilder("{\"kind\": \"document\", \"id\": \"backup-test\", \"title\": \"Backup test\"}\n");
        String[] sentiments = {"negative", "neutral", "positive"};
        for (int i = 0; i < 60; i++) {
            jsonl.append("{\"id\": \"c" + i + "\", \"document\": \"backup-test\", \"kind\": \"comment\", \"text\": "
                    + "\"Comment " + i + " on the envoys and the talks.\", \"labels\": {\"sentiment\": \""
                    + sentiments[i % 3] + "\", \"incivility\": \"" + (i % 4 == 0 ? "uncivil" : "civil")
                    + "\"}, \"annotator\": \"ana\"}\n");
        }
        return jsonl.toString();
    }
}
