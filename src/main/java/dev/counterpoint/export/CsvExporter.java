package dev.counterpoint.export;

import dev.counterpoint.platform.Progress;
import dev.counterpoint.platform.SpreadsheetSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes items as CSV, one row per item with its current labels in columns: per target (and sentiment,
 * incivility) the value and its provenance ({@code KEY_source}, {@code _annotator}, {@code _model},
 * {@code _confidence}, {@code _disputed}, {@code _codebook_version}, {@code _labelled_at}). The CSV import reads the
 * same columns back. Cells a spreadsheet would run as formulas are neutralised ({@link SpreadsheetSafe}).
 */
@ApplicationScoped
public class CsvExporter {

    static final List<String> ITEM_COLUMNS =
            List.of("document", "id", "kind", "position", "heading", "parent", "author", "timestamp", "text");
    static final List<String> PROVENANCE =
            List.of("source", "annotator", "model", "confidence", "disputed", "codebook_version", "labelled_at");

    @Inject
    ExportQuery query;

    @Inject
    DataSource dataSource;

    /** Writes the rows; returns how many items were written. */
    public long write(ExportRequest request, OutputStream out, Progress progress) {
        List<String> keys = keys(request.documents());
        List<String> header = new ArrayList<>(ITEM_COLUMNS);
        for (String key : keys) {
            header.add(key);
            PROVENANCE.forEach(p -> header.add(key + "_" + p));
        }
        progress.start("export csv", -1);
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            CSVPrinter printer = new CSVPrinter(
                    writer,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get());
            long[] written = {0};
            ItemGroups groups = new ItemGroups(group -> {
                print(printer, group, keys);
                if (++written[0] % 10_000 == 0) {
                    progress.done(written[0]);
                }
            });
            query.stream(request, groups);
            long items = groups.finish();
            printer.flush();
            progress.done(items);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            progress.finish();
        }
    }

    private static void print(CSVPrinter printer, ItemGroups.Group group, List<String> keys) {
        ExportRow item = group.item();
        List<String> cells = new ArrayList<>(ITEM_COLUMNS.size() + keys.size() * (PROVENANCE.size() + 1));
        cells.add(item.documentKey());
        cells.add(item.itemKey());
        cells.add(item.kind());
        cells.add(Integer.toString(item.position()));
        cells.add(item.heading() ? "true" : "");
        cells.add(item.parent());
        cells.add(item.author());
        cells.add(item.postedAt() == null ? null : item.postedAt().toString());
        cells.add(item.text());
        Map<String, ExportRow.Label> byKey = new HashMap<>();
        group.labels().forEach(l -> byKey.put(l.key(), l));
        for (String key : keys) {
            ExportRow.Label label = byKey.get(key);
            if (label == null) {
                for (int i = 0; i <= PROVENANCE.size(); i++) {
                    cells.add(null);
                }
                continue;
            }
            cells.add(label.value());
            cells.add(label.source());
            cells.add(label.annotator());
            cells.add(label.modelVersion());
            cells.add(label.confidence() == null ? null : label.confidence().toString());
            cells.add(Boolean.toString(label.disputed()));
            cells.add(
                    label.codebookVersion() == null
                            ? null
                            : label.codebookVersion().toString());
            cells.add(label.labelledAt() == null ? null : label.labelledAt().toString());
        }
        try {
            for (String cell : cells) {
                printer.print(SpreadsheetSafe.cell(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The label columns: the targets of the latest versions of the codebooks in use, then the two dimensions. */
    List<String> keys(List<Long> documents) {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT t.slug FROM target t
                        WHERE t.codebook_version_id IN (
                            SELECT (SELECT v.id FROM codebook_version v WHERE v.codebook_id = d.codebook_id
                                    ORDER BY v.version DESC LIMIT 1)
                            FROM document d WHERE ? OR d.id = ANY (?))
                        GROUP BY t.slug ORDER BY min(t.position), t.slug""")) {
            select.setBoolean(1, documents.isEmpty());
            select.setArray(2, connection.createArrayOf("bigint", documents.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The export failed in the database: " + e.getMessage(), e);
        }
        keys.add("sentiment");
        keys.add("incivility");
        return keys;
    }
}
