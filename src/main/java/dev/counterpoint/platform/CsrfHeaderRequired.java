package dev.counterpoint.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A call that changes something, is not a form, and is signed in by the browser's session cookie must carry the page's CSRF
 * token in the X-CSRF-TOKEN header (the CSRF filter then checks it against the token cookie). Forms carry the token
 * in a field, which that filter checks itself; calls signed in with an Authorization header (scripts) carry no
 * cookie a forged page could borrow.
 */
public class CsrfHeaderRequired {

    public static final String HEADER = "X-CSRF-TOKEN";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @ServerRequestFilter
    public Response requireHeader(HttpServerRequest request) {
        // Every path, not only /api: a cross-site page can post text/plain to a page's action too, and forms are the
        // only bodies the CSRF filter checks by itself.
        if (SAFE.contains(request.method().name())) {
            return null;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getCookie(sessionCookie) == null) {
            return null;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null
                && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED)
                        || type.startsWith(MediaType.MULTIPART_FORM_DATA))) {
            return null;
        }
        String token = request.getHeader(HEADER);
        if (token != null && !token.isBlank()) {
            return null;
        }
        return Problem.of(
                        403,
                        "CSRF token missing",
                        "This request changes data and is signed in by your browser session, so it needs the page's "
                                + "CSRF token in the " + HEADER + " header. Reload the page and try again, or call "
                                + "the API with an API token (Authorization: Bearer ...) from your Account page.",
                        request.path())
                .response();
    }
}
