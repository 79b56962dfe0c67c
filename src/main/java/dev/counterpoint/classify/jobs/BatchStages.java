package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.EmbeddingStore;
import dev.counterpoint.classify.EncoderProvider;
import dev.counterpoint.classify.framing.FramingLabels;
import dev.counterpoint.classify.model.ItemClassifier;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.labels.NewLabel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Hibernate;

/**
 * The three stages of {@link ClassificationPipeline}, each on its own thread: reading a leased batch (one short
 * transaction), encoding the texts that have no stored vector (no transaction, no database), and storing vectors,
 * labels and progress in one transaction, so a batch is stored whole or not at all.
 */
@ApplicationScoped
public class BatchStages {

    /** A leased batch with its texts and the vectors already stored ({@code null} where there is none). */
    public record ReadBatch(JobQueue.Batch batch, ModelVersion model, List<String> texts, float[][] vectors) {}

    /** A batch with a vector for every text; {@code fresh} holds those the encoder just made. */
    public record EncodedBatch(ReadBatch read, float[][] vectors, Map<Long, float[]> fresh) {}

    /** A batch's label rows, item by item in the batch's order, ready to be stored. */
    public record LabelledBatch(JobQueue.Batch batch, List<List<NewLabel>> rows, Map<Long, float[]> fresh) {}

    @Inject
    JobLeases leases;

    @Inject
    FramingLabels framing;

    @Inject
    JobQueue queue;

    @Inject
    EmbeddingStore embeddings;

    @Inject
    EncoderProvider encoders;

    @Inject
    ModelRegistry models;

    @Inject
    LabelWriter labelWriter;

    @Inject
    EntityManager entityManager;

    /** Leases and reads the next batch of open work; empty when there is none. */
    @Transactional
    public Optional<ReadBatch> read(int size) {
        Optional<JobQueue.Batch> leased = leases.lease(size);
        if (leased.isEmpty()) {
            return Optional.empty();
        }
        JobQueue.Batch batch = leased.get();
        ModelVersion model = Job.<Job>findById(batch.jobId()).modelVersion;
        Hibernate.initialize(model); // the other stages read its name and id after this transaction has ended

        Map<Long, String> texts = texts(batch.itemIds());
        Map<Long, float[]> stored = embeddings.stored(batch.itemIds());
        List<String> inOrder = new ArrayList<>(texts.size());
        float[][] vectors = new float[batch.itemIds().size()][];
        for (int i = 0; i < vectors.length; i++) {
            long id = batch.itemIds().get(i);
            inOrder.add(texts.getOrDefault(id, ""));
            vectors[i] = stored.get(id);
        }
        return Optional.of(new ReadBatch(batch, model, inOrder, vectors));
    }

    /** Builds (or finds loaded) the batch's model outside any transaction of the pipeline. */
    public ItemClassifier classifier(ReadBatch read) {
        return models.classifier(read.model());
    }

    /** Encodes the texts that have no stored vector. */
    public EncodedBatch encode(ReadBatch read) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < read.vectors().length; i++) {
            if (read.vectors()[i] == null) {
                missing.add(i);
            }
        }
        float[][] vectors = read.vectors().clone();
        Map<Long, float[]> fresh = new HashMap<>();
        if (!missing.isEmpty()) {
            float[][] encoded = encoders.encoder()
                    .encode(missing.stream()
                            .map(i -> TextNormalizer.clean(read.texts().get(i)))
                            .toList());
            for (int m = 0; m < missing.size(); m++) {
                vectors[missing.get(m)] = encoded[m];
                fresh.put(read.batch().itemIds().get(missing.get(m)), encoded[m]);
            }
        }
        return new EncodedBatch(read, vectors, fresh);
    }

    /** Runs the model over the batch (outside a transaction, so that the storing one stays short). */
    public LabelledBatch label(EncodedBatch encoded, ItemClassifier classifier) {
        ReadBatch read = encoded.read();
        List<ItemLabels> whole = classifier.classify(read.texts(), encoded.vectors());
        // Articles and paragraphs take their stance from their own sentences (classify/framing), as in BatchClassifier.
        List<ItemLabels> labels = QuarkusTransaction.requiringNew()
                .call(() -> framing.fromSentences(
                        read.model(), classifier, read.batch().itemIds(), whole));
        List<List<NewLabel>> rows = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            rows.add(BatchClassifier.toRows(read.batch().itemIds().get(i), labels.get(i), read.model()));
        }
        return new LabelledBatch(read.batch(), rows, encoded.fresh());
    }

    /**
     * Stores vectors, labels and progress of the items still leased to this worker, in one transaction; returns
     * how many items it stored.
     */
    @Transactional
    public int store(LabelledBatch labelled) {
        Set<Long> settled = new HashSet<>(leases.settle(labelled.batch()));
        List<Long> ids = labelled.batch().itemIds();
        List<Long> kept = new ArrayList<>(settled.size());
        Map<Long, float[]> fresh = new HashMap<>();
        List<NewLabel> rows = new ArrayList<>(ids.size() * 10);
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (settled.contains(id)) {
                kept.add(id);
                rows.addAll(labelled.rows().get(i));
                if (labelled.fresh().containsKey(id)) {
                    fresh.put(id, labelled.fresh().get(id));
                }
            }
        }
        embeddings.store(fresh);
        labelWriter.append(rows);
        queue.complete(new JobQueue.Batch(
                labelled.batch().jobId(), kept, labelled.batch().holder()));
        return kept.size();
    }

    private Map<Long, String> texts(List<Long> itemIds) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery("SELECT id, text FROM item WHERE id = ANY (?1)", Tuple.class)
                .setParameter(1, itemIds.toArray(Long[]::new))
                .getResultList();
        Map<Long, String> texts = new HashMap<>();
        for (Tuple row : rows) {
            texts.put(((Number) row.get(0)).longValue(), (String) row.get(1));
        }
        return texts;
    }
}
