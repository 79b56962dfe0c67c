package dev.counterpoint.dashboard;

import dev.counterpoint.users.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** Dashboards and their panels' data as JSON (or CSV), and the items behind any bar, cell or point. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER)
public class DashboardApi {

    public record DashboardSummary(
            String id, String title, String scope, String description, List<DashboardFile.Panel> panels) {}

    public record Catalog(List<DashboardSummary> dashboards, List<DashboardCatalog.Problem> problems) {}

    @Inject
    DashboardCatalog catalog;

    @Inject
    DocumentCharts documentCharts;

    @Inject
    CorpusCharts corpusCharts;

    @Inject
    AnnotationCharts annotationCharts;

    @Inject
    dev.counterpoint.corpus.DocumentCatalog documents;

    @GET
    @Path("dashboards")
    public Catalog dashboards() {
        return new Catalog(
                catalog.all().stream()
                        .map(d -> new DashboardSummary(d.id(), d.title(), d.scope(), d.description(), d.panels()))
                        .toList(),
                catalog.problems());
    }

    @GET
    @Path("dashboards/{dashboard}/panels/{panel}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response panel(
            @PathParam("dashboard") String dashboardId, @PathParam("panel") String panelId, @Context UriInfo uri) {
        Map<String, String> query = ChartQuery.of(uri, ChartQuery.PANEL);
        Panel panel = panel(dashboardId, panelId);
        ChartFilter filter = ChartFilter.of(query, panel.filters());
        PanelData data;
        if (panel.measure().scope() == Measure.Scope.DOCUMENT) {
            data = documentCharts.panel(panel, document(query), filter, query);
        } else if (panel.measure().scope() == Measure.Scope.CODEBOOK) {
            data = annotationCharts.panel(panel, query.getOrDefault("codebook", AnnotationCharts.DEFAULT_CODEBOOK));
        } else {
            data = corpusCharts.panel(panel, filter, query);
        }
        data = data.withCodebook(codebookOf(panel, query));
        if ("csv".equals(query.get("format"))) {
            return Response.ok(PanelCsv.of(data), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + dashboardId + "-" + panelId + ".csv\"")
                    .build();
        }
        return Response.ok(data, MediaType.APPLICATION_JSON).build();
    }

    /** Which codebook version a panel counts labels of, in words, so every chart can say so. */
    private String codebookOf(Panel panel, Map<String, String> query) {
        if (panel.measure().scope() == Measure.Scope.DOCUMENT) {
            var ref = documents.codebookOf(document(query));
            return "codebook " + ref.slug() + ", version " + ref.version();
        }
        List<String> versions = dev.counterpoint.codebook.Codebook.<dev.counterpoint.codebook.Codebook>list(
                        panel.measure().scope() == Measure.Scope.CODEBOOK
                                ? "slug = ?1"
                                : "id in (select d.codebook.id from Document d) and ?1 = ?1",
                        query.getOrDefault("codebook", AnnotationCharts.DEFAULT_CODEBOOK))
                .stream()
                .map(c -> c.slug + " v" + c.latestVersion().version)
                .toList();
        return (versions.size() == 1 ? "codebook " : "codebooks ") + String.join(", ", versions);
    }

    @GET
    @Path("targets")
    public List<CorpusCharts.TargetOption> targets() {
        return corpusCharts.targets();
    }

    Panel panel(String dashboardId, String panelId) {
        DashboardFile dashboard = catalog.find(dashboardId)
                .orElseThrow(() -> new NotFoundException("There is no dashboard '" + dashboardId + "'."));
        DashboardFile.Panel definition = dashboard.panels().stream()
                .filter(p -> p.id().equals(panelId))
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("The dashboard '" + dashboardId + "' has no panel '" + panelId + "'."));
        return Panel.of(dashboard, definition);
    }

    private static long document(Map<String, String> query) {
        try {
            return Long.parseLong(query.getOrDefault("document", "").strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "This is a document dashboard: say which document by its number (?document=ID), not '"
                            + query.getOrDefault("document", "") + "'.");
        }
    }
}
