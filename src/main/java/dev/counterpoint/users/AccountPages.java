package dev.counterpoint.users;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** A person's own account (changing the password) and, for admins, the list of users and new accounts. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    public record UserRow(String username, String role, String createdAt) {}

    public record TokenRow(long id, String name, String prefix, String createdAt, String lastUsedAt, boolean revoked) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String message, String error, List<TokenRow> tokens, String newToken);

        static native TemplateInstance users(List<UserRow> users, String message, String error);
    }

    @Inject
    UserAccounts accounts;

    @Inject
    ApiTokens apiTokens;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("account")
    @RolesAllowed(Role.VIEWER)
    public TemplateInstance account(@QueryParam("changed") boolean changed, @QueryParam("revoked") boolean revoked) {
        String message = changed ? "Your password is changed." : revoked ? "The token is revoked." : null;
        return Templates.account(message, null, tokens(), null);
    }

    /** The new token is shown in this answer only: it is not in a URL, a log or the database. */
    @POST
    @Path("account/tokens")
    @RolesAllowed(Role.VIEWER)
    public Response createToken(@RestForm String name) {
        try {
            ApiTokens.Created created = apiTokens.create(me(), name);
            return Response.ok(Templates.account(
                            "Made the token '" + created.stored().name + "'. Copy it now: it is not shown again.",
                            null,
                            tokens(),
                            created.token()))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Templates.account(null, e.getMessage(), tokens(), null))
                    .build();
        }
    }

    @POST
    @Path("account/tokens/{id}/revoke")
    @RolesAllowed(Role.VIEWER)
    public Response revokeToken(@PathParam("id") long id) {
        try {
            apiTokens.revoke(me(), id);
            return Response.seeOther(URI.create("/account?revoked=true")).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Templates.account(null, e.getMessage(), tokens(), null))
                    .build();
        }
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    private List<TokenRow> tokens() {
        return apiTokens.of(me()).stream()
                .map(t -> new TokenRow(
                        t.id,
                        t.name,
                        t.prefix,
                        t.createdAt == null
                                ? ""
                                : t.createdAt.toString().substring(0, 16).replace('T', ' '),
                        t.lastUsedAt == null
                                ? "never"
                                : t.lastUsedAt.toString().substring(0, 16).replace('T', ' '),
                        t.revokedAt != null))
                .toList();
    }

    @POST
    @Path("account/password")
    @RolesAllowed(Role.VIEWER)
    public Response changePassword(@RestForm String current, @RestForm String password) {
        try {
            accounts.changePassword(identity.getPrincipal().getName(), current, password);
            return Response.seeOther(URI.create("/account?changed=true")).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Templates.account(null, e.getMessage(), tokens(), null))
                    .build();
        }
    }

    @GET
    @Path("admin/users")
    @RolesAllowed(Role.ADMIN)
    public TemplateInstance users(@QueryParam("created") String created, @QueryParam("changed") String changed) {
        String message = created != null
                ? "Created the account " + created + "."
                : changed != null ? "Changed the role of " + changed + "." : null;
        return Templates.users(rows(), message, null);
    }

    @POST
    @Path("admin/users")
    @RolesAllowed(Role.ADMIN)
    public Response createUser(@RestForm String username, @RestForm String password, @RestForm String role) {
        try {
            AppUser user = accounts.create(
                    username, password, role, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/users?created=" + user.username))
                    .build();
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Templates.users(rows(), null, e.getMessage()))
                    .build();
        }
    }

    @POST
    @Path("admin/users/{username}/role")
    @RolesAllowed(Role.ADMIN)
    public Response changeRole(@PathParam("username") String username, @RestForm String role) {
        try {
            accounts.changeRole(username, role, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/users?changed=" + username))
                    .build();
        } catch (IllegalArgumentException e) {
            return Response.status(400)
                    .entity(Templates.users(rows(), null, e.getMessage()))
                    .build();
        }
    }

    private List<UserRow> rows() {
        return accounts.all().stream()
                .map(u -> new UserRow(
                        u.username,
                        u.role,
                        u.createdAt == null ? "" : u.createdAt.toString().substring(0, 10)))
                .toList();
    }
}
