package dev.counterpoint.platform;

import java.util.Arrays;
import java.util.Optional;

/** Runs the commands that need no database (help, and every {@link OfflineCommand}) before Quarkus starts. */
final class OfflineCommands {

    private OfflineCommands() {}

    static Optional<OfflineCommand> named(String name) {
        return OfflineCommand.all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static boolean isHelp(String argument) {
        return Arrays.asList("help", "--help", "-h").contains(argument);
    }

    static int run(String... args) {
        Optional<OfflineCommand> command = named(args[0]);
        if (command.isEmpty()) {
            printHelp();
            return 0;
        }
        try {
            return command.get().run(Arrays.asList(args).subList(1, args.length));
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("Counterpoint " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    static void printUsages() {
        OfflineCommand.all().forEach(c -> System.err.println("  " + c.name() + " " + c.usage()));
    }

    private static void printHelp() {
        System.out.println("""
                Usage: ./counterpoint [COMMAND [OPTIONS]]   (or java -jar quarkus-run.jar ...)

                Without a command, Counterpoint serves its pages (see README.md). ./counterpoint COMMAND --help
                describes each command. Commands:
                  import [--format jsonl] FILE      import documents, items and people's labels, all or nothing
                  export [--document ID]... --out FILE [--format jsonl]
                                                    write labelled data with provenance
                  classify [--document ID]          label a document (or every document) with the current model
                  train [--codebook SLUG]           train a model from people's labels and label everything with it
                  users [list | add NAME --role ROLE [--password-stdin] | role NAME ROLE]
                                                    list, add and change accounts
                  eval --codebook FILE|NAME [--train FILE] --test FILE [--out FILE]
                                                    measure the classifier on a fresh, temporary database

                Exit codes: 0 it worked, 1 the work failed, 2 the command line was wrong, 3 the input was refused
                (nothing changed), 4 the database could not be reached.""");
        OfflineCommand.all().forEach(c -> System.out.println("  " + c.name() + " " + c.usage()));
    }
}
