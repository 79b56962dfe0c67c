package dev.counterpoint.platform;

import dev.counterpoint.classify.eval.BenchmarkConverter;
import java.io.IOException;
import java.nio.file.Path;

/** Commands that need no database, run before (and instead of) Quarkus: help, and converting benchmark files. */
final class OfflineCommands {

    static final String CONVERT_USAGE =
            "FORMAT INPUT OUTPUT.jsonl   convert a benchmark file (tweeteval-stance, ruw, tweeteval-sentiment, "
                    + "tweeteval-offensive) to Counterpoint JSONL";

    private OfflineCommands() {}

    static int run(String... args) {
        if (args[0].equals("bench-dashboards")) {
            return benchDashboards(args);
        }
        if (!args[0].equals("convert-benchmark")) {
            printHelp();
            return 0;
        }
        if (args.length != 4) {
            System.err.println("Usage: convert-benchmark " + CONVERT_USAGE);
            return 2;
        }
        try {
            int items = BenchmarkConverter.convert(
                    BenchmarkConverter.Format.named(args[1]), Path.of(args[2]), Path.of(args[3]));
            System.out.println("Wrote " + items + " items to " + args[3]);
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("Counterpoint convert-benchmark: " + e.getMessage());
            return 2;
        }
    }

    private static int benchDashboards(String... args) {
        if (args.length < 4) {
            System.err.println("Usage: bench-dashboards URL USER PASSWORD [REQUESTS]");
            return 2;
        }
        try {
            return dev.counterpoint.dashboard.DashboardBenchmark.run(
                    args[1], args[2], args[3], args.length > 4 ? Integer.parseInt(args[4]) : 40);
        } catch (IOException e) {
            System.err.println("Counterpoint bench-dashboards: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static void printHelp() {
        System.out.println("""
                Usage: java -jar quarkus-run.jar [COMMAND ARGUMENTS]

                Without a command, Counterpoint serves its pages (see README.md). Commands:
                  import FILE.jsonl                 import documents, items and people's labels (docs/jsonl-format.md)
                  export [--document ID] --out FILE write labelled data with provenance as JSONL
                  train [--codebook SLUG]           train a model from people's labels and label everything with it
                  classify [--document ID]          label a document (or every document) with the current model
                  eval --codebook FILE|NAME [--train FILE] --test FILE [--out FILE]
                                                    measure the classifier on a fresh, temporary database
                  convert-benchmark""" + " " + CONVERT_USAGE);
    }
}
