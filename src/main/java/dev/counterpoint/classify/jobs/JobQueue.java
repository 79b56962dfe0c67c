package dev.counterpoint.classify.jobs;

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
 * Queues classification work in PostgreSQL and hands it out in batches. Items are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so app instances sharing a database never take the same item, and a batch
 * whose transaction dies (a crash, a kill) is simply claimed again.
 */
@ApplicationScoped
public class JobQueue {

    /** Items of one job claimed by this transaction. */
    public record Batch(long jobId, List<Long> itemIds) {}

    @Inject
    EntityManager entityManager;

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

    /** Claims up to {@code size} pending items of the oldest open classify job that has unclaimed ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Batch> claim(int size) {
        @SuppressWarnings("unchecked")
        List<Number> jobs = entityManager.createNativeQuery("""
                SELECT id FROM job WHERE kind = 'classify' AND status IN ('queued', 'running') ORDER BY created_at, id
                """).getResultList();
        for (Number job : jobs) {
            @SuppressWarnings("unchecked")
            List<Number> items = entityManager
                    .createNativeQuery("""
                    SELECT item_id FROM job_item
                    WHERE job_id = ?1 AND done_at IS NULL AND (leased_until IS NULL OR leased_until < now())
                    ORDER BY item_id LIMIT ?2 FOR UPDATE SKIP LOCKED
                    """)
                    .setParameter(1, job.longValue())
                    .setParameter(2, size)
                    .getResultList();
            if (!items.isEmpty()) {
                return Optional.of(new Batch(
                        job.longValue(), items.stream().map(Number::longValue).toList()));
            }
        }
        return Optional.empty();
    }

    /** Marks the batch's items done, in the transaction that stored their labels. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Batch batch) {
        entityManager
                .createNativeQuery("UPDATE job_item SET done_at = now() WHERE job_id = ?1 AND item_id = ANY (?2)")
                .setParameter(1, batch.jobId())
                .setParameter(2, batch.itemIds().toArray(Long[]::new))
                .executeUpdate();
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

    private static Job started(Job job, int total) {
        job.total = total;
        if (total == 0) {
            job.status = "done";
            job.finishedAt = Instant.now();
        }
        return job;
    }
}
