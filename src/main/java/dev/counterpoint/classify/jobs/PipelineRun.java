package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.jobs.BatchStages.EncodedBatch;
import dev.counterpoint.classify.jobs.BatchStages.LabelledBatch;
import dev.counterpoint.classify.jobs.BatchStages.ReadBatch;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One pass of {@link ClassificationPipeline} over the open work: a reader thread leases and reads the next batches,
 * an encoder thread encodes them, a labeller thread runs the model over them and the calling thread stores them,
 * with at most {@link #DEPTH} batches waiting between two stages. Labelling has a thread of its own so that it
 * runs beside the encoder (and beside storing when the vectors were already stored, as after the model's
 * calibration sample encoded a small corpus whole). Stopping lets the batches already read be stored; a failure stops every
 * stage and gives back the leases of every batch not stored, and the batch that failed rolled back whole.
 */
final class PipelineRun {

    /** Batches waiting between two stages: enough to keep the encoder busy while a batch is read or stored. */
    static final int DEPTH = 2;

    private static final Logger LOG = Logger.getLogger(PipelineRun.class);
    private static final Object END = new Object();
    private static final long POLL_MS = 100;

    private final BatchStages stages;
    private final JobLeases leases;
    private final int batchSize;
    private final BlockingQueue<Object> toEncode = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Object> toLabel = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Object> toStore = new ArrayBlockingQueue<>(DEPTH);
    private final Set<JobQueue.Batch> notStored = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopping;

    PipelineRun(BatchStages stages, JobLeases leases, int batchSize) {
        this.stages = stages;
        this.leases = leases;
        this.batchSize = batchSize;
    }

    /** Stops reading new batches; those already read are still stored. */
    void stop() {
        stopping = true;
    }

    /** Works until nothing is left or it is stopped; returns the number of batches stored. */
    int run() {
        Thread reader = start("counterpoint-reader", this::read);
        Thread encoder = start("counterpoint-encoder", this::encode);
        Thread labeller = start("counterpoint-labeller", this::label);
        int stored = 0;
        try {
            stored = store();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            stopping = true;
            joinQuietly(reader);
            joinQuietly(encoder);
            joinQuietly(labeller);
            releaseUnstored();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return stored;
    }

    private void read() {
        try {
            while (!stopping && failure.get() == null) {
                Optional<ReadBatch> next = stages.read(batchSize);
                if (next.isEmpty()) {
                    break;
                }
                notStored.add(next.get().batch());
                stages.classifier(next.get()); // loaded here, so building a model never stalls the other stages
                if (!hand(toEncode, next.get())) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        hand(toEncode, END);
    }

    private void encode() {
        try {
            Object next;
            while ((next = take(toEncode)) != END && next != null) {
                if (!hand(toLabel, stages.encode((ReadBatch) next))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        hand(toLabel, END);
    }

    private void label() {
        try {
            Object next;
            while ((next = take(toLabel)) != END && next != null) {
                EncodedBatch encoded = (EncodedBatch) next;
                if (!hand(toStore, stages.label(encoded, stages.classifier(encoded.read())))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        hand(toStore, END);
    }

    private int store() {
        int stored = 0;
        Object next;
        while ((next = take(toStore)) != END && next != null) {
            LabelledBatch labelled = (LabelledBatch) next;
            stages.store(labelled);
            notStored.remove(labelled.batch());
            stored++;
        }
        return stored;
    }

    /** Puts a batch on the next stage's queue, unless a stage failed meanwhile (then false). */
    private boolean hand(BlockingQueue<Object> queue, Object batch) {
        try {
            while (!queue.offer(batch, POLL_MS, TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next batch from a queue, END, or null once a stage failed. */
    private Object take(BlockingQueue<Object> queue) {
        try {
            Object next;
            while ((next = queue.poll(POLL_MS, TimeUnit.MILLISECONDS)) == null) {
                if (failure.get() != null) {
                    return null;
                }
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void releaseUnstored() {
        for (JobQueue.Batch batch : notStored) {
            try {
                leases.release(batch);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Could not give back a batch of job %d; its lease runs out: %s", batch.jobId(), e.getMessage());
            }
        }
        notStored.clear();
    }

    private static Thread start(String name, Runnable stage) {
        Thread thread = new Thread(stage, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
