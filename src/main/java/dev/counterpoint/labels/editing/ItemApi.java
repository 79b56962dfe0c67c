package dev.counterpoint.labels.editing;

import dev.counterpoint.labels.Label;
import dev.counterpoint.labels.LabelChoice;
import dev.counterpoint.labels.LabelWords;
import dev.counterpoint.labels.StaleItemException;
import dev.counterpoint.labels.review.Adjudication;
import dev.counterpoint.platform.Problem;
import dev.counterpoint.users.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * One item as a person decides on it: read it with its labels and history, add labels (annotators), settle a
 * dispute (admins). Saves need the session's CSRF token in the X-CSRF-TOKEN header (platform.CsrfHeaderRequired).
 */
@Path("/api/items/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class ItemApi {

    public record SaveRequest(List<LabelChoice> labels, String note, Integer seenVersion) {}

    public record DecideRequest(String dimension, String target, String value, String reason, Integer seenVersion) {}

    /** A label someone else added since the person's view, in words. */
    public record Change(String who, String source, String target, String display, String at, String note) {}

    public record Saved(int version, List<Change> othersSince, ItemForLabelling item) {}

    /** A problem (RFC 9457) with two extension members: the item's version now, and what changed since. */
    public record Stale(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            int currentVersion,
            List<Change> changes) {}

    @Inject
    ItemLabelling labelling;

    @Inject
    Relabelling relabelling;

    @Inject
    Adjudication adjudication;

    @Inject
    SecurityIdentity identity;

    @GET
    public ItemForLabelling item(@PathParam("id") long id) {
        return labelling.forPerson(id, person());
    }

    @POST
    @Path("labels")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ANNOTATOR)
    public Saved save(@PathParam("id") long id, SaveRequest request) {
        if (request == null) {
            throw new dev.counterpoint.platform.InvalidInputException(
                    "The labels were not saved", "The request body is empty; send the labels as JSON.");
        }
        Relabelling.Saved saved =
                relabelling.save(id, request.labels(), request.note(), person(), request.seenVersion());
        return new Saved(saved.version(), changes(saved.othersSince()), labelling.forPerson(id, person()));
    }

    @POST
    @Path("adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    public Saved decide(@PathParam("id") long id, DecideRequest request) {
        if (request == null || request.seenVersion() == null) {
            throw new dev.counterpoint.platform.InvalidInputException(
                    "The decision was not saved",
                    "Send the decision as JSON with the item's labelVersion you decided on as seenVersion.");
        }
        int version = adjudication.decide(
                id,
                new LabelChoice(request.dimension(), request.target(), request.value()),
                request.reason(),
                person(),
                request.seenVersion());
        return new Saved(version, List.of(), labelling.forPerson(id, person()));
    }

    @ServerExceptionMapper
    public Response stale(StaleItemException e, UriInfo uri) {
        Problem problem = Problem.of(409, "Changed since you opened it", e.getMessage(), uri.getPath());
        return Response.status(409)
                .type(Problem.MEDIA)
                .entity(new Stale(
                        problem.type(),
                        problem.title(),
                        409,
                        problem.detail(),
                        problem.instance(),
                        e.currentVersion(),
                        changes(e.changes())))
                .build();
    }

    static List<Change> changes(List<Label> labels) {
        return labels.stream()
                .map(l -> new Change(
                        l.annotator,
                        l.source.code(),
                        l.target,
                        LabelWords.display(l.dimension.code(), l.value, l.target),
                        l.createdAt == null ? null : l.createdAt.toString(),
                        l.note))
                .toList();
    }

    private String person() {
        return identity.getPrincipal().getName();
    }
}
