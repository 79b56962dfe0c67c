package dev.counterpoint.platform;

import java.util.Set;

/**
 * How the app was launched: serving pages (no arguments), running a command on the configured database, an
 * evaluation on a fresh temporary database, or a command that needs no database at all.
 */
enum LaunchMode {
    SERVE,
    COMMAND,
    EVALUATION,
    OFFLINE;

    static LaunchMode of(String... args) {
        if (args.length == 0) {
            return SERVE;
        }
        if (OfflineCommands.isHelp(args[0]) || OfflineCommands.named(args[0]).isPresent()) {
            return OFFLINE;
        }
        return Set.of("eval", "bench-classify").contains(args[0]) ? EVALUATION : COMMAND;
    }

    /** Commands serve no pages and do their work in the foreground. */
    void configure() {
        if (this == SERVE) {
            return;
        }
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("counterpoint.classifier.worker", "false");
        System.setProperty("counterpoint.dashboards.background-refresh", "false");
        System.setProperty("counterpoint.classifier.classify-sample-on-start", "false");
        System.setProperty("quarkus.log.console.level", "WARN");
        if (this == EVALUATION) {
            System.setProperty("counterpoint.sample.import-on-empty", "false");
            System.setProperty("counterpoint.admin-password", "evaluation-only-" + System.nanoTime());
        }
    }
}
