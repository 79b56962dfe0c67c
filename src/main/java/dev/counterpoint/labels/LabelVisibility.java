package dev.counterpoint.labels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which labels a person may not see yet. An annotator with an open double-coding assignment on an item sees no one
 * else's label on it (nor the model's, in blind mode) until they have labelled it themselves, so their judgement
 * is their own. Every page, drill-down and history that shows single labels asks here first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LabelVisibility {

    /** For the items a person must code blind: item id to whether the model's labels are hidden too. */
    public record Masking(Map<Long, Boolean> items) {

        public static final Masking NONE = new Masking(Map.of());

        public boolean masks(long itemId) {
            return items.containsKey(itemId);
        }

        /** Whether this person may see a label of the item with this source and author. */
        public boolean shows(long itemId, String source, String annotator, String person) {
            Boolean blind = items.get(itemId);
            if (blind == null || person.equals(annotator)) {
                return true;
            }
            return "model".equals(source) && !blind;
        }

        public String explanation(long itemId) {
            Boolean blind = items.get(itemId);
            if (blind == null) {
                return null;
            }
            return blind
                    ? "You are coding this item blind: other people's and the model's labels are hidden until you "
                            + "save yours."
                    : "You are double-coding this item: other people's labels are hidden until you save yours.";
        }
    }

    @Inject
    EntityManager entityManager;

    public Masking forPerson(String person, Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Masking.NONE;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery("""
                        SELECT ai.item_id, bool_or(a.blind) AS blind
                        FROM assignment_item ai JOIN assignment a ON a.id = ai.assignment_id
                        WHERE ai.annotator = ?1 AND ai.done_at IS NULL AND ai.item_id = ANY (?2)
                        GROUP BY ai.item_id
                        """, Tuple.class)
                .setParameter(1, person)
                .setParameter(2, itemIds.toArray(Long[]::new))
                .getResultList();
        if (rows.isEmpty()) {
            return Masking.NONE;
        }
        Map<Long, Boolean> items = new HashMap<>();
        rows.forEach(r -> items.put(((Number) r.get(0)).longValue(), (Boolean) r.get(1)));
        return new Masking(items);
    }

    /** The same, for every item of a document (the document page). */
    public Masking forPersonInDocument(String person, long documentId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager
                .createNativeQuery("""
                        SELECT DISTINCT ai.item_id FROM assignment_item ai JOIN item i ON i.id = ai.item_id
                        WHERE ai.annotator = ?1 AND ai.done_at IS NULL AND i.document_id = ?2
                        """)
                .setParameter(1, person)
                .setParameter(2, documentId)
                .getResultList();
        return ids.isEmpty()
                ? Masking.NONE
                : forPerson(person, ids.stream().map(Number::longValue).toList());
    }
}
