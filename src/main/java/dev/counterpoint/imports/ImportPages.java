package dev.counterpoint.imports;

import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The import page: paste or upload a file, check it (a dry run), import it; the page's script calls the API. */
@Path("/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importPage(long maxMegabytes, int shownProblems);
    }

    @GET
    public TemplateInstance page() {
        return Templates.importPage(ImportOptions.MAX_FILE_BYTES / (1024 * 1024), ImportProblems.SHOWN);
    }
}
