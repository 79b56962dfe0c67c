package dev.counterpoint.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * An error answer in the shape of RFC 9457 ("problem details"): {@code type} names the kind of problem (a tag URI,
 * RFC 4151, as the RFC suggests when there is no page to dereference; README "API" lists them), {@code title} says
 * it in a few words, {@code detail} says what went wrong this time and what to do, {@code instance} is the path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** {@code type} is this plus the kind's slug, such as {@code tag:counterpoint.dev,2026:problem/not-found}. */
    public static final String TYPES = "tag:counterpoint.dev,2026:problem/";

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem(TYPES + slug(title), title, status, detail, instance);
    }

    public Response response() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** "Not found" becomes "not-found": a stable name for the kind of problem, for clients that branch on it. */
    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
