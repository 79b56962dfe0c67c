package dev.counterpoint.labels.review;

import dev.counterpoint.users.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;

/** The review queue as JSON: pages, counts per reason, the next subject after one, and bulk decisions (admins). */
@Path("/api/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ANNOTATOR)
public class QueueApi {

    /** A bulk decision: the queue filter (as on the page), the rule, the count confirmed, and why. */
    public record BulkRequest(
            Long document, String target, String source, String reason, String rule, Integer expected, String why) {}

    @Inject
    ReviewQueue queue;

    @Inject
    BulkAdjudication bulk;

    @Inject
    SecurityIdentity identity;

    @GET
    public ReviewQueue.Page page(@Context UriInfo uri) {
        return queue.page(QueueFilter.of(query(uri)), person());
    }

    /** The subject after {@code after} (a row's cursor) under the same filter; 204 when none is left. */
    @GET
    @Path("next")
    public Response next(@Context UriInfo uri, @QueryParam("after") String after) {
        return queue.next(QueueFilter.of(query(uri)), after, person())
                .map(row -> Response.ok(row).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("bulk-preview")
    @RolesAllowed(Role.ADMIN)
    public BulkAdjudication.Preview preview(@Context UriInfo uri, @QueryParam("rule") String rule) {
        return bulk.preview(QueueFilter.of(query(uri)), rule);
    }

    @POST
    @Path("bulk-adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    public BulkAdjudication.Preview apply(BulkRequest request) {
        if (request == null || request.expected() == null) {
            throw new dev.counterpoint.platform.InvalidInputException(
                    "The bulk decision was not saved",
                    "Send the filter, the rule, the count you confirmed as expected, and why, as JSON.");
        }
        QueueFilter filter = new QueueFilter(
                request.document(), request.target(), request.source(), request.reason(), "priority", 1);
        return bulk.apply(filter, request.rule(), request.expected(), request.why(), person());
    }

    /** What the queue's filter, paging and bulk preview read; anything else (a misspelling) is refused. */
    static final java.util.Set<String> PARAMETERS =
            java.util.Set.of("document", "target", "source", "reason", "sort", "page", "after", "rule", "item");

    static Map<String, String> query(UriInfo uri) {
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (!PARAMETERS.contains(key)) {
                throw new dev.counterpoint.platform.InvalidInputException(
                        "The queue filter was not understood",
                        "'" + key + "' is not a filter of the review queue; the filters are "
                                + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ".");
            }
            query.put(key, values.get(0));
        });
        return query;
    }

    private String person() {
        return identity.getPrincipal().getName();
    }
}
