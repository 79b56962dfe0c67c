package dev.counterpoint.corpus;

import dev.counterpoint.platform.InvalidInputException;

/** An import that cannot be stored as it is; the message says what is wrong and where. Nothing was stored. */
public class InvalidImportException extends InvalidInputException {

    public InvalidImportException(String message) {
        super("The import was not stored", message);
    }
}
