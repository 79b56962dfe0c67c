package dev.counterpoint.corpus;

/** An import that cannot be stored as it is; the message says what is wrong and where. Nothing was stored. */
public class InvalidImportException extends RuntimeException {

    public InvalidImportException(String message) {
        super(message);
    }
}
