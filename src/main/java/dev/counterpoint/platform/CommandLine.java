package dev.counterpoint.platform;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Finds the command named by the first argument and runs it; bad input ends in one line and exit code 2. */
@ApplicationScoped
@Unremovable
public class CommandLine {

    @Inject
    @Any
    Instance<Command> commands;

    public int run(String... args) {
        List<Command> all =
                commands.stream().sorted(Comparator.comparing(Command::name)).toList();
        Command command =
                all.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            System.err.println("Counterpoint: unknown command '" + args[0] + "'. The commands are:");
            all.forEach(c -> System.err.println("  " + c.name() + " " + c.usage()));
            OfflineCommands.printUsages();
            return 2;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("Counterpoint " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            String message = EmbeddedDatabase.rootMessage(e);
            System.err.println("Counterpoint " + command.name() + ": " + message);
            return 2;
        }
    }
}
