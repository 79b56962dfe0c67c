package dev.counterpoint.users;

import dev.counterpoint.platform.AuditLog;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Creates accounts and changes passwords, with the rules people are told on the page. */
@ApplicationScoped
@Transactional
public class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 10;

    @Inject
    AuditLog audit;

    /** An account made by the installation itself (the first admin) or by a fixture. */
    public AppUser create(String username, String password, String role) {
        return create(username, password, role, "system");
    }

    public AppUser create(String username, String password, String role, String createdBy) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("A user name is 2 to 64 letters, digits, dots, hyphens or underscores.");
        }
        requireRole(role);
        if (AppUser.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("The user name '" + username + "' is taken.");
        }
        requireStrong(password);
        AppUser user = new AppUser();
        user.username = username;
        user.role = role;
        user.setPassword(password);
        user.persist();
        audit.record(createdBy, "user.create", username, Map.of("role", role));
        return user;
    }

    public void changePassword(String username, String currentPassword, String newPassword) {
        AppUser user =
                AppUser.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("No such user."));
        if (currentPassword == null || !BcryptUtil.matches(currentPassword, user.passwordHash)) {
            throw new IllegalArgumentException("The current password is not right.");
        }
        requireStrong(newPassword);
        user.setPassword(newPassword);
        audit.record(username, "user.password", username, null);
    }

    /** Gives someone another role; the last admin cannot stop being one, or no one could manage users. */
    public void changeRole(String username, String role, String changedBy) {
        requireRole(role);
        AppUser user = AppUser.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("There is no user '" + username + "'."));
        if (Role.ADMIN.equals(user.role) && !Role.ADMIN.equals(role) && AppUser.count("role", Role.ADMIN) == 1) {
            throw new IllegalArgumentException(
                    "'" + username + "' is the only admin; make someone else an admin first.");
        }
        audit.record(changedBy, "user.role", username, Map.of("from", user.role, "to", role));
        user.role = role;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppUser> all() {
        return AppUser.list("order by username");
    }

    public long count() {
        return AppUser.count();
    }

    private static void requireRole(String role) {
        if (!Role.ALL.contains(role)) {
            throw new IllegalArgumentException("The role must be one of " + String.join(", ", Role.ALL) + ".");
        }
    }

    static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }
}
