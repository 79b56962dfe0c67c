package dev.counterpoint.platform;

import java.util.concurrent.Callable;

/**
 * A command-line command written with picocli: a bean annotated {@code @picocli.CommandLine.Command} (name,
 * options, {@code --help}), run as {@code ./counterpoint NAME}; it returns an {@link ExitCode}. Make it
 * {@code @Dependent} so that picocli reads the class's own annotations, not a client proxy's.
 */
public interface CliCommand extends Callable<Integer> {}
