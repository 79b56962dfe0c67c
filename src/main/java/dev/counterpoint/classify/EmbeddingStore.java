package dev.counterpoint.classify;

import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Encoder vectors per item, computed once and kept in PostgreSQL: classifying again with a new model, and
 * training, reuse them instead of running the encoder again.
 */
@ApplicationScoped
public class EmbeddingStore {

    @Inject
    EntityManager entityManager;

    @Inject
    EncoderProvider encoders;

    /** Vectors for the items, in order: stored ones are read, missing ones encoded (in one batch) and stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public float[][] vectors(List<Long> itemIds, List<String> texts) {
        TextEncoder encoder = encoders.encoder();
        String key = key(encoder);
        Map<Long, float[]> stored = read(itemIds, key);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < itemIds.size(); i++) {
            if (!stored.containsKey(itemIds.get(i))) {
                missing.add(i);
            }
        }
        float[][] result = new float[itemIds.size()][];
        if (!missing.isEmpty()) {
            float[][] encoded = encoder.encode(missing.stream()
                    .map(i -> TextNormalizer.clean(texts.get(i)))
                    .toList());
            Map<Long, float[]> fresh = new HashMap<>();
            for (int m = 0; m < missing.size(); m++) {
                fresh.put(itemIds.get(missing.get(m)), encoded[m]);
            }
            write(fresh, key);
            stored.putAll(fresh);
        }
        for (int i = 0; i < itemIds.size(); i++) {
            result[i] = stored.get(itemIds.get(i));
        }
        return result;
    }

    /** The configured encoder's stored vectors of these items; items without one are absent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, float[]> stored(List<Long> itemIds) {
        return read(itemIds, key(encoders.encoder()));
    }

    /** Keeps vectors of the configured encoder, computed outside a transaction, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Map<Long, float[]> vectors) {
        if (!vectors.isEmpty()) {
            write(vectors, key(encoders.encoder()));
        }
    }

    /** Vectors are of the cleaned text (TextNormalizer.clean); the key says so, so a change of either re-encodes. */
    static String key(TextEncoder encoder) {
        return encoder.id() + "+clean1";
    }

    private Map<Long, float[]> read(List<Long> itemIds, String encoder) {
        Map<Long, float[]> vectors = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT item_id, vector FROM item_embedding WHERE encoder = ? AND item_id = ANY (?)")) {
                query.setString(1, encoder);
                query.setArray(2, connection.createArrayOf("bigint", itemIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        vectors.put(rows.getLong(1), fromBytes(rows.getBytes(2)));
                    }
                }
            }
        });
        return vectors;
    }

    private void write(Map<Long, float[]> vectors, String encoder) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO item_embedding (item_id, encoder, vector) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Map.Entry<Long, float[]> entry : vectors.entrySet()) {
                    insert.setLong(1, entry.getKey());
                    insert.setString(2, encoder);
                    insert.setBytes(3, toBytes(entry.getValue()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
