package dev.counterpoint.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

    private static String json(Map<String, ?> detail) {
        try {
            return detail == null ? null : JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }
}
