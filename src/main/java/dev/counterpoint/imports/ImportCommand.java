package dev.counterpoint.imports;

import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.platform.CliCommand;
import dev.counterpoint.platform.CountingStreams;
import dev.counterpoint.platform.ExitCode;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Progress;
import dev.counterpoint.platform.TerminalProgress;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import FILE}: documents, items and people's labels from a file, all or nothing, as the API imports them. */
@Dependent
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import documents, items and people's labels from FILE, all or nothing; importing the same"
                + " ids again changes nothing (docs/jsonl-format.md).")
public class ImportCommand implements CliCommand {

    /** The formats this command reads; more arrive as import services (the interchange work). */
    static final java.util.List<String> FORMATS = java.util.List.of("jsonl");

    @Parameters(paramLabel = "FILE", description = "the file to import")
    Path file;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            description = "the file's format (jsonl); default ${DEFAULT-VALUE}")
    String format;

    @Spec
    CommandSpec spec;

    @Inject
    JsonlImporter importer;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--format " + format + " is not one this version reads; the formats: " + FORMATS);
        }
        Progress progress = TerminalProgress.onStderr();
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(CountingStreams.reading(in, progress), StandardCharsets.UTF_8)) {
            progress.start("import " + file.getFileName() + " (bytes)", Files.size(file));
            JsonlImporter.Summary summary;
            try {
                summary = importer.importFile(reader);
            } finally {
                progress.finish();
            }
            System.out.printf(
                    "Imported %s: %d new documents (%d already there), %d items, %d labels (%d skipped: "
                            + "already there or made by a model).%n",
                    file,
                    summary.documentsCreated(),
                    summary.documentsExisting(),
                    summary.items(),
                    summary.labels(),
                    summary.labelsSkipped());
            return ExitCode.OK;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("Not imported", "there is no file " + file);
        } catch (IOException e) {
            throw new InvalidInputException("Not imported", "cannot read " + file + ": " + e.getMessage());
        } catch (InvalidImportException e) {
            throw new InvalidInputException(
                    "Not imported", file + " was not imported, nothing was stored: " + e.getMessage());
        }
    }
}
