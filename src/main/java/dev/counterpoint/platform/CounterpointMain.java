package dev.counterpoint.platform;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.net.BindException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Counterpoint: picks the database (the configured server, or the embedded one in the data folder),
 * runs Quarkus, prints where the app is, and stops the embedded server after Quarkus has stopped.
 */
@QuarkusMain
public class CounterpointMain implements QuarkusApplication {

    private static final long MAIN_STOP_WAIT_MS = 120_000;

    private static volatile EmbeddedDatabase embedded;
    private static volatile boolean exiting;
    private static volatile boolean inShutdownHook;

    public static void main(String... args) {
        LaunchMode mode = LaunchMode.of(args);
        if (mode == LaunchMode.OFFLINE) {
            System.exit(OfflineCommands.run(args));
        }
        DatabaseLocation location =
                mode == LaunchMode.EVALUATION ? DatabaseLocation.freshTemporary() : DatabaseLocation.fromEnvironment();
        mode.configure();
        // Before the embedded server starts, so a stop during start-up stops it too.
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfter(main), "counterpoint-stop-database"));
        if (mode == LaunchMode.SERVE) {
            StopSignals.install();
        }
        try {
            SessionKey.ensure(location.dataDir(), location.isExternal() && mode == LaunchMode.SERVE);
            if (location.isExternal()) {
                try {
                    ExternalDatabase.check(location.jdbcUrl().orElseThrow(), location.username(), location.password());
                } catch (StartupProblem unreachable) {
                    fail(unreachable.getMessage(), ExitCode.DATABASE_UNREACHABLE);
                }
                useDatasource(location.jdbcUrl().orElseThrow(), location.username(), location.password());
            } else if (mode == LaunchMode.COMMAND
                    && EmbeddedDatabase.runningIn(location.dataDir()).isPresent()) {
                // The app is running on this data folder: the command shares its embedded server.
                useDatasource(EmbeddedDatabase.runningIn(location.dataDir()).get(), EmbeddedDatabase.USER, "");
            } else {
                embedded = EmbeddedDatabase.start(location.dataDir());
                useDatasource(embedded.jdbcUrl(), EmbeddedDatabase.USER, "");
            }
        } catch (StartupProblem problem) {
            fail(problem.getMessage(), ExitCode.USAGE);
            return;
        }
        if (ShutdownOrder.hasBegun()) {
            // Stopped while the database started: do not start Quarkus at all.
            stopEmbeddedDatabase();
            exitAfterSignal(143);
            return;
        }
        int[] exitCode = {0};
        Quarkus.run(
                CounterpointMain.class,
                (code, failure) -> {
                    exitCode[0] = code;
                    if (failure != null) {
                        System.err.println("Counterpoint cannot start: " + explain(failure));
                        exitCode[0] = code == 0 ? 1 : code;
                    }
                },
                args);
        stopEmbeddedDatabase(mode == LaunchMode.SERVE && (exitCode[0] == 0 || StopSignals.stopRequested()));
        if (mode == LaunchMode.EVALUATION) {
            TemporaryFolders.delete(location.dataDir());
        }
        exitAfterSignal(exitCode[0]);
        // System.exit while the shutdown hooks run would wait for them, and they wait for this thread.
        if (exitCode[0] != 0 && !inShutdownHook) {
            exiting = true;
            System.exit(exitCode[0]);
        }
    }

    /** After a stop signal everything has stopped in order; now the JVM may run its hooks and exit. */
    private static void exitAfterSignal(int exitCode) {
        if (StopSignals.stopRequested()) {
            exiting = true;
            System.exit(exitCode);
        }
    }

    @Override
    public int run(String... args) {
        if (args.length > 0) {
            return Arc.container().instance(CommandLine.class).get().run(args);
        }
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.port", Integer.class)
                .orElse(8080);
        System.out.println("Counterpoint is running at http://localhost:" + port + "/  (stop it with Ctrl+C)");
        Quarkus.waitForExit();
        return 0;
    }

    private static void useDatasource(String url, String username, String password) {
        System.setProperty("quarkus.datasource.jdbc.url", url);
        System.setProperty("quarkus.datasource.username", username);
        System.setProperty("quarkus.datasource.password", password);
    }

    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupProblem problem) {
                return problem.getMessage();
            }
            if (cause instanceof BindException
                    || cause.getClass().getSimpleName().equals("QuarkusBindException")) {
                int port = ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.http.port", Integer.class)
                        .orElse(8080);
                return "port " + port + " is already in use. Stop the program that uses it, or set QUARKUS_HTTP_PORT "
                        + "to a free port.";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return EmbeddedDatabase.rootMessage(failure) + " (the log above has the details).";
    }

    /**
     * On Ctrl+C or SIGTERM, Quarkus stops first (work, then native sessions, see {@link ShutdownOrder}); the
     * database goes once the main thread has finished with it. The wait outlasts the classifier's own stop wait,
     * so PostgreSQL never stops under a batch still in flight.
     */
    private static void stopAfter(Thread main) {
        ShutdownOrder.begin();
        inShutdownHook = true;
        try {
            if (!exiting) {
                main.join(MAIN_STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopEmbeddedDatabase();
    }

    private static void stopEmbeddedDatabase() {
        stopEmbeddedDatabase(true);
    }

    /** Announced on an orderly stop only: when start-up fails, its reason stays the last line. */
    private static synchronized void stopEmbeddedDatabase(boolean announce) {
        if (embedded != null) {
            embedded.close();
            embedded = null;
            if (announce) {
                System.out.println("Counterpoint: stopped the embedded PostgreSQL");
            }
        }
    }

    private static void fail(String message, int exitCode) {
        exiting = true;
        System.err.println(
                ShutdownOrder.hasBegun() ? "Counterpoint: " + message : "Counterpoint cannot start: " + message);
        stopEmbeddedDatabase(false);
        if (StopSignals.stopRequested() && !inShutdownHook) {
            System.exit(143);
        } else if (!inShutdownHook) {
            System.exit(exitCode);
        }
    }
}
