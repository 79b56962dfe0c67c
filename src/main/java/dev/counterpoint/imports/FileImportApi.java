package dev.counterpoint.imports;

import dev.counterpoint.platform.Progress;
import dev.counterpoint.users.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * A file in any layout of docs/import-formats.md, all or nothing; the body is the file as it is. Browser calls
 * carry the page's CSRF token (platform.CsrfHeaderRequired checks every state-changing /api call).
 */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class FileImportApi {

    @Inject
    FileImporter importer;

    @Inject
    SecurityIdentity identity;

    /**
     * {@code format}: json, jsonl, csv, label-studio or text. With {@code dry-run=true} the file is checked and
     * counted but not stored. Labels in it are people's, under {@code annotator} (the signed-in user by default)
     * where the file names nobody.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public FileImporter.Report importFile(
            InputStream body,
            @QueryParam("format") String format,
            @QueryParam("annotator") String annotator,
            @QueryParam("document") String document,
            @QueryParam("title") String title,
            @QueryParam("codebook") String codebook,
            @QueryParam("dry-run") @DefaultValue("false") boolean dryRun) {
        String user = identity.getPrincipal().getName();
        ImportOptions options = new ImportOptions(
                ImportFormat.fromCode(format),
                annotator == null || annotator.isBlank() ? user : annotator.strip(),
                document,
                title,
                codebook,
                dryRun,
                true,
                user,
                ImportOptions.MAX_FILE_BYTES);
        return importer.importFile(body, options, Progress.NONE);
    }
}
