package dev.counterpoint.platform;

import jakarta.interceptor.Interceptor;

/**
 * The order in which Counterpoint stops, so nothing uses what has already gone: background work first (and the
 * stop waits for it), then native resources such as ONNX sessions, then (in {@link CounterpointMain}, after
 * Quarkus has stopped) the embedded PostgreSQL. CDI calls {@code ShutdownEvent} observers with lower
 * priorities first.
 */
public final class ShutdownOrder {

    /** Stop background threads and wait for them. */
    public static final int STOP_WORK = Interceptor.Priority.PLATFORM_BEFORE;

    /** Close native resources, once no thread can use them any more. */
    public static final int CLOSE_NATIVE = Interceptor.Priority.LIBRARY_AFTER;

    private static volatile boolean begun;

    private ShutdownOrder() {}

    /**
     * Called from the JVM shutdown hook at the first sign of a stop (SIGTERM, Ctrl+C), which may come while
     * Quarkus is still starting and long before its {@code ShutdownEvent}.
     */
    static void begin() {
        begun = true;
    }

    /** True once the process has been asked to stop: start no new work and load no new native sessions. */
    public static boolean hasBegun() {
        return begun;
    }
}
