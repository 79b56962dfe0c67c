package dev.counterpoint.labels.review;

import dev.counterpoint.labels.LabelChoice;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.PersonLabelWriter;
import dev.counterpoint.platform.AuditLog;
import dev.counterpoint.platform.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decision for a filtered set of the queue, e.g. "accept the people's label for all 40 items where an annotator
 * overturned the model". It is previewed first: the admin sees how many subjects the rule decides and how many it
 * cannot (people split, or no model label); applying it again checks that count, so a set that changed in between
 * is refused rather than decided unseen.
 */
@ApplicationScoped
public class BulkAdjudication {

    /** Enough for a morning's disputes; a bigger set should be narrowed by document or target first. */
    public static final int MAX_SUBJECTS = 10_000;

    public enum Rule {
        /** The value all the open people's labels agree on. */
        HUMAN,
        /** The model's latest value. */
        MODEL;

        static Rule of(String name) {
            try {
                return valueOf(name == null ? "" : name.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "The bulk decision was not understood", "rule must be human or model, not '" + name + "'.");
            }
        }

        String column() {
            return this == HUMAN ? "r.human_value" : "r.model_value";
        }
    }

    public record Preview(String rule, int decided, int undecidable) {}

    private record Subject(long itemId, String dimension, String target, String value) {}

    @Inject
    EntityManager entityManager;

    @Inject
    PersonLabelWriter writer;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(QueueFilter filter, String rule) {
        Rule chosen = Rule.of(rule);
        List<Subject> subjects = subjects(filter, chosen);
        int all = total(filter);
        return new Preview(chosen.name().toLowerCase(), subjects.size(), all - subjects.size());
    }

    /** Decides the set; refuses if it no longer holds {@code expected} decidable subjects. */
    @Transactional
    public Preview apply(QueueFilter filter, String rule, int expected, String reason, String admin) {
        Adjudication.requireReason(reason);
        Rule chosen = Rule.of(rule);
        lockItems(filter);
        List<Subject> subjects = subjects(filter, chosen);
        if (subjects.size() != expected) {
            throw new InvalidInputException(
                    "The bulk decision was not saved",
                    "The set changed since the preview: the rule now decides " + subjects.size() + " subjects, not "
                            + expected + ". Preview again and confirm the new count.");
        }
        if (subjects.size() > MAX_SUBJECTS) {
            throw new InvalidInputException(
                    "The bulk decision was not saved",
                    subjects.size() + " subjects are more than " + MAX_SUBJECTS + " at once; narrow the filter by "
                            + "document or target.");
        }
        Map<Long, List<LabelChoice>> choices = new LinkedHashMap<>();
        for (Subject s : subjects) {
            choices.computeIfAbsent(s.itemId(), k -> new ArrayList<>())
                    .add(new LabelChoice(s.dimension(), s.target().isEmpty() ? null : s.target(), s.value()));
        }
        writer.appendAll(choices, LabelSource.ADJUDICATED, admin, reason, null);
        audit.record(
                admin,
                "adjudicate-bulk",
                subjects.size() + " subjects",
                Map.of("rule", chosen.name().toLowerCase(), "filter", filter.query(), "reason", reason.strip()));
        return new Preview(chosen.name().toLowerCase(), subjects.size(), 0);
    }

    /**
     * Locks the items of the set in id order, as every label writer does, so labels arriving meanwhile wait for the
     * decision and the set read next is the one decided.
     */
    private void lockItems(QueueFilter filter) {
        StringBuilder sql = new StringBuilder(
                "SELECT id FROM item WHERE id IN (SELECT r.item_id FROM review_item r " + "WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        where(sql, parameters, filter);
        sql.append(") ORDER BY id FOR NO KEY UPDATE");
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        query.getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Subject> subjects(QueueFilter filter, Rule rule) {
        StringBuilder sql = new StringBuilder("SELECT r.item_id, r.dimension, r.target, " + rule.column()
                + " AS value FROM review_item r WHERE " + rule.column() + " IS NOT NULL");
        List<Object> parameters = new ArrayList<>();
        where(sql, parameters, filter);
        sql.append(" ORDER BY r.item_id, r.dimension, r.target LIMIT " + (MAX_SUBJECTS + 1));
        var query = entityManager.createNativeQuery(sql.toString(), Tuple.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Tuple>) query.getResultList())
                .stream()
                        .map(t -> new Subject(
                                ((Number) t.get(0)).longValue(), (String) t.get(1), (String) t.get(2), (String)
                                        t.get(3)))
                        .toList();
    }

    private int total(QueueFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM review_item r WHERE TRUE");
        List<Object> parameters = new ArrayList<>();
        where(sql, parameters, filter);
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) query.getSingleResult()).intValue();
    }

    private static void where(StringBuilder sql, List<Object> parameters, QueueFilter filter) {
        if (filter.document() != null) {
            parameters.add(filter.document());
            sql.append(" AND r.document_id = ?").append(parameters.size());
        }
        if (filter.key() != null) {
            parameters.add(filter.dimension());
            sql.append(" AND r.dimension = ?").append(parameters.size());
            parameters.add(filter.target());
            sql.append(" AND r.target = ?").append(parameters.size());
        }
        if (filter.source() != null) {
            parameters.add(filter.source());
            sql.append(" AND r.current_source = ?").append(parameters.size());
        }
        if (filter.reason() != null) {
            sql.append(" AND r.").append(filter.reason());
        }
    }
}
