package dev.counterpoint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The command line of the packaged app: eval on a fresh database, import into the data folder, bad input. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EvalCommandIT {

    private Path folder;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createTempDirectory("counterpoint-eval-it");
    }

    @AfterEach
    void clean() {
        TemporaryFolders.delete(folder);
    }

    @Test
    void eval_trains_on_the_training_file_classifies_the_test_file_and_scores_it() throws IOException {
        Path codebook = Files.writeString(folder.resolve("gadgets.yaml"), """
                slug: gadgets
                name: Gadgets
                targets:
                  - slug: gadget
                    name: The gadget
                    description: A household gadget.
                    aliases: [gadget]
                    favor: [The gadget is wonderful.]
                    against: [The gadget is awful.]
                """);
        StringBuilder train = new StringBuilder(
                "{\"kind\":\"document\",\"id\":\"train\",\"title\":\"t\",\"codebook\":\"gadgets\"}\n");
        StringBuilder test =
                new StringBuilder("{\"kind\":\"document\",\"id\":\"test\",\"title\":\"t\",\"codebook\":\"gadgets\"}\n");
        for (int i = 0; i < 24; i++) {
            String value = i % 2 == 0 ? "favor" : "against";
            String word = i % 2 == 0 ? "blorf" : "zimzam";
            train.append(line("train", "t" + i, word + " " + i + " on the gadget", value));
            if (i < 8) {
                test.append(line("test", "x" + i, word + " again " + i + " on the gadget", value));
            }
        }
        Path trainFile = Files.writeString(folder.resolve("train.jsonl"), train);
        Path testFile = Files.writeString(folder.resolve("test.jsonl"), test);
        Path out = folder.resolve("predictions.jsonl");

        PackagedApp.CommandRun run = PackagedApp.command(
                Map.of(),
                "eval",
                "--codebook",
                codebook.toString(),
                "--train",
                trainFile.toString(),
                "--test",
                testFile.toString(),
                "--out",
                out.toString());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("== Stance toward gadget (n=8): F_avg 100.00"), run.output());
        assertTrue(run.output().contains("confusion (rows: gold, columns: predicted)"));
        List<String> predictions = Files.readAllLines(out);
        assertEquals(9, predictions.size(), "a document line and the eight test items");
        assertTrue(predictions.get(1).contains("\"source\":\"model\"")
                && predictions.get(1).contains("trained:gadgets"));
        assertFalse(predictions.get(1).contains("\"annotator\":\"lab\""), "the test labels were not imported");
    }

    @Test
    void commands_with_bad_input_say_what_is_wrong_in_one_line() throws IOException {
        Path broken = Files.writeString(
                folder.resolve("broken.jsonl"), "{\"id\": \"c1\", \"document\": \"d\", \"kind\": \"comment\"}\n");
        PackagedApp.CommandRun run = PackagedApp.command(
                Map.of("COUNTERPOINT_DATA_DIR", folder.resolve("data").toString()), "import", broken.toString());
        assertEquals(ExitCode.INVALID_INPUT, run.exitCode(), run.output());
        assertTrue(
                run.output().contains("was not imported, nothing was stored: Line 1: an item needs a 'text'"),
                run.output());
        assertFalse(run.output().contains("\tat "), run.output());

        PackagedApp.CommandRun convert = PackagedApp.command(Map.of(), "convert-benchmark", "nonsense", "a", "b");
        assertEquals(2, convert.exitCode());
        assertTrue(convert.output().contains("unknown benchmark format 'nonsense'"), convert.output());

        PackagedApp.CommandRun eval =
                PackagedApp.command(Map.of(), "eval", "--codebook", "no-such", "--test", broken.toString());
        assertEquals(ExitCode.INVALID_INPUT, eval.exitCode(), eval.output());
        assertTrue(eval.output().contains("no bundled codebook of that name"), eval.output());
    }

    private static String line(String document, String id, String text, String value) {
        return "{\"id\":\"%s\",\"document\":\"%s\",\"kind\":\"comment\",\"text\":\"%s\",\"labels\":{\"gadget\":\"%s\"},\"annotator\":\"lab\"}\n"
                .formatted(id, document, text, value);
    }
}
