package dev.counterpoint.labels.assign;

import dev.counterpoint.labels.review.QueueFilter;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Sql;
import dev.counterpoint.users.AppUser;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.resteasy.reactive.RestForm;

/** Admins assign items for double coding and follow each annotator's progress (/admin/assignments). */
@Path("/admin/assignments")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AssignmentPages {

    public record Option(String value, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance assignments(
                List<Assignments.Summary> assignments,
                List<Option> annotators,
                List<Option> documents,
                List<Option> targets,
                String message,
                String error);
    }

    @Inject
    Assignments assignments;

    @Inject
    SecurityIdentity identity;

    @Inject
    DataSource dataSource;

    @GET
    public TemplateInstance page(@QueryParam("created") Long created) {
        return page(created == null ? null : "Assignment " + created + " made.", null);
    }

    @POST
    public Response create(
            @RestForm String name,
            @RestForm String by,
            @RestForm Long document,
            @RestForm String target,
            @RestForm String reason,
            @RestForm Integer sample,
            @RestForm List<String> annotator,
            @RestForm Integer perItem,
            @RestForm boolean blind) {
        try {
            Assignments.Request request = new Assignments.Request(
                    name,
                    "document".equals(by) ? document : null,
                    "target".equals(by) ? blankToNull(target) : null,
                    "queue".equals(by) ? new QueueFilter(null, null, null, blankToNull(reason), "priority", 1) : null,
                    sample,
                    annotator,
                    perItem == null ? 2 : perItem,
                    blind);
            Assignments.Summary made =
                    assignments.create(request, identity.getPrincipal().getName());
            return Response.seeOther(URI.create("/admin/assignments?created=" + made.id()))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(null, e.getMessage())).build();
        }
    }

    private TemplateInstance page(String message, String error) {
        List<Option> annotators = AppUser.<AppUser>list("role <> ?1 order by username", Role.VIEWER).stream()
                .map(u -> new Option(u.username, u.username + " (" + u.role + ")"))
                .toList();
        List<Option> documents = new Sql()
                        .append("SELECT id, title FROM document ORDER BY comment_count DESC, id LIMIT 500")
                        .rows(dataSource)
                        .stream()
                        .map(r -> new Option(String.valueOf(r.get("id")), (String) r.get("title")))
                        .toList();
        List<Option> targets = new Sql()
                .append("""
                        SELECT DISTINCT ON (t.slug) t.slug, t.name FROM target t
                        JOIN codebook_version cv ON cv.id = t.codebook_version_id ORDER BY t.slug, cv.version DESC""").rows(dataSource).stream()
                        .map(r -> new Option((String) r.get("slug"), (String) r.get("name")))
                        .toList();
        return Templates.assignments(assignments.all(), annotators, documents, targets, message, error);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
