package dev.counterpoint.classify.cli;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.classify.web.ModelCatalog;
import dev.counterpoint.platform.CliCommand;
import dev.counterpoint.platform.ExitCode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train [--codebook SLUG]}: trains from people's labels, then labels every document with the new model. */
@Dependent
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a model from people's labels (cross-validated, never worse than the shipped model by"
                + " cross-validation), then label every document of the codebook with it.")
public class TrainCommand implements CliCommand {

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    ModelCatalog models;

    @Option(
            names = "--codebook",
            paramLabel = "SLUG",
            defaultValue = "default",
            description = "the codebook; default ${DEFAULT-VALUE}")
    String codebook;

    @Override
    public Integer call() {
        JobStatus job = requests.train(codebook, "command line");
        worker.drain();
        JobStatus done = requests.status(job.id());
        if (!"done".equals(done.status())) {
            System.err.println("Training failed: " + done.error());
            return ExitCode.FAILED;
        }
        System.out.println("Trained " + done.model() + ". Cross-validated scores:");
        System.out.print(models.describe(done.model()));
        return ExitCode.OK;
    }
}
