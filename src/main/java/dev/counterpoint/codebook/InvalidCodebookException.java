package dev.counterpoint.codebook;

/** A codebook file that cannot be used; the message names the file, and the target or field at fault. */
public class InvalidCodebookException extends RuntimeException {

    public InvalidCodebookException(String message) {
        super(message);
    }

    public InvalidCodebookException(String message, Throwable cause) {
        super(message, cause);
    }
}
