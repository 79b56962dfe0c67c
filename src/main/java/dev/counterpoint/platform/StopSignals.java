package dev.counterpoint.platform;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl+C (SIGINT) ask Quarkus to stop instead of starting the JVM's exit at once. The JVM's exit runs
 * every shutdown hook at the same moment, and ONNX Runtime's hook frees its native environment while the
 * classifier may still be creating or running a session on it: that crashed the JVM with SIGSEGV. Stopping through
 * Quarkus first stops the work, closes the sessions, then the database; only then does the JVM exit. A second
 * signal exits at once.
 */
final class StopSignals {

    private static final AtomicBoolean requested = new AtomicBoolean();

    private StopSignals() {}

    static void install() {
        handle("TERM", 143);
        handle("INT", 130);
    }

    private static void handle(String name, int exitCode) {
        try {
            Signal.handle(new Signal(name), signal -> stop(exitCode));
        } catch (IllegalArgumentException e) {
            // This platform has no such signal (or the JVM reserves it): the JVM's default stop applies.
        }
    }

    private static void stop(int exitCode) {
        ShutdownOrder.begin();
        if (!requested.compareAndSet(false, true)) {
            System.exit(exitCode);
        }
        Quarkus.asyncExit(exitCode);
    }

    /** True when a signal asked to stop; the main thread then ends the JVM itself once everything stopped. */
    static boolean stopRequested() {
        return requested.get();
    }
}
