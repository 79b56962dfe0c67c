package dev.counterpoint.bench;

import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.dashboard.RollupRefresher;
import dev.counterpoint.labels.ModelVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Builds a synthetic corpus in SQL for the dashboard benchmark: documents with an article, five paragraphs and N
 * timed comments each, model labels on every item and key, people's labels on a tenth of the comments (some
 * disputed, some adjudicated). Labels are bulk-inserted with row triggers off, then the current labels, review queue and rollups
 * are built in one pass each, as the triggers would have.
 */
@ApplicationScoped
public class SyntheticCorpus {

    static final int DOCUMENTS_PER_BATCH = 25;

    private static final String DOCUMENTS = """
            INSERT INTO document (external_key, title, codebook_id, published_on, paragraph_count, comment_count, attribution)
            SELECT 'synthetic:' || n, 'Synthetic article ' || n || ' on ' || (ARRAY['envoys', 'sanctions', 'ceasefire',
                   'talks', 'aid'])[1 + n % 5], ?1, DATE '2025-01-01' + (n % 300), 5, ?3, 'Synthetic benchmark data.'
            FROM generate_series(?2, ?2 + ?4 - 1) AS n
            """;

    private static final String ITEMS = """
            INSERT INTO item (document_id, kind, position, heading, text, author_handle, posted_at, external_id)
            SELECT d.id, k.kind, k.position, false,
                   CASE k.kind WHEN 'article' THEN 'The whole synthetic article.'
                               WHEN 'paragraph' THEN 'Synthetic paragraph ' || k.position || ' about Russia and Ukraine.'
                               ELSE 'Synthetic comment ' || k.position || ' on ' || d.title END,
                   CASE WHEN k.kind = 'comment' THEN 'reader' || (k.position % 97) END,
                   CASE WHEN k.kind = 'comment' THEN TIMESTAMPTZ '2025-01-01' + (d.published_on - DATE '2025-01-01')
                        * INTERVAL '1 day' + (k.position * 37 % 4320) * INTERVAL '1 minute' END,
                   NULL
            FROM document d
            CROSS JOIN LATERAL (SELECT 'article' AS kind, 0 AS position
                                UNION ALL SELECT 'paragraph', p FROM generate_series(1, 5) p
                                UNION ALL SELECT 'comment', c FROM generate_series(1, d.comment_count) c) k
            WHERE d.external_key LIKE 'synthetic:%' AND d.id BETWEEN ?1 AND ?2
            """;

    /** One model label per item and key; values skewed the way real comments are (mostly none). */
    private static final String MODEL_LABELS = """
            INSERT INTO label (item_id, dimension, target, value, score, confidence, source, annotator, model_version_id,
                               evidence, created_at)
            SELECT i.id, k.dimension, k.target,
                   CASE k.dimension
                       WHEN 'stance' THEN (ARRAY['favor', 'against', 'none', 'none', 'against'])[1 + (pg_temp.h(i.id + k.n) % 5)]
                       WHEN 'sentiment' THEN (ARRAY['negative', 'negative', 'neutral', 'positive'])[1 + (pg_temp.h(i.id + 7) % 4)]
                       ELSE (ARRAY['civil', 'civil', 'civil', 'uncivil'])[1 + (pg_temp.h(i.id + 13) % 4)] END,
                   NULL, 0.35 + (pg_temp.h(i.id * 31 + k.n) % 60) / 100.0, 'model', ?3, ?4,
                   NULL, now() - INTERVAL '2 days'
            FROM item i JOIN document d ON d.id = i.document_id
            CROSS JOIN (SELECT 'stance' AS dimension, t.slug AS target, t.position AS n FROM target t WHERE t.codebook_version_id = ?5
                        UNION ALL SELECT 'sentiment', NULL, 100 UNION ALL SELECT 'incivility', NULL, 101) k
            WHERE d.id BETWEEN ?1 AND ?2 AND d.external_key LIKE 'synthetic:%'
            """;

    /** People on a tenth of the comments: one target's stance and the sentiment; a third disputed, a few adjudicated. */
    private static final String PEOPLE_LABELS = """
            INSERT INTO label (item_id, dimension, target, value, source, annotator, created_at)
            SELECT i.id, 'stance', ?3, (ARRAY['favor', 'against', 'none'])[1 + (pg_temp.h(i.id + a.n) % 3)],
                   CASE WHEN a.n = 3 THEN 'adjudicated' ELSE 'human' END, a.who, now() - INTERVAL '1 day' + a.n * INTERVAL '1 hour'
            FROM item i JOIN document d ON d.id = i.document_id
            CROSS JOIN (VALUES (1, 'ann'), (2, 'bob'), (3, 'lead')) AS a(n, who)
            WHERE d.id BETWEEN ?1 AND ?2 AND d.external_key LIKE 'synthetic:%' AND i.kind = 'comment' AND i.position % 10 = 0
              AND (a.n = 1 OR (a.n = 2 AND i.position % 30 = 0) OR (a.n = 3 AND i.position % 50 = 0))
            """;

