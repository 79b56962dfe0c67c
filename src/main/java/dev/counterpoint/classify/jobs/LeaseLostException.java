package dev.counterpoint.classify.jobs;

/**
 * A worker's lease on a batch ran out and another worker took some of its items; the batch's labels must not be
 * stored, so this rolls its transaction back. The other worker labels those items.
 */
public class LeaseLostException extends RuntimeException {

    LeaseLostException(JobQueue.Batch batch, int stillHeld) {
        super("The lease on " + batch.itemIds().size() + " items of job " + batch.jobId() + " ran out and another "
                + "worker took " + (batch.itemIds().size() - stillHeld) + " of them; this batch is dropped.");
    }
}
