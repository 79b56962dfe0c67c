package dev.counterpoint.labels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.hibernate.Session;

/**
 * Appends labels in JDBC batches, inside the caller's transaction: classification stores thousands of labels
 * a second, more than one entity at a time allows. The database checks values against their dimension.
 */
@ApplicationScoped
public class LabelWriter {

    private static final String INSERT = """
            INSERT INTO label (item_id, dimension, target, value, score, confidence, source, annotator,
                               model_version_id, evidence, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
            """;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<NewLabel> labels) {
        if (labels.isEmpty()) {
            return;
        }
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (NewLabel label : labels) {
                    bind(insert, label);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static void bind(PreparedStatement insert, NewLabel label) throws SQLException {
        insert.setLong(1, label.itemId());
        insert.setString(2, label.dimension().code());
        insert.setString(3, label.target());
        insert.setString(4, label.value());
        setDouble(insert, 5, label.score());
        setDouble(insert, 6, label.confidence());
        insert.setString(7, label.source().code());
        insert.setString(8, label.annotator());
        if (label.modelVersionId() == null) {
            insert.setNull(9, Types.BIGINT);
        } else {
            insert.setLong(9, label.modelVersionId());
        }
        insert.setString(10, label.evidenceJson());
        insert.setString(11, label.note());
    }

    private static void setDouble(PreparedStatement insert, int index, Double value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.REAL);
        } else {
            insert.setFloat(index, value.floatValue());
        }
    }
}
