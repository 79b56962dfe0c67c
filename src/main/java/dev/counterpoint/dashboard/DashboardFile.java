package dev.counterpoint.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dashboard as written in {@code dashboards/*.yaml}: its panels, each a measure drawn as a chart type with a
 * grouping, default filters, a title and one line on what it shows. docs/dashboard-format.md describes it.
 */
public record DashboardFile(String id, String title, String scope, String description, List<Panel> panels) {

    public record Panel(
            String id,
            String title,
            String what,
            String chart,
            String measure,
            String group,
            Map<String, String> filters) {}

    static final Set<String> FILTERS = Set.of("source", "min-confidence", "include-disputed", "kind", "target", "top");

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Parses and checks a file; the exception message names the file and the field at fault. */
    public static DashboardFile parse(String content, String file) {
        DashboardFile dashboard;
        try {
            dashboard = YAML.readValue(content, DashboardFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidDashboardException(file + ": unknown field '" + e.getPropertyName() + "'"
                    + (e.getLocation() == null
                            ? ""
                            : " at line " + e.getLocation().getLineNr()) + ".");
        } catch (JsonProcessingException e) {
            throw new InvalidDashboardException(file + ": not readable YAML (" + e.getOriginalMessage() + ").");
        }
        if (dashboard == null) {
            throw new InvalidDashboardException(file + ": the file is empty.");
        }
        dashboard.validate(file);
        return dashboard;
    }

    public Measure.Scope scopeValue() {
        return Measure.Scope.valueOf(scope.toUpperCase());
    }

    private void validate(String file) {
        require(
                id != null && id.matches("[a-z0-9]+(-[a-z0-9]+)*"),
                file,
                "id",
                "lowercase letters, digits and hyphens");
        require(title != null && !title.isBlank(), file, "title", "a title");
        require(
                "document".equals(scope) || "corpus".equals(scope) || "codebook".equals(scope),
                file,
                "scope",
                "document, corpus or codebook");
        require(panels != null && !panels.isEmpty(), file, "panels", "at least one panel");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            String where = "panels[" + (i + 1) + "]";
            require(panel != null, file, where, "a panel");
            require(
                    panel.id() != null && panel.id().matches("[a-z0-9]+(-[a-z0-9]+)*"),
                    file,
                    where + ".id",
                    "lowercase letters, digits and hyphens");
            require(
                    ids.add(panel.id()),
                    file,
                    where + ".id",
                    "an id no other panel has ('" + panel.id() + "' repeats)");
            require(panel.title() != null && !panel.title().isBlank(), file, where + ".title", "a title");
            require(
                    panel.what() != null && !panel.what().isBlank(),
                    file,
                    where + ".what",
                    "one line on what it shows");
            Measure measure = Measure.of(panel.measure()).orElse(null);
            require(
                    measure != null,
                    file,
                    where + ".measure",
                    "one of " + Measure.codes() + " (got '" + panel.measure() + "')");
            require(
                    measure.scope() == scopeValue(),
                    file,
                    where + ".measure",
                    "a " + scope + " measure ('" + panel.measure() + "' is for "
                            + measure.scope().name().toLowerCase() + " dashboards)");
            require(
                    measure.charts().contains(panel.chart()),
                    file,
                    where + ".chart",
                    "one of " + measure.charts() + " for " + measure.code() + " (got '" + panel.chart() + "')");
            require(
                    panel.group() == null || measure.groups().contains(panel.group()),
                    file,
                    where + ".group",
                    "one of " + measure.groups() + " for " + measure.code() + " (got '" + panel.group() + "')");
            if (panel.filters() != null) {
                for (String key : panel.filters().keySet()) {
                    require(FILTERS.contains(key), file, where + ".filters." + key, "one of " + FILTERS);
                }
            }
        }
    }

    private static void require(boolean ok, String file, String field, String expected) {
        if (!ok) {
            throw new InvalidDashboardException(file + ": field '" + field + "' must be " + expected + ".");
        }
    }
}