    private static final String CURRENT = """
            INSERT INTO current_label (label_id, item_id, dimension, target, value, score, confidence, source, source_rank,
                                       model_version_id, created_at)
            SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, ''))
                   l.id, l.item_id, l.dimension, l.target, l.value, l.score, l.confidence, l.source,
                   label_source_rank(l.source), l.model_version_id, l.created_at
            FROM label l JOIN item i ON i.id = l.item_id
            WHERE i.document_id BETWEEN ?1 AND ?2
            ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), label_source_rank(l.source) DESC, l.created_at DESC, l.id DESC
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    ModelRegistry models;

    @Inject
    RollupRefresher rollups;

    public void generate(int documents, int commentsPerDocument, java.io.PrintStream progress) {
        ModelVersion model = QuarkusTransaction.requiringNew()
                .call(() -> models.transfer(
                        ((Codebook) Codebook.findBySlug("default").orElseThrow()).latestVersion()));
        long codebookId = QuarkusTransaction.requiringNew()
                .call(() -> Codebook.findBySlug("default").orElseThrow().id);
        long codebookVersionId = QuarkusTransaction.requiringNew()
                .call(() -> ((Codebook) Codebook.findById(codebookId)).latestVersion().id);
        int start = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(
                                        "SELECT count(*) FROM document WHERE external_key LIKE 'synthetic:%'")
                                .getSingleResult())
                        .intValue());
        long began = System.nanoTime();
        for (int from = 0; from < documents; from += DOCUMENTS_PER_BATCH) {
            int count = Math.min(DOCUMENTS_PER_BATCH, documents - from);
            int first = start + from + 1;
            QuarkusTransaction.requiringNew()
                    .timeout(3600)
                    .run(() -> batch(first, count, commentsPerDocument, codebookId, codebookVersionId, model));
            progress.printf(
                    "  %d of %d documents (%.0f s)%n", from + count, documents, (System.nanoTime() - began) / 1e9);
        }
        progress.println("  counting the rollups...");
        rollups.refreshAll();
        progress.printf(
                "Generated %d documents with %d comments each in %.0f s.%n",
                documents, commentsPerDocument, (System.nanoTime() - began) / 1e9);
    }

    private void batch(
            int first, int count, int comments, long codebookId, long codebookVersionId, ModelVersion model) {
        entityManager
                .createNativeQuery(DOCUMENTS)
                .setParameter(1, codebookId)
                .setParameter(2, first)
                .setParameter(3, comments)
                .setParameter(4, count)
                .executeUpdate();
        Object[] range = (Object[]) entityManager
                .createNativeQuery("SELECT min(id), max(id) FROM document WHERE external_key "
                        + "= ANY (ARRAY['synthetic:' || ?1, 'synthetic:' || (?1 + ?2 - 1)])")
                .setParameter(1, first)
                .setParameter(2, count)
                .getSingleResult();
        long low = ((Number) range[0]).longValue();
        long high = ((Number) range[1]).longValue();
        entityManager
                .createNativeQuery(ITEMS)
                .setParameter(1, low)
                .setParameter(2, high)
                .executeUpdate();
        entityManager
                .createNativeQuery("CREATE OR REPLACE FUNCTION pg_temp.h(x bigint) RETURNS integer LANGUAGE sql "
                        + "IMMUTABLE AS 'SELECT hashint8(x) & 2147483647'")
                .executeUpdate();
        boolean superuser = (Boolean) entityManager
                .createNativeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .getSingleResult();
        if (superuser) {
            // Row triggers off for the bulk insert; the current labels are then built in one pass below.
            entityManager
                    .createNativeQuery("SET LOCAL session_replication_role = replica")
                    .executeUpdate();
        }
        entityManager
                .createNativeQuery(MODEL_LABELS)
                .setParameter(1, low)
                .setParameter(2, high)
                .setParameter(3, model.name)
                .setParameter(4, model.id)
                .setParameter(5, codebookVersionId)
                .executeUpdate();
        entityManager
                .createNativeQuery(PEOPLE_LABELS)
                .setParameter(1, low)
                .setParameter(2, high)
                .setParameter(3, "russia")
                .executeUpdate();
        if (superuser) {
            entityManager
                    .createNativeQuery(CURRENT)
                    .setParameter(1, low)
                    .setParameter(2, high)
                    .executeUpdate();
            // The review queue, as the label trigger would have kept it.
            entityManager
                    .createNativeQuery("SELECT count(*) FROM (SELECT review_refresh(ARRAY(SELECT i.id FROM item i "
                            + "JOIN document d ON d.id = i.document_id WHERE d.id BETWEEN ?1 AND ?2))) refreshed")
                    .setParameter(1, low)
                    .setParameter(2, high)
                    .getSingleResult();
        }
        entityManager
                .createNativeQuery("INSERT INTO rollup_stale SELECT id FROM document WHERE id BETWEEN ?1 AND ?2 "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, low)
                .setParameter(2, high)
                .executeUpdate();
    }
}
