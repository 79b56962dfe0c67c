package dev.counterpoint.platform;

/**
 * Input a person gave that cannot be used as it is (a file, a form, a query). The message says what is wrong and
 * what to do; {@link ErrorResponses} answers it with 400 and that message. Features subclass it for their own
 * inputs, so the platform need not know them.
 */
public class InvalidInputException extends RuntimeException {

    private final String title;

    public InvalidInputException(String title, String message) {
        super(message);
        this.title = title;
    }

    public InvalidInputException(String title, String message, Throwable cause) {
        super(message, cause);
        this.title = title;
    }

    /** A short heading for the error page, such as "The import was not stored". */
    public String title() {
        return title;
    }
}
