package dev.counterpoint.platform;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.UnmatchedArgsBinding;
import picocli.CommandLine.ParameterException;

/**
 * The command line on picocli: {@code counterpoint COMMAND [OPTIONS]}, with {@code --help} for each command.
 * Features provide {@link CliCommand} beans; older {@link dev.counterpoint.platform.Command} beans (evaluation,
 * benchmarks) run with their own argument parsing. Failures end in one line on stderr and an {@link ExitCode}.
 */
@ApplicationScoped
@Unremovable
public class CommandLine {

    @Inject
    @Any
    Instance<CliCommand> commands;

    @Inject
    @Any
    Instance<dev.counterpoint.platform.Command> older;

    @Inject
    picocli.CommandLine.IFactory factory;

    @Command(
            name = "counterpoint",
            mixinStandardHelpOptions = true,
            description = "Counterpoint's commands; without one, ./counterpoint serves the pages.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:it worked",
                "1:the work failed",
                "2:the command line was wrong",
                "3:the input was refused; nothing changed",
                "4:the database could not be reached"
            })
    static final class Root implements Callable<Integer> {
        @Override
        public Integer call() {
            return ExitCode.OK;
        }
    }

    /**
     * A command that parses its own arguments (all but --help). Its picocli spec is built here, not from
     * annotations, which would make quarkus-picocli take it for a bean.
     */
    static picocli.CommandLine ownArguments(dev.counterpoint.platform.Command command) {
        List<String> arguments = new ArrayList<>();
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> command.run(arguments));
        spec.name(command.name()).mixinStandardHelpOptions(true);
        spec.usageMessage().description(command.usage());
        spec.addUnmatchedArgsBinding(UnmatchedArgsBinding.forStringArrayConsumer(new ISetter() {
            @Override
            public <T> T set(T value) {
                // picocli sets the whole array each time (and null at first).
                arguments.clear();
                if (value != null) {
                    arguments.addAll(List.of((String[]) value));
                }
                return null;
            }
        }));
        return new picocli.CommandLine(spec);
    }

    public int run(String... args) {
        return build().execute(args);
    }

    picocli.CommandLine build() {
        picocli.CommandLine root = new picocli.CommandLine(new Root(), factory);
        // "@file" is a file name here, never picocli's file of arguments.
        root.setExpandAtFiles(false);
        commands.stream()
                .sorted(Comparator.comparing(c -> c.getClass().getSimpleName()))
                .forEach(c -> root.addSubcommand(new picocli.CommandLine(c, factory)));
        older.stream()
                .filter(c -> !root.getSubcommands().containsKey(c.name()))
                .sorted(Comparator.comparing(dev.counterpoint.platform.Command::name))
                .forEach(c -> root.addSubcommand(c.name(), ownArguments(c)));
        root.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // "Counterpoint users add: ...", the whole command, as a person typed it.
            commandLine
                    .getErr()
                    .println("Counterpoint"
                            + commandLine.getCommandSpec().qualifiedName().substring("counterpoint".length()) + ": "
                            + message(e));
            return exitCode(e);
        });
        root.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("Counterpoint: " + e.getMessage());
            e.getCommandLine()
                    .getErr()
                    .println("Try: ./" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.USAGE;
        });
        return root;
    }

    static int exitCode(Throwable e) {
        if (e instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (unreachableDatabase(e)) {
            return ExitCode.DATABASE_UNREACHABLE;
        }
        if (e instanceof IllegalArgumentException
                && String.valueOf(e.getMessage()).contains("usage: ")) {
            return ExitCode.USAGE;
        }
        if (e instanceof InvalidInputException
                || e instanceof IllegalArgumentException
                || e instanceof UncheckedIOException) {
            return ExitCode.INVALID_INPUT;
        }
        return ExitCode.FAILED;
    }

    /** A connection that could not be made or was lost: SQL state class 08, or a pool that timed out waiting. */
    static boolean unreachableDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (String.valueOf(cause.getMessage()).contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return EmbeddedDatabase.rootMessage(e);
    }
}
