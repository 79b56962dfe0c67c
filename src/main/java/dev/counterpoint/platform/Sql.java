package dev.counterpoint.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** A read-only query being built: SQL text and its parameters in order, run over plain JDBC. */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public Sql append(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    public List<Map<String, Object>> rows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(text.toString())) {
            if (connection.getAutoCommit()) {
                connection.setReadOnly(true); // inside a transaction the connection is the transaction's to set
            }
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Long[] longs) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", longs));
                } else if (value instanceof String[] strings) {
                    statement.setArray(i + 1, connection.createArrayOf("text", strings));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A chart query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
