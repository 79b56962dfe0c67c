package dev.counterpoint.export;

import dev.counterpoint.platform.Progress;
import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled items with their provenance, streamed: {@code /api/export/{csv|jsonl|parquet|label-studio}} with
 * {@code ?document=ID} (repeatable; all documents without it), the dashboards' filters ({@code source},
 * {@code min-confidence}, {@code from}, {@code to}, {@code include-disputed}) and {@code history=true} for every
 * label ever given (JSONL, Parquet).
 */
@Path("/api/export")
@RolesAllowed(Role.VIEWER)
public class ExportApi {

    public static final String JSONL = dev.counterpoint.imports.ImportApi.JSONL;

    @Inject
    Exporters exporters;

    @Inject
    LabelStudioExporter labelStudio;

    @GET
    @Path("{format:csv|jsonl|parquet|label-studio}")
    public Response export(
            @PathParam("format") String format, @QueryParam("document") List<Long> documents, @Context UriInfo uri) {
        Exporters.Format chosen = Exporters.format(format);
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((key, values) -> query.put(key, values.get(0)));
        ExportRequest request = ExportRequest.of(documents, query);
        // Refused before the response starts, so the caller gets a 400 rather than a broken download.
        Exporters.check(format, request);
        StreamingOutput body = out -> exporters.write(format, request, out, Progress.NONE);
        String name = documents == null || documents.size() != 1
                ? "counterpoint-export." + chosen.extension()
                : "counterpoint-document-" + documents.get(0) + "." + chosen.extension();
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** The Label Studio labelling config matching the exported tasks of a codebook, or of a document's codebook. */
    @GET
    @Path("label-studio/config")
    @Produces("application/xml")
    public Response labelStudioConfig(@QueryParam("codebook") String codebook, @QueryParam("document") Long document) {
        String xml = document != null
                ? labelStudio.configForDocument(document)
                : labelStudio.config(codebook == null || codebook.isBlank() ? "default" : codebook);
        return Response.ok(xml)
                .header("Content-Disposition", "attachment; filename=\"label-studio-config.xml\"")
                .build();
    }
}
