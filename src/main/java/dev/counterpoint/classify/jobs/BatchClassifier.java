package dev.counterpoint.classify.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.classify.ClassifierConfig;
import dev.counterpoint.classify.EmbeddingStore;
import dev.counterpoint.classify.framing.FramingLabels;
import dev.counterpoint.classify.model.ItemClassifier;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.labels.Dimension;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.LabelWriter;
import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.labels.NewLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels one claimed batch of a job in one transaction: reads the texts, gets their vectors (encoding only the
 * new ones), runs the job's model and appends every label with its evidence, then marks the items done.
 */
@ApplicationScoped
public class BatchClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JobQueue queue;

    @Inject
    EmbeddingStore embeddings;

    @Inject
    ModelRegistry models;

    @Inject
    LabelWriter labelWriter;

    @Inject
    EntityManager entityManager;

    @Inject
    ClassifierConfig config;

    @Inject
    FramingLabels framing;

    /** Labels the next batch of open work; false when there was none. */
    @Transactional
    public boolean labelNextBatch() {
        var claimed = queue.claim(config.batchSize());
        if (claimed.isEmpty()) {
            return false;
        }
        JobQueue.Batch batch = claimed.get();
        Job job = Job.findById(batch.jobId());
        ModelVersion model = job.modelVersion;
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Tuple row : texts(batch.itemIds())) {
            ids.add(((Number) row.get(0)).longValue());
            texts.add((String) row.get(1));
        }
        // The model first: building it may store calibration vectors in transactions of their own, which would
        // wait forever on this transaction's uncommitted vectors of the same items.
        ItemClassifier classifier = models.classifier(model);
        float[][] vectors = embeddings.vectors(ids, texts);
        List<ItemLabels> labels = framing.fromSentences(model, classifier, ids, classifier.classify(texts, vectors));
        List<NewLabel> rows = new ArrayList<>(ids.size() * 10);
        for (int i = 0; i < ids.size(); i++) {
            rows.addAll(toRows(ids.get(i), labels.get(i), model));
        }
        labelWriter.append(rows);
        queue.complete(batch);
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> texts(List<Long> itemIds) {
        return entityManager
                .createNativeQuery("SELECT id, text FROM item WHERE id = ANY (?1) ORDER BY id", Tuple.class)
                .setParameter(1, itemIds.toArray(Long[]::new))
                .getResultList();
    }

    static List<NewLabel> toRows(long itemId, ItemLabels labels, ModelVersion model) {
        List<NewLabel> rows = new ArrayList<>(labels.stances().size() + 2);
        for (ItemLabels.Stance stance : labels.stances()) {
            rows.add(new NewLabel(
                    itemId,
                    Dimension.STANCE,
                    stance.target(),
                    stance.value(),
                    null,
                    stance.confidence(),
                    LabelSource.MODEL,
                    model.name,
                    model.id,
                    evidenceJson(stance.evidence()),
                    null));
        }
        rows.add(scored(itemId, Dimension.SENTIMENT, labels.sentiment(), model));
        rows.add(scored(itemId, Dimension.INCIVILITY, labels.incivility(), model));
        return rows;
    }

    private static NewLabel scored(long itemId, Dimension dimension, ItemLabels.Scored label, ModelVersion model) {
        return new NewLabel(
                itemId,
                dimension,
                null,
                label.value(),
                label.score(),
                label.confidence(),
                LabelSource.MODEL,
                model.name,
                model.id,
                null,
                null);
    }

    private static List<List<Object>> spans(List<ItemLabels.Span> spans) {
        return spans.stream()
                .map(s -> List.<Object>of(s.start(), s.end(), rounded(s.weight())))
                .toList();
    }

    private static double rounded(double weight) {
        return Math.round(weight * 1000) / 1000.0;
    }

    /**
     * Compact evidence: {"sentences": [[start, end, weight], ...], "mentions": [[start, end], ...]}, and for
     * stances derived from sentences "reported": [[start, end, weight], ...] and "paragraphs": [[position, value,
     * weight], ...].
     */
    static String evidenceJson(ItemLabels.Evidence evidence) {
        if (evidence == null
                || (evidence.sentences().isEmpty() && evidence.mentions().isEmpty())) {
            return null;
        }
        Map<String, Object> json = new HashMap<>();
        json.put("sentences", spans(evidence.sentences()));
        json.put(
                "mentions",
                evidence.mentions().stream()
                        .map(m -> List.of(m.start(), m.end()))
                        .toList());
        if (!evidence.reported().isEmpty()) {
            json.put("reported", spans(evidence.reported()));
        }
        if (!evidence.paragraphs().isEmpty()) {
            json.put(
                    "paragraphs",
                    evidence.paragraphs().stream()
                            .map(p -> List.of(p.position(), p.value(), rounded(p.weight())))
                            .toList());
        }
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
