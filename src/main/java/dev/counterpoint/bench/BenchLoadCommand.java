package dev.counterpoint.bench;

import dev.counterpoint.platform.OfflineCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench-load URL ADMIN PASSWORD FIRST_ITEM LAST_ITEM [ANNOTATORS] [VIEWERS] [SECONDS]}: annotators saving
 * labels and viewers reading charts at the same time against a running app.
 */
public final class BenchLoadCommand implements OfflineCommand {

    @Override
    public String name() {
        return "bench-load";
    }

    @Override
    public String usage() {
        return "URL ADMIN PASSWORD FIRST_ITEM LAST_ITEM [ANNOTATORS=50] [VIEWERS=20] [SECONDS=60]   concurrent "
                + "label saves and chart reads against a running Counterpoint";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() < 5) {
            System.err.println("Usage: bench-load " + usage());
            return 2;
        }
        try {
            return LoadBenchmark.run(new LoadBenchmark.Settings(
                    arguments.get(0),
                    arguments.get(1),
                    arguments.get(2),
                    number(arguments, 5, 50),
                    number(arguments, 6, 20),
                    Duration.ofSeconds(number(arguments, 7, 60)),
                    Long.parseLong(arguments.get(3)),
                    Long.parseLong(arguments.get(4))));
        } catch (IOException | NumberFormatException e) {
            System.err.println("Counterpoint bench-load: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int number(List<String> arguments, int index, int fallback) {
        return arguments.size() > index ? Integer.parseInt(arguments.get(index)) : fallback;
    }
}
