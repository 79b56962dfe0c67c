package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.ClassifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Labels queued items with the database reads and writes overlapping the encoder: while the encoder works on one
 * batch, the next is read and the previous one labelled and stored (see {@link PipelineRun}).
 */
@ApplicationScoped
public class ClassificationPipeline {

    @Inject
    BatchStages stages;

    @Inject
    JobLeases leases;

    @Inject
    ClassifierConfig config;

    private final Set<PipelineRun> running = ConcurrentHashMap.newKeySet();

    /** Labels open work until none is left; returns the number of batches stored. */
    public int drain() {
        return drain(config.batchSize());
    }

    /** As {@link #drain()}, with batches of the given size. */
    public int drain(int batchSize) {
        PipelineRun run = new PipelineRun(stages, leases, batchSize);
        running.add(run);
        try {
            return run.run();
        } finally {
            running.remove(run);
        }
    }

    /** Asks every running pass to store what it has read and return (shutdown, SIGTERM). */
    public void stop() {
        running.forEach(PipelineRun::stop);
    }
}
