package dev.counterpoint.labels.assign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.counterpoint.labels.review.QueueFilter;
import dev.counterpoint.platform.AuditLog;
import dev.counterpoint.platform.InvalidInputException;
import dev.counterpoint.users.AppUser;
import dev.counterpoint.users.Role;
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
 * Double coding: an admin picks a set of items (a document's, those taking a stance on a target, those in a queue
 * filter, or a random sample of any of these) and gives each to k of the chosen annotators, in rotation so the work
 * is even. Each annotator then codes without seeing the others' labels (see labels.LabelVisibility).
 */
@ApplicationScoped
public class Assignments {

    /** Enough to measure agreement on; more is a labelling project of its own. */
    public static final int MAX_ITEMS = 5_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to assign; exactly one of document, target or queue narrows the items, sample takes N of them. */
    public record Request(
            String name,
            Long document,
            String target,
            QueueFilter queue,
            Integer sample,
            List<String> annotators,
            int perItem,
            boolean blind) {}

    public record Summary(
            long id,
            String name,
            boolean blind,
            String createdBy,
            String createdAt,
            int items,
            List<Progress> annotators) {

        /** "2026-12-03 15:04" */
        public String made() {
            return createdAt.substring(0, Math.min(16, createdAt.length()));
        }
    }

    public record Progress(String annotator, int assigned, int done) {}

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Transactional
    public Summary create(Request request, String admin) {
        List<String> annotators = checked(request);
        List<Long> items = items(request);
        if (items.isEmpty()) {
            throw invalid("No item matches this selection, so there is nothing to assign.");
        }
        if (items.size() > MAX_ITEMS) {
            throw invalid(items.size() + " items are more than " + MAX_ITEMS + " in one assignment; take a random "
                    + "sample or narrow the selection.");
        }
        long id = ((Number) entityManager
                        .createNativeQuery("INSERT INTO assignment (name, blind, selection, created_by) "
                                + "VALUES (?1, ?2, CAST(?3 AS jsonb), ?4) RETURNING id")
                        .setParameter(1, request.name().strip())
                        .setParameter(2, request.blind())
                        .setParameter(3, selection(request))
                        .setParameter(4, admin)
                        .getSingleResult())
                .longValue();
        List<Long> itemColumn = new ArrayList<>();
        List<String> annotatorColumn = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int k = 0; k < request.perItem(); k++) {
                itemColumn.add(items.get(i));
                annotatorColumn.add(annotators.get((i + k) % annotators.size()));
            }
        }
        entityManager
                .createNativeQuery("INSERT INTO assignment_item (assignment_id, item_id, annotator) "
                        + "SELECT ?1, unnest(CAST(?2 AS bigint[])), unnest(CAST(?3 AS text[]))")
                .setParameter(1, id)
                .setParameter(2, itemColumn.toArray(Long[]::new))
                .setParameter(3, annotatorColumn.toArray(String[]::new))
                .executeUpdate();
        audit.record(
                admin,
                "assign",
                "assignment " + id,
                Map.of(
                        "items",
                        items.size(),
                        "annotators",
                        annotators,
                        "perItem",
                        request.perItem(),
                        "blind",
                        request.blind()));
        return all().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> all() {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT a.id, a.name, a.blind, a.created_by, a.created_at::text AS created_at,
                               (SELECT count(DISTINCT item_id) FROM assignment_item x WHERE x.assignment_id = a.id)
                                   AS items,
                               ai.annotator, count(*) AS assigned, count(ai.done_at) AS done
                        FROM assignment a JOIN assignment_item ai ON ai.assignment_id = a.id
                        GROUP BY a.id, ai.annotator ORDER BY a.id DESC, ai.annotator
                        """, Tuple.class).getResultList();
        Map<Long, Summary> summaries = new LinkedHashMap<>();
        for (Tuple r : rows) {
            long id = ((Number) r.get("id")).longValue();
            summaries
                    .computeIfAbsent(
                            id,
                            k -> new Summary(
                                    id,
                                    (String) r.get("name"),
                                    (Boolean) r.get("blind"),
                                    (String) r.get("created_by"),
                                    (String) r.get("created_at"),
                                    ((Number) r.get("items")).intValue(),
                                    new ArrayList<>()))
                    .annotators()
                    .add(new Progress(
                            (String) r.get("annotator"),
                            ((Number) r.get("assigned")).intValue(),
                            ((Number) r.get("done")).intValue()));
        }
        return List.copyOf(summaries.values());
    }

    /** One item given to an annotator; {@code done} once they have saved labels on it. */
    public record Assigned(
            long itemId,
            long documentId,
            String documentTitle,
            String kind,
            int position,
            String snippet,
            String assignment,
            boolean blind,
            boolean done) {

        public String link() {
            return "/documents/" + documentId + ("comment".equals(kind) ? "#c" + position : "#p" + position);
        }
    }

    /** A person's assigned items, the open ones first, oldest assignment first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assigned> forAnnotator(String person, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery("""
                        SELECT ai.item_id, i.document_id, d.title, i.kind, i.position, left(i.text, 280) AS snippet,
                               a.name, a.blind, ai.done_at IS NOT NULL AS done
                        FROM assignment_item ai
                        JOIN assignment a ON a.id = ai.assignment_id
                        JOIN item i ON i.id = ai.item_id
                        JOIN document d ON d.id = i.document_id
                        WHERE ai.annotator = ?1
                        ORDER BY ai.done_at IS NOT NULL, a.id, i.document_id, i.kind, i.position
                        LIMIT ?2
                        """, Tuple.class)
                .setParameter(1, person)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Assigned(
                        ((Number) r.get(0)).longValue(),
                        ((Number) r.get(1)).longValue(),
                        (String) r.get(2),
                        (String) r.get(3),
                        ((Number) r.get(4)).intValue(),
                        (String) r.get(5),
                        (String) r.get(6),
                        (Boolean) r.get(7),
                        (Boolean) r.get(8)))
                .toList();
    }

    /** How many items the person still has to code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long openFor(String person) {
        return ((Number) entityManager
                        .createNativeQuery(
                                "SELECT count(*) FROM assignment_item WHERE annotator = ?1 AND done_at IS NULL")
                        .setParameter(1, person)
                        .getSingleResult())
                .longValue();
    }

    private List<String> checked(Request request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw invalid("Give the assignment a name of up to 200 characters, so annotators know what it is.");
        }
        List<String> annotators = request.annotators() == null
                ? List.of()
                : request.annotators().stream().map(String::strip).distinct().toList();
        if (annotators.size() < 2) {
            throw invalid("Double coding needs at least two annotators.");
        }
        for (String name : annotators) {
            AppUser user = AppUser.findByUsername(name).orElseThrow(() -> invalid("There is no user '" + name + "'."));
            if (Role.VIEWER.equals(user.role)) {
                throw invalid("'" + name + "' is a viewer and cannot label; make them an annotator first.");
            }
        }
        if (request.perItem() < 2 || request.perItem() > annotators.size()) {
            throw invalid("Each item needs between 2 and " + annotators.size() + " annotators (the number chosen).");
        }
        int narrowers = (request.document() != null ? 1 : 0)
                + (request.target() != null ? 1 : 0)
                + (request.queue() != null ? 1 : 0);
        if (narrowers > 1) {
            throw invalid("Choose the items by one of document, target or queue filter, not several.");
        }
        if (narrowers == 0 && request.sample() == null) {
            throw invalid("Choose the items: a document, a target, a queue filter, or a random sample of all items.");
        }
        if (request.sample() != null && (request.sample() < 1 || request.sample() > MAX_ITEMS)) {
            throw invalid("A random sample is between 1 and " + MAX_ITEMS + " items.");
        }
        return annotators;
    }

    @SuppressWarnings("unchecked")
    private List<Long> items(Request request) {
        String pool;
        List<Object> parameters = new ArrayList<>();
        if (request.document() != null) {
            pool = "SELECT id FROM item WHERE document_id = ?1";
            parameters.add(request.document());
        } else if (request.target() != null) {
            pool = "SELECT DISTINCT item_id AS id FROM current_label WHERE dimension = 'stance' AND target = ?1 "
                    + "AND value <> 'none'";
            parameters.add(request.target());
        } else if (request.queue() != null) {
            QueueFilter q = request.queue();
            StringBuilder sql = new StringBuilder("SELECT DISTINCT r.item_id AS id FROM review_item r WHERE TRUE");
            if (q.document() != null) {
                parameters.add(q.document());
                sql.append(" AND r.document_id = ?").append(parameters.size());
            }
            if (q.key() != null) {
                parameters.add("sentiment".equals(q.key()) || "incivility".equals(q.key()) ? q.key() : "stance");
                sql.append(" AND r.dimension = ?").append(parameters.size());
                parameters.add("sentiment".equals(q.key()) || "incivility".equals(q.key()) ? "" : q.key());
                sql.append(" AND r.target = ?").append(parameters.size());
            }
            if (q.reason() != null) {
                sql.append(" AND r.").append(q.reason());
            }
            pool = sql.toString();
        } else {
            pool = "SELECT id FROM item";
        }
        String order = request.sample() != null
                ? " ORDER BY random() LIMIT " + request.sample()
                : " ORDER BY id LIMIT " + (MAX_ITEMS + 1);
        var query = entityManager.createNativeQuery("SELECT id FROM (" + pool + ") p" + order);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((List<Number>) query.getResultList())
                .stream().map(Number::longValue).toList();
    }

    private static String selection(Request request) {
        Map<String, Object> selection = new LinkedHashMap<>();
        if (request.document() != null) selection.put("document", request.document());
        if (request.target() != null) selection.put("target", request.target());
        if (request.queue() != null) selection.put("queue", request.queue().query());
        if (request.sample() != null) selection.put("sample", request.sample());
        selection.put("perItem", request.perItem());
        try {
            return JSON.writeValueAsString(selection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("The assignment was not made", message);
    }
}
