package dev.counterpoint.classify.cli;

import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.classify.web.ModelCatalog;
import dev.counterpoint.platform.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code train [--codebook SLUG]}: trains from people's labels, then labels every document with the new model. */
@ApplicationScoped
public class TrainCommand implements Command {

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    ModelCatalog models;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "[--codebook SLUG]   train a model from people's labels and label every document with it";
    }

    @Override
    public int run(List<String> arguments) {
        String codebook = "default";
        if (arguments.size() == 2 && arguments.get(0).equals("--codebook")) {
            codebook = arguments.get(1);
        } else if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("usage: train " + usage());
        }
        JobStatus job = requests.train(codebook, "command line");
        worker.drain();
        JobStatus done = requests.status(job.id());
        if (!"done".equals(done.status())) {
            System.err.println("Training failed: " + done.error());
            return 1;
        }
        System.out.println("Trained " + done.model() + ". Cross-validated scores:");
        System.out.print(models.describe(done.model()));
        return 0;
    }
}
