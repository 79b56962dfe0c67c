package dev.counterpoint.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Checks a configured PostgreSQL server before Quarkus starts, so a wrong setting gets one clear line. */
final class ExternalDatabase {

    private ExternalDatabase() {}

    static void check(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StartupProblem("COUNTERPOINT_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/counterpoint, not '" + jdbcUrl + "'.");
        }
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, properties)) {
            // Reaching the server and signing in is the whole check.
        } catch (SQLException e) {
            throw new StartupProblem(explain(e, jdbcUrl, username), e);
        }
    }

    private static String explain(SQLException e, String jdbcUrl, String username) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "The database at " + jdbcUrl + " refused user '" + username + "' (" + e.getMessage()
                    + "). Check COUNTERPOINT_DB_USER and COUNTERPOINT_DB_PASSWORD.";
        }
        if (state.equals("3D000")) {
            return "The database named in " + jdbcUrl + " does not exist. Create it (for example with createdb) "
                    + "or correct COUNTERPOINT_DB_URL.";
        }
        return "Cannot reach the database at " + jdbcUrl + " (" + EmbeddedDatabase.rootMessage(e) + "). Check that "
                + "the server runs and COUNTERPOINT_DB_URL is right, or unset COUNTERPOINT_DB_URL to use the "
                + "embedded database.";
    }
}
