package dev.counterpoint.dashboard;

import java.util.List;
import java.util.Map;

/** A dashboard panel ready to compute: its definition and the dashboard it belongs to. */
public record Panel(String dashboard, DashboardFile.Panel definition, Measure measure) {

    public static Panel of(DashboardFile dashboard, DashboardFile.Panel definition) {
        return new Panel(
                dashboard.id(), definition, Measure.of(definition.measure()).orElseThrow());
    }

    public Map<String, String> filters() {
        return definition.filters() == null ? Map.of() : definition.filters();
    }

    public String group() {
        return definition.group();
    }

    PanelData data(
            String unit,
            List<String> labels,
            List<PanelData.Series> series,
            List<String> columns,
            List<PanelData.Row> rows,
            long n,
            String nOf,
            Double checkedShare,
            List<String> notes,
            PanelData.Paging paging) {
        return new PanelData(
                dashboard,
                definition.id(),
                definition.title(),
                definition.what(),
                definition.chart(),
                unit,
                labels,
                series,
                columns,
                rows,
                n,
                nOf,
                checkedShare,
                notes,
                paging,
                null);
    }
}
