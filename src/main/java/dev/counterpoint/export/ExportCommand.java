package dev.counterpoint.export;

import dev.counterpoint.platform.CliCommand;
import dev.counterpoint.platform.CountingStreams;
import dev.counterpoint.platform.ExitCode;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.platform.Progress;
import dev.counterpoint.platform.TerminalProgress;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code export [--document ID]... --out FILE}: labelled data with provenance. */
@Dependent
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write every item with its current labels and their provenance (source, annotator or model"
                + " version, confidence, time); all documents unless --document names some.")
public class ExportCommand implements CliCommand {

    /** The formats this command writes; more arrive as export services (the interchange work). */
    static final List<String> FORMATS = List.of("jsonl");

    @Option(names = "--document", paramLabel = "ID", description = "a document to export (repeatable)")
    List<Long> documents = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "jsonl",
            description = "the file's format (jsonl); default ${DEFAULT-VALUE}")
    String format;

    @Spec
    CommandSpec spec;

    @Inject
    JsonlExporter exporter;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--format " + format + " is not one this version writes; the formats: " + FORMATS);
        }
        Progress progress = TerminalProgress.onStderr();
        progress.start("export " + out.getFileName() + " (bytes)", -1);
        try (OutputStream stream = Files.newOutputStream(out)) {
            exporter.write(documents, CountingStreams.writing(stream, progress));
        } catch (IOException e) {
            throw new InvalidInputException("Not exported", "cannot write " + out + ": " + e.getMessage());
        } finally {
            progress.finish();
        }
        System.out.println("Wrote " + out);
        return ExitCode.OK;
    }
}
