package dev.counterpoint.labels.codebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Moves people's labels across a codebook change, set-based so a change over a million comments is a few statements.
 * Each person's (and each adjudicator's) latest label on the old targets becomes a new label on the new target under
 * the same name and source, with a note saying where it came from; the items' label versions go up, as for any
 * person's label. Old labels stay as they were.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LabelCarrier {

    public record Merged(int carried, int requested) {}

    private static final String LATEST = """
            SELECT DISTINCT ON (l.item_id, l.source, l.annotator, l.target)
                   l.item_id, l.source, l.annotator, l.target, l.value
            FROM label l JOIN item i ON i.id = l.item_id JOIN document d ON d.id = i.document_id
            WHERE d.codebook_id = ?1 AND l.dimension = 'stance' AND l.target = ANY (CAST(?2 AS text[]))
              AND l.source <> 'model'
            ORDER BY l.item_id, l.source, l.annotator, l.target, l.created_at DESC, l.id DESC""";

    /** Each person's latest label on one of {@code from} (renames have just one) becomes a label on {@code to}. */
    public int carry(long codebookId, List<String> from, String to, long versionId, String why) {
        return entityManager
                .createNativeQuery("WITH latest AS (" + LATEST + "), "
                        + "bumped AS (UPDATE item SET label_version = label_version + 1 "
                        + "WHERE id IN (SELECT item_id FROM latest) RETURNING id, label_version) "
                        + "INSERT INTO label (item_id, dimension, target, value, source, annotator, note, item_version) "
                        + "SELECT x.item_id, 'stance', ?3, x.value, x.source, x.annotator, ?4, b.label_version "
                        + "FROM latest x JOIN bumped b ON b.id = x.item_id")
                .setParameter(1, codebookId)
                .setParameter(2, from.toArray(String[]::new))
                .setParameter(3, to)
                .setParameter(4, note(why, versionId))
                .executeUpdate();
    }

    /**
     * A person's labels on merged targets become one label on the merged target when they agree (a stance on one
     * and none on the others counts as that stance); a person who was for one and against another is asked again.
     */
    public Merged merge(long codebookId, List<String> from, String into, long versionId) {
        String decided = "WITH latest AS (" + LATEST + "), "
                + "grouped AS (SELECT item_id, source, annotator, "
                + "array_agg(DISTINCT value) FILTER (WHERE value <> 'none') AS stances FROM latest GROUP BY 1, 2, 3), "
                + "decided AS (SELECT item_id, source, annotator, CASE WHEN stances IS NULL THEN 'none' "
                + "WHEN cardinality(stances) = 1 THEN stances[1] END AS value FROM grouped) ";
        // Carried first: a request is open until someone labels the subject after it, so it must come last.
        int carried = entityManager
                .createNativeQuery(decided
                        + ", agreed AS (SELECT * FROM decided WHERE value IS NOT NULL), "
                        + "bumped AS (UPDATE item SET label_version = label_version + 1 "
                        + "WHERE id IN (SELECT item_id FROM agreed) RETURNING id, label_version) "
                        + "INSERT INTO label (item_id, dimension, target, value, source, annotator, note, item_version) "
                        + "SELECT x.item_id, 'stance', ?3, x.value, x.source, x.annotator, ?4, b.label_version "
                        + "FROM agreed x JOIN bumped b ON b.id = x.item_id")
                .setParameter(1, codebookId)
                .setParameter(2, from.toArray(String[]::new))
                .setParameter(3, into)
                .setParameter(4, note("merged from " + from, versionId))
                .executeUpdate();
        int requested = entityManager
                .createNativeQuery(decided
                        + "INSERT INTO relabel_request (item_id, target, codebook_version_id, reason) "
                        + "SELECT DISTINCT item_id, ?3, ?4, ?5 FROM decided WHERE value IS NULL ON CONFLICT DO NOTHING")
                .setParameter(1, codebookId)
                .setParameter(2, from.toArray(String[]::new))
                .setParameter(3, into)
                .setParameter(4, versionId)
                .setParameter(5, "merged from " + from + ": someone's labels on them conflict")
                .executeUpdate();
        return new Merged(carried, requested);
    }

    /** Items people labelled on {@code from} go back to the queue for each of the targets it became. */
    public int requestRelabel(long codebookId, String from, List<String> to, long versionId, String why) {
        return entityManager
                .createNativeQuery("""
                        INSERT INTO relabel_request (item_id, target, codebook_version_id, reason)
                        SELECT DISTINCT l.item_id, t.slug, ?3, ?4
                        FROM label l JOIN item i ON i.id = l.item_id JOIN document d ON d.id = i.document_id
                        CROSS JOIN unnest(CAST(?5 AS text[])) AS t(slug)
                        WHERE d.codebook_id = ?1 AND l.dimension = 'stance' AND l.target = ?2 AND l.source <> 'model'
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, codebookId)
                .setParameter(2, from)
                .setParameter(3, versionId)
                .setParameter(4, why)
                .setParameter(5, to.toArray(String[]::new))
                .executeUpdate();
    }

    private String note(String why, long versionId) {
        Object version = entityManager
                .createNativeQuery("SELECT version FROM codebook_version WHERE id = ?1")
                .setParameter(1, versionId)
                .getSingleResult();
        return "carried over by the codebook change to version " + version + ": " + why;
    }

    @Inject
    EntityManager entityManager;
}
