package dev.counterpoint.labels.review;

import dev.counterpoint.labels.assign.Assignments;
import dev.counterpoint.platform.Sql;
import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import javax.sql.DataSource;

/**
 * The review queue (/queue) where annotators spend their labelling time where it helps most, and their double-coding
 * assignments (/queue/assigned). Selecting a row opens the item in the labelling panel (js/labeller.js).
 */
@Path("/queue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ANNOTATOR)
public class QueuePages {

    public record Option(String value, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(
                ReviewQueue.Page page,
                List<Option> documents,
                List<Option> keys,
                long assignedOpen,
                boolean admin,
                String previous,
                String next);

        static native TemplateInstance assigned(List<Assignments.Assigned> items, long open);
    }

    @Inject
    ReviewQueue queue;

    @Inject
    Assignments assignments;

    @Inject
    SecurityIdentity identity;

    @Inject
    DataSource dataSource;

    @GET
    public TemplateInstance queue(@Context UriInfo uri) {
        QueueFilter filter = QueueFilter.of(QueueApi.query(uri));
        ReviewQueue.Page page = queue.page(filter, person());
        String base = "/queue?" + filter.query() + "&page=";
        return Templates.queue(
                page,
                documents(),
                keys(),
                assignments.openFor(person()),
                identity.hasRole(Role.ADMIN),
                page.page() > 1 ? base + (page.page() - 1) : null,
                page.hasNext() ? base + (page.page() + 1) : null);
    }

    @GET
    @Path("assigned")
    public TemplateInstance assigned() {
        return Templates.assigned(assignments.forAnnotator(person(), 500), assignments.openFor(person()));
    }

    /** The documents that have anything in the queue, most first (a few thousand rows of review_count at most). */
    private List<Option> documents() {
        return new Sql()
                .append("""
                        SELECT d.id, d.title FROM (SELECT document_id, sum(total) AS n FROM review_count
                                                   GROUP BY document_id HAVING sum(total) > 0
                                                   ORDER BY n DESC LIMIT 200) c
                        JOIN document d ON d.id = c.document_id ORDER BY c.n DESC""").rows(dataSource).stream()
                        .map(r -> new Option(String.valueOf(r.get("id")), (String) r.get("title")))
                        .toList();
    }

    /** Every target of the codebooks' latest versions, then sentiment and incivility. */
    private List<Option> keys() {
        List<Option> keys = new java.util.ArrayList<>(new Sql()
                .append("""
                        SELECT DISTINCT ON (t.slug) t.slug, t.name FROM target t
                        JOIN codebook_version cv ON cv.id = t.codebook_version_id
                        WHERE cv.version = (SELECT max(version) FROM codebook_version x WHERE x.codebook_id = cv.codebook_id)
                        ORDER BY t.slug""").rows(dataSource).stream()
                        .map(r -> new Option((String) r.get("slug"), (String) r.get("name")))
                        .toList());
        keys.add(new Option("sentiment", "Sentiment"));
        keys.add(new Option("incivility", "Incivility"));
        return keys;
    }

    private String person() {
        return identity.getPrincipal().getName();
    }
}
