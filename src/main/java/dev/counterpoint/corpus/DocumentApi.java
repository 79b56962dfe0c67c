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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Documents as JSON: list, read, and import one document (docs/import-format.md). */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ANALYST, Role.ADMIN})
public class DocumentApi {

    public record Imported(long id, boolean created, String page) {}

    @Inject
    DocumentCatalog catalog;

    /** JSON lines; a type no cross-site form can send, so the endpoint needs no CSRF token. */
    public static final String JSONL = "application/x-ndjson";

    @Inject
    CorpusImporter importer;

    @Inject
    JsonlImporter jsonlImporter;

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

    /** A JSONL file of documents, items and people's labels (docs/jsonl-format.md), all or nothing. */
    @POST
    @Path("jsonl")
    @Consumes(JSONL)
    public JsonlImporter.Summary importJsonl(InputStream body) {
        return jsonlImporter.importFile(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
