package dev.counterpoint.classify.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.classify.EncoderProvider;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.model.TransferClassifier;
import dev.counterpoint.classify.training.ModelTrainer;
import dev.counterpoint.classify.training.TrainingData;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.labels.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs training jobs: gathers the people's labels of a codebook's documents, trains and cross-validates a model
 * per task, stores it as a new model version with its scores, then queues labelling every document with it.
 * A running job keeps a heartbeat; if its instance dies, another takes the job over.
 */
@ApplicationScoped
public class TrainingRunner {

    private static final Logger LOG = Logger.getLogger(TrainingRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    TrainingData trainingData;

    @Inject
    EncoderProvider encoders;

    @Inject
    JobQueue queue;

    @Inject
    ModelRegistry registry;

    /** Takes the oldest queued train job, or one whose instance stopped beating two minutes ago. */
    @Transactional
    public Optional<Long> claim() {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                SELECT id FROM job
                WHERE kind = 'train' AND (status = 'queued'
                      OR (status = 'running' AND heartbeat_at < now() - interval '2 minutes'))
                ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Job job = Job.findById(ids.get(0).longValue());
        job.status = "running";
        job.startedAt = Instant.now();
        job.heartbeatAt = Instant.now();
        return Optional.of(job.id);
    }

    public void run(long jobId) {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
        heartbeat.scheduleAtFixedRate(() -> beat(jobId), 30, 30, TimeUnit.SECONDS);
        try {
            Job job = QuarkusTransaction.requiringNew().call(() -> Job.findById(jobId));
            long codebookId = QuarkusTransaction.requiringNew().call(() -> ((Job) Job.findById(jobId)).codebook.id);
            ModelVersion model = train(codebookId, job.requestedBy, (done, total) -> progress(jobId, done, total));
            QuarkusTransaction.requiringNew().run(() -> {
                Job done = Job.findById(jobId);
                done.modelVersion = ModelVersion.findById(model.id);
                done.status = "done";
                done.finishedAt = Instant.now();
                queue.classifyCodebook(done.codebook, done.modelVersion, done.requestedBy);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Training job %d failed", jobId);
            queue.fail(jobId, "Training failed: " + e.getMessage());
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /** Trains a new model version for the codebook now, in the caller's thread (command line, evaluation). */
    public ModelVersion trainNow(long codebookId, String requestedBy) {
        return train(codebookId, requestedBy, (done, total) -> {});
    }

    /** Steps: reading the labels, the shipped models' answers, then one per task. */
    private ModelVersion train(long codebookId, String requestedBy, Progress progress) {
        long started = System.nanoTime();
        List<TrainingData.Example> examples = trainingData.load(codebookId);
        List<TargetSpec> targets = QuarkusTransaction.requiringNew()
                .call(() -> ((Codebook) Codebook.findById(codebookId))
                        .latestVersion().targets.stream().map(TargetSpec::of).toList());
        int steps = targets.size() + 4;
        progress.report(1, steps);
        TransferClassifier shipped =
                QuarkusTransaction.requiringNew().call(() -> registry.shipped(Codebook.findById(codebookId)));
        List<ItemLabels> answers = shipped.classify(
                examples.stream().map(TrainingData.Example::text).toList(),
                examples.stream().map(TrainingData.Example::vector).toArray(float[][]::new));
        progress.report(2, steps);
        ModelTrainer.Result result =
                new ModelTrainer(THREADS).train(targets, examples, answers, tasks -> progress.report(2 + tasks, steps));
        LOG.infof("Trained on %d labelled items in %.1f s", examples.size(), (System.nanoTime() - started) / 1e9);
        return QuarkusTransaction.requiringNew().call(() -> store(codebookId, result, requestedBy));
    }

    private ModelVersion store(long codebookId, ModelTrainer.Result result, String requestedBy) {
        Codebook codebook = Codebook.findById(codebookId);
        CodebookVersion version = codebook.latestVersion();
        long earlier = ModelVersion.count("codebookVersion.codebook = ?1 and kind = 'trained'", codebook);
        ModelVersion model = new ModelVersion();
        model.name = "trained:" + codebook.slug + "@v" + version.version + "#" + (earlier + 1);
        model.kind = "trained";
        model.codebookVersion = version;
        model.encoder = encoders.encoder().id();
        model.artifact = result.bundle().toBytes();
        model.metrics = json(result.reports());
        Map<String, Integer> counts = new LinkedHashMap<>();
        result.reports().forEach((task, report) -> counts.put(task, report.labels()));
        model.trainingLabels = json(counts);
        model.createdBy = requestedBy;
        model.persist();
        return model;
    }

    /** Training uses both cores: the machine's encoder is idle meanwhile. */
    private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    @FunctionalInterface
    interface Progress {
        void report(int done, int total);
    }

    private void progress(long jobId, int done, int total) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery(
                                    "UPDATE job SET done = ?2, total = ?3, heartbeat_at = now() WHERE id = ?1")
                            .setParameter(1, jobId)
                            .setParameter(2, done)
                            .setParameter(3, total)
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("Progress of job %d not recorded: %s", jobId, e.getMessage());
        }
    }

    private void beat(long jobId) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> entityManager
                            .createNativeQuery("UPDATE job SET heartbeat_at = now() WHERE id = ?1")
                            .setParameter(1, jobId)
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("Heartbeat of job %d missed: %s", jobId, e.getMessage());
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
