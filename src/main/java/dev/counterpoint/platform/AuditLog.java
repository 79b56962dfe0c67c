package dev.counterpoint.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Records what admins do (adjudications, assignments, role and codebook changes, imports, training) in the
 * append-only {@code audit_event} table, in the transaction of the action itself: if the action rolls back, so
 * does its record.
 */
@ApplicationScoped
public class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, Map<String, ?> detail) {
        entityManager
                .createNativeQuery("INSERT INTO audit_event (actor, action, subject, detail) VALUES (?1, ?2, ?3, "
                        + "CAST(?4 AS jsonb))")
                .setParameter(1, actor)
                .setParameter(2, action)
                .setParameter(3, subject)
                .setParameter(4, json(detail))
                .executeUpdate();
    }

    /** One recorded action, as the audit page lists it. */
    public record Event(long id, OffsetDateTime at, String actor, String action, String subject, String detail) {}

    /** The newest events older than {@code beforeId} (or the newest of all when null), optionally of one actor or action. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> recent(String actor, String action, Long beforeId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT id, at, actor, action, subject, detail::text FROM audit_event
                        WHERE (CAST(?1 AS text) IS NULL OR actor = ?1) AND (CAST(?2 AS text) IS NULL OR action = ?2)
                          AND (CAST(?3 AS bigint) IS NULL OR id < ?3)
                        ORDER BY id DESC LIMIT ?4""")
                .setParameter(1, actor)
                .setParameter(2, action)
                .setParameter(3, beforeId)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Event(
                        ((Number) r[0]).longValue(),
                        r[1] instanceof OffsetDateTime t ? t : ((Instant) r[1]).atOffset(ZoneOffset.UTC),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5]))
                .toList();
    }

    private static String json(Map<String, ?> detail) {
        try {
            return detail == null ? null : JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }
}
