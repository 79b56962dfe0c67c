package dev.counterpoint.platform;

/** What the command line's exit codes mean, for scripts (README "Command line" lists them too). */
public final class ExitCode {

    /** It worked. */
    public static final int OK = 0;
    /** The work was attempted and failed (a training that failed, a job that did not finish). */
    public static final int FAILED = 1;
    /** The command line itself was wrong: unknown command or option, a missing argument. */
    public static final int USAGE = 2;
    /** The input was refused (a file, a value), with the same checks as the pages and the API; nothing changed. */
    public static final int INVALID_INPUT = 3;
    /** The database could not be reached. */
    public static final int DATABASE_UNREACHABLE = 4;

    private ExitCode() {}
}
