package dev.counterpoint.platform;

/**
 * A reason Counterpoint cannot start that the person running it can fix. Its message says what is wrong and what
 * to do, in one line; {@link CounterpointMain} prints it instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    public StartupProblem(String message) {
        super(message);
    }

    public StartupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
