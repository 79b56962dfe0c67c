package dev.counterpoint.imports;

import dev.counterpoint.platform.SpreadsheetSafe;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row (RFC 4180: quoted cells may hold commas, quotes and newlines; CRLF or LF).
 * Columns: {@code text} (required), {@code id}, {@code document}, {@code kind}, {@code author}, {@code timestamp},
 * {@code parent}; every other column is a label column named by a target, {@code sentiment} or {@code incivility}.
 * Line numbers are those of the file, where the row starts.
 */
final class CsvItems {

    static final Set<String> COLUMNS =
            Set.of("id", "document", "kind", "text", "author", "timestamp", "parent", "position", "heading");

    /** Provenance columns of an export ({@code russia_source} ...): source and annotator are read back. */
    static final List<String> PROVENANCE =
            List.of("source", "annotator", "model", "confidence", "disputed", "codebook_version", "labelled_at");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(false)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvItems() {}

    static List<JsonlReader.Line> read(String source, ImportOptions options, ImportProblems problems) {
        List<JsonlReader.Line> lines = new ArrayList<>();
        String defaultDocument =
                options.documentKey() == null || options.documentKey().isBlank()
                        ? "csv:" + ContentHash.of(source)
                        : options.documentKey().strip();
        try (CSVParser parser = CSVParser.parse(new StringReader(source), FORMAT)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.strip().toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.contains("text")) {
                problems.add(1, "the header row needs a 'text' column (it has " + String.join(", ", header) + ").");
                return lines;
            }
            List<String> labelColumns = header.stream()
                    .filter(h -> !COLUMNS.contains(h) && !isProvenance(h, header))
                    .toList();
            boolean hasDocumentColumn = header.contains("document");
            if (!hasDocumentColumn) {
                lines.add(new JsonlReader.Line(
                        1,
                        JsonlRecord.documentLine(
                                defaultDocument, options.title(), null, null, null, null, options.codebook())));
            }
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                int number = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(number, "the CSV cannot be read from here on (" + reason(e) + ").");
                    break;
                }
                if (row.size() != header.size()) {
                    problems.add(number, "the row has " + row.size() + " cells, the header " + header.size() + ".");
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.put(header.get(c), SpreadsheetSafe.uncell(row.get(c)));
                }
                JsonlRecord record = toRecord(cells, labelColumns, defaultDocument, options, number, problems);
                if (record != null) {
                    JsonlReader.check(record, number, problems);
                    lines.add(new JsonlReader.Line(number, record));
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(1, "the header row cannot be used (" + e.getMessage() + ").");
        } catch (IOException | UncheckedIOException e) {
            problems.add("The CSV cannot be read (" + reason(e) + ").");
        }
        if (lines.stream().noneMatch(l -> !l.record().isDocumentLine()) && problems.count() == 0) {
            problems.add("The file has no rows under its header.");
        }
        return lines;
    }

    private static JsonlRecord toRecord(
            Map<String, String> cells,
            List<String> labelColumns,
            String defaultDocument,
            ImportOptions options,
            int number,
            ImportProblems problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, JsonlRecord.Provenance> provenance = new LinkedHashMap<>();
        for (String column : labelColumns) {
            String value = cells.get(column);
            if (value != null && !value.isBlank()) {
                labels.put(column, value);
                String source = blankToNull(cells.get(column + "_source"));
                String annotator = blankToNull(cells.get(column + "_annotator"));
                if (source != null || annotator != null) {
                    provenance.put(column, new JsonlRecord.Provenance(source, annotator, null, null, null));
                }
            }
        }
        OffsetDateTime postedAt;
        try {
            postedAt = timestamp(cells.get("timestamp"));
        } catch (DateTimeParseException e) {
            problems.add(
                    number,
                    "timestamp '" + cells.get("timestamp") + "' is not a date and time like 2025-12-03T10:15:00Z.");
            return null;
        }
        String kind = blankToNull(cells.get("kind"));
        String id = blankToNull(cells.get("id"));
        if (id == null && !labels.isEmpty()) {
            // Labels need an item to point at; the line number is stable for the same file.
            id = "line-" + number;
        }
        JsonlRecord record = JsonlRecord.item(
                id,
                blankToNull(cells.get("document")) == null
                        ? defaultDocument
                        : cells.get("document").strip(),
                kind == null ? "comment" : kind.toLowerCase(Locale.ROOT),
                "true".equalsIgnoreCase(blankToNull(cells.get("heading"))),
                cells.get("text"),
                blankToNull(cells.get("author")),
                postedAt,
                blankToNull(cells.get("parent")),
                labels,
                options.annotatorOrDefault());
        return provenance.isEmpty() ? record : record.withProvenance(provenance);
    }

    private static boolean isProvenance(String column, List<String> header) {
        for (String suffix : PROVENANCE) {
            if (column.endsWith("_" + suffix)
                    && header.contains(column.substring(0, column.length() - suffix.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    static OffsetDateTime timestamp(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
