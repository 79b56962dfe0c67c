package dev.counterpoint.users;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns an API token into its owner, holding the owner's role as it is now (and the roles below it). */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    ApiTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AppUser user = QuarkusTransaction.requiringNew()
                    .call(() -> tokens.owner(request.getToken().getToken()).orElse(null));
            if (user == null) {
                throw new AuthenticationFailedException("unknown or revoked API token");
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username))
                    .addCredential(request.getToken());
            // Each role includes the ones below it, as quarkus.http.auth.roles-mapping says for signed-in people.
            for (String role : Role.ALL.subList(0, Role.ALL.indexOf(user.role) + 1)) {
                identity.addRole(role);
            }
            return identity.build();
        });
    }
}
