package dev.counterpoint.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * How many of a document's paragraphs and comments name each target of its codebook by an alias or its name:
 * who the author writes about beside who the readers write about. Counted by PostgreSQL, not in memory.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetMentionChart {

    public record TargetMentions(String slug, String name, long paragraphs, long comments) {}

    public record Data(
            long documentId,
            String codebook,
            int codebookVersion,
            long paragraphs,
            long comments,
            List<TargetMentions> targets) {}

    private static final String TOTALS = """
            SELECT count(*) FILTER (WHERE kind = 'paragraph' AND NOT heading) AS paragraphs,
                   count(*) FILTER (WHERE kind = 'comment') AS comments
            FROM item WHERE document_id = :document
            """;

    private static final String PER_TARGET = """
            SELECT t.slug, t.name,
                   count(i.id) FILTER (WHERE i.kind = 'paragraph') AS paragraphs,
                   count(i.id) FILTER (WHERE i.kind = 'comment') AS comments
            FROM target t
            LEFT JOIN item i ON i.document_id = :document
                            AND (i.kind = 'comment' OR (i.kind = 'paragraph' AND NOT i.heading))
                            AND mentions_any(i.text, t.aliases || t.name)
            WHERE t.codebook_version_id = :codebookVersion
            GROUP BY t.slug, t.name, t.position
            ORDER BY t.position
            """;

    @Inject
    EntityManager entityManager;

    public Data forDocument(long documentId, long codebookVersionId, String codebook, int codebookVersion) {
        Tuple totals = (Tuple) entityManager
                .createNativeQuery(TOTALS, Tuple.class)
                .setParameter("document", documentId)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager
                .createNativeQuery(PER_TARGET, Tuple.class)
                .setParameter("document", documentId)
                .setParameter("codebookVersion", codebookVersionId)
                .getResultList();
        List<TargetMentions> targets = rows.stream()
                .map(r -> new TargetMentions(
                        r.get("slug", String.class),
                        r.get("name", String.class),
                        ((Number) r.get("paragraphs")).longValue(),
                        ((Number) r.get("comments")).longValue()))
                .toList();
        return new Data(
                documentId,
                codebook,
                codebookVersion,
                ((Number) totals.get("paragraphs")).longValue(),
                ((Number) totals.get("comments")).longValue(),
                targets);
    }
}
