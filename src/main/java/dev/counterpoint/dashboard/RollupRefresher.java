package dev.counterpoint.dashboard;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps {@code document_rollup} in step with the labels: documents whose labels changed sit in
 * {@code rollup_stale} (a trigger puts them there) until their rows are recomputed here, a few at a time.
 */
@ApplicationScoped
public class RollupRefresher {

    /** Documents per transaction: each is a few thousand label rows at most. */
    static final int BATCH = 50;

    private static final Logger LOG = Logger.getLogger(RollupRefresher.class);

    /** The rows of every item of the documents (db/migrations V8: rollup_rows). */
    private static final String RECOMPUTE = """
            INSERT INTO document_rollup (document_id, kind, dimension, target, value, label_view, confidence_bucket,
                                         disputed, checked, n)
            SELECT * FROM rollup_rows(ARRAY(SELECT i.id FROM item i WHERE i.document_id = ANY (CAST(?1 AS bigint[]))))
            """;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "counterpoint.dashboards.background-refresh", defaultValue = "true")
    boolean background;

    private volatile boolean running;

    /** Counts new labels into the rollups every couple of seconds, so corpus charts are current when opened. */
    void start(@Observes StartupEvent event) {
        if (!background) {
            return;
        }
        running = true;
        Thread thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            if (refreshBatch() == 0) {
                                Thread.sleep(2000);
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            LOG.debugf("Rollup refresh paused: %s", e.getMessage());
                            sleepQuietly();
                        }
                    }
                },
                "counterpoint-rollups");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Recomputes every stale document, batch by batch; returns how many there were. */
    public int refreshAll() {
        int refreshed = 0;
        int done;
        while ((done = refreshBatch()) > 0) {
            refreshed += done;
        }
        return refreshed;
    }

    @Transactional
    public int refreshBatch() {
        @SuppressWarnings("unchecked")
        List<Number> stale = entityManager
                .createNativeQuery(
                        "SELECT document_id FROM rollup_stale ORDER BY document_id LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, BATCH)
                .getResultList();
        if (stale.isEmpty()) {
            return 0;
        }
        Long[] ids = stale.stream().map(Number::longValue).toArray(Long[]::new);
        entityManager
                .createNativeQuery("SELECT count(*) FROM (SELECT rollup_lock(CAST(?1 AS bigint[]))) locked")
                .setParameter(1, ids)
                .getSingleResult();
        entityManager
                .createNativeQuery("DELETE FROM document_rollup WHERE document_id = ANY (?1)")
                .setParameter(1, ids)
                .executeUpdate();
        entityManager.createNativeQuery(RECOMPUTE).setParameter(1, ids).executeUpdate();
        entityManager
                .createNativeQuery("DELETE FROM rollup_stale WHERE document_id = ANY (?1)")
                .setParameter(1, ids)
                .executeUpdate();
        return ids.length;
    }
}
