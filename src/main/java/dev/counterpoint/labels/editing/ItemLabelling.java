package dev.counterpoint.labels.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.codebook.CodebookVersion;
import dev.counterpoint.codebook.Target;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.labels.LabelVisibility;
import dev.counterpoint.labels.LabelWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link ItemForLabelling}: one item, its labels, history and queue reasons, as one person may see them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ItemLabelling {

    private static final String KEYS = "1234567890";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HISTORY = """
            SELECT l.id, l.dimension, l.target, l.value, l.source, l.annotator, mv.name AS model, l.confidence,
                   l.created_at::text AS at, l.note, l.item_version, l.evidence::text AS evidence,
                   c.label_id IS NOT NULL AS current
            FROM label l
            LEFT JOIN model_version mv ON mv.id = l.model_version_id
            LEFT JOIN current_label c ON c.label_id = l.id
            WHERE l.item_id = ?1
            ORDER BY l.created_at, l.id
            """;

    private static final String QUEUE = """
            SELECT dimension, target, uncertain, overturned, disagreement, relabel, model_value, model_confidence,
                   current_source
            FROM review_item WHERE item_id = ?1 ORDER BY dimension, target
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    LabelVisibility visibility;

    public ItemForLabelling forPerson(long itemId, String person) {
        Item item = Item.<Item>findByIdOptional(itemId)
                .orElseThrow(() -> new NotFoundException("There is no item " + itemId + "."));
        CodebookVersion codebook = item.document.codebook.latestVersion();
        Map<String, String> names = new HashMap<>();
        List<ItemForLabelling.TargetOption> targets = new ArrayList<>();
        for (Target target : codebook.targets) {
            names.put(target.slug, target.name);
            String key = targets.size() < KEYS.length() ? String.valueOf(KEYS.charAt(targets.size())) : null;
            targets.add(new ItemForLabelling.TargetOption(target.slug, target.name, target.description, key));
        }
        LabelVisibility.Masking masking = visibility.forPerson(person, List.of(itemId));
        List<ItemForLabelling.HistoryEntry> history = new ArrayList<>();
        List<ItemForLabelling.Current> current = new ArrayList<>();
        Set<ItemForLabelling.Highlight> highlights = new LinkedHashSet<>();
        for (Tuple row : rows(HISTORY, itemId)) {
            String source = (String) row.get("source");
            String annotator = (String) row.get("annotator");
            if (!masking.shows(itemId, source, annotator, person)) {
                continue;
            }
            String dimension = (String) row.get("dimension");
            String target = (String) row.get("target");
            String value = (String) row.get("value");
            String targetName = target == null ? null : names.getOrDefault(target, target);
            String who = "model".equals(source) && row.get("model") != null ? (String) row.get("model") : annotator;
            Double confidence = number(row.get("confidence"));
            String display = LabelWords.display(dimension, value, targetName);
            history.add(new ItemForLabelling.HistoryEntry(
                    ((Number) row.get("id")).longValue(),
                    dimension,
                    target,
                    targetName,
                    value,
                    display,
                    source,
                    who,
                    confidence,
                    (String) row.get("at"),
                    (String) row.get("note"),
                    row.get("item_version") == null ? null : ((Number) row.get("item_version")).intValue()));
            if (Boolean.TRUE.equals(row.get("current"))) {
                current.add(new ItemForLabelling.Current(
                        dimension, target, targetName, value, display, confidence, source, who, (String)
                                row.get("at")));
                addEvidence(highlights, (String) row.get("evidence"), value, target);
            }
        }
        List<ItemForLabelling.Reason> queue = new ArrayList<>();
        if (!masking.masks(itemId)) {
            for (Tuple row : rows(QUEUE, itemId)) {
                String target = (String) row.get("target");
                queue.add(new ItemForLabelling.Reason(
                        (String) row.get("dimension"),
                        target.isEmpty() ? null : target,
                        target.isEmpty() ? null : names.getOrDefault(target, target),
                        (Boolean) row.get("uncertain"),
                        (Boolean) row.get("overturned"),
                        (Boolean) row.get("disagreement"),
                        (Boolean) row.get("relabel"),
                        (String) row.get("model_value"),
                        number(row.get("model_confidence")),
                        (String) row.get("current_source")));
            }
        }
        return new ItemForLabelling(
                item.id,
                item.document.id,
                item.document.title,
                item.kind.code(),
                item.position,
                anchor(item),
                item.authorHandle,
                item.postedAt == null ? null : item.postedAt.toString(),
                item.text,
                item.labelVersion,
                item.document.codebook.slug,
                codebook.version,
                targets,
                new ArrayList<>(highlights),
                current,
                history,
                queue,
                masking.explanation(itemId));
    }

    /** Where the item sits on its document's page. */
    public static String anchor(Item item) {
        return item.kind == ItemKind.ARTICLE
                ? "#labels-heading"
                : (item.kind == ItemKind.COMMENT ? "#c" : "#p") + item.position;
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> rows(String sql, long itemId) {
        return entityManager
                .createNativeQuery(sql, Tuple.class)
                .setParameter(1, itemId)
                .getResultList();
    }

    private static void addEvidence(
            Set<ItemForLabelling.Highlight> highlights, String evidence, String value, String target) {
        if (evidence == null) {
            return;
        }
        try {
            JsonNode json = JSON.readTree(evidence);
            for (JsonNode m : json.path("mentions")) {
                highlights.add(new ItemForLabelling.Highlight(
                        m.get(0).asInt(), m.get(1).asInt(), "mention", target));
            }
            if (!"none".equals(value)) {
                for (JsonNode s : json.path("sentences")) {
                    highlights.add(new ItemForLabelling.Highlight(
                            s.get(0).asInt(), s.get(1).asInt(), "evidence", target));
                }
            }
            // Sentences an article's or paragraph's stance read as someone else's view (see classify/framing).
            for (JsonNode r : json.path("reported")) {
                highlights.add(new ItemForLabelling.Highlight(
                        r.get(0).asInt(), r.get(1).asInt(), "reported", target));
            }
        } catch (IOException e) {
            // Evidence only guides the eye; an item whose evidence cannot be read is still shown.
        }
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
