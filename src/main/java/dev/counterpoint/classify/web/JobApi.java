package dev.counterpoint.classify.web;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.users.Role;
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
import java.util.List;

/** Classification and training jobs: start them and follow their progress. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class JobApi {

    @Inject
    ClassificationRequests requests;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("jobs/{id}")
    public JobStatus job(@PathParam("id") long id) {
        return requests.status(id);
    }

    @GET
    @Path("jobs")
    public List<JobStatus> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        return requests.recent(Math.min(Math.max(limit, 1), 200));
    }

    @POST
    @Path("classify")
    @RolesAllowed(Role.ADMIN)
    public Response classifyEverything() {
        return Response.accepted(requests.classifyEverything(user())).build();
    }

    @POST
    @Path("codebooks/{slug}/train")
    @RolesAllowed(Role.ADMIN)
    public Response train(@PathParam("slug") String slug) {
        return accepted(requests.train(slug, user()));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    static Response accepted(JobStatus job) {
        return Response.accepted(job)
                .location(URI.create("/api/jobs/" + job.id()))
                .build();
    }
}
