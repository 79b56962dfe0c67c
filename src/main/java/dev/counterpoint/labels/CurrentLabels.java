package dev.counterpoint.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The labels that count for a document's items, with their provenance and evidence, for its page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CurrentLabels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FOR_DOCUMENT = """
            SELECT c.item_id, c.dimension, c.target, c.value, c.confidence, c.score, c.source, l.annotator,
                   mv.name AS model, l.evidence::text AS evidence
            FROM current_label c
            JOIN item i ON i.id = c.item_id
            JOIN label l ON l.id = c.label_id
            LEFT JOIN model_version mv ON mv.id = c.model_version_id
            WHERE i.document_id = ?1
            ORDER BY c.item_id, c.dimension, c.target
            """;

    @Inject
    EntityManager entityManager;

    public Map<Long, List<LabelView>> forDocument(long documentId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery(FOR_DOCUMENT, Tuple.class)
                .setParameter(1, documentId)
                .getResultList();
        Map<Long, List<LabelView>> byItem = new HashMap<>();
        for (Tuple row : rows) {
            JsonNode evidence = parse((String) row.get("evidence"));
            byItem.computeIfAbsent(((Number) row.get("item_id")).longValue(), k -> new ArrayList<>())
                    .add(new LabelView(
                            (String) row.get("dimension"),
                            (String) row.get("target"),
                            (String) row.get("value"),
                            number(row.get("confidence")),
                            number(row.get("score")),
                            (String) row.get("source"),
                            (String) row.get("annotator"),
                            (String) row.get("model"),
                            spans(evidence, "sentences"),
                            spans(evidence, "mentions")));
        }
        return byItem;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<int[]> spans(JsonNode evidence, String field) {
        List<int[]> spans = new ArrayList<>();
        if (evidence != null && evidence.has(field)) {
            for (JsonNode span : evidence.get(field)) {
                spans.add(new int[] {span.get(0).asInt(), span.get(1).asInt()});
            }
        }
        return spans;
    }
}
