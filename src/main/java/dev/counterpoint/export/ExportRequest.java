package dev.counterpoint.export;

import dev.counterpoint.dashboard.ChartFilter;
import java.util.List;
import java.util.Map;

/**
 * What to export: some documents (all when empty), filtered as the dashboards filter (which labels, how sure,
 * which dates, whether disputed ones count), with the current labels or, with {@code history}, every label ever
 * given.
 */
public record ExportRequest(List<Long> documents, ChartFilter filter, boolean history) {

    public static final ExportRequest EVERYTHING = new ExportRequest(List.of(), ChartFilter.ALL, false);

    public static ExportRequest of(List<Long> documents, Map<String, String> query) {
        return new ExportRequest(
                documents == null ? List.of() : documents,
                ChartFilter.of(query, Map.of()),
                "true".equals(query.get("history")));
    }
}
