package dev.counterpoint.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL whose Counterpoint was killed (kill -9, power cut of the JVM only): the server lives on
 * with nobody to stop it. The Counterpoint that runs a server holds a lock on {@code epg-lock} in its data
 * folder; when nobody holds it, the server is an orphan and is stopped so the next start can go ahead.
 */
final class OrphanedServer {

    private static final String LOCK_FILE = "epg-lock";

    private OrphanedServer() {}

    static boolean ownerIsAlive(Path pgData) {
        Path lockFile = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException | IOException e) {
            return true;
        }
    }

    static void stopOrphan(ProcessHandle postmaster, Path pgData) {
        System.err.println("Counterpoint: stopping the embedded PostgreSQL (process " + postmaster.pid()
                + ") left running by a Counterpoint that did not stop cleanly.");
        stop(postmaster, pgData);
    }

    /**
     * Stops the server whose pid file is in {@code pgData}, if it runs. With a {@code grace}, waits that long for
     * a server that was launched but has not written its pid file yet.
     */
    static void stopIfRunning(Path pgData, Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        do {
            Optional<ProcessHandle> server = serverOf(pgData);
            if (server.isPresent()) {
                stop(server.get(), pgData);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (Instant.now().isBefore(deadline));
    }

    private static Optional<ProcessHandle> serverOf(Path pgData) {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Smart shutdown (SIGTERM): its clients died with the JVM, so it stops at once and removes its pid file. */
    private static void stop(ProcessHandle postmaster, Path pgData) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupProblem("The embedded PostgreSQL in " + pgData + " (process " + postmaster.pid()
                    + ") was left running by an earlier Counterpoint and did not stop within 60 s. Stop it and "
                    + "start again.");
        }
    }
}
