package dev.counterpoint.classify.web;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The models page: every model version with its cross-validated scores, recent jobs, and training (admins). */
@Path("/models")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VIEWER)
public class ModelPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(
                List<ModelCatalog.CodebookModels> codebooks, List<JobStatus> jobs, boolean admin);
    }

    @Inject
    ModelCatalog catalog;

    @Inject
    ModelRegistry registry;

    @Inject
    ClassificationRequests requests;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance models() {
        return Templates.models(catalog.all(registry), requests.recent(15), identity.hasRole(Role.ADMIN));
    }

    @POST
    @Path("train")
    @RolesAllowed(Role.ADMIN)
    public Response train(@RestForm String codebook) {
        requests.train(codebook, identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/models#jobs")).build();
    }

    @POST
    @Path("classify-all")
    @RolesAllowed(Role.ADMIN)
    public Response classifyEverything() {
        requests.classifyEverything(identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/models#jobs")).build();
    }
}
