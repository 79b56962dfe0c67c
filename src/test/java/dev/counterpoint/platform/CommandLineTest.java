package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.users.AppUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The command line's parsing, help and exit codes, run in-process against the test database. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandLineTest {

    @Inject
    CommandLine commandLine;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        picocli.CommandLine line = commandLine.build();
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(out, true));
        return line.execute(args);
    }

    @Test
    void every_command_has_help_that_names_its_options() {
        assertEquals(0, run("import", "--help"));
        assertTrue(out.toString().contains("--format"), out.toString());
        assertEquals(0, run("export", "--help"));
        assertTrue(out.toString().contains("--out"), out.toString());
        assertEquals(0, run("users", "add", "--help"));
        assertTrue(out.toString().contains("--password-stdin"), out.toString());
        assertEquals(0, run("eval", "--help"), "commands that parse their own arguments are listed too");
    }

    @Test
    void a_wrong_command_line_is_exit_code_2_with_a_pointer_to_help() {
        assertEquals(ExitCode.USAGE, run("imprt", "file.jsonl"));
        assertEquals(ExitCode.USAGE, run("export"), "--out is required");
        assertTrue(err.toString().contains("--out"), err.toString());
        assertEquals(ExitCode.USAGE, run("import", "--format", "xlsx", "file"));
        assertTrue(err.toString().contains("Try: ./counterpoint import --help"), err.toString());
    }

    @Test
    void refused_input_is_exit_code_3_and_changes_nothing() {
        assertEquals(ExitCode.INVALID_INPUT, run("import", "/no/such/file.jsonl"));
        assertTrue(err.toString().contains("there is no file /no/such/file.jsonl"), err.toString());
        assertEquals(ExitCode.INVALID_INPUT, run("users", "role", "nobody-here", "admin"));
        assertEquals(ExitCode.INVALID_INPUT, run("users", "add", "x", "--role", "viewer"), "name too short");
        assertEquals(ExitCode.INVALID_INPUT, run("users", "add", "cli-person", "--role", "boss"));
        assertTrue(err.toString().contains("Counterpoint users add: The role must be one of"), err.toString());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByUsername("cli-person").isEmpty()));
    }

    @Test
    void users_are_added_with_the_pages_rules_and_listed() {
        assertEquals(ExitCode.OK, run("users", "add", "cli-annotator", "--role", "annotator"));
        assertEquals(
                "annotator",
                QuarkusTransaction.requiringNew()
                        .call(() -> AppUser.findByUsername("cli-annotator").orElseThrow().role));
        assertEquals(ExitCode.OK, run("users", "role", "cli-annotator", "viewer"));
        assertEquals(
                "viewer",
                QuarkusTransaction.requiringNew()
                        .call(() -> AppUser.findByUsername("cli-annotator").orElseThrow().role));
    }

    @Test
    void a_command_that_parses_its_own_arguments_gets_them_as_given() {
        assertEquals(ExitCode.INVALID_INPUT, run("eval", "--codebook", "no-such", "--test", "@x.jsonl"));
        assertTrue(err.toString().contains("there is no readable file @x.jsonl"), err.toString());
    }

    @Test
    void a_lost_database_connection_is_exit_code_4() {
        java.sql.SQLException refused = new java.sql.SQLException("Connection refused", "08001");
        assertEquals(ExitCode.DATABASE_UNREACHABLE, CommandLine.exitCode(new RuntimeException("wrapped", refused)));
        assertEquals(ExitCode.FAILED, CommandLine.exitCode(new IllegalStateException("a bug")));
    }
}
