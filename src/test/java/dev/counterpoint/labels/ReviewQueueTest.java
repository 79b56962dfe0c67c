package dev.counterpoint.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.labels.review.Adjudication;
import dev.counterpoint.labels.review.BulkAdjudication;
import dev.counterpoint.labels.review.QueueFilter;
import dev.counterpoint.labels.review.ReviewQueue;
import dev.counterpoint.platform.InvalidInputException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReviewQueueTest {

    @Inject
    LabelFixtures fixtures;

    @Inject
    Adjudication adjudication;

    @Inject
    BulkAdjudication bulk;

    @Inject
    ReviewQueue queue;

    @Inject
    EntityManager entityManager;

    @Test
    void a_model_label_under_the_threshold_waits_for_a_person_and_a_sure_one_does_not() {
        List<Long> items = fixtures.comments("unsure", "Russia again.", "Russia once more.");
        fixtures.model(items.get(0), "russia", "favor", 0.41);
        fixtures.model(items.get(1), "russia", "favor", 0.93);

        Map<String, Object> unsure = fixtures.queueRow(items.get(0), "russia");
        assertNotNull(unsure);
        assertEquals(true, unsure.get("uncertain"));
        assertEquals("model", unsure.get("current_source"));
        assertNull(fixtures.queueRow(items.get(1), "russia"));
    }

    @Test
    void a_person_who_agrees_with_the_model_settles_it_and_one_who_does_not_overturns_it() {
        List<Long> items = fixtures.comments("overturn", "One.", "Two.");
        fixtures.model(items.get(0), "russia", "favor", 0.4);
        fixtures.model(items.get(1), "russia", "favor", 0.4);

        fixtures.human(items.get(0), "alice", "russia", "favor");
        fixtures.human(items.get(1), "alice", "russia", "against");

        assertNull(fixtures.queueRow(items.get(0), "russia"), "agreeing with the model takes it out of the queue");
        Map<String, Object> overturned = fixtures.queueRow(items.get(1), "russia");
        assertEquals(true, overturned.get("overturned"));
        assertEquals(false, overturned.get("uncertain"));
        assertEquals("against", overturned.get("human_value"));
        assertEquals("human", overturned.get("current_source"));
    }

    @Test
    void people_who_disagree_come_first_an_adjudication_closes_it_and_a_later_different_label_reopens_it() {
        List<Long> items = fixtures.comments("disagree", "Split.");
        long item = items.get(0);
        fixtures.model(item, "ukraine", "none", 0.9);
        fixtures.human(item, "alice", "ukraine", "favor");
        fixtures.human(item, "bob", "ukraine", "against");

        Map<String, Object> split = fixtures.queueRow(item, "ukraine");
        assertEquals(true, split.get("disagreement"));
        assertTrue(((Number) split.get("priority")).doubleValue() < 0, "disagreements sort before the model's doubts");
        long document = fixtures.documentOf(item);
        assertEquals(1L, disputes(document), "the charts' disputed filter reads the same queue");

        fixtures.adjudicate(item, "admin", "ukraine", "favor");
        assertNull(fixtures.queueRow(item, "ukraine"), "the adjudication closes the dispute");
        assertEquals(0L, disputes(document));

        fixtures.human(item, "carol", "ukraine", "against");
        Map<String, Object> reopened = fixtures.queueRow(item, "ukraine");
        assertEquals(true, reopened.get("disagreement"), "a later label against the adjudication reopens it");
        assertEquals("adjudicated", reopened.get("current_source"), "the adjudication still counts meanwhile");
    }

    @Test
    void counts_per_reason_match_the_queue_itself() {
        List<Long> items = fixtures.comments("counts", "A.", "B.", "C.");
        fixtures.model(items.get(0), "europe", "favor", 0.2);
        fixtures.model(items.get(1), "europe", "against", 0.3);
        fixtures.human(items.get(1), "alice", "europe", "favor");
        fixtures.human(items.get(2), "alice", "europe", "favor");
        fixtures.human(items.get(2), "bob", "europe", "none");
        long document = fixtures.documentOf(items.get(0));

        ReviewQueue.Counts counts = queue.counts(new QueueFilter(document, "europe", null, null, "priority", 1));
        assertEquals(1, counts.uncertain());
        assertEquals(1, counts.overturned());
        assertEquals(1, counts.disagreement());
        assertEquals(3, counts.total());
        ReviewQueue.Page page = queue.page(new QueueFilter(document, null, null, null, "priority", 1), "admin");
        assertEquals(3, page.rows().size());
        assertEquals("disagreement", page.rows().get(0).reasons().get(0), "most useful first");
        long everywhere = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM review_item")
                                .getSingleResult())
                        .longValue());
        assertEquals(everywhere, queue.counts(QueueFilter.ALL).total(), "the counter table adds up to the queue");
    }

    @Test
    void next_continues_after_a_subject_even_when_it_has_left_the_queue() {
        List<Long> items = fixtures.comments("next", "A.", "B.", "C.");
        fixtures.model(items.get(0), "uk", "favor", 0.1);
        fixtures.model(items.get(1), "uk", "favor", 0.2);
        fixtures.model(items.get(2), "uk", "favor", 0.3);
        QueueFilter filter = new QueueFilter(fixtures.documentOf(items.get(0)), "uk", null, null, "priority", 1);
        ReviewQueue.Row first = queue.page(filter, "admin").rows().get(0);
        assertEquals(items.get(0), first.itemId());

        fixtures.human(items.get(0), "alice", "uk", "favor");
        ReviewQueue.Row next = queue.next(filter, first.cursor(), "admin").orElseThrow();
        assertEquals(items.get(1), next.itemId());
        assertEquals(
                items.get(2),
                queue.next(filter, next.cursor(), "admin").orElseThrow().itemId());
    }

    @Test
    void a_decision_on_a_stale_view_is_refused_with_what_changed_and_a_fresh_one_lands() {
        long item = fixtures.comments("stale", "Contested.").get(0);
        int seen = fixtures.human(item, "alice", "russia", "favor");
        fixtures.human(item, "bob", "russia", "against");

        StaleItemException stale = assertThrows(
                StaleItemException.class,
                () -> adjudication.decide(
                        item, LabelFixtures.stance("russia", "favor"), "alice is right", "admin", seen));
        assertEquals(1, stale.changes().size());
        assertEquals("bob", stale.changes().get(0).annotator);
        assertEquals("against", stale.changes().get(0).value);

        adjudication.decide(item, LabelFixtures.stance("russia", "against"), "bob read it right", "admin", seen + 1);
        assertNull(fixtures.queueRow(item, "russia"));
        assertEquals("adjudicated", currentSource(item, "russia"));
        assertEquals(
                3,
                QuarkusTransaction.requiringNew()
                        .call(() -> Label.historyOf(item).size()),
                "everything stays in history");
    }

    @Test
    void two_people_saving_the_same_item_at_once_both_land_in_history() throws Exception {
        long item = fixtures.comments("concurrent", "Both at once.").get(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> saves = List.of("alice", "bob").stream()
                    .map(person -> pool.submit(() -> {
                        start.await();
                        return fixtures.human(item, person, "europe", person.equals("alice") ? "favor" : "against");
                    }))
                    .toList();
            start.countDown();
            int a = saves.get(0).get();
            int b = saves.get(1).get();
            assertEquals(3, a + b, "versions 1 and 2, one after the other");
        } finally {
            pool.shutdownNow();
        }
        List<Label> history = QuarkusTransaction.requiringNew().call(() -> Label.historyOf(item));
        assertEquals(2, history.size());
        assertEquals(true, fixtures.queueRow(item, "europe").get("disagreement"));
    }

    @Test
    void a_bulk_decision_is_counted_first_and_refused_if_the_set_changed() {
        List<Long> items = fixtures.comments("bulk", "One.", "Two.", "Three.");
        for (Long item : items) {
            fixtures.model(item, "business-envoys", "favor", 0.9);
            fixtures.human(item, "alice", "business-envoys", "against");
        }
        QueueFilter overturned = new QueueFilter(
                fixtures.documentOf(items.get(0)), "business-envoys", null, "overturned", "priority", 1);
        BulkAdjudication.Preview preview = bulk.preview(overturned, "human");
        assertEquals(3, preview.decided());

        assertThrows(
                InvalidInputException.class, () -> bulk.apply(overturned, "human", 2, "annotator read them", "admin"));
        assertEquals(3, bulk.preview(overturned, "human").decided(), "a refused decision changes nothing");

        bulk.apply(overturned, "human", 3, "the annotator read them right", "admin");
        for (Long item : items) {
            assertNull(fixtures.queueRow(item, "business-envoys"));
            assertEquals("adjudicated", currentSource(item, "business-envoys"));
        }
    }

    @Test
    void a_save_keeps_the_corpus_rollups_equal_to_a_full_recount() {
        List<Long> items = fixtures.comments("rollup", "One.", "Two.");
        long document = fixtures.documentOf(items.get(0));
        fixtures.model(items.get(0), "russia", "favor", 0.8);
        fixtures.model(items.get(1), "russia", "against", 0.8);
        recount(document);

        fixtures.human(items.get(0), "alice", "russia", "against");
        fixtures.human(items.get(1), "alice", "russia", "against");
        fixtures.human(items.get(1), "bob", "russia", "favor");

        assertFalse(stale(document), "a person's save keeps the rollups itself");
        String kept = rollup(document);
        recount(document);
        assertEquals(rollup(document), kept);
    }

    private String currentSource(long item, String target) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "SELECT source FROM current_label WHERE item_id = ?1 AND dimension = 'stance' AND target = ?2")
                .setParameter(1, item)
                .setParameter(2, target)
                .getSingleResult());
    }

    private long disputes(long document) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM label_disputes(ARRAY[CAST(?1 AS bigint)])")
                                .setParameter(1, document)
                                .getSingleResult())
                        .longValue());
    }

    private boolean stale(long document) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                        .createNativeQuery("SELECT count(*) FROM rollup_stale WHERE document_id = ?1")
                                        .setParameter(1, document)
                                        .getSingleResult())
                                .longValue()
                        > 0);
    }

    private void recount(long document) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("DELETE FROM document_rollup WHERE document_id = ?1")
                    .setParameter(1, document)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("INSERT INTO document_rollup SELECT * FROM rollup_rows(ARRAY(SELECT id FROM "
                            + "item WHERE document_id = ?1))")
                    .setParameter(1, document)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("DELETE FROM rollup_stale WHERE document_id = ?1")
                    .setParameter(1, document)
                    .executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private String rollup(long document) {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.join("\n", (List<String>) entityManager
                        .createNativeQuery("SELECT concat_ws('|', kind, dimension, target, value, label_view, "
                                + "confidence_bucket, disputed, checked, n) FROM document_rollup "
                                + "WHERE document_id = ?1 ORDER BY 1")
                        .setParameter(1, document)
                        .getResultList()));
    }
}
