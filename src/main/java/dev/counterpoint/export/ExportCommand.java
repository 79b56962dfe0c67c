package dev.counterpoint.export;

import dev.counterpoint.dashboard.ChartFilter;
import dev.counterpoint.platform.Command;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * {@code export [--format csv|jsonl|parquet|label-studio] [--document ID]... [--source S] [--min-confidence X] [--from D]
 * [--to D] [--include-disputed false] [--history] --out FILE}: labelled items with provenance.
 */
@ApplicationScoped
public class ExportCommand implements Command {

    @Inject
    Exporters exporters;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "[--format csv|jsonl|parquet|label-studio] [--document ID]... [--source current|model|human|adjudicated] "
                + "[--min-confidence X] [--from DATE] [--to DATE] [--include-disputed false] [--history] --out FILE"
                + "   write labelled items with provenance (all documents by default)";
    }

    @Override
    public int run(List<String> arguments) {
        List<Long> documents = new ArrayList<>();
        Map<String, String> filter = new HashMap<>();
        String format = "jsonl";
        Path out = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--history")) {
                filter.put("history", "true");
                continue;
            }
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("usage: export " + usage());
            }
            switch (argument) {
                case "--format" -> format = arguments.get(++i);
                case "--document" -> documents.add(Long.parseLong(arguments.get(++i)));
                case "--out" -> out = Path.of(arguments.get(++i));
                case "--source", "--min-confidence", "--from", "--to", "--include-disputed" ->
                    filter.put(argument.substring(2), arguments.get(++i));
                default ->
                    throw new IllegalArgumentException("unknown argument '" + argument + "'; usage: export " + usage());
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("say where to write: --out FILE");
        }
        ExportRequest request;
        try {
            Exporters.format(format);
            request = new ExportRequest(documents, ChartFilter.of(filter, Map.of()), filter.containsKey("history"));
        } catch (BadRequestException | InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        long items;
        try (OutputStream stream = Files.newOutputStream(out)) {
            items = exporters.write(format, request, stream, Progress.NONE);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            // A half-written export looks whole to whoever opens it later; remove it.
            deletePartial(out);
            throw new IllegalArgumentException("cannot write " + out + ": " + cause.getMessage()
                    + ". Nothing was exported; free some space or choose another --out.");
        } catch (InvalidInputException e) {
            deletePartial(out);
            throw new IllegalArgumentException(e.getMessage());
        }
        System.out.println("Wrote " + items + " items to " + out);
        return 0;
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
