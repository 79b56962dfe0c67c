package dev.counterpoint.export;

import dev.counterpoint.platform.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code export [--document ID]... --out FILE}: labelled data with provenance, as JSONL. */
@ApplicationScoped
public class ExportCommand implements Command {

    @Inject
    JsonlExporter exporter;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "[--document ID]... --out FILE.jsonl   write labelled data with provenance (all documents by default)";
    }

    @Override
    public int run(List<String> arguments) {
        List<Long> documents = new ArrayList<>();
        Path out = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("usage: export " + usage());
            }
            switch (argument) {
                case "--document" -> documents.add(Long.parseLong(arguments.get(++i)));
                case "--out" -> out = Path.of(arguments.get(++i));
                default ->
                    throw new IllegalArgumentException("unknown argument '" + argument + "'; usage: export " + usage());
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("say where to write: --out FILE.jsonl");
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            exporter.write(documents, stream);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            // A half-written export looks whole to whoever opens it later; remove it.
            deletePartial(out);
            throw new IllegalArgumentException("cannot write " + out + ": " + cause.getMessage()
                    + ". Nothing was exported; free some space or choose another --out.");
        }
        System.out.println("Wrote " + out);
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
