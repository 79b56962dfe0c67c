package dev.counterpoint.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** What the fault tests check in the embedded database of a running (or killed) packaged app, by plain SQL. */
final class FaultSql {

    record JobRow(String status, int done, int total) {}

    private FaultSql() {}

    static long documentId(Path dataDir, String externalKey) throws SQLException {
        return number(dataDir, "SELECT id FROM document WHERE external_key = ?", externalKey);
    }

    static long latestJob(Path dataDir) throws SQLException {
        return number(dataDir, "SELECT max(id) FROM job WHERE kind = 'classify'");
    }

    static JobRow jobStatus(Path dataDir, long jobId) throws SQLException {
        try (Connection c = connect(dataDir);
                PreparedStatement s = c.prepareStatement("SELECT status, done, total FROM job WHERE id = ?")) {
            s.setLong(1, jobId);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new JobRow(row.getString(1), row.getInt(2), row.getInt(3));
            }
        }
    }

    /** Waits until the job has at least {@code done} items done (and is not yet finished, if it is slow enough). */
    static void awaitJobDone(Path dataDir, long jobId, int done, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (jobStatus(dataDir, jobId).done() >= done) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not reach " + done + " items: " + jobStatus(dataDir, jobId));
    }

    static void awaitJobFinished(Path dataDir, long jobId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String status = jobStatus(dataDir, jobId).status();
            if (!status.equals("queued") && !status.equals("running")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + jobId + " did not finish: " + jobStatus(dataDir, jobId));
    }

    /** Groups of (item, dimension, target, model version) with more than one model label. */
    static long duplicateModelLabels(Path dataDir) throws SQLException {
        return number(dataDir, """
                SELECT count(*) FROM (
                  SELECT 1 FROM label WHERE source = 'model'
                  GROUP BY item_id, dimension, coalesce(target, ''), model_version_id HAVING count(*) > 1) d
                """);
    }

    /** Items of the job without both a sentiment and an incivility label from the job's model version. */
    static long itemsWithoutLabels(Path dataDir, long jobId) throws SQLException {
        return number(dataDir, """
                SELECT count(*) FROM job_item ji JOIN job j ON j.id = ji.job_id
                WHERE ji.job_id = ? AND (SELECT count(DISTINCT l.dimension) FROM label l
                    WHERE l.item_id = ji.item_id AND l.model_version_id = j.model_version_id
                      AND l.dimension IN ('sentiment', 'incivility')) < 2
                """, jobId);
    }

    static long labelRows(Path dataDir) throws SQLException {
        return number(dataDir, "SELECT count(*) FROM label");
    }

    /** Waits until the background refresher has caught up, so charts read settled rollups. */
    static void awaitRollupsFresh(Path dataDir, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (number(dataDir, "SELECT count(*) FROM rollup_stale") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("rollups still stale after " + timeout);
            }
            Thread.sleep(250);
        }
    }

    static long connections(Path dataDir) throws SQLException {
        return number(dataDir, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'counterpoint'");
    }

    private static long number(Path dataDir, String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(dataDir);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Connection connect(Path dataDir) throws SQLException {
        String url = EmbeddedDatabase.runningIn(dataDir)
                .orElseThrow(() -> new AssertionError("no embedded PostgreSQL runs in " + dataDir));
        return DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
    }
}
