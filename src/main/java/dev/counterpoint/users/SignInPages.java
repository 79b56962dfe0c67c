package dev.counterpoint.users;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The sign-in page (the form posts to Quarkus's j_security_check) and sign-out, which drops the session cookie.
 */
@Path("/")
@PermitAll
public class SignInPages {

    static final String SESSION_COOKIE = "counterpoint-session";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean failed, boolean signedOut);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signIn(@QueryParam("error") boolean failed, @QueryParam("signed-out") boolean signedOut) {
        return Templates.signIn(failed, signedOut);
    }

    @POST
    @Path("logout")
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(SESSION_COOKIE)
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create("/login?signed-out=true"))
                .cookie(expired)
                .build();
    }
}
