package dev.counterpoint.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the errors people can cause into answers they can act on: RFC 9457 problem details
 * ({@code application/problem+json}, see {@link Problem}) under /api, a page elsewhere. Never a stack trace.
 */
public class ErrorResponses {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, 404, "Not found", messageOr(e, "There is nothing at this address."));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return respond(uri, 400, e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(
                uri, 400, "Unreadable JSON", "The JSON could not be read" + where(e) + ": " + e.getOriginalMessage());
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(
                    uri,
                    400,
                    "Unreadable JSON",
                    "Unknown field '" + unknown.getPropertyName() + "'" + where(e) + "; the known fields are "
                            + unknown.getKnownPropertyIds() + ".");
        }
        if (!e.getPath().isEmpty() && e.getTargetType() != null) {
            return respond(
                    uri,
                    400,
                    "Unreadable JSON",
                    "The field '" + field(e) + "'" + where(e) + " should be " + kindOf(e.getTargetType())
                            + "; see the format in the docs folder.");
        }
        return unreadableJson(e, uri);
    }

    /** The field's path as a person writes it: comments[2].text. */
    private static String field(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String kindOf(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [...]";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text in quotes";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object {...}";
    }

    /** Other HTTP errors keep their status; JSON that cannot be parsed arrives here wrapped by the JSON reader. */
    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e instanceof NotSupportedException) {
            return respond(
                    uri,
                    415,
                    "Unsupported content type",
                    "This address does not read a body of that Content-Type. Send JSON with 'Content-Type: "
                            + "application/json' (JSONL imports: application/x-ndjson); /q/openapi lists what each "
                            + "endpoint takes.");
        }
        return respond(
                uri,
                status.getStatusCode(),
                status.getReasonPhrase(),
                messageOr(
                        e,
                        "The request was not accepted (" + status.getStatusCode() + " " + status.getReasonPhrase()
                                + ")."));
    }

    /** Signed in, but the role does not allow it (@RolesAllowed). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(
                uri,
                403,
                "Forbidden",
                "Your role does not allow this (viewers read, annotators also relabel, admins also adjudicate, "
                        + "import, train and manage). Ask an admin for another role if you need it.");
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e, UriInfo uri) {
        return respond(uri, 400, "Not accepted", e.getMessage());
    }

    static Response respond(UriInfo uri, int status, String title, String message) {
        if (uri.getPath().startsWith("/api/")) {
            return Problem.of(status, title, message, uri.getPath()).response();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML)
                .entity(Templates.error(status, title, message))
                .build();
    }

    private static String messageOr(Exception e, String fallback) {
        String message = e.getMessage();
        // The framework's own messages ("HTTP 404 Not Found", "Unable to find matching target resource method")
        // speak to developers; ours are meant for the person reading the page.
        return message == null || message.startsWith("HTTP ") || message.startsWith("Unable to find matching")
                ? fallback
                : message;
    }
}
