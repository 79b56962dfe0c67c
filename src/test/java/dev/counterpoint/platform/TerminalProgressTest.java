package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TerminalProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long now;

    private TerminalProgress progress(boolean terminal) {
        return new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, () -> now);
    }

    @Test
    void a_bar_shows_the_share_done_the_rate_and_the_time_left() {
        TerminalProgress bar = progress(true);
        bar.start("classify", 1000);
        now = 10_000_000_000L;
        bar.done(250);
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(
                drawn.startsWith("\rclassify [#######                       ]  25% 250/1000  25.0/s  30s left"), drawn);
    }

    @Test
    void without_a_terminal_it_writes_plain_lines_and_a_last_line_with_the_time_taken() {
        TerminalProgress plain = progress(false);
        plain.start("import", -1);
        now = 1_000_000_000L;
        plain.done(10); // under five seconds since the start: no line
        now = 90_000_000_000L;
        plain.done(900);
        plain.finish();
        assertEquals(
                "import: started\nimport 900  10.0/s\nimport 900  10.0/s  took 1m30s\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void durations_read_as_a_person_says_them() {
        assertEquals("45s", TerminalProgress.duration(45));
        assertEquals("2m05s", TerminalProgress.duration(125));
        assertEquals("1h01m", TerminalProgress.duration(3660));
    }
}
