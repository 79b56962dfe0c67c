package dev.counterpoint.dashboard;

import dev.counterpoint.corpus.DocumentCatalog;
import dev.counterpoint.users.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboards: a list, and each dashboard's page, whose panels draw themselves from their JSON endpoints. */
@Path("/dashboards")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.VIEWER)
public class DashboardPages {

    /** The filter as the form shows it. */
    public record FilterForm(
            String source,
            String minConfidence,
            String from,
            String to,
            boolean includeDisputed,
            String q,
            String target,
            String codebook) {

        public boolean is(String field, String value) {
            return switch (field) {
                case "source" -> value.equals(source);
                case "min-confidence" -> value.equals(minConfidence);
                case "target" -> value.equals(target);
                default -> false;
            };
        }

        /** The query of the "export what this shows" links: this filter (and document) for /api/export/FORMAT. */
        public String exportQuery(Long documentId) {
            StringBuilder query = new StringBuilder();
            if (documentId != null) {
                query.append("document=").append(documentId).append('&');
            }
            query.append("source=").append(encode(source == null ? "current" : source));
            if (minConfidence != null && !minConfidence.isBlank()) {
                query.append("&min-confidence=").append(encode(minConfidence));
            }
            if (from != null && !from.isBlank()) {
                query.append("&from=").append(encode(from));
            }
            if (to != null && !to.isBlank()) {
                query.append("&to=").append(encode(to));
            }
            if (!includeDisputed) {
                query.append("&include-disputed=false");
            }
            return query.toString();
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public record PanelView(String id, String title, String what, String chart, String src, String csv) {
        public boolean drawn() {
            return !"heatmap".equals(chart) && !"table".equals(chart);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DashboardFile> dashboards, List<DashboardCatalog.Problem> problems);

        static native TemplateInstance dashboard(
                DashboardFile dashboard,
                List<PanelView> panels,
                FilterForm filter,
                Long documentId,
                String documentTitle,
                DocumentCatalog.Page documents,
                List<CorpusCharts.TargetOption> targets,
                boolean hasTargetPanel,
                List<String> codebooks);
    }

    @Inject
    DashboardCatalog catalog;

    @Inject
    DocumentCatalog documentCatalog;

    @Inject
    CorpusCharts corpusCharts;

    @GET
    public TemplateInstance index() {
        return Templates.index(catalog.all(), catalog.problems());
    }

    @GET
    @Path("{id}")
    public TemplateInstance dashboard(@PathParam("id") String id, @Context UriInfo uri) {
        DashboardFile dashboard =
                catalog.find(id).orElseThrow(() -> new NotFoundException("There is no dashboard '" + id + "'."));
        Map<String, String> query = new TreeMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            ChartQuery.requireKnown(key, ChartQuery.PANEL);
            if (!values.isEmpty() && !values.get(0).isBlank() && !key.equals("format")) {
                query.put(key, values.get(0));
            }
        });
        ChartFilter.of(query, Map.of()); // refuses a malformed filter before any panel is asked
        Long documentId = null;
        String documentTitle = null;
        DocumentCatalog.Page documents = null;
        if (dashboard.scopeValue() == Measure.Scope.DOCUMENT) {
            if (query.containsKey("document")) {
                documentId = ChartQuery.id("document", query.get("document"));
                documentTitle = documentCatalog.view(documentId).title();
            } else {
                documents = documentCatalog.page(DocumentCharts.parseInt(query.get("page"), 1), 50);
            }
        }
        String queryString = queryString(query);
        List<PanelView> panels = documents != null
                ? List.of()
                : dashboard.panels().stream()
                        .map(p -> {
                            String src = "/api/dashboards/" + dashboard.id() + "/panels/" + p.id() + queryString;
                            return new PanelView(
                                    p.id(),
                                    p.title(),
                                    p.what(),
                                    p.chart(),
                                    src,
                                    src + (queryString.isEmpty() ? "?" : "&") + "format=csv");
                        })
                        .toList();
        boolean hasTargetPanel =
                dashboard.panels().stream().anyMatch(p -> "target-across-documents".equals(p.measure()));
        FilterForm form = new FilterForm(
                query.getOrDefault("source", "current"),
                query.getOrDefault("min-confidence", "0"),
                query.getOrDefault("from", ""),
                query.getOrDefault("to", ""),
                !"false".equals(query.get("include-disputed")),
                query.getOrDefault("q", ""),
                query.getOrDefault("target", defaultTarget(dashboard)),
                query.getOrDefault("codebook", AnnotationCharts.DEFAULT_CODEBOOK));
        return Templates.dashboard(
                dashboard,
                panels,
                form,
                documentId,
                documentTitle,
                documents,
                hasTargetPanel ? corpusCharts.targets() : List.of(),
                hasTargetPanel,
                dashboard.scopeValue() == Measure.Scope.CODEBOOK
                        ? dev.counterpoint.codebook.Codebook.<dev.counterpoint.codebook.Codebook>list("order by slug")
                                .stream()
                                .map(c -> c.slug)
                                .toList()
                        : null);
    }

    private static String defaultTarget(DashboardFile dashboard) {
        return dashboard.panels().stream()
                .filter(p -> p.filters() != null && p.filters().containsKey("target"))
                .map(p -> p.filters().get("target"))
                .findFirst()
                .orElse("");
    }

    private static String queryString(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((key, value) -> out.append(out.length() == 0 ? "?" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
