package dev.counterpoint.export;

import dev.counterpoint.dashboard.ChartFilter;
import dev.counterpoint.platform.CliCommand;
import dev.counterpoint.platform.ExitCode;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Progress;
import dev.counterpoint.platform.TerminalProgress;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code export [--format F] [--document ID]... [filters] --out FILE}: labelled items with provenance. */
@Dependent
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write items with their current labels and provenance (source, annotator or model version,"
                + " calibrated confidence, disputed flag, codebook version); all documents unless --document names"
                + " some, filtered as the dashboards filter.")
public class ExportCommand implements CliCommand {

    @Option(names = "--document", paramLabel = "ID", description = "a document to export (repeatable)")
    List<Long> documents = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            description = "csv, jsonl, parquet or label-studio; default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--source", description = "whose labels: current, model, human or adjudicated")
    String source;

    @Option(names = "--min-confidence", paramLabel = "X", description = "only labels at least this sure (0 to 1)")
    String minConfidence;

    @Option(names = "--from", paramLabel = "DATE", description = "comments posted on or after this day")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "comments posted on or before this day")
    String to;

    @Option(names = "--include-disputed", paramLabel = "true|false", description = "whether disputed items count")
    String includeDisputed;

    @Option(names = "--history", description = "every label each item ever had, not only the current ones")
    boolean history;

    @Spec
    CommandSpec spec;

    @Inject
    Exporters exporters;

    @Override
    public Integer call() {
        ExportRequest request;
        try {
            Exporters.format(format);
            request = new ExportRequest(documents, ChartFilter.of(filter(), Map.of()), history);
        } catch (BadRequestException | InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Progress progress = TerminalProgress.onStderr();
        long items;
        try (OutputStream stream = Files.newOutputStream(out)) {
            items = exporters.write(format, request, stream, progress);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            // A half-written export looks whole to whoever opens it later; remove it.
            deletePartial(out);
            throw new InvalidInputException(
                    "Not exported",
                    "cannot write " + out + ": " + cause.getMessage()
                            + ". Nothing was exported; free some space or choose another --out.");
        } catch (InvalidInputException e) {
            deletePartial(out);
            throw e;
        } finally {
            progress.finish();
        }
        System.out.println("Wrote " + items + " items to " + out);
        return ExitCode.OK;
    }

    private Map<String, String> filter() {
        Map<String, String> filter = new HashMap<>();
        put(filter, "source", source);
        put(filter, "min-confidence", minConfidence);
        put(filter, "from", from);
        put(filter, "to", to);
        put(filter, "include-disputed", includeDisputed);
        return filter;
    }

    private static void put(Map<String, String> filter, String key, String value) {
        if (value != null) {
            filter.put(key, value);
        }
    }

    private static void deletePartial(Path out) {
        try {
            if (Files.isRegularFile(out)) {
                Files.delete(out);
            }
        } catch (IOException e) {
            System.err.println("Counterpoint export: could not remove the partial file " + out);
        }
    }
}
