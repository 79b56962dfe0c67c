package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.ClassifierConfig;
import dev.counterpoint.classify.StoppingException;
import dev.counterpoint.platform.ShutdownOrder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The background thread that works on queued jobs: training first, then classification through the pipeline
 * (reading, encoding and storing overlapped) until no job has anything left; then it waits for a wake-up or polls
 * again. Work lives in PostgreSQL, so a restart resumes where the last committed batch ended; a training job queued
 * while the pipeline runs waits for it to finish.
 */
@ApplicationScoped
public class ClassificationWorker {

    private static final Logger LOG = Logger.getLogger(ClassificationWorker.class);
    private static final long IDLE_WAIT_MS = 1000;
    private static final long STOP_WAIT_MS = 60_000;
    private static final int ATTEMPTS_BEFORE_FAILING_A_JOB = 3;

    @Inject
    ClassificationPipeline pipeline;

    @Inject
    TrainingRunner training;

    @Inject
    BatchClassifier serial;

    @Inject
    JobQueue queue;

    @Inject
    ClassifierConfig config;

    private final Object signal = new Object();
    private final Map<Long, Integer> failures = new HashMap<>();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!config.worker() || ShutdownOrder.hasBegun()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "counterpoint-classifier");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops before the encoder closes and long before the database stops (see {@link ShutdownOrder}): the batch
     * in hand finishes or rolls back, and its items are claimed again after the next start.
     */
    void stop(@Observes @Priority(ShutdownOrder.STOP_WORK) ShutdownEvent event) throws InterruptedException {
        running = false;
        pipeline.stop();
        wake();
        if (thread != null) {
            thread.join(STOP_WAIT_MS);
            if (thread.isAlive()) {
                LOG.warnf(
                        "The classifier did not finish its batch within %d s; stopping without it",
                        STOP_WAIT_MS / 1000);
            }
        }
        LOG.info("Classifier stopped");
    }

    /** Tells the worker there is new work, so it does not wait for its next poll. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Works until no job has anything left; used by the command line, which has no background thread. */
    public void drain() {
        while (workOnce()) {
            // keep going
        }
    }

    private void loop() {
        while (keepWorking()) {
            boolean worked;
            try {
                worked = workOnce();
            } catch (RuntimeException e) {
                if (!keepWorking()) {
                    return;
                }
                LOG.warnf("Classification paused after an error, retrying shortly: %s", e.getMessage());
                worked = false;
            }
            if (!worked) {
                synchronized (signal) {
                    try {
                        signal.wait(IDLE_WAIT_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private boolean labelSerially() {
        boolean any = false;
        while (!ShutdownOrder.hasBegun() && serial.labelNextBatch()) {
            any = true;
        }
        return any;
    }

    private boolean keepWorking() {
        return running && !ShutdownOrder.hasBegun();
    }

    private boolean workOnce() {
        var trainJob = training.claim();
        if (trainJob.isPresent()) {
            training.run(trainJob.get());
            return true;
        }
        try {
            return config.pipeline() ? pipeline.drain() > 0 : labelSerially();
        } catch (RuntimeException e) {
            // Errors while stopping (closed encoder, closing pool) are not the job's fault.
            if (keepWorking() && !(e instanceof StoppingException)) {
                failAfterRepeatedErrors(e);
            }
            throw e;
        }
    }

    /** A batch that fails again and again (a broken model, not a passing outage) fails its job. */
    private void failAfterRepeatedErrors(RuntimeException e) {
        for (Job job : openClassifyJobs()) {
            int count = failures.merge(job.id, 1, Integer::sum);
            if (count >= ATTEMPTS_BEFORE_FAILING_A_JOB) {
                queue.fail(job.id, "Classification failed " + count + " times: " + e.getMessage());
                failures.remove(job.id);
            }
            return;
        }
    }

    private java.util.List<Job> openClassifyJobs() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() ->
                        Job.<Job>list("kind = 'classify' and status in ('queued', 'running') order by createdAt, id"));
    }
}
