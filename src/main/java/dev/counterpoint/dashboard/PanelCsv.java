package dev.counterpoint.dashboard;

import dev.counterpoint.platform.SpreadsheetSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A panel's data as CSV. Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return)
 * get a leading apostrophe, so hostile comment text stays text when the file is opened.
 */
public final class PanelCsv {

    private PanelCsv() {}

    public static String of(PanelData data) {
        StringBuilder csv = new StringBuilder();
        if (data.rows() != null) {
            List<String> header = new ArrayList<>();
            header.add("item");
            header.addAll(data.columns());
            line(csv, header);
            for (PanelData.Row row : data.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(text(row.label()));
                for (PanelData.Cell cell : row.cells()) {
                    String shown = cell.text() != null
                            ? cell.text()
                            : cell.value() == null
                                    ? ""
                                    : cell.value()
                                            + (cell.confidence() == null
                                                    ? ""
                                                    : String.format(
                                                            Locale.ROOT,
                                                            " (%.2f, %s)",
                                                            cell.confidence(),
                                                            cell.source()));
                    cells.add(text(shown));
                }
                line(csv, cells);
            }
            return csv.toString();
        }
        List<String> header = new ArrayList<>();
        header.add("category");
        for (PanelData.Series series : data.series()) {
            header.add(text(series.name() + " (" + data.unit() + ")"));
            header.add(text(series.name() + " (count)"));
        }
        line(csv, header);
        for (int i = 0; i < data.labels().size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(text(data.labels().get(i)));
            for (PanelData.Series series : data.series()) {
                Double value = series.values().get(i);
                cells.add(value == null ? "" : String.format(Locale.ROOT, "%.2f", Math.abs(value)));
                cells.add(String.valueOf(series.counts().get(i)));
            }
            line(csv, cells);
        }
        return csv.toString();
    }

    /** A text cell: formula starters neutralised. Numbers are written by the caller and are never text. */
    static String text(String value) {
        return value == null ? "" : SpreadsheetSafe.cell(value);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
