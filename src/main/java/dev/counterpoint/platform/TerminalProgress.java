package dev.counterpoint.platform;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@link Progress} for the command line, on stderr so that stdout stays the command's output: on a terminal a bar
 * redrawn in place with the rate and the time left, otherwise (a pipe, a log file) a plain line every few seconds.
 */
public final class TerminalProgress implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long PLAIN_LINE_NANOS = 5_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private String task = "";
    private long total = -1;
    private long started;
    private long lastDrawn;
    private long done;

    TerminalProgress(PrintStream out, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Draws on stderr; as a bar when a person is watching the terminal. */
    public static TerminalProgress onStderr() {
        return new TerminalProgress(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        this.started = clock.getAsLong();
        this.lastDrawn = started;
        if (!terminal) {
            out.println(task + ": started" + (total >= 0 ? ", " + total + " to do" : ""));
        }
    }

    @Override
    public void done(long done) {
        this.done = done;
        long now = clock.getAsLong();
        if (now - lastDrawn >= (terminal ? REDRAW_NANOS : PLAIN_LINE_NANOS)) {
            lastDrawn = now;
            draw(now, false);
        }
    }

    @Override
    public void finish() {
        draw(clock.getAsLong(), true);
    }

    private void draw(long now, boolean last) {
        String line = line(now, last);
        if (terminal) {
            out.print("\r" + line + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long now, boolean last) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(task).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append('[')
                    .append("#".repeat(filled))
                    .append(" ".repeat(WIDTH - filled))
                    .append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", 100 * done / total));
        }
        line.append(done).append(total >= 0 ? "/" + total : "");
        line.append(String.format(Locale.ROOT, "  %.1f/s", rate));
        if (last) {
            line.append("  took ").append(duration(seconds));
        } else if (total > 0 && rate > 0) {
            line.append("  ").append(duration((total - done) / rate)).append(" left");
        }
        return line.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
