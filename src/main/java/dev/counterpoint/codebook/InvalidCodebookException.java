package dev.counterpoint.codebook;

import dev.counterpoint.platform.InvalidInputException;

/** A codebook file that cannot be used; the message names the file, and the target or field at fault. */
public class InvalidCodebookException extends InvalidInputException {

    public InvalidCodebookException(String message) {
        super("The codebook was not loaded", message);
    }

    public InvalidCodebookException(String message, Throwable cause) {
        super("The codebook was not loaded", message, cause);
    }
}
