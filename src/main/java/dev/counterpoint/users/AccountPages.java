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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String message, String error);

        static native TemplateInstance users(List<UserRow> users, String message, String error);
    }

    @Inject
    UserAccounts accounts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("account")
    @RolesAllowed(Role.VIEWER)
    public TemplateInstance account(@QueryParam("changed") boolean changed) {
        return Templates.account(changed ? "Your password is changed." : null, null);
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
                    .entity(Templates.account(null, e.getMessage()))
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
