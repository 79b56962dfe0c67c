package dev.counterpoint.classify.model;

import dev.counterpoint.classify.EmbeddingStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;

/**
 * The unlabelled texts the shipped model standardises its similarity features over: a random sample of the
 * codebook's own items (encoded and stored if they were not yet, so labelling them later reads them back), so
 * "unusually close to the description" means close compared with this corpus.
 */
@ApplicationScoped
public class CalibrationPool {

    static final int SIZE = 2000;
    private static final int BATCH = 256;

    private static final String SAMPLE = """
            SELECT i.id, i.text FROM item i JOIN document d ON d.id = i.document_id
            WHERE d.codebook_id = ?1 ORDER BY md5(i.id::text) LIMIT ?2
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    EmbeddingStore embeddings;

    /** A sample of the codebook's items with their vectors (empty when it has none). */
    public record Sample(List<String> texts, float[][] vectors) {}

    public ZeroShotClassifier calibrate(ZeroShotClassifier classifier, long codebookId) {
        Sample sample = sample(codebookId);
        return sample.texts().isEmpty() ? classifier : classifier.calibrate(sample.texts(), sample.vectors());
    }

    public TransferClassifier calibrate(TransferClassifier classifier, long codebookId) {
        Sample sample = sample(codebookId);
        return sample.texts().isEmpty() ? classifier : classifier.calibrate(sample.texts(), sample.vectors());
    }

    public Sample sample(long codebookId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(SAMPLE, Tuple.class)
                        .setParameter(1, codebookId)
                        .setParameter(2, SIZE)
                        .getResultList());
        List<Long> ids = rows.stream().map(r -> ((Number) r.get(0)).longValue()).toList();
        List<String> texts = rows.stream().map(r -> (String) r.get(1)).toList();
        if (ids.isEmpty()) {
            return new Sample(List.of(), new float[0][]);
        }
        float[][] vectors = new float[ids.size()][];
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batchIds = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<String> batchTexts = texts.subList(from, from + batchIds.size());
            float[][] batch = QuarkusTransaction.requiringNew().call(() -> embeddings.vectors(batchIds, batchTexts));
            System.arraycopy(batch, 0, vectors, from, batch.length);
        }
        return new Sample(texts, vectors);
    }
}
