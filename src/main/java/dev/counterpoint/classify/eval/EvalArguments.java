package dev.counterpoint.classify.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The eval command's arguments, checked before any work starts. */
record EvalArguments(String codebook, Path train, Path test, Path out, int retrain) {

    static EvalArguments parse(List<String> arguments, String usage) {
        String codebook = null;
        Path train = null;
        Path test = null;
        Path out = null;
        int retrain = 0;
        for (int i = 0; i < arguments.size(); i += 2) {
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("'" + arguments.get(i) + "' needs a value; usage: eval " + usage);
            }
            String value = arguments.get(i + 1);
            switch (arguments.get(i)) {
                case "--codebook" -> codebook = value;
                case "--train" -> train = existing(value);
                case "--test" -> test = existing(value);
                case "--out" -> out = Path.of(value);
                case "--retrain" -> retrain = Integer.parseInt(value);
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument '" + arguments.get(i) + "'; usage: eval " + usage);
            }
        }
        if (codebook == null || test == null) {
            throw new IllegalArgumentException("eval needs --codebook and --test; usage: eval " + usage);
        }
        return new EvalArguments(codebook, train, test, out, retrain);
    }

    private static Path existing(String value) {
        Path file = Path.of(value);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("there is no readable file " + value);
        }
        return file;
    }
}
