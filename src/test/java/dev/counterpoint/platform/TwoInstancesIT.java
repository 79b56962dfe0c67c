package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances started at once on one empty PostgreSQL database, as the compose file's replicas are: both
 * start, they share the sample's classification job without labelling any item twice, and a sign-in on one holds on
 * the other.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TwoInstancesIT {

    private static final String SESSION_KEY = "two-instances-shared-session-key-0123456789abcdefghij";

    private Path folder;
    private EmbeddedDatabase database;

    @BeforeEach
    void oneDatabase() throws Exception {
        folder = Files.createTempDirectory("counterpoint-two-instances");
        database = EmbeddedDatabase.start(folder.resolve("db"));
    }

    @AfterEach
    void stopDatabase() {
        database.close();
        TestDatabase.deleteQuietly(folder);
    }

    @Test
    void two_instances_share_one_job_without_double_work_and_one_sign_in() throws Exception {
        try (PackagedApp first = PackagedApp.start(settings("a"));
                PackagedApp second = PackagedApp.start(settings("b"))) {
            first.awaitRunning();
            second.awaitRunning();
            awaitSampleLabelled();
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                assertEquals(1, one(s, "SELECT count(*) FROM document"), "the sample was imported once");
                assertEquals(1, one(s, "SELECT count(*) FROM job WHERE kind = 'classify'"), "and queued once");
                assertEquals(1, one(s, "SELECT count(*) FROM app_user WHERE username = 'admin'"));
                assertEquals(0, one(s, """
                        SELECT count(*) FROM (SELECT item_id, dimension, target, model_version_id FROM label
                        WHERE source = 'model' GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) twice"""), "no item labelled twice");
                long instances = one(s, """
                        SELECT count(DISTINCT split_part(leased_by, '/', 1) || split_part(leased_by, '/', 2))
                        FROM job_item WHERE done_at IS NOT NULL""");
                assertEquals(2, instances, "both instances labelled part of the job");
            }
            String cookie = signIn(first.port);
            HttpResponse<String> onSecond = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + second.port + "/api/dashboards"))
                                    .header("Cookie", cookie)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, onSecond.statusCode(), "the first instance's sign-in holds on the second");
        }
    }

    private Map<String, String> settings(String name) {
        Map<String, String> settings = new HashMap<>();
        settings.put("COUNTERPOINT_DATA_DIR", folder.resolve(name).toString());
        settings.put("COUNTERPOINT_DB_URL", database.jdbcUrl());
        settings.put("COUNTERPOINT_DB_USER", EmbeddedDatabase.USER);
        settings.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", SESSION_KEY);
        // Small batches, so that both instances get some of the sample's items.
        settings.put("COUNTERPOINT_CLASSIFIER_BATCH_SIZE", "2");
        return settings;
    }

    private void awaitSampleLabelled() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                if (one(s, "SELECT count(*) FROM job WHERE kind = 'classify' AND status = 'done'") > 0
                        && one(s, "SELECT count(*) FROM job WHERE status IN ('queued', 'running')") == 0) {
                    return;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the sample's classification did not finish in 8 minutes");
    }

    private static String signIn(int port) throws Exception {
        String form =
                "j_username=admin&j_password=" + URLEncoder.encode(PackagedApp.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/j_security_check"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("counterpoint-session="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.statusCode()));
        assertTrue(cookie.length() > "counterpoint-session=".length() + 10);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    private static long one(Statement statement, String sql) throws Exception {
        try (ResultSet r = statement.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
