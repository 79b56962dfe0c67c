package dev.counterpoint.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.platform.Problem;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Signs in calls that carry {@code Authorization: Bearer <API token>}, and answers every unauthenticated call under
 * /api with 401 and a problem+json body that says how to authenticate; pages still get the form's redirect to the
 * sign-in page. Its priority is above the form and basic mechanisms, so it is asked first for the challenge.
 */
@ApplicationScoped
public class ApiTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final String SCHEME = "bearer";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, SCHEME)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"Counterpoint\""));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/api/")) {
            return Uni.createFrom().item(false);
        }
        boolean triedToken = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        Problem problem = Problem.of(
                401,
                "Not signed in",
                triedToken
                        ? "The credentials in the Authorization header were not accepted: the API token is unknown or"
                                + " revoked, or the user name or password is wrong. Make a new token on your Account"
                                + " page and send it as 'Authorization: Bearer <token>'."
                        : "This API needs a signed-in user. Send an API token from your Account page as"
                                + " 'Authorization: Bearer <token>', or sign in at /login and call it from the"
                                + " browser.",
                context.normalizedPath());
        try {
            context.response()
                    .setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"Counterpoint\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(401).end();
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
