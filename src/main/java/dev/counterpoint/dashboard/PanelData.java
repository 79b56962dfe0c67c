package dev.counterpoint.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One panel's data, as its JSON endpoint serves it and its script draws it: categories ({@code labels}) with
 * series of values, or rows of cells (heatmaps, tables). Every point or cell carries the drill-down query that
 * lists exactly the items it counts. {@code n} and {@code checkedShare} are shown on the chart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PanelData(
        String dashboard,
        String panel,
        String title,
        String what,
        String chart,
        String unit,
        List<String> labels,
        List<Series> series,
        List<String> columns,
        List<Row> rows,
        long n,
        String nOf,
        Double checkedShare,
        List<String> notes,
        Paging paging,
        String codebook) {

    /** A series of values over the labels; {@code value} is the label value it shows ("favor", "uncivil"). */
    public record Series(
            String name, String value, String stack, List<Double> values, List<Long> counts, List<String> drill) {}

    /** A heatmap or table row: a label (and where it links) and its cells. */
    public record Row(String label, String link, List<Cell> cells) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(String value, String text, Double confidence, String source, String drill) {}

    public record Paging(int page, int pageSize, long total) {}

    /** The same data, saying which codebook version it shows ("codebook default, version 2"). */
    public PanelData withCodebook(String description) {
        return new PanelData(
                dashboard,
                panel,
                title,
                what,
                chart,
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
                description);
    }

    public boolean empty() {
        return n == 0;
    }
}
