package dev.counterpoint.labels.review;

import java.util.List;
import java.util.Map;

/**
 * The orders the queue can be read in, each a list of columns that makes every subject's place unique, so a cursor
 * (the values of those columns, joined by '|') says where "next" continues even after the subject left the queue.
 */
enum QueueOrder {
    /** People split evenly first, then the model's least sure labels, then overturns of a sure model. */
    PRIORITY("r.priority, r.item_id, r.dimension, r.target", List.of(Type.REAL, Type.ID, Type.TEXT, Type.TEXT)),
    DOCUMENT(
            "r.document_id, r.priority, r.item_id, r.dimension, r.target",
            List.of(Type.ID, Type.REAL, Type.ID, Type.TEXT, Type.TEXT)),
    TARGET("r.dimension, r.target, r.priority, r.item_id", List.of(Type.TEXT, Type.TEXT, Type.REAL, Type.ID)),
    /** Oldest first. */
    AGE("r.opened_at, r.item_id, r.dimension, r.target", List.of(Type.TIME, Type.ID, Type.TEXT, Type.TEXT));

    private enum Type {
        ID,
        REAL,
        TEXT,
        TIME
    }

    private final String columns;
    private final List<Type> types;

    QueueOrder(String columns, List<Type> types) {
        this.columns = columns;
        this.types = types;
    }

    static QueueOrder of(String sort) {
        return valueOf(sort.toUpperCase());
    }

    String columns() {
        return columns;
    }

    int width() {
        return types.size();
    }

    String placeholders() {
        StringBuilder p = new StringBuilder();
        for (Type type : types) {
            p.append(p.isEmpty() ? "" : ", ")
                    .append(
                            switch (type) {
                                case ID -> "CAST(? AS bigint)";
                                case REAL -> "CAST(? AS real)";
                                case TEXT -> "CAST(? AS text)";
                                case TIME -> "CAST(? AS timestamptz)";
                            });
        }
        return p.toString();
    }

    /** The cursor's values as query parameters, in column order. */
    Object[] values(List<String> parts) {
        return parts.toArray();
    }

    /** The cursor of a row read by ReviewQueue's SELECT. */
    String cursorOf(Map<String, Object> row) {
        String[] names = columns.replace("r.", "").split(", ");
        StringBuilder cursor = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            Object value = switch (name) {
                case "priority" -> row.get("priority_text");
                default -> row.get(name);
            };
            cursor.append(i == 0 ? "" : "|").append(value);
        }
        return cursor.toString();
    }
}
