package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.ClassifierConfig;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.labels.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Queues classification work in PostgreSQL and hands it out in leased batches. A claim picks pending items with
 * {@code FOR UPDATE SKIP LOCKED} (so two workers never pick the same ones) and leases them to the worker until a
 * time, in a transaction of its own that commits at once; the worker labels them and marks them done in its own
 * transaction only if it still holds the lease. A worker that dies or hangs loses its items when the lease runs
 * out ({@code counterpoint.classifier.lease}) and another worker, in this instance or another one on the same
 * database, takes them; if the first one comes back late it finds the lease gone and stores nothing.
 */
@ApplicationScoped
public class JobQueue {

    /** Items of one job leased to {@code holder}. */
    public record Batch(long jobId, List<Long> itemIds, String holder) {}

    /** This JVM among the instances that share the database, for the lease holder's name and for people. */
    static final String INSTANCE =
            ProcessHandle.current().pid() + "@" + hostName() + "/" + Long.toString(System.nanoTime() & 0xffffff, 36);

    @Inject
    EntityManager entityManager;

    @Inject
    ClassifierConfig config;

    @Transactional
    public Job classifyDocument(Document document, ModelVersion model, String requestedBy) {
        Job job = newJob(Job.CLASSIFY, document.codebook, model, document, requestedBy);
        int total = entityManager
                .createNativeQuery("""
                INSERT INTO job_item (job_id, item_id) SELECT ?1, id FROM item WHERE document_id = ?2
                """)
                .setParameter(1, job.id)
                .setParameter(2, document.id)
                .executeUpdate();
        return started(job, total);
    }

    /** One job for every document of the codebook. */
    @Transactional
    public Job classifyCodebook(Codebook codebook, ModelVersion model, String requestedBy) {
        Job job = newJob(Job.CLASSIFY, codebook, model, null, requestedBy);
        int total = entityManager
                .createNativeQuery("""
                INSERT INTO job_item (job_id, item_id)
                SELECT ?1, i.id FROM item i JOIN document d ON d.id = i.document_id WHERE d.codebook_id = ?2
                """)
                .setParameter(1, job.id)
                .setParameter(2, codebook.id)
                .executeUpdate();
        return started(job, total);
    }

    @Transactional
    public Job train(Codebook codebook, String requestedBy) {
        return newJob(Job.TRAIN, codebook, null, null, requestedBy);
    }

    /**
     * Leases up to {@code size} pending items of the oldest open classify job that has any free: not leased, leased
     * to this worker already (a batch it failed and now retries), or with the lease run out. Commits the lease at
     * once, whatever the caller's transaction does.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Batch> claim(int size) {
        String holder = holder();
        @SuppressWarnings("unchecked")
        List<Number> jobs = entityManager.createNativeQuery("""
                SELECT id FROM job WHERE kind = 'classify' AND status IN ('queued', 'running') ORDER BY created_at, id
                """).getResultList();
        for (Number job : jobs) {
            @SuppressWarnings("unchecked")
            List<Number> items = entityManager
                    .createNativeQuery("""
                    UPDATE job_item SET leased_by = ?3, lease_until = now() + make_interval(secs => ?4)
                    WHERE job_id = ?1 AND item_id IN (
                        SELECT item_id FROM job_item
                        WHERE job_id = ?1 AND done_at IS NULL
                          AND (lease_until IS NULL OR lease_until < now() OR leased_by = ?3)
                        ORDER BY item_id LIMIT ?2 FOR UPDATE SKIP LOCKED)
                    RETURNING item_id
                    """)
                    .setParameter(1, job.longValue())
                    .setParameter(2, size)
                    .setParameter(3, holder)
                    .setParameter(4, (double) config.lease().toMillis() / 1000)
                    .getResultList();
            if (!items.isEmpty()) {
                return Optional.of(new Batch(
                        job.longValue(),
                        items.stream().map(Number::longValue).sorted().toList(),
                        holder));
            }
        }
        return Optional.empty();
    }

    /**
     * Marks the batch's items done, in the transaction that stored their labels, if the worker still holds their
     * lease; if another worker has taken any of them (this one's lease ran out), throws {@link LeaseLostException}
     * so that the caller's transaction, labels and all, rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Batch batch) {
        int marked = entityManager
                .createNativeQuery("""
                UPDATE job_item SET done_at = now(), lease_until = NULL
                WHERE job_id = ?1 AND item_id = ANY (?2) AND leased_by = ?3 AND done_at IS NULL
                """)
                .setParameter(1, batch.jobId())
                .setParameter(2, batch.itemIds().toArray(Long[]::new))
                .setParameter(3, batch.holder())
                .executeUpdate();
        if (marked != batch.itemIds().size()) {
            throw new LeaseLostException(batch, marked);
        }
        entityManager
                .createNativeQuery("""
                UPDATE job SET done = done + ?2, status = 'running', started_at = coalesce(started_at, now())
                WHERE id = ?1 AND status IN ('queued', 'running')
                """)
                .setParameter(1, batch.jobId())
                .setParameter(2, batch.itemIds().size())
                .executeUpdate();
        entityManager.createNativeQuery("""
                UPDATE job SET status = 'done', finished_at = now()
                WHERE id = ?1 AND status = 'running'
                  AND NOT EXISTS (SELECT 1 FROM job_item WHERE job_id = ?1 AND done_at IS NULL)
                """).setParameter(1, batch.jobId()).executeUpdate();
    }

    @Transactional
    public void fail(long jobId, String error) {
        Job job = Job.findById(jobId);
        if (job != null && job.isOpen()) {
            job.status = "failed";
            job.error = error;
            job.finishedAt = Instant.now();
        }
    }

    @Transactional
    public void cancel(long jobId) {
        Job job = Job.findById(jobId);
        if (job != null && job.isOpen()) {
            job.status = "cancelled";
            job.finishedAt = Instant.now();
        }
    }

    private Job newJob(String kind, Codebook codebook, ModelVersion model, Document document, String requestedBy) {
        Job job = new Job();
        job.kind = kind;
        job.codebook = codebook;
        job.modelVersion = model;
        job.document = document;
        job.requestedBy = requestedBy;
        job.persist();
        entityManager.flush();
        return job;
    }

    /** The worker: this instance and thread, so that a thread retries its own batch but never takes another's. */
    static String holder() {
        return INSTANCE + "/" + Thread.currentThread().getId();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static Job started(Job job, int total) {
        job.total = total;
        if (total == 0) {
            job.status = "done";
            job.finishedAt = Instant.now();
        }
        return job;
    }
}
