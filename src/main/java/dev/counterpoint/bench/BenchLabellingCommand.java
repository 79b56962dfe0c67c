package dev.counterpoint.bench;

import dev.counterpoint.platform.OfflineCommand;
import java.io.IOException;
import java.util.List;

/** {@code bench-labelling URL USER PASSWORD [SAVES]}: times save-and-next and the queue page of a running app. */
public final class BenchLabellingCommand implements OfflineCommand {

    @Override
    public String name() {
        return "bench-labelling";
    }

    @Override
    public String usage() {
        return "URL USER PASSWORD [SAVES]   time save-and-next and the review queue pages of a running Counterpoint";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() < 3) {
            System.err.println("Usage: bench-labelling " + usage());
            return 2;
        }
        try {
            return LabellingBenchmark.run(
                    arguments.get(0),
                    arguments.get(1),
                    arguments.get(2),
                    arguments.size() > 3 ? Integer.parseInt(arguments.get(3)) : 200);
        } catch (IOException e) {
            System.err.println("Counterpoint bench-labelling: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }
}
