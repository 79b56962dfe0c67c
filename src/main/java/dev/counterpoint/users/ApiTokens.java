package dev.counterpoint.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Makes, lists, revokes and recognises API tokens. The token itself exists only in the answer that creates it. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    /** Marks Counterpoint's tokens, so a leaked one is easy to find by secret scanners. */
    static final String PREFIX = "cpt_";

    static final int MAX_PER_USER = 20;
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token: the value to show once, and its stored row. */
    public record Created(String token, ApiToken stored) {}

    public Created create(String username, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new IllegalArgumentException(
                    "Give the token a name of 1 to 100 characters, such as what script will use it.");
        }
        AppUser user = AppUser.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("There is no user '" + username + "'."));
        if (ApiToken.count("user = ?1 and revokedAt is null", user) >= MAX_PER_USER) {
            throw new IllegalArgumentException(
                    "You have " + MAX_PER_USER + " active tokens; revoke one you no longer use first.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken();
        stored.user = user;
        stored.name = label;
        stored.tokenHash = hash(token);
        stored.prefix = token.substring(0, PREFIX.length() + 6);
        stored.persist();
        return new Created(token, stored);
    }

    /** Revokes one of the person's own tokens; a token of someone else is treated as missing. */
    public void revoke(String username, long id) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                .filter(t -> t.user.username.equals(username))
                .orElseThrow(() -> new IllegalArgumentException("You have no token number " + id + "."));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiToken> of(String username) {
        return ApiToken.listFor(username);
    }

    /** The owner of an active token, with their role now; records the use at most once a minute. */
    public Optional<AppUser> owner(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = ApiToken.findActiveByHash(hash(token));
        found.filter(t -> t.lastUsedAt == null
                        || t.lastUsedAt.isBefore(Instant.now().minus(USE_RECORDED_EVERY)))
                .ifPresent(t -> t.lastUsedAt = Instant.now());
        return found.map(t -> t.user);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
