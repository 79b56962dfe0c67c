package dev.counterpoint.dashboard;

/** A dashboard file that cannot be used; the message names the file and the field. */
public class InvalidDashboardException extends RuntimeException {

    public InvalidDashboardException(String message) {
        super(message);
    }
}
