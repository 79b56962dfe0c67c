package dev.counterpoint.platform;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A command that needs no database and runs before (and instead of) Quarkus, such as converting a benchmark file.
 * Features provide them through {@code META-INF/services/dev.counterpoint.platform.OfflineCommand}, so the
 * launcher finds them without depending on the features.
 */
public interface OfflineCommand {

    String name();

    /** The arguments and what the command does, in one line. */
    String usage();

    /** Runs the command; the exit code is returned to the shell. */
    int run(List<String> arguments);

    static List<OfflineCommand> all() {
        return ServiceLoader.load(OfflineCommand.class, OfflineCommand.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
