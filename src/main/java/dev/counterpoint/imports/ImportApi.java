package dev.counterpoint.imports;

import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/** Files of documents, items and people's labels, imported all or nothing. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class ImportApi {

    /** JSON lines; a type no cross-site form can send, so the endpoint needs no CSRF token. */
    public static final String JSONL = "application/x-ndjson";

    @Inject
    JsonlImporter jsonlImporter;

    /** A JSONL file of documents, items and people's labels (docs/jsonl-format.md), all or nothing. */
    @POST
    @Path("jsonl")
    @Consumes(JSONL)
    public JsonlImporter.Summary importJsonl(InputStream body) {
        return jsonlImporter.importFile(JsonlReader.strictUtf8(body));
    }
}
