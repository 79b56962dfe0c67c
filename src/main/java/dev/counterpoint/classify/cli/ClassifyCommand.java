package dev.counterpoint.classify.cli;

import dev.counterpoint.classify.jobs.BatchClassifier;
import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.platform.CliCommand;
import dev.counterpoint.platform.ExitCode;
import dev.counterpoint.platform.Progress;
import dev.counterpoint.platform.TerminalProgress;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code classify [--document ID]}: labels a document, or every document, with the current model, now. */
@Dependent
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = "Label a document (or every document) with its codebook's current model, now; shares the"
                + " work with running instances through the job queue.")
public class ClassifyCommand implements CliCommand {

    @Option(names = "--document", paramLabel = "ID", description = "the document; every document without it")
    Long document;

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    BatchClassifier batches;

    @Override
    public Integer call() {
        List<JobStatus> jobs = document == null
                ? requests.classifyEverything("command line")
                : List.of(requests.classifyDocument(document, "command line"));
        long started = System.nanoTime();
        Progress progress = TerminalProgress.onStderr();
        progress.start("classify", jobs.stream().mapToLong(JobStatus::total).sum());
        try {
            while (batches.labelNextBatch()) {
                progress.done(jobs.stream()
                        .mapToLong(j -> requests.status(j.id()).done())
                        .sum());
            }
        } finally {
            progress.finish();
        }
        worker.drain();
        for (JobStatus job : jobs) {
            JobStatus done = requests.status(job.id());
            System.out.printf(
                    "Job %d (%s): %s, %d of %d items labelled with %s.%n",
                    done.id(), done.codebook(), done.status(), done.done(), done.total(), done.model());
        }
        System.out.printf("Took %.1f s.%n", (System.nanoTime() - started) / 1e9);
        return jobs.stream().allMatch(j -> "done".equals(requests.status(j.id()).status()))
                ? ExitCode.OK
                : ExitCode.FAILED;
    }
}
