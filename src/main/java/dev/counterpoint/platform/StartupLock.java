package dev.counterpoint.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Lets instances that start at once on one database take turns through the start-up work (registering codebooks,
 * importing the sample into an empty database, creating the first admin, queueing the sample's classification):
 * the first start-up observer takes a PostgreSQL advisory lock on a connection of its own, the last one lets it go.
 * Without it, two instances on an empty database would both import the sample and both create "admin", and one of
 * them would fail to start. Flyway takes its own lock while it migrates, before any of this.
 */
@Singleton
public class StartupLock {

    private static final Logger LOG = Logger.getLogger(StartupLock.class);
    /** Any number the app uses for nothing else; "cpstart" in ASCII. */
    private static final long KEY = 0x6370737461727400L;

    @Inject
    DataSource dataSource;

    private Connection held;

    void take(@Observes @Priority(0) StartupEvent event) throws SQLException {
        held = dataSource.getConnection();
        try (Statement statement = held.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
    }

    void release(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (held == null) {
            return;
        }
        try (Connection connection = held;
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // Closing the connection ends the session, which drops the lock anyway.
            LOG.debugf("Releasing the start-up lock: %s", e.getMessage());
        } finally {
            held = null;
        }
    }
}
