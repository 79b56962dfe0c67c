package dev.counterpoint.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.labels.LabelFixtures;
import dev.counterpoint.labels.SignedInClient;
import dev.counterpoint.users.FirstAdmin;
import dev.counterpoint.users.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules that hold for every endpoint at once, read from the compiled resource classes rather than listed by hand,
 * so a new endpoint is covered the day it is added.
 */
@QuarkusTest
class SecurityTest {

    @Inject
    LabelFixtures fixtures;

    private static final Set<String> CHANGING = Set.of("post", "put", "patch", "delete");

    /** Sign-in and sign-out are how a session starts and ends; they cannot need one. */
    private static final Set<String> OPEN = Set.of("/j_security_check", "/logout", "/login");

    @Test
    void every_state_changing_endpoint_refuses_anonymous_callers_and_sessions_without_a_csrf_token() throws Exception {
        SignedInClient admin = SignedInClient.signIn(FirstAdmin.USERNAME, "test-admin-password");
        List<String[]> endpoints = changingEndpoints(admin);
        assertTrue(endpoints.size() >= 10, "the API description lists the endpoints: " + endpoints.size());
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            String method = endpoint[0];
            String path = concrete(endpoint[1]);
            int anonymous = given().redirects()
                    .follow(false)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .request(method, path)
                    .statusCode();
            boolean answersLikeAnApi =
                    path.startsWith("/api/") ? anonymous == 401 : anonymous == 401 || anonymous == 302;
            if (!answersLikeAnApi) {
                failures.add(method + " " + path + " anonymous: " + anonymous);
            }
            int forged = admin.request()
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .request(method, path)
                    .statusCode();
            int forgedForm = admin.request()
                    .contentType(ContentType.URLENC)
                    .formParam("x", "1")
                    .request(method, path)
                    .statusCode();
            if (forged != 403 && forged != 400 && forged != 415
                    || forgedForm != 403 && forgedForm != 400 && forgedForm != 415) {
                failures.add(method + " " + path + " without CSRF token: " + forged + "/" + forgedForm);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void a_viewer_cannot_change_anything_an_annotator_or_admin_may() throws Exception {
        fixtures.user("security-viewer", Role.VIEWER);
        SignedInClient viewer = SignedInClient.signIn("security-viewer", LabelFixtures.PASSWORD);
        SignedInClient admin = SignedInClient.signIn(FirstAdmin.USERNAME, "test-admin-password");
        List<String> allowed = new ArrayList<>();
        for (String[] endpoint : changingEndpoints(admin)) {
            String path = concrete(endpoint[1]);
            if (path.startsWith("/account")) {
                continue; // everyone may change their own password and tokens
            }
            int status = viewer.withToken()
                    .contentType(endpoint[2])
                    .config(io.restassured.RestAssured.config()
                            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                                    .encodeContentTypeAs(endpoint[2], ContentType.TEXT)))
                    .body(endpoint[2].contains("form") ? "x=1" : "{}")
                    .request(endpoint[0], path)
                    .statusCode();
            if (status != 403) {
                allowed.add(endpoint[0] + " " + path + ": " + status);
            }
        }
        assertEquals(List.of(), allowed);
    }

    @Test
    void pages_and_api_answers_carry_the_security_headers_and_a_csp_without_inline_script() {
        SignedInClient admin = SignedInClient.signIn(FirstAdmin.USERNAME, "test-admin-password");
        for (String path : List.of("/", "/api/documents", "/login", "/dashboards")) {
            Response response =
                    path.equals("/login") ? given().get(path) : admin.request().get(path);
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("DENY", response.header("X-Frame-Options"), path);
            assertEquals("same-origin", response.header("Referrer-Policy"), path);
            assertEquals("same-origin", response.header("Cross-Origin-Opener-Policy"), path);
            assertTrue(response.header("Permissions-Policy").contains("camera=()"), path);
            assertTrue(response.header("Strict-Transport-Security").contains("max-age="), path);
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_cookies_are_secure_when_the_proxy_says_https() {
        String session = signInCookieHeaders(false).get("counterpoint-session");
        assertTrue(session.contains("HttpOnly") || session.contains("HTTPOnly"), session);
        assertTrue(session.contains("SameSite=Strict"), session);
        assertFalse(session.contains("Secure"), "plain HTTP on loopback cannot keep a Secure cookie: " + session);

        String csrf = given().header("X-Forwarded-Proto", "https").get("/login").header("Set-Cookie");
        assertTrue(csrf != null && csrf.startsWith("counterpoint-csrf=") && csrf.contains("Secure"), csrf);
        String plainCsrf = given().get("/login").header("Set-Cookie");
        assertFalse(plainCsrf.contains("Secure"), plainCsrf);
    }

    private static Map<String, String> signInCookieHeaders(boolean https) {
        var request = given().redirects().follow(false).contentType(ContentType.URLENC);
        if (https) {
            request = request.header("X-Forwarded-Proto", "https");
        }
        Response response = request.formParam("j_username", FirstAdmin.USERNAME)
                .formParam("j_password", "test-admin-password")
                .post("/j_security_check");
        Map<String, String> cookies = new java.util.HashMap<>();
        response.headers()
                .getList("Set-Cookie")
                .forEach(h -> cookies.put(h.getValue().substring(0, h.getValue().indexOf('=')), h.getValue()));
        return cookies;
    }

    /** The path with its parameters filled by things that exist, so a refusal is not a mere 404. */
    private String concrete(String template) {
        if (item == 0) {
            item = fixtures.comments("security", "Russia again.").get(0);
            document = fixtures.documentOf(item);
        }
        String id = template.contains("/items/") ? String.valueOf(item) : String.valueOf(document);
        return template.replace("{id}", id)
                .replace("{slug}", "default")
                .replace("{username}", "security-viewer")
                .replaceAll("\\{[^}]+}", "1");
    }

    private long item;
    private long document;

    /**
     * Every resource method that changes state, read from the compiled resource classes (the API description lists
     * only /api), with the content type it reads.
     */
    private static List<String[]> changingEndpoints(SignedInClient admin) throws Exception {
        List<String[]> endpoints = new ArrayList<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        try (var files = java.nio.file.Files.walk(classes.resolve("dev/counterpoint"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type =
                        Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String path = ("/" + root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    if (path.length() > 1 && path.endsWith("/")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    if (OPEN.contains(path)) {
                        continue;
                    }
                    jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
                    if (consumes == null) {
                        consumes = type.getAnnotation(jakarta.ws.rs.Consumes.class);
                    }
                    boolean form = java.util.Arrays.stream(method.getParameters())
                            .anyMatch(p -> p.isAnnotationPresent(org.jboss.resteasy.reactive.RestForm.class)
                                    || p.isAnnotationPresent(jakarta.ws.rs.FormParam.class));
                    String typeRead = consumes != null
                            ? consumes.value()[0]
                            : form ? "application/x-www-form-urlencoded" : "application/json";
                    endpoints.add(new String[] {verb, path, typeRead});
                }
            }
        }
        return endpoints;
    }

    private static String verb(java.lang.reflect.Method method) {
        if (method.isAnnotationPresent(jakarta.ws.rs.POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(jakarta.ws.rs.PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(jakarta.ws.rs.DELETE.class)) {
            return "DELETE";
        }
        if (method.isAnnotationPresent(jakarta.ws.rs.PATCH.class)) {
            return "PATCH";
        }
        return null;
    }
}
