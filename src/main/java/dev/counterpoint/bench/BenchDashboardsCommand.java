package dev.counterpoint.bench;

import dev.counterpoint.platform.OfflineCommand;
import java.io.IOException;
import java.util.List;

/** {@code bench-dashboards URL USER PASSWORD [REQUESTS]}: times a running app's chart endpoints over HTTP. */
public final class BenchDashboardsCommand implements OfflineCommand {

    @Override
    public String name() {
        return "bench-dashboards";
    }

    @Override
    public String usage() {
        return "URL USER PASSWORD [REQUESTS]   time every chart endpoint of a running Counterpoint";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() < 3) {
            System.err.println("Usage: bench-dashboards " + usage());
            return 2;
        }
        try {
            return DashboardBenchmark.run(
                    arguments.get(0),
                    arguments.get(1),
                    arguments.get(2),
                    arguments.size() > 3 ? Integer.parseInt(arguments.get(3)) : 40);
        } catch (IOException e) {
            System.err.println("Counterpoint bench-dashboards: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }
}
