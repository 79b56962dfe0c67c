package dev.counterpoint.platform;

import java.util.List;

/** A command-line command: {@code java -jar quarkus-run.jar <name> [arguments]}. Features provide them as beans. */
public interface Command {

    String name();

    /** One line: the arguments and what the command does. */
    String usage();

    /** Runs the command; the exit code is returned to the shell. */
    int run(List<String> arguments);
}
