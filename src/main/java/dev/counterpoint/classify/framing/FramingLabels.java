package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.EncoderProvider;
import dev.counterpoint.classify.model.ItemClassifier;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.labels.ModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the articles and paragraphs of a batch their stances from their own sentences ({@link ArticleFraming})
 * in place of the stances read from their whole texts; comments keep theirs, and so do sentiment and incivility.
 * An article is analysed once per model for all its paragraphs, whichever batches they fall in.
 */
@ApplicationScoped
public class FramingLabels {

    private static final int KEPT = 16;

    @Inject
    EntityManager entityManager;

    @Inject
    EncoderProvider encoders;

    private final Map<Long, List<TargetProfile>> profiles = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, ArticleFraming.Result> analysed = Collections.synchronizedMap(lru());

    /** {@code labels} with the stances of articles and paragraphs among {@code itemIds} derived from sentences. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ItemLabels> fromSentences(
            ModelVersion model, ItemClassifier classifier, List<Long> itemIds, List<ItemLabels> labels) {
        Map<Long, Long> documentOf = new HashMap<>();
        for (Tuple row : rows(
                "SELECT id, document_id FROM item WHERE id = ANY (?1) AND kind IN ('article', 'paragraph')",
                itemIds.toArray(Long[]::new))) {
            documentOf.put(number(row, 0), number(row, 1));
        }
        if (documentOf.isEmpty()) {
            return labels;
        }
        Map<Long, List<ItemLabels.Stance>> stances = new HashMap<>();
        for (long documentId : documentOf.values().stream().distinct().toList()) {
            stances.putAll(analyse(model, classifier, documentId));
        }
        List<ItemLabels> result = new ArrayList<>(labels.size());
        for (int i = 0; i < itemIds.size(); i++) {
            ItemLabels item = labels.get(i);
            List<ItemLabels.Stance> derived = stances.get(itemIds.get(i));
            result.add(
                    derived == null
                            ? item
                            : new ItemLabels(inOrder(item.stances(), derived), item.sentiment(), item.incivility()));
        }
        return result;
    }

    /** The derived stances per item id (the article's and each paragraph's) of one document. */
    private Map<Long, List<ItemLabels.Stance>> analyse(ModelVersion model, ItemClassifier classifier, long documentId) {
        List<Tuple> items = rows(
                "SELECT id, kind, position, text FROM item WHERE document_id = ?1 AND kind IN ('article', 'paragraph') "
                        + "ORDER BY kind, position",
                documentId);
        Long articleId = null;
        String articleText = null;
        List<Long> paragraphIds = new ArrayList<>();
        List<ArticleFraming.Paragraph> paragraphs = new ArrayList<>();
        for (Tuple row : items) {
            if ("article".equals(row.get(1))) {
                articleId = number(row, 0);
                articleText = (String) row.get(3);
            } else {
                paragraphIds.add(number(row, 0));
                paragraphs.add(new ArticleFraming.Paragraph(((Number) row.get(2)).intValue(), (String) row.get(3)));
            }
        }
        if (paragraphs.isEmpty() && articleText != null) {
            paragraphs = ArticleParagraphs.of(articleText);
        }
        String key = model.id + ":" + documentId + ":" + (articleText == null ? 0 : articleText.hashCode()) + ":"
                + paragraphs.hashCode();
        ArticleFraming.Result result = analysed.get(key);
        if (result == null) {
            result = new ArticleFraming(profiles(model), classifier, encoders.encoder())
                    .analyse(articleText, paragraphs);
            analysed.put(key, result);
        }
        Map<Long, List<ItemLabels.Stance>> byItem = new HashMap<>();
        if (articleId != null) {
            byItem.put(articleId, result.article());
        }
        for (int j = 0; j < paragraphIds.size(); j++) {
            byItem.put(paragraphIds.get(j), result.paragraphs().get(j));
        }
        return byItem;
    }

    private List<TargetProfile> profiles(ModelVersion model) {
        return profiles.computeIfAbsent(model.id, id -> {
            ModelVersion managed = ModelVersion.findById(id);
            List<TargetSpec> targets =
                    managed.codebookVersion.targets.stream().map(TargetSpec::of).toList();
            return TargetProfile.of(targets, encoders.encoder());
        });
    }

    /** The derived stances in the order of the classifier's, a target without one keeping the classifier's. */
    private static List<ItemLabels.Stance> inOrder(List<ItemLabels.Stance> original, List<ItemLabels.Stance> derived) {
        Map<String, ItemLabels.Stance> bySlug = new HashMap<>();
        derived.forEach(s -> bySlug.put(s.target(), s));
        return original.stream().map(s -> bySlug.getOrDefault(s.target(), s)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, Object parameter) {
        return entityManager
                .createNativeQuery(sql, Tuple.class)
                .setParameter(1, parameter)
                .getResultList();
    }

    private static long number(Tuple row, int column) {
        return ((Number) row.get(column)).longValue();
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT;
            }
        };
    }
}
