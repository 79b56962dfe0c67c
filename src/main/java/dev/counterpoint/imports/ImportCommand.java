package dev.counterpoint.imports;

import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.platform.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code import FILE.jsonl}: documents, items and people's labels from a JSONL file, all or nothing. */
@ApplicationScoped
public class ImportCommand implements Command {

    @Inject
    JsonlImporter importer;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "FILE.jsonl   import documents, items and people's labels (docs/jsonl-format.md)";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("usage: import FILE.jsonl");
        }
        Path file = Path.of(arguments.get(0));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonlImporter.Summary summary = importer.importFile(reader);
            System.out.printf(
                    "Imported %s: %d new documents (%d already there), %d items, %d labels (%d skipped: "
                            + "already there or made by a model).%n",
                    file,
                    summary.documentsCreated(),
                    summary.documentsExisting(),
                    summary.items(),
                    summary.labels(),
                    summary.labelsSkipped());
            return 0;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("there is no file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (InvalidImportException e) {
            throw new IllegalArgumentException(file + " was not imported, nothing was stored: " + e.getMessage());
        }
    }
}
