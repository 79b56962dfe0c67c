package dev.counterpoint.dashboard;

import dev.counterpoint.corpus.DocumentCatalog;
import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Chart data as JSON, computed by PostgreSQL; the pages' scripts only draw it. */
@Path("/api/documents/{id}/charts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class ChartApi {

    @Inject
    DocumentCatalog documents;

    @Inject
    TargetMentionChart targetMentions;

    @GET
    @Path("target-mentions")
    public TargetMentionChart.Data targetMentions(@PathParam("id") long id) {
        DocumentCatalog.CodebookRef codebook = documents.codebookOf(id);
        return targetMentions.forDocument(id, codebook.versionId(), codebook.slug(), codebook.version());
    }
}
