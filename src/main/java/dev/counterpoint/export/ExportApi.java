package dev.counterpoint.export;

import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/** Labelled data with its provenance, as JSONL: one document ({@code ?document=ID}, repeatable) or all. */
@Path("/api/export")
@RolesAllowed(Role.VIEWER)
public class ExportApi {

    public static final String JSONL = dev.counterpoint.imports.ImportApi.JSONL;

    @Inject
    JsonlExporter exporter;

    @GET
    @Path("jsonl")
    @Produces(JSONL)
    public Response jsonl(@QueryParam("document") List<Long> documents) {
        StreamingOutput body = out -> exporter.write(documents == null ? List.of() : documents, out);
        String name = documents == null || documents.size() != 1
                ? "counterpoint-export.jsonl"
                : "counterpoint-document-" + documents.get(0) + ".jsonl";
        return Response.ok(body, JSONL + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
