package dev.counterpoint.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.jobs.BatchClassifier;
import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobQueue;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.NewLabel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClassificationTest {

    @Inject
    CodebookRegistry codebooks;

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    BatchClassifier batches;

    @Inject
    JobQueue queue;

    @Inject
    LabelWriter labels;

    @Inject
    DataSource dataSource;

    @Test
    void every_item_gets_a_stance_per_target_a_sentiment_and_an_incivility_label_with_the_model_named()
            throws Exception {
        long id = importDocument(
                "labels",
                List.of("Russia attacked again. The Kremlin lies."),
                List.of("Putin is a liar and a coward, idiots all of them.", "Ukraine will win, I am so proud!"));
        run(requests.classifyDocument(id, "test"));
        Map<String, Long> perKey = query("""
                SELECT coalesce(l.target, l.dimension) AS key, count(*) FROM label l JOIN item i ON i.id = l.item_id
                WHERE i.document_id = %d GROUP BY 1""".formatted(id));
        assertEquals(7 + 2, perKey.size(), "7 targets, sentiment and incivility: " + perKey);
        perKey.values().forEach(n -> assertEquals(4, n, "article, one paragraph, two comments"));
        assertEquals(
                0,
                queryOne("SELECT count(*) FROM label l JOIN item i ON i.id = l.item_id WHERE i.document_id = " + id
                        + " AND (l.model_version_id IS NULL OR l.confidence IS NULL OR l.source <> 'model')"));
        assertEquals("uncivil", value(id, 1, "incivility"));
        assertEquals("positive", value(id, 2, "sentiment"));
    }

    @Test
    void punctuation_emoji_only_and_non_english_texts_get_low_confidence_none() throws Exception {
        long id = importDocument(
                "odd",
                List.of("Russia and Ukraine."),
                List.of("...", "🙂🙂🔥", "Россия и Украина договорились о перемирии, говорят в Кремле."));
        run(requests.classifyDocument(id, "test"));
        Map<String, Long> taking = query("""
                SELECT i.position::text, count(*) FROM label l JOIN item i ON i.id = l.item_id
                WHERE i.document_id = %d AND i.kind = 'comment' AND l.dimension = 'stance'
                  AND (l.value <> 'none' OR l.confidence > 0.5) GROUP BY 1""".formatted(id));
        assertEquals(Map.of(), taking, "no comment takes a stance or a confident none");
    }

    @Test
    void a_hundred_kilobyte_item_is_encoded_in_chunks_and_labelled_whole() throws Exception {
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 100_000) {
            huge.append("Sanctions on Russia are working and Ukraine deserves support. ");
        }
        huge.append("THE END mentions the Kremlin.");
        long id = importDocument("huge", List.of("Short."), List.of(huge.toString()));
        run(requests.classifyDocument(id, "test"));
        long itemId = queryOne("SELECT id FROM item WHERE kind = 'comment' AND document_id = " + id);
        assertTrue(queryOne("SELECT length(text) FROM item WHERE id = " + itemId) > 100_000, "stored whole");
        assertEquals(9, queryOne("SELECT count(*) FROM label WHERE item_id = " + itemId));
        OnnxTextEncoder encoder = new OnnxTextEncoder(EncoderSpec.bgeSmallEnV15Q());
        assertTrue(encoder.chunkCount(huge.toString()) > 30, "more than 30 windows of 510 tokens");
        encoder.close();
        String lastMention = queryText(
                "SELECT l.evidence::text FROM label l WHERE l.item_id = " + itemId + " AND l.target = 'russia'");
        assertTrue(lastMention == null || lastMention.contains("mentions"), "evidence spans the whole text");
    }

    @Test
    void a_batch_whose_transaction_dies_is_labelled_later_and_each_item_exactly_once() throws Exception {
        long id = importDocument(
                "resume",
                List.of("Paragraph about Russia."),
                List.of("one about Ukraine", "two about the EU", "three about the UK", "four about Putin"));
        JobStatus job = requests.classifyDocument(id, "test");
        // A worker leases a batch and dies before committing (a kill): its labels vanish, its lease stays until it
        // runs out (here: at once, as if the lease time had passed).
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    assertTrue(queue.claim(3).isPresent());
                    throw new IllegalStateException("killed mid-batch");
                }));
        assertEquals(0, requests.status(job.id()).done());
        // (The batch may be of an older open job, such as the sample's: the oldest job's items go first.)
        assertTrue(queryOne("SELECT count(*) FROM job_item WHERE done_at IS NULL AND lease_until > now()") >= 3);
        execute("UPDATE job_item SET lease_until = now() - interval '1 second' WHERE done_at IS NULL");
        // Two workers then drain the job at once.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(pool.submit(() -> {
                while (batches.labelNextBatch()) {
                    // keep going
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        JobStatus done = requests.status(job.id());
        assertEquals("done", done.status());
        assertEquals(done.total(), done.done());
        assertEquals(0, queryOne("""
                SELECT count(*) FROM (SELECT l.item_id, l.dimension, l.target FROM label l JOIN item i ON i.id = l.item_id
                WHERE i.document_id = %d GROUP BY 1, 2, 3 HAVING count(*) <> 1) twice""".formatted(id)));
        assertEquals(
                6L * 9,
                queryOne("SELECT count(*) FROM label l JOIN item i ON i.id = l.item_id WHERE i.document_id = " + id));
    }

    @Test
    void training_on_peoples_labels_moves_later_predictions_toward_them() throws Exception {
        String slug = "training-test-" + System.nanoTime() % 1_000_000;
        codebooks.register(CodebookFile.parse("""
                slug: %s
                name: Training test
                targets:
                  - slug: gadget
                    name: The gadget
                    description: A household gadget.
                    aliases: [gadget]
                    favor: [The gadget is wonderful.]
                    against: [The gadget is awful.]
                """.formatted(slug), "test"), "test");
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            comments.add("blorf number " + i + " says the gadget has a colour");
            comments.add("zimzam number " + i + " says the gadget has a colour");
        }
        comments.add("blorf again: the gadget has a colour");
        comments.add("zimzam again: the gadget has a colour");
        long id = importer.importDocument(new DocumentImport(
                        CorpusFixtures.uniqueKey("training"),
                        "Training",
                        null,
                        null,
                        null,
                        null,
                        slug,
                        List.of(new DocumentImport.Paragraph("A gadget.", false)),
                        CorpusFixtures.document("x", List.of("x"), comments).comments()))
                .document()
                .id;
        run(requests.classifyDocument(id, "test"));
        String blorfBefore = value(id, 31, "gadget");
        String zimzamBefore = value(id, 32, "gadget");
        assertFalse("favor".equals(blorfBefore) && "against".equals(zimzamBefore), "zero-shot cannot know yet");

        QuarkusTransaction.requiringNew().run(() -> {
            List<NewLabel> human = new ArrayList<>();
            for (Item item : Item.ofKind(Document.findById(id), ItemKind.COMMENT)) {
                if (item.position <= 30) {
                    human.add(NewLabel.human(
                            item.id,
                            Dimension.STANCE,
                            "gadget",
                            item.text.startsWith("blorf") ? "favor" : "against",
                            "ann"));
                }
            }
            labels.append(human);
        });
        JobStatus training = requests.train(slug, "test");
        worker.drain();
        assertEquals(
                "done",
                requests.status(training.id()).status(),
                requests.status(training.id()).error());
        assertEquals("favor", value(id, 31, "gadget"));
        assertEquals("against", value(id, 32, "gadget"));
        assertTrue(queryText("SELECT mv.name FROM current_label c JOIN model_version mv ON mv.id = c.model_version_id "
                        + "JOIN item i ON i.id = c.item_id WHERE i.document_id = " + id
                        + " AND i.position = 31 AND i.kind = 'comment' "
                        + "AND c.target = 'gadget'")
                .startsWith("trained:" + slug));
    }

    private void run(JobStatus job) {
        worker.drain();
        assertEquals("done", requests.status(job.id()).status());
    }

    private long importDocument(String prefix, List<String> paragraphs, List<String> comments) {
        return importer.importDocument(CorpusFixtures.document(CorpusFixtures.uniqueKey(prefix), paragraphs, comments))
                .document()
                .id;
    }

    private String value(long documentId, int commentPosition, String key) throws Exception {
        return queryText("SELECT c.value FROM current_label c JOIN item i ON i.id = c.item_id WHERE i.document_id = "
                + documentId + " AND i.kind = 'comment' AND i.position = " + commentPosition
                + " AND coalesce(c.target, c.dimension) = '" + key + "'");
    }

    private Map<String, Long> query(String sql) throws Exception {
        Map<String, Long> rows = new java.util.TreeMap<>();
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.put(r.getString(1), r.getLong(2));
            }
        }
        return rows;
    }

    private void execute(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement()) {
            s.executeUpdate(sql);
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

    private String queryText(String sql) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
