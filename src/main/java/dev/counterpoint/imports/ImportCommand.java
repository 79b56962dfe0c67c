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
                + " items again changes nothing (docs/import-formats.md).")
public class ImportCommand implements CliCommand {

    @Parameters(paramLabel = "FILE", description = "the file to import")
    Path file;

    @Option(
            names = "--format",
            description = "json, jsonl, csv, label-studio or text; by default from the file name's ending")
    String format;

    @Option(
            names = "--annotator",
            paramLabel = "NAME",
            description = "who gave the labels in the file (default import)")
    String annotator;

    @Option(names = "--document", paramLabel = "KEY", description = "the document's key, for formats without one")
    String document;

    @Option(names = "--title", paramLabel = "TITLE", description = "the document's title, for formats without one")
    String title;

    @Option(names = "--dry-run", description = "check the file and say what would be imported; store nothing")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Inject
    FileImporter importer;

    @Override
    public Integer call() {
        ImportFormat chosen;
        try {
            chosen = format == null
                    ? ImportFormat.fromFileName(file.getFileName().toString())
                    : ImportFormat.fromCode(format);
        } catch (InvalidImportException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ImportOptions options = ImportOptions.of(chosen, annotator == null ? "import" : annotator)
                .document(document, title)
                .dryRun(dryRun);
        Progress progress = TerminalProgress.onStderr();
        try (InputStream in = Files.newInputStream(file)) {
            progress.start("import " + file.getFileName() + " (bytes)", Files.size(file));
            FileImporter.Report report;
            try {
                report = importer.importFile(CountingStreams.reading(in, progress), options, Progress.NONE);
            } finally {
                progress.finish();
            }
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
