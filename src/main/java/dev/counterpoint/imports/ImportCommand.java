package dev.counterpoint.imports;

import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.platform.Command;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code import [--format F] [--annotator NAME] [--document KEY] [--title T] [--dry-run] FILE}: documents, items and
 * people's labels from a file (docs/import-formats.md), all or nothing.
 */
@ApplicationScoped
public class ImportCommand implements Command {

    @Inject
    FileImporter importer;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "[--format json|jsonl|csv|label-studio|text] [--annotator NAME] [--document KEY] [--title TITLE] "
                + "[--dry-run] FILE   import documents, items and people's labels (docs/import-formats.md)";
    }

    @Override
    public int run(List<String> arguments) {
        String format = null, annotator = null, document = null, title = null;
        boolean dryRun = false;
        Path file = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            boolean hasValue = i + 1 < arguments.size();
            switch (argument) {
                case "--format" -> format = value(arguments, ++i, hasValue);
                case "--annotator" -> annotator = value(arguments, ++i, hasValue);
                case "--document" -> document = value(arguments, ++i, hasValue);
                case "--title" -> title = value(arguments, ++i, hasValue);
                case "--dry-run" -> dryRun = true;
                default -> {
                    if (argument.startsWith("--") || file != null) {
                        throw new IllegalArgumentException("usage: import " + usage());
                    }
                    file = Path.of(argument);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("usage: import " + usage());
        }
        ImportFormat chosen;
        try {
            chosen = format == null
                    ? ImportFormat.fromFileName(file.getFileName().toString())
                    : ImportFormat.fromCode(format);
        } catch (InvalidImportException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        ImportOptions options = ImportOptions.of(chosen, annotator == null ? "import" : annotator)
                .document(document, title)
                .dryRun(dryRun);
        try (InputStream in = Files.newInputStream(file)) {
            FileImporter.Report report = importer.importFile(in, options, Progress.NONE);
            JsonlImporter.Summary summary = report.summary();
            System.out.printf(
                    "%s %s: %d new documents (%d already there), %d items, %d labels (%d skipped: "
                            + "already there or made by a model).%n",
                    dryRun ? "Dry run, nothing stored; would import" : "Imported",
                    file,
                    summary.documentsCreated(),
                    summary.documentsExisting(),
                    summary.items(),
                    summary.labels(),
                    summary.labelsSkipped());
            report.jobs().forEach(job -> System.out.println("Queued classification job " + job.id() + "."));
            return 0;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("there is no file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (InvalidImportException e) {
            throw new IllegalArgumentException(file + " was not imported, nothing was stored: " + e.getMessage());
        }
    }

    private static String value(List<String> arguments, int index, boolean present) {
        if (!present) {
            throw new IllegalArgumentException("'" + arguments.get(index - 1) + "' needs a value");
        }
        return arguments.get(index);
    }
}
