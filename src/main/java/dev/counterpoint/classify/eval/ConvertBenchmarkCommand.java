package dev.counterpoint.classify.eval;

import dev.counterpoint.platform.OfflineCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** {@code convert-benchmark FORMAT IN OUT}: a public benchmark file as Counterpoint JSONL, no database needed. */
public final class ConvertBenchmarkCommand implements OfflineCommand {

    @Override
    public String name() {
        return "convert-benchmark";
    }

    @Override
    public String usage() {
        return "FORMAT INPUT OUTPUT.jsonl   convert a benchmark file (tweeteval-stance, ruw, tweeteval-sentiment, "
                + "tweeteval-offensive) to Counterpoint JSONL";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 3) {
            System.err.println("Usage: convert-benchmark " + usage());
            return 2;
        }
        try {
            int items = BenchmarkConverter.convert(
                    BenchmarkConverter.Format.named(arguments.get(0)),
                    Path.of(arguments.get(1)),
                    Path.of(arguments.get(2)));
            System.out.println("Wrote " + items + " items to " + arguments.get(2));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
