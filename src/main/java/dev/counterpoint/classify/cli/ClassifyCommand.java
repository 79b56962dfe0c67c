package dev.counterpoint.classify.cli;

import dev.counterpoint.classify.jobs.BatchClassifier;
import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.platform.Command;
import dev.counterpoint.platform.Progress;
import dev.counterpoint.platform.TerminalProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code classify [--document ID]}: labels a document, or every document, with the current model, now. */
@ApplicationScoped
public class ClassifyCommand implements Command {

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    BatchClassifier batches;

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String usage() {
        return "[--document ID]   label a document (or every document) with its codebook's current model";
    }

    @Override
    public int run(List<String> arguments) {
        List<JobStatus> jobs;
        if (arguments.isEmpty()) {
            jobs = requests.classifyEverything("command line");
        } else if (arguments.size() == 2 && arguments.get(0).equals("--document")) {
            jobs = List.of(requests.classifyDocument(Long.parseLong(arguments.get(1)), "command line"));
        } else {
            throw new IllegalArgumentException("usage: classify " + usage());
        }
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
        return jobs.stream().allMatch(j -> "done".equals(requests.status(j.id()).status())) ? 0 : 1;
    }
}
