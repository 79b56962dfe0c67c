package dev.counterpoint.users;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure someone can sign in to a new installation: with no users, it creates "admin" with the password
 * from COUNTERPOINT_ADMIN_PASSWORD, or a random one printed once to the console.
 */
@Singleton
public class FirstAdmin {

    public static final String USERNAME = "admin";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    UserAccounts accounts;

    /** Commands (import, eval, ...) serve no pages, so there is no one to tell the password to. */
    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean servingPages;

    @ConfigProperty(name = "counterpoint.admin-password")
    Optional<String> configuredPassword;

    void onStart(@Observes StartupEvent event) {
        if (accounts.count() > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(FirstAdmin::randomPassword);
        accounts.create(USERNAME, password, Role.ADMIN);
        if (!servingPages) {
            return;
        }
        if (configuredPassword.isPresent()) {
            System.out.println("Created the first user: admin, with the password from COUNTERPOINT_ADMIN_PASSWORD.");
        } else {
            System.out.println("Created the first user. Sign in as admin with the password " + password
                    + " (shown only now; change it under Account after signing in).");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
