package dev.counterpoint.classify.web;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.users.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Starts labelling one document. A root resource of its own: under {@code @Path("/api")} the documents resource,
 * whose root path {@code /api/documents} matches more of the address, took the request and answered 404.
 */
@Path("/api/documents/{id}/classify")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class DocumentClassificationApi {

    @Inject
    ClassificationRequests requests;

    @Inject
    SecurityIdentity identity;

    @POST
    public Response classifyDocument(@PathParam("id") long id) {
        return JobApi.accepted(
                requests.classifyDocument(id, identity.getPrincipal().getName()));
    }
}
