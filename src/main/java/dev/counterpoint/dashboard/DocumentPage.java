package dev.counterpoint.dashboard;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A document's page: the author's framing beside the readers' reactions, with every label's provenance. */
@Path("/documents/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VIEWER)
public class DocumentPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(DocumentView document);
    }

    @Inject
    DocumentViewBuilder views;

    @Inject
    ClassificationRequests classification;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance document(@PathParam("id") long id, @QueryParam("page") @DefaultValue("1") int page) {
        return Templates.document(views.build(
                id, page, identity.hasRole(Role.ADMIN), identity.getPrincipal().getName()));
    }

    /** Labels the document again with the current model of its codebook, in the background. */
    @POST
    @Path("classify")
    @RolesAllowed(Role.ADMIN)
    public Response classify(@PathParam("id") long id) {
        classification.classifyDocument(id, identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/documents/" + id + "#labels-heading"))
                .build();
    }
}
