package dev.counterpoint.labels.codebook;

import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Sql;
import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.resteasy.reactive.RestForm;

/** Admins change a codebook's targets here (/admin/codebooks), each change a new version with its labels kept. */
@Path("/admin/codebooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class CodebookPages {

    public record TargetRow(String slug, String name, String description, String aliases, int favor, int against) {}

    public record ChangeRow(int version, String kind, String detail, String by, String at) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance codebooks(List<Codebook> codebooks);

        static native TemplateInstance codebook(
                String slug,
                String name,
                int version,
                List<TargetRow> targets,
                List<ChangeRow> changes,
                String message,
                String error);
    }

    @Inject
    TargetChanges changes;

    @Inject
    SecurityIdentity identity;

    @Inject
    DataSource dataSource;

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.codebooks(Codebook.list("order by slug"));
    }

    @GET
    @Path("{slug}")
    @Transactional
    public TemplateInstance codebook(@PathParam("slug") String slug, @QueryParam("done") String done) {
        return page(slug, done, null);
    }

    @POST
    @Path("{slug}/add")
    public Response add(
            @PathParam("slug") String slug,
            @RestForm("target") String target,
            @RestForm String name,
            @RestForm String description,
            @RestForm String aliases,
            @RestForm String favor,
            @RestForm String against) {
        return act(slug, () -> changes.add(slug, entry(target, name, description, aliases, favor, against), admin()));
    }

    @POST
    @Path("{slug}/rename")
    public Response rename(
            @PathParam("slug") String slug,
            @RestForm("target") String target,
            @RestForm String name,
            @RestForm("new-slug") String newSlug) {
        return act(slug, () -> changes.rename(slug, target, name, newSlug, admin()));
    }

    @POST
    @Path("{slug}/merge")
    public Response merge(
            @PathParam("slug") String slug,
            @RestForm("from") List<String> from,
            @RestForm("target") String target,
            @RestForm String name,
            @RestForm String description,
            @RestForm String aliases,
            @RestForm String favor,
            @RestForm String against) {
        return act(
                slug,
                () -> changes.merge(slug, from, entry(target, name, description, aliases, favor, against), admin()));
    }

    @POST
    @Path("{slug}/split")
    public Response split(
            @PathParam("slug") String slug,
            @RestForm("from") String from,
            @RestForm("target-1") String target1,
            @RestForm("name-1") String name1,
            @RestForm("description-1") String description1,
            @RestForm("favor-1") String favor1,
            @RestForm("against-1") String against1,
            @RestForm("target-2") String target2,
            @RestForm("name-2") String name2,
            @RestForm("description-2") String description2,
            @RestForm("favor-2") String favor2,
            @RestForm("against-2") String against2) {
        return act(
                slug,
                () -> changes.split(
                        slug,
                        from,
                        List.of(
                                entry(target1, name1, description1, "", favor1, against1),
                                entry(target2, name2, description2, "", favor2, against2)),
                        admin()));
    }

    private Response act(String slug, java.util.function.Supplier<TargetChanges.Result> change) {
        try {
            TargetChanges.Result result = change.get();
            String done = "Version " + result.version() + ": " + result.kind() + " " + result.from() + " → "
                    + result.to() + "; " + result.carried() + " people's labels carried over, " + result.requested()
                    + " items put back in the review queue. The documents are being labelled again.";
            return Response.seeOther(URI.create(
                            "/admin/codebooks/" + slug + "?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8)))
                    .build();
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(slug, null, e.getMessage())).build();
        }
    }

    private TemplateInstance page(String slug, String message, String error) {
        Codebook codebook = Codebook.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("There is no codebook '" + slug + "'."));
        CodebookVersion version = codebook.latestVersion();
        List<TargetRow> targets = version.targets.stream()
                .map(t -> new TargetRow(
                        t.slug,
                        t.name,
                        t.description,
                        String.join(", ", t.aliases),
                        t.favorExamples.size(),
                        t.againstExamples.size()))
                .toList();
        List<ChangeRow> history = new Sql()
                .append("""
                        SELECT v.version, c.kind, c.detail::text AS detail, c.made_by, c.made_at::text AS made_at
                        FROM codebook_change c JOIN codebook_version v ON v.id = c.codebook_version_id
                        WHERE v.codebook_id = ? ORDER BY v.version DESC""", codebook.id).rows(dataSource).stream()
                        .map(r -> new ChangeRow(
                                ((Number) r.get("version")).intValue(),
                                (String) r.get("kind"),
                                (String) r.get("detail"),
                                (String) r.get("made_by"),
                                ((String) r.get("made_at")).substring(0, 16)))
                        .toList();
        return Templates.codebook(codebook.slug, codebook.name, version.version, targets, history, message, error);
    }

    private static CodebookFile.TargetEntry entry(
            String slug, String name, String description, String aliases, String favor, String against) {
        return new CodebookFile.TargetEntry(
                slug == null ? null : slug.strip(),
                name == null ? null : name.strip(),
                description,
                split(aliases, ","),
                split(favor, "\n"),
                split(against, "\n"),
                List.of());
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private String admin() {
        return identity.getPrincipal().getName();
    }
}
