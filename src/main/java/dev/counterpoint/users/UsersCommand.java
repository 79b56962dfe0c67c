package dev.counterpoint.users;

import dev.counterpoint.platform.CliCommand;
import dev.counterpoint.platform.ExitCode;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users list|add|role}: the accounts, with the rules the Users page applies. */
@Dependent
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "List people, add one, or change someone's role (viewer, annotator, admin).")
public class UsersCommand implements CliCommand {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    UserAccounts accounts;

    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account with its role.")
    int list() {
        for (AppUser user : accounts.all()) {
            System.out.printf(
                    "%-24s %-10s %s%n", user.username, user.role, user.createdAt == null ? "" : user.createdAt);
        }
        return ExitCode.OK;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add an account. The password is read from stdin with --password-stdin, else made up and"
                    + " printed once.")
    int add(
            @Parameters(paramLabel = "NAME", description = "2 to 64 letters, digits, dots, hyphens or underscores")
                    String name,
            @Option(
                            names = "--role",
                            defaultValue = Role.VIEWER,
                            description = "viewer, annotator or admin; default ${DEFAULT-VALUE}")
                    String role,
            @Option(names = "--password-stdin", description = "read the password (10 characters or more) from stdin")
                    boolean fromStdin)
            throws IOException {
        String password = fromStdin ? readPassword() : madeUpPassword();
        accounts.create(name, password, role);
        System.out.println("Added " + name + " as " + role
                + (fromStdin ? "." : ", with the password " + password + " (shown only now)."));
        return ExitCode.OK;
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Give someone another role.")
    int role(
            @Parameters(index = "0", paramLabel = "NAME") String name,
            @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, annotator or admin") String role) {
        accounts.changeRole(name, role, "command line");
        System.out.println(name + " is now " + role + ".");
        return ExitCode.OK;
    }

    private static String readPassword() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.strip();
    }

    private static String madeUpPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
