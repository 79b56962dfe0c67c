package dev.counterpoint.corpus;

import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The list of documents; each document's own page is dashboard.DocumentPage. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VIEWER)
public class DocumentPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(DocumentCatalog.Page page);
    }

    @Inject
    DocumentCatalog catalog;

    @GET
    public TemplateInstance index(@QueryParam("page") @DefaultValue("1") int page) {
        return Templates.index(catalog.page(page, PAGE_SIZE));
    }
}
