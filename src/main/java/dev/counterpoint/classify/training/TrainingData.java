package dev.counterpoint.classify.training;

import dev.counterpoint.classify.EmbeddingStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people's labels a model learns from: for every item of a codebook's documents, its current human or
 * adjudicated labels (a target an item has no label for is unknown, not "none"), with the item's vector.
 */
@ApplicationScoped
public class TrainingData {

    /** One labelled item: label key (target slug, "sentiment", "incivility") to value. */
    public record Example(long itemId, String text, float[] vector, Map<String, String> labels) {}

    private static final String LABELLED = """
            SELECT i.id, i.text, coalesce(c.target, c.dimension) AS key, c.value
            FROM current_label c
            JOIN item i ON i.id = c.item_id
            JOIN document d ON d.id = i.document_id
            WHERE d.codebook_id = ?1 AND c.source IN ('human', 'adjudicated')
            ORDER BY i.id
            """;

    private static final int VECTOR_BATCH = 256;

    @Inject
    EntityManager entityManager;

    @Inject
    EmbeddingStore embeddings;

    public List<Example> load(long codebookId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(LABELLED, Tuple.class)
                        .setParameter(1, codebookId)
                        .getResultList());
        Map<Long, String> texts = new LinkedHashMap<>();
        Map<Long, Map<String, String>> labels = new LinkedHashMap<>();
        for (Tuple row : rows) {
            long id = ((Number) row.get(0)).longValue();
            texts.put(id, (String) row.get(1));
            labels.computeIfAbsent(id, k -> new LinkedHashMap<>()).put((String) row.get(2), (String) row.get(3));
        }
        List<Long> ids = new ArrayList<>(texts.keySet());
        List<Example> examples = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += VECTOR_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + VECTOR_BATCH));
            List<String> batchTexts = batch.stream().map(texts::get).toList();
            float[][] vectors = QuarkusTransaction.requiringNew().call(() -> embeddings.vectors(batch, batchTexts));
            for (int i = 0; i < batch.size(); i++) {
                examples.add(new Example(batch.get(i), batchTexts.get(i), vectors[i], labels.get(batch.get(i))));
            }
        }
        return examples;
    }
}
