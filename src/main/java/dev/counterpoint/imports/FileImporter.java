package dev.counterpoint.imports;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.platform.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a file in any supported layout (docs/import-formats.md), all or nothing: reads it as strict UTF-8 under
 * the size limit, turns it into records listing every bad row, stores it in one transaction (or, in a dry run,
 * checks and rolls back), then queues the new documents for classification.
 */
@ApplicationScoped
public class FileImporter {

    /** What happened: the import's summary and the classification jobs queued for its new documents. */
    public record Report(boolean dryRun, JsonlImporter.Summary summary, List<JobStatus> jobs) {}

    @Inject
    JsonlImporter importer;

    @Inject
    ClassificationRequests classification;

    public Report importFile(InputStream in, ImportOptions options, Progress progress) {
        String text = ImportText.read(in, options.maxBytes());
        ImportProblems problems = new ImportProblems();
        List<JsonlReader.Line> lines = switch (options.format()) {
            case JSONL -> JsonlReader.read(text, problems);
            case CSV -> CsvItems.read(text, options, problems);
            case JSON -> DocumentJson.read(text, options, problems);
            case LABEL_STUDIO -> LabelStudioTasks.read(text, options, problems);
            case TEXT -> TextLayout.read(text, options, problems);
        };
        problems.throwIfAny();
        JsonlImporter.Summary summary = importer.importLines(lines, options, progress);
        List<JobStatus> jobs = new ArrayList<>();
        if (!options.dryRun() && options.classify()) {
            for (JsonlImporter.DocumentOutcome document : summary.documents()) {
                if (document.created()) {
                    jobs.add(classification.classifyDocument(document.id(), options.requestedBy()));
                }
            }
        }
        return new Report(options.dryRun(), summary, jobs);
    }
}
