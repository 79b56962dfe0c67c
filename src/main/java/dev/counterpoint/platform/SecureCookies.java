package dev.counterpoint.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Marks the cookies an answer sets {@code Secure} when the request came over HTTPS, directly or through a reverse
 * proxy that ends TLS and says so in {@code X-Forwarded-Proto} (docker/compose.yaml). Quarkus marks its session cookie
 * Secure only for TLS it ends itself. A client that sends the header over plain HTTP only gets cookies its browser
 * will not send back over plain HTTP, so the header needs no trust.
 */
public class SecureCookies {

    void register(@Observes Filters filters) {
        filters.register(SecureCookies::secureWhenHttps, 100);
    }

    private static void secureWhenHttps(RoutingContext context) {
        if (context.request().isSSL()
                || "https".equalsIgnoreCase(context.request().getHeader("X-Forwarded-Proto"))) {
            context.addHeadersEndHandler(v -> secure(context));
        }
        context.next();
    }

    /**
     * Cookies set on this answer are still in the request's cookie jar here (Vert.x writes them after these handlers);
     * the ones the browser sent are left alone, or they would go back without their attributes.
     */
    private static void secure(RoutingContext context) {
        for (Cookie cookie : context.request().cookies()) {
            if (cookie instanceof ServerCookie set && set.isChanged()) {
                cookie.setSecure(true);
            }
        }
        MultiMap headers = context.response().headers();
        List<String> written = headers.getAll(HttpHeaders.SET_COOKIE);
        if (!written.isEmpty()) {
            headers.remove(HttpHeaders.SET_COOKIE);
            for (String cookie : written) {
                headers.add(
                        HttpHeaders.SET_COOKIE,
                        cookie.toLowerCase().contains("; secure") ? cookie : cookie + "; Secure");
            }
        }
    }
}
