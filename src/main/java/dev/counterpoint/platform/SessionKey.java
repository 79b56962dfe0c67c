package dev.counterpoint.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts sign-in cookies. Kept in the data folder so people stay signed in across restarts;
 * QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY overrides it (and should, when several instances share a database).
 */
final class SessionKey {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    private static final Setting CONFIGURED = new Setting(PROPERTY, "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");

    private SessionKey() {}

    /** {@code shared}: the database is a server other instances may use too, so they need this key as well. */
    static void ensure(Path dataDir, boolean shared) {
        if (CONFIGURED.value().isPresent()) {
            return;
        }
        if (shared) {
            System.err.println("Counterpoint: signing people in with the key in " + dataDir.resolve("session.key")
                    + ". If other instances share this database, give them all the same "
                    + "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, or a sign-in on one will not hold on the others.");
        }
        Path file = dataDir.resolve("session.key");
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[48];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                restrictToOwner(file);
            }
            System.setProperty(
                    PROPERTY, Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new StartupProblem(
                    "Cannot write the data folder " + dataDir + " (" + EmbeddedDatabase.rootMessage(e)
                            + "). Set COUNTERPOINT_DATA_DIR to a folder you can write.",
                    e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the folder's own permissions protect it.
        }
    }
}
