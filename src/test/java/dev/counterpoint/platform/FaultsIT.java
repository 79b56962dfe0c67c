package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Faults against the packaged app on the embedded database: kill -9 and SIGTERM at the awkward moments, a client
 * that hangs up on an export, a full disk. Each ends with nothing lost or doubled, the server stopped in order, and
 * a clean next start.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FaultsIT {

    private static final String DOCUMENT = "fault-test";
    private static final int COMMENTS = 600;
    private static final String NO_SAMPLE_JOB = "COUNTERPOINT_CLASSIFIER_CLASSIFY_SAMPLE_ON_START";

    private Path dataDir;
    private Set<String> crashFilesBefore;

    @BeforeEach
    void freshDataFolder() throws IOException {
        dataDir = Files.createTempDirectory("counterpoint-faults");
        crashFilesBefore = crashFiles();
    }

    @AfterEach
    void removeDataFolder() {
        TestDatabase.deleteQuietly(dataDir);
    }

    @Test
    void a_job_killed_with_kill_9_resumes_after_restart_and_labels_every_item_exactly_once() throws Exception {
        long jobId;
        try (PackagedApp app = start(Map.of("COUNTERPOINT_CLASSIFIER_BATCH_SIZE", "4", NO_SAMPLE_JOB, "false"))) {
            jobId = importAndClassify(app);
            FaultSql.awaitJobDone(dataDir, jobId, 20, Duration.ofSeconds(120));
            app.kill();
        }
        assertTrue(FaultSql.jobStatus(dataDir, jobId).done() < COMMENTS, "the kill came before the job's end");
        try (PackagedApp app = start(Map.of())) {
            assertTrue(app.output().contains("left running by a Counterpoint that did not stop cleanly"));
            FaultSql.awaitJobFinished(dataDir, jobId, Duration.ofSeconds(180));
            assertEverythingLabelledOnce(jobId);
        }
        assertStoppedCleanly();
    }

    @Test
    void sigterm_during_a_job_stops_work_then_the_encoder_then_the_database_and_the_job_resumes() throws Exception {
        long jobId;
        String output;
        try (PackagedApp app = start(Map.of("COUNTERPOINT_CLASSIFIER_BATCH_SIZE", "4", NO_SAMPLE_JOB, "false"))) {
            jobId = importAndClassify(app);
            FaultSql.awaitJobDone(dataDir, jobId, 20, Duration.ofSeconds(120));
            app.terminate();
            output = app.output();
        }
        assertOrderlyStop(output, true);
        try (PackagedApp app = start(Map.of())) {
            assertFalse(app.output().contains("left running"), app.output());
            FaultSql.awaitJobFinished(dataDir, jobId, Duration.ofSeconds(180));
            assertEverythingLabelledOnce(jobId);
        }
        assertStoppedCleanly();
    }

    @Test
    void sigterm_while_the_model_loads_is_an_orderly_stop_and_no_session_is_created_after_it() throws Exception {
        String output;
        try (PackagedApp app = PackagedApp.start(environment(Map.of()))) {
            // The bundled sample is queued on first start, so the worker loads the encoder right away.
            app.awaitOutput("Loading the sentence encoder", Duration.ofSeconds(120));
            app.terminate();
            output = app.output();
        }
        assertOrderlyStop(output, false);
        try (PackagedApp app = start(Map.of())) {
            assertFalse(app.output().contains("left running"), app.output());
        }
        assertStoppedCleanly();
    }

    @Test
    void sigterm_during_start_up_stops_the_database_and_the_next_start_is_clean() throws Exception {
        for (long delayMs : new long[] {800, 2500}) {
            try (PackagedApp app = PackagedApp.start(environment(Map.of()))) {
                Thread.sleep(delayMs);
                app.terminate();
                assertFalse(app.output().contains("SIGSEGV"), app.output());
            }
            assertStoppedCleanly();
        }
        try (PackagedApp app = start(Map.of())) {
            assertEquals(200, app.get("/q/health").statusCode());
        }
        assertStoppedCleanly();
    }

    @Test
    void clients_that_hang_up_on_a_streaming_export_leave_the_server_healthy() throws Exception {
        try (PackagedApp app = start(Map.of(NO_SAMPLE_JOB, "false"))) {
            app.post("/api/documents/jsonl", "application/x-ndjson", documentJsonl(5000));
            for (int i = 0; i < 20; i++) {
                hangUpAfterFirstBytes(app.port, "/api/export/jsonl");
            }
            assertEquals(200, app.get("/q/health").statusCode());
            String export = app.get("/api/export/jsonl").body();
            assertTrue(export.lines().count() > 5000, "a whole export still streams");
            assertTrue(FaultSql.connections(dataDir) < 30, "no connection leaked by the dropped exports");
        }
        assertStoppedCleanly();
    }

    @Test
    void an_export_to_a_full_disk_is_one_clear_error() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this system (Linux only); skipped");
        PackagedApp.CommandRun run = PackagedApp.command(environment(Map.of()), "export", "--out", full.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode(), run.output());
        assertTrue(run.output().contains("cannot write /dev/full"), run.output());
        assertTrue(run.output().contains("No space left on device"), run.output());
        assertFalse(run.output().contains("\tat "), "no stack trace:\n" + run.output());
        assertStoppedCleanly();
    }

    private PackagedApp start(Map<String, String> settings) {
        return PackagedApp.start(environment(settings)).awaitRunning();
    }

    private Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("COUNTERPOINT_DATA_DIR", dataDir.toString());
        return environment;
    }

    private long importAndClassify(PackagedApp app) throws Exception {
        var imported = app.post("/api/documents/jsonl", "application/x-ndjson", documentJsonl(COMMENTS));
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(FaultSql.documentId(dataDir, DOCUMENT) > 0);
        // Every document (the sample and this one) in one job of the default codebook.
        var classify = app.post("/api/classify", "application/json", "");
        assertEquals(202, classify.statusCode(), classify.body());
        return FaultSql.latestJob(dataDir);
    }

    private void assertEverythingLabelledOnce(long jobId) throws Exception {
        FaultSql.JobRow job = FaultSql.jobStatus(dataDir, jobId);
        assertEquals("done", job.status());
        assertEquals(job.total(), job.done(), "each item counted once");
        assertEquals(0, FaultSql.duplicateModelLabels(dataDir), "no item labelled twice by one model version");
        assertEquals(0, FaultSql.itemsWithoutLabels(dataDir, jobId), "every item of the job labelled");
    }

    /** Work stopped, then the encoder closed, then PostgreSQL stopped; no retries against a stopped database. */
    private void assertOrderlyStop(String output, boolean encoderLoaded) {
        int worker = output.indexOf("Classifier stopped");
        int encoder = output.indexOf("Closed the sentence encoder");
        int database = output.indexOf("Counterpoint: stopped the embedded PostgreSQL");
        assertTrue(worker >= 0 && database > worker, "worker stops before the database:\n" + output);
        if (encoderLoaded) {
            assertTrue(encoder > worker && database > encoder, "encoder closes between them:\n" + output);
        }
        assertFalse(output.contains("Classification paused after an error"), output);
        assertFalse(output.contains("SIGSEGV"), output);
        assertStoppedCleanly();
    }

    private void assertStoppedCleanly() {
        assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped");
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), left, "no PostgreSQL process left running");
        Set<String> crashes = crashFiles();
        crashes.removeAll(crashFilesBefore);
        assertEquals(Set.of(), crashes, "no JVM crash file");
    }

    private static Set<String> crashFiles() {
        try (Stream<Path> files = Files.list(Path.of("."))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("hs_err_pid"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String documentJsonl(int comments) {
        StringBuilder jsonl = new StringBuilder();
        jsonl.append("{\"kind\": \"document\", \"id\": \"" + DOCUMENT + "\", \"title\": \"Fault test\"}\n");
        jsonl.append("{\"document\": \"" + DOCUMENT + "\", \"kind\": \"paragraph\", \"text\": "
                + "\"Envoys met in Geneva to discuss a ceasefire between Russia and Ukraine.\"}\n");
        String[] openings = {"Russia", "Ukraine", "The envoys", "Diplomacy", "Sanctions", "The talks"};
        String[] verdicts = {"will fail again", "deserve a chance", "are a waste of time", "might work this time"};
        for (int i = 0; i < comments; i++) {
            jsonl.append("{\"id\": \"c" + i + "\", \"document\": \"" + DOCUMENT + "\", \"kind\": \"comment\", "
                    + "\"text\": \"" + openings[i % openings.length] + " " + verdicts[(i / 6) % verdicts.length]
                    + ", says reader " + i + ".\", \"author\": \"reader" + (i % 37) + "\"}\n");
        }
        return jsonl.toString();
    }

    private static void hangUpAfterFirstBytes(int port, String path) throws IOException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + PackagedApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setReceiveBufferSize(1024);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(2048);
            assertTrue(new String(first, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            socket.setSoLinger(true, 0); // a reset, as a browser tab closed mid-download sends
        }
    }
}
