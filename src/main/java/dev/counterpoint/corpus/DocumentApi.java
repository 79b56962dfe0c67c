package dev.counterpoint.corpus;

import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** Documents as JSON: list, read, and import one document (docs/import-format.md). */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class DocumentApi {

    public record Imported(long id, boolean created, String page) {}

    @Inject
    DocumentCatalog catalog;

    @Inject
    CorpusImporter importer;

    @GET
    public DocumentCatalog.Page list(
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return catalog.page(page, Math.min(Math.max(size, 1), 500));
    }

    @GET
    @Path("{id}")
    public DocumentCatalog.DocumentView get(@PathParam("id") long id) {
        return catalog.view(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    public Response importDocument(DocumentFile file) {
        if (file == null) {
            throw new InvalidImportException("The request body is empty; send one document as JSON.");
        }
        CorpusImporter.Result result = importer.importDocument(file.toImport());
        Imported body = new Imported(result.document().id, result.created(), "/documents/" + result.document().id);
        return result.created()
                ? Response.created(URI.create("/api/documents/" + result.document().id))
                        .entity(body)
                        .build()
                : Response.ok(body).build();
    }
}
