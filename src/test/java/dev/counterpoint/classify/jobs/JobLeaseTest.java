package dev.counterpoint.classify.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Leased batches: a live lease keeps other workers off, a lease that ran out passes the work on, exactly once. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JobLeaseTest {

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationRequests requests;

    @Inject
    BatchClassifier batches;

    @Inject
    JobQueue queue;

    @Inject
    DataSource dataSource;

    /** Another worker: a thread of its own holds leases of its own. */
    private ExecutorService other;

    private long document;
    private long job;

    @Inject
    ClassificationWorker worker;

    @BeforeEach
    void aQueuedDocument() {
        // Claims go to the oldest open job first: finish any other (the sample's, another test's) before this one.
        worker.drain();
        other = Executors.newSingleThreadExecutor();
        document = importer.importDocument(CorpusFixtures.document(
                        CorpusFixtures.uniqueKey("lease"),
                        List.of("The Kremlin talks."),
                        List.of("Ukraine first", "The EU waits", "London too")))
                .document()
                .id;
        job = requests.classifyDocument(document, "test").id();
    }

    @AfterEach
    void stopTheOtherWorker() {
        other.shutdownNow();
        queue.cancel(job);
    }

    @Test
    void a_live_lease_keeps_other_workers_off_its_items() throws Exception {
        JobQueue.Batch mine = queue.claim(2).orElseThrow();
        drainOnTheOtherWorker();
        assertEquals(2, count("SELECT count(*) FROM job_item WHERE done_at IS NULL AND job_id = " + job));
        assertEquals(0, count("SELECT count(*) FROM label l WHERE l.item_id IN " + ids(mine)));
        assertEquals("running", requests.status(job).status());
    }

    @Test
    void a_worker_whose_lease_ran_out_and_was_taken_over_stores_nothing_and_each_item_is_labelled_once()
            throws Exception {
        JobQueue.Batch slow = queue.claim(2).orElseThrow();
        execute("UPDATE job_item SET lease_until = now() - interval '1 second' WHERE job_id = " + job);
        drainOnTheOtherWorker();
        assertEquals("done", requests.status(job).status());
        assertThrows(
                LeaseLostException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> queue.complete(slow)));
        assertEquals(0, count("""
                SELECT count(*) FROM (SELECT l.item_id, l.dimension, l.target FROM label l JOIN item i ON i.id = l.item_id
                WHERE i.document_id = %d GROUP BY 1, 2, 3 HAVING count(*) <> 1) twice""".formatted(document)));
        assertEquals(0, count("SELECT count(*) FROM job_item WHERE done_at IS NULL AND job_id = " + job));
    }

    @Test
    void a_worker_takes_back_its_own_batch_after_a_failure_without_waiting_for_the_lease() {
        JobQueue.Batch first = queue.claim(2).orElseThrow();
        JobQueue.Batch again = queue.claim(2).orElseThrow();
        assertEquals(first.itemIds(), again.itemIds());
        assertTrue(batches.labelNextBatch());
        assertFalse(
                queue.claim(10)
                        .map(b -> b.itemIds().containsAll(first.itemIds()))
                        .orElse(false),
                "done items are never handed out again");
    }

    private void drainOnTheOtherWorker() throws Exception {
        other.submit(() -> {
                    while (batches.labelNextBatch()) {
                        // keep going
                    }
                })
                .get();
    }

    private static String ids(JobQueue.Batch batch) {
        return batch.itemIds().toString().replace('[', '(').replace(']', ')');
    }

    private void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
