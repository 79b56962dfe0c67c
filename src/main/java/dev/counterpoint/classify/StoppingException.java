package dev.counterpoint.classify;

/** Thrown when work asks for the encoder after the app began to stop; the work is retried after the next start. */
public class StoppingException extends IllegalStateException {

    public StoppingException(String message) {
        super(message);
    }
}
