package dev.counterpoint.export;

import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.List;

/** The export formats by name, each with its media type and file extension, for the API and the command line. */
@ApplicationScoped
public class Exporters {

    public record Format(String name, String mediaType, String extension) {}

    public static final List<Format> FORMATS = List.of(
            new Format("csv", "text/csv; charset=utf-8", "csv"),
            new Format("jsonl", ExportApi.JSONL + "; charset=utf-8", "jsonl"),
            new Format("parquet", "application/vnd.apache.parquet", "parquet"),
            new Format("label-studio", "application/json; charset=utf-8", "label-studio.json"));

    @Inject
    CsvExporter csv;

    @Inject
    JsonlExporter jsonl;

    @Inject
    LabelStudioExporter labelStudio;

    @Inject
    ParquetExporter parquet;

    public static Format format(String name) {
        return FORMATS.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "The export was not made",
                        "'" + name + "' is not an export format; use one of "
                                + String.join(
                                        ", ", FORMATS.stream().map(Format::name).toList()) + "."));
    }

    /** Refuses what a format cannot hold: the label history does not fit CSV's one row per item. */
    public static void check(String format, ExportRequest request) {
        format(format);
        if ("csv".equals(format) && request.history()) {
            throw new InvalidInputException(
                    "The export was not made",
                    "A CSV holds one row per item with its current labels; the whole label history is in the JSONL "
                            + "and Parquet exports.");
        }
    }

    /** Writes the request in the named format; returns how many items were written. */
    public long write(String format, ExportRequest request, OutputStream out, Progress progress) {
        check(format, request);
        return switch (format(format).name()) {
            case "csv" -> csv.write(request, out, progress);
            case "label-studio" -> labelStudio.write(request, out, progress);
            case "parquet" -> parquet.write(request, out, progress);
            default -> jsonl.write(request, out, progress);
        };
    }
}
