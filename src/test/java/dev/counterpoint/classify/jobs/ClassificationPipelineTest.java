package dev.counterpoint.classify.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClassificationPipelineTest {

    private static final int BATCH = 4;

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationPipeline pipeline;

    @Inject
    DataSource dataSource;

    @Test
    void the_pipeline_labels_every_item_once_and_finishes_the_job() throws Exception {
        long document = importDocument("pipeline", 30);
        JobStatus job = requests.classifyDocument(document, "test");
        assertTrue(pipeline.drain(BATCH) >= 8, "32 items (article, paragraph, 30 comments) in batches of 4");
        assertDoneOnce(job, document);
    }

    @Test
    void a_batch_the_database_refuses_is_stored_not_at_all_and_labelled_on_the_next_pass() throws Exception {
        long document = importDocument("refused", 30);
        long refused = queryOne("SELECT max(id) - 10 FROM item WHERE document_id = " + document);
        JobStatus job = requests.classifyDocument(document, "test");
        execute("""
                CREATE FUNCTION refuse_item_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.item_id = %d THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_item_for_test BEFORE INSERT ON label FOR EACH ROW
                EXECUTE FUNCTION refuse_item_for_test();
                """.formatted(refused));
        try {
            RuntimeException failed = assertThrows(RuntimeException.class, () -> pipeline.drain(BATCH));
            assertTrue(
                    String.valueOf(rootCause(failed).getMessage()).contains("refused for the test"), failed::toString);
        } finally {
            execute("DROP TRIGGER refuse_item_for_test ON label; DROP FUNCTION refuse_item_for_test();");
        }
        assertEquals(0, labelsOf("id = " + refused), "the refused item has no label");
        assertWholeBatchesOnly(document);
        assertTrue(requests.status(job.id()).done() < requests.status(job.id()).total(), "the job is not done yet");
        assertEquals(0, queryOne(leased(document)), "every lease of a batch not stored was given back");

        pipeline.drain(BATCH);
        assertDoneOnce(job, document);
    }

    @Test
    void stopping_stores_the_batches_already_read_and_leaves_the_rest_open() throws Exception {
        long document = importDocument("stopped", 120);
        JobStatus job = requests.classifyDocument(document, "test");
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> pipeline.drain(BATCH));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // The batches stored before the stop may belong to other open jobs (the bundled sample's, queued at start).
        while (requests.status(job.id()).done() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        pipeline.stop();
        int stored = running.get(120, TimeUnit.SECONDS);
        JobStatus stopped = requests.status(job.id());
        assertTrue(stopped.done() < stopped.total(), "stopped before the end: " + stopped.done());
        assertEquals(
                stored * BATCH, stopped.done(), () -> "whole batches only; " + stored + " batches stored, " + stopped);
        assertWholeBatchesOnly(document);
        assertEquals(0, queryOne(leased(document)), "nothing left leased");

        pipeline.drain(BATCH);
        assertDoneOnce(job, document);
    }

    private void assertDoneOnce(JobStatus job, long document) throws Exception {
        JobStatus done = requests.status(job.id());
        assertEquals("done", done.status());
        assertEquals(done.total(), done.done());
        assertEquals(done.total() * 9L, labelsOf("document_id = " + document), "9 labels per item");
        assertEquals(0, queryOne("""
                SELECT count(*) FROM (SELECT l.item_id, l.dimension, l.target FROM label l JOIN item i ON i.id = l.item_id
                WHERE i.document_id = %d GROUP BY 1, 2, 3 HAVING count(*) <> 1) twice""".formatted(document)));
    }

    /** Every item marked done has all 9 labels and every item not done has none. */
    private void assertWholeBatchesOnly(long document) throws Exception {
        assertEquals(0, queryOne("""
                SELECT count(*) FROM job_item j JOIN item i ON i.id = j.item_id
                WHERE i.document_id = %d
                  AND (SELECT count(*) FROM label l WHERE l.item_id = j.item_id)
                      <> CASE WHEN j.done_at IS NULL THEN 0 ELSE 9 END""".formatted(document)));
    }

    private static String leased(long document) {
        return "SELECT count(*) FROM job_item j JOIN item i ON i.id = j.item_id WHERE i.document_id = " + document
                + " AND j.lease_until IS NOT NULL";
    }

    private long labelsOf(String itemCondition) throws Exception {
        return queryOne(
                "SELECT count(*) FROM label WHERE item_id IN (SELECT id FROM item WHERE " + itemCondition + ")");
    }

    private long importDocument(String prefix, int comments) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            texts.add(
                    "Comment " + i + ": sanctions on Russia " + (i % 2 == 0 ? "work" : "fail") + ", says reader " + i);
        }
        return importer.importDocument(
                        CorpusFixtures.document(CorpusFixtures.uniqueKey(prefix), List.of("About Ukraine."), texts))
                .document()
                .id;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long queryOne(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
