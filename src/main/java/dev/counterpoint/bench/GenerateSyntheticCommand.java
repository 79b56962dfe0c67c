package dev.counterpoint.bench;

import dev.counterpoint.platform.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** {@code generate-synthetic [--documents N] [--comments N]}: a labelled synthetic corpus for the dashboard benchmark. */
@ApplicationScoped
public class GenerateSyntheticCommand implements Command {

    @Inject
    SyntheticCorpus corpus;

    @Override
    public String name() {
        return "generate-synthetic";
    }

    @Override
    public String usage() {
        return "[--documents N] [--comments N]   add N synthetic documents with N labelled comments each (benchmarks only)";
    }

    @Override
    public int run(List<String> arguments) {
        int documents = 1000;
        int comments = 1000;
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
            switch (arguments.get(i)) {
                case "--documents" -> documents = Integer.parseInt(arguments.get(i + 1));
                case "--comments" -> comments = Integer.parseInt(arguments.get(i + 1));
                default -> throw new IllegalArgumentException("usage: generate-synthetic " + usage());
            }
        }
        if (arguments.size() % 2 != 0) {
            throw new IllegalArgumentException("usage: generate-synthetic " + usage());
        }
        corpus.generate(documents, comments, System.out);
        return 0;
    }
}
