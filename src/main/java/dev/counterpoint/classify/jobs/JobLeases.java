package dev.counterpoint.classify.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Claims of the pipelined worker that outlive a transaction (db/migrations V36): a batch is leased when it is read,
 * settled in the transaction that stores its labels, and released if it cannot be stored. Instances sharing a
 * database skip each other's leases, and a lease left by a dead instance runs out.
 */
@ApplicationScoped
public class JobLeases {

    /** Far longer than a batch takes from reading to storing (well under a second to a few seconds). */
    static final int LEASE_SECONDS = 120;

    @Inject
    EntityManager entityManager;

    /** Leases up to {@code size} open items of the oldest open classify job that has any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<JobQueue.Batch> lease(int size) {
        @SuppressWarnings("unchecked")
        List<Number> jobs = entityManager.createNativeQuery("""
                SELECT id FROM job WHERE kind = 'classify' AND status IN ('queued', 'running') ORDER BY created_at, id
                """).getResultList();
        for (Number job : jobs) {
            @SuppressWarnings("unchecked")
            List<Number> items = entityManager
                    .createNativeQuery("""
                    UPDATE job_item SET lease_until = now() + make_interval(secs => ?3), leased_by = ?4
                    WHERE job_id = ?1 AND item_id IN (
                        SELECT item_id FROM job_item
                        WHERE job_id = ?1 AND done_at IS NULL AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY item_id LIMIT ?2 FOR UPDATE SKIP LOCKED)
                    RETURNING item_id
                    """)
                    .setParameter(1, job.longValue())
                    .setParameter(2, size)
                    .setParameter(3, LEASE_SECONDS)
                    .setParameter(4, JobQueue.holder())
                    .getResultList();
            if (!items.isEmpty()) {
                return Optional.of(new JobQueue.Batch(
                        job.longValue(),
                        items.stream().map(Number::longValue).sorted().toList(),
                        JobQueue.holder()));
            }
        }
        return Optional.empty();
    }

    /**
     * Locks and returns the batch's items this worker still holds and nobody has finished, for the storing
     * transaction to mark done (JobQueue.complete); an item another worker took over after this lease ran out is
     * left out, so its labels are not stored twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> settle(JobQueue.Batch batch) {
        @SuppressWarnings("unchecked")
        List<Number> settled = entityManager
                .createNativeQuery("""
                SELECT item_id FROM job_item
                WHERE job_id = ?1 AND item_id = ANY (?2) AND done_at IS NULL AND leased_by = ?3
                FOR UPDATE
                """)
                .setParameter(1, batch.jobId())
                .setParameter(2, batch.itemIds().toArray(Long[]::new))
                .setParameter(3, batch.holder())
                .getResultList();
        return settled.stream().map(Number::longValue).toList();
    }

    /** Gives the batch's items back at once (it failed or the worker is stopping before it could be stored). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(JobQueue.Batch batch) {
        entityManager
                .createNativeQuery("""
                UPDATE job_item SET lease_until = NULL WHERE job_id = ?1 AND item_id = ANY (?2) AND done_at IS NULL
                """)
                .setParameter(1, batch.jobId())
                .setParameter(2, batch.itemIds().toArray(Long[]::new))
                .executeUpdate();
    }
}
