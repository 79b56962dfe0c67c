package dev.counterpoint.labels;

import dev.counterpoint.corpus.CorpusFixtures;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.users.AppUser;
import dev.counterpoint.users.UserAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/** Documents, users and labels for the labelling tests, written through the product's own writers. */
@ApplicationScoped
public class LabelFixtures {

    public static final String PASSWORD = "fixture-password-1";

    @Inject
    CorpusImporter importer;

    @Inject
    LabelWriter labelWriter;

    @Inject
    PersonLabelWriter personWriter;

    @Inject
    UserAccounts accounts;

    @Inject
    EntityManager entityManager;

    /** A document of the default codebook with the given comments; returns the comments' item ids in order. */
    public List<Long> comments(String prefix, String... texts) {
        String key = CorpusFixtures.uniqueKey(prefix);
        QuarkusTransaction.requiringNew()
                .run(() ->
                        importer.importDocument(CorpusFixtures.document(key, List.of("A paragraph."), List.of(texts))));
        return QuarkusTransaction.requiringNew().call(() -> {
            Document document = Document.findByExternalKey(key).orElseThrow();
            return Item.ofKind(document, ItemKind.COMMENT).stream()
                    .map(i -> i.id)
                    .toList();
        });
    }

    public long documentOf(long itemId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Item) Item.findById(itemId)).document.id);
    }

    /** A model version of the default codebook for tests to label with. */
    public long modelVersion() {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("""
                    INSERT INTO model_version (name, kind, codebook_version_id, created_by)
                    SELECT 'test-model', 'zero-shot', cv.id, 'test' FROM codebook_version cv
                    JOIN codebook c ON c.id = cv.codebook_id WHERE c.slug = 'default'
                    ORDER BY cv.version DESC LIMIT 1
                    ON CONFLICT (name) DO NOTHING""").executeUpdate();
            return ModelVersion.findByName("test-model").orElseThrow().id;
        });
    }

    public void model(long itemId, String target, String value, double confidence) {
        long model = modelVersion();
        QuarkusTransaction.requiringNew()
                .run(() -> labelWriter.append(List.of(new NewLabel(
                        itemId,
                        target == null ? Dimension.SENTIMENT : Dimension.STANCE,
                        target,
                        value,
                        null,
                        confidence,
                        LabelSource.MODEL,
                        "test-model",
                        model,
                        null,
                        null))));
    }

    public int human(long itemId, String annotator, String target, String value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> personWriter
                        .append(itemId, List.of(stance(target, value)), LabelSource.HUMAN, annotator, null, null)
                        .version());
    }

    public int adjudicate(long itemId, String admin, String target, String value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> personWriter
                        .append(itemId, List.of(stance(target, value)), LabelSource.ADJUDICATED, admin, "test", null)
                        .version());
    }

    public static LabelChoice stance(String target, String value) {
        return new LabelChoice("stance", target, value);
    }

    /** The queue row of a subject, as a map of its columns, or null when it is not in the queue. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> queueRow(long itemId, String target) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<jakarta.persistence.Tuple> rows = entityManager
                    .createNativeQuery(
                            "SELECT uncertain, overturned, disagreement, human_value, model_value, priority, "
                                    + "current_source FROM review_item WHERE item_id = ?1 AND dimension = 'stance' "
                                    + "AND target = ?2",
                            jakarta.persistence.Tuple.class)
                    .setParameter(1, itemId)
                    .setParameter(2, target)
                    .getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            jakarta.persistence.Tuple t = rows.get(0);
            return Map.of(
                    "uncertain", t.get(0),
                    "overturned", t.get(1),
                    "disagreement", t.get(2),
                    "human_value", String.valueOf(t.get(3)),
                    "model_value", String.valueOf(t.get(4)),
                    "priority", t.get(5),
                    "current_source", t.get(6));
        });
    }

    /** Makes a user with this role unless one of that name exists. */
    public String user(String name, String role) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.findByUsername(name).isEmpty()) {
                accounts.create(name, PASSWORD, role);
            }
        });
        return name;
    }
}
