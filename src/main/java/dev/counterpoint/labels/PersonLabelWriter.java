package dev.counterpoint.labels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Appends people's labels (human or adjudicated) in the caller's transaction, never overwriting one. Each item's
 * label version goes up by one and is locked until commit, so two people saving the same item at once are put one
 * after the other and both land in history; with a required version, a decision on a stale view is refused. The
 * items' rollup rows are taken out before and put back after, so corpus charts count the new labels at once.
 */
@ApplicationScoped
public class PersonLabelWriter {

    /** What an item looks like after a save: its new label version and its document. */
    public record Written(long itemId, long documentId, int version) {}

    private static final String INSERT = """
            INSERT INTO label (item_id, dimension, target, value, source, annotator, note, item_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    @Inject
    EntityManager entityManager;

    /**
     * Appends labels to one item. With {@code requiredVersion} set, refuses with {@link StaleItemException} when
     * the item's label version is no longer the one the person saw.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written append(
            long itemId, List<LabelChoice> choices, LabelSource source, String person, String note, Integer required) {
        return appendAll(Map.of(itemId, choices), source, person, note, required)
                .get(0);
    }

    /** Appends labels to several items in one go (bulk adjudication); no version check. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Written> appendAll(
            Map<Long, List<LabelChoice>> choices,
            LabelSource source,
            String person,
            String note,
            Integer requiredVersion) {
        if (source == LabelSource.MODEL) {
            throw new IllegalArgumentException("model labels are written by LabelWriter");
        }
        entityManager.flush();
        List<Written> written = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            Long[] ids = choices.keySet().stream().sorted().toArray(Long[]::new);
            for (Long id : ids) {
                written.add(bump(connection, id, requiredVersion));
            }
            Array items = connection.createArrayOf("bigint", ids);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL counterpoint.rollups = 'kept'");
            }
            applyRollups(connection, items, -1);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Written item : written) {
                    for (LabelChoice choice : choices.get(item.itemId())) {
                        insert.setLong(1, item.itemId());
                        insert.setString(2, choice.dimension());
                        insert.setString(3, choice.target());
                        insert.setString(4, choice.value());
                        insert.setString(5, source.code());
                        insert.setString(6, person);
                        insert.setString(7, note == null || note.isBlank() ? null : note.strip());
                        insert.setInt(8, item.version());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            applyRollups(connection, items, 1);
            if (source == LabelSource.HUMAN) {
                markAssignmentsDone(connection, items, person);
            }
        });
        return written;
    }

    private Written bump(Connection connection, long itemId, Integer requiredVersion) throws SQLException {
        String sql = "UPDATE item SET label_version = label_version + 1 WHERE id = ?"
                + (requiredVersion == null ? "" : " AND label_version = ?") + " RETURNING label_version, document_id";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, itemId);
            if (requiredVersion != null) {
                update.setInt(2, requiredVersion);
            }
            try (ResultSet row = update.executeQuery()) {
                if (row.next()) {
                    return new Written(itemId, row.getLong(2), row.getInt(1));
                }
            }
        }
        int current = currentVersion(connection, itemId);
        if (requiredVersion == null) {
            throw new IllegalStateException("item " + itemId + " was not updated");
        }
        throw new StaleItemException(itemId, requiredVersion, current, Label.peopleSince(itemId, requiredVersion));
    }

    private static int currentVersion(Connection connection, long itemId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT label_version FROM item WHERE id = ?")) {
            select.setLong(1, itemId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("There is no item " + itemId + ".");
                }
                return row.getInt(1);
            }
        }
    }

    private static void applyRollups(Connection connection, Array items, int sign) throws SQLException {
        try (PreparedStatement apply = connection.prepareStatement("SELECT rollup_apply(?, ?)")) {
            apply.setArray(1, items);
            apply.setInt(2, sign);
            apply.execute();
        }
    }

    private static void markAssignmentsDone(Connection connection, Array items, String person) throws SQLException {
        try (PreparedStatement done = connection.prepareStatement(
                "UPDATE assignment_item SET done_at = now() WHERE item_id = ANY (?) AND annotator = ? "
                        + "AND done_at IS NULL")) {
            done.setArray(1, items);
            done.setString(2, person);
            done.executeUpdate();
        }
    }
}
