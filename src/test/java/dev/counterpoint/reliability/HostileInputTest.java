package dev.counterpoint.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.counterpoint.labels.LabelFixtures;
import dev.counterpoint.labels.SignedInClient;
import dev.counterpoint.users.FirstAdmin;
import dev.counterpoint.users.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case in {@code src/test/resources/hostile/cases.yaml}: a request built to break something gets a clear 4xx
 * that says what is wrong, and leaves every table as it was.
 */
@QuarkusTest
class HostileInputTest {

    private static final String ADMIN_PASSWORD = "test-admin-password";

    /** Raw bytes, so invalid UTF-8 and odd content types reach the server as the file has them. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    record Case(
            String name,
            String as,
            String method,
            String path,
            String type,
            String body,
            String file,
            String generate,
            int status,
            String says) {}

    @Inject
    LabelFixtures fixtures;

    @TestHTTPResource("/")
    java.net.URL root;

    private int port;

    @Inject
    EntityManager entityManager;

    private long item;
    private long document;

    @BeforeEach
    void people() {
        port = root.getPort();
        fixtures.user("hostile-viewer", Role.VIEWER);
        fixtures.user("hostile-annotator", Role.ANNOTATOR);
        if (item == 0) {
            item = fixtures.comments("hostile", "Russia is at it again.").get(0);
            document = fixtures.documentOf(item);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_request_is_refused_clearly_and_changes_nothing() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 40, "the suite keeps at least 40 cases, has " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Map<String, Long> before = tableCounts();
        int status;
        String body;
        if ("oversized-request".equals(c.generate())) {
            String[] answer = HostileBodies.declareOversized(port, c.path());
            status = Integer.parseInt(answer[0]);
            body = answer[1];
        } else {
            Response response = send(c);
            status = response.statusCode();
            body = response.asString();
        }
        assertEquals(c.status(), status, c.name() + ": " + abbreviated(body));
        assertTrue(
                body.toLowerCase(Locale.ROOT).contains(c.says().toLowerCase(Locale.ROOT)),
                c.name() + ": the answer should say '" + c.says() + "' but says: " + abbreviated(body));
        assertTrue(
                !body.contains("Exception") && !body.contains("\tat "),
                c.name() + ": the answer leaks a stack trace: " + abbreviated(body));
        assertEquals(before, tableCounts(), c.name() + ": the database changed");
    }

    private Response send(Case c) throws IOException {
        RequestSpecification request = client(c.as()).config(RAW);
        if (c.type() != null) {
            request = request.contentType(c.type());
        }
        byte[] body = body(c);
        if (body != null) {
            request = request.body(body);
        }
        String path = c.path().replace("{item}", String.valueOf(item)).replace("{document}", String.valueOf(document));
        return request.urlEncodingEnabled(false).request(c.method(), path);
    }

    private RequestSpecification client(String as) {
        return switch (as == null ? "admin" : as) {
            case "admin" ->
                SignedInClient.signIn(FirstAdmin.USERNAME, ADMIN_PASSWORD).withToken();
            case "annotator" ->
                SignedInClient.signIn("hostile-annotator", LabelFixtures.PASSWORD)
                        .withToken();
            case "viewer" ->
                SignedInClient.signIn("hostile-viewer", LabelFixtures.PASSWORD).withToken();
            case "no-csrf" ->
                SignedInClient.signIn("hostile-annotator", LabelFixtures.PASSWORD)
                        .request();
            case "anonymous" -> given().redirects().follow(false).accept("application/json");
            case "wrong-password" ->
                given().redirects().follow(false).auth().preemptive().basic("admin", "wrong");
            default -> throw new IllegalArgumentException("unknown 'as': " + as);
        };
    }

    private byte[] body(Case c) throws IOException {
        if (c.file() != null) {
            try (InputStream in = getClass().getResourceAsStream("/hostile/" + c.file())) {
                if (in == null) {
                    throw new IllegalStateException("no file hostile/" + c.file());
                }
                return in.readAllBytes();
            }
        }
        if (c.generate() != null) {
            return HostileBodies.generate(c.generate()).getBytes(StandardCharsets.UTF_8);
        }
        return c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Long> tableCounts() {
        return QuarkusTransaction.requiringNew().call(this::countRows);
    }

    /** Rollups are left out: they are caches the app refreshes in the background, not what a request stores. */
    private Map<String, Long> countRows() {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager
                .createNativeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                        + "AND tablename <> 'flyway_schema_history' AND tablename NOT LIKE '%rollup%' "
                        + "ORDER BY tablename")
                .getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(
                    table,
                    ((Number) entityManager
                                    .createNativeQuery("SELECT count(*) FROM \"" + table + "\"")
                                    .getSingleResult())
                            .longValue());
        }
        return counts;
    }

    private static List<Case> cases() throws IOException {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/cases.yaml")) {
            return List.of(yaml.readValue(in, Case[].class));
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
