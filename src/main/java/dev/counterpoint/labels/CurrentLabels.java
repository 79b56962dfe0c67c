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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    private static final String FOR_ITEMS = FOR_DOCUMENT
            .replace("JOIN item i ON i.id = c.item_id\n", "")
            .replace("i.document_id = ?1", "c.item_id IN (?1)");

    /** Stance counts over all of a document's comments, leaving out items whose labels are masked for the reader. */
    private static final String COMMENT_STANCES = """
            SELECT c.target, c.value, count(*) AS n
            FROM current_label c
            JOIN item i ON i.id = c.item_id
            WHERE i.document_id = ?1 AND i.kind = 'comment' AND c.dimension = 'stance'
              AND NOT (i.id = ANY (CAST(?2 AS bigint[])))
            GROUP BY c.target, c.value
            """;

    @Inject
    EntityManager entityManager;

    public Map<Long, List<LabelView>> forDocument(long documentId) {
        return views(query(FOR_DOCUMENT, documentId));
    }

    /** The current labels of the given items, for a page that shows some of a document's items. */
    public Map<Long, List<LabelView>> forItems(Collection<Long> itemIds) {
        return itemIds.isEmpty() ? Map.of() : views(query(FOR_ITEMS, itemIds));
    }

    /** Per target, how many of the document's comments are favor, against and none. */
    public Map<String, int[]> commentStanceCounts(long documentId, Collection<Long> maskedItems) {
        String masked = maskedItems.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        Map<String, int[]> counts = new HashMap<>();
        for (Object[] row : rows(COMMENT_STANCES, documentId, masked)) {
            int[] c = counts.computeIfAbsent((String) row[0], t -> new int[3]);
            int n = ((Number) row[2]).intValue();
            switch ((String) row[1]) {
                case "favor" -> c[0] += n;
                case "against" -> c[1] += n;
                default -> c[2] += n;
            }
        }
        return counts;
    }

    /** How many of the document's items carry at least one current label. */
    public long labelledItems(long documentId) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(DISTINCT c.item_id) FROM current_label c JOIN item i "
                                + "ON i.id = c.item_id WHERE i.document_id = ?1")
                        .setParameter(1, documentId)
                        .getSingleResult())
                .longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> query(String sql, Object parameter) {
        return entityManager
                .createNativeQuery(sql, Tuple.class)
                .setParameter(1, parameter)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object first, Object second) {
        return entityManager
                .createNativeQuery(sql)
                .setParameter(1, first)
                .setParameter(2, second)
                .getResultList();
    }

    private static Map<Long, List<LabelView>> views(List<Tuple> rows) {
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
