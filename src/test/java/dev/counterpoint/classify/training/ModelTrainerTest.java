package dev.counterpoint.classify.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ModelBundle;
import dev.counterpoint.classify.model.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModelTrainerTest {

    private static final String[] VALUES = {"favor", "against", "none"};
    private static final TargetSpec TARGET =
            new TargetSpec("t", "T", "A target.", List.of(), List.of("For."), List.of("Against."), List.of());

    /** 90 items whose stance the vector gives away: axis 0 favor, axis 1 against, axis 2 none. */
    private static List<TrainingData.Example> examples() {
        Random random = new Random(3);
        List<TrainingData.Example> out = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            int value = i % 3;
            float[] v = new float[6];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (0.3 * random.nextGaussian());
            }
            v[value] += 1;
            out.add(new TrainingData.Example(i + 1, "item " + i, v, Map.of("t", VALUES[value])));
        }
        return out;
    }

    private static List<ItemLabels> shipped(List<TrainingData.Example> examples, IntFunction<String> said) {
        List<ItemLabels> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            String value = said.apply(i);
            ItemLabels.Probabilities p = ItemLabels.Probabilities.around(value, 0.8);
            out.add(new ItemLabels(
                    List.of(new ItemLabels.Stance("t", value, 0.8, ItemLabels.Evidence.NONE, p)),
                    new ItemLabels.Scored("neutral", 0, 0.5),
                    new ItemLabels.Scored("civil", 0.1, 0.9)));
        }
        return out;
    }

    @Test
    void a_shipped_model_that_is_already_right_is_kept_rather_than_a_trained_one() {
        List<TrainingData.Example> examples = examples();
        List<ItemLabels> right = shipped(examples, i -> examples.get(i).labels().get("t"));
        ModelTrainer.Result result = new ModelTrainer(1).train(List.of(TARGET), examples, right, done -> {});
        ModelTrainer.TaskReport report = result.reports().get("t");
        assertEquals("transfer", report.path());
        assertEquals(1.0, report.cvFavg(), 1e-9);
        assertNull(result.bundle().tasks().get("t").model());
        assertTrue(report.errors().isEmpty());
    }

    @Test
    void a_useless_shipped_model_is_replaced_by_one_trained_on_the_labels_that_scores_no_worse() {
        List<TrainingData.Example> examples = examples();
        List<ItemLabels> useless = shipped(examples, i -> "none");
        List<Integer> finished = new ArrayList<>();
        ModelTrainer.Result result = new ModelTrainer(2).train(List.of(TARGET), examples, useless, finished::add);
        ModelTrainer.TaskReport report = result.reports().get("t");
        assertEquals("trained+transfer", report.path());
        assertTrue(report.cvFavg() >= report.shippedFavg(), "never worse than the shipped model");
        assertTrue(report.cvFavg() > 0.8, "cross-validated F_avg " + report.cvFavg());
        ModelBundle.Task task = result.bundle().tasks().get("t");
        assertNotNull(task.model());
        assertEquals(ModelBundle.Path.TRAINED_WITH_TRANSFER, task.path());
        assertNotNull(report.ece());
        assertEquals(List.of(1, 2, 3), finished, "progress after each of the three tasks");
        assertNotNull(result.reports().get("sentiment").skipped(), "no sentiment labels: the shipped model answers");
    }

    @Test
    void out_of_fold_errors_name_the_items_the_kept_model_got_wrong() {
        List<TrainingData.Example> examples = examples();
        List<TrainingData.Example> noisy = new ArrayList<>(examples);
        noisy.set(0, new TrainingData.Example(1, "item 0", examples.get(0).vector(), Map.of("t", "against")));
        List<ItemLabels> useless = shipped(noisy, i -> "none");
        ModelTrainer.TaskReport report = new ModelTrainer(1)
                .train(List.of(TARGET), noisy, useless, done -> {})
                .reports()
                .get("t");
        assertTrue(report.errors().stream()
                .anyMatch(e -> e.itemId() == 1 && e.gold().equals("against")));
    }

    @Test
    void a_bundle_with_both_paths_survives_serialisation() {
        List<TrainingData.Example> examples = examples();
        ModelBundle bundle = new ModelTrainer(1)
                .train(List.of(TARGET), examples, shipped(examples, i -> "none"), done -> {})
                .bundle();
        ModelBundle read = ModelBundle.fromBytes(bundle.toBytes());
        ModelBundle.Task task = read.tasks().get("t");
        assertEquals(ModelBundle.Path.TRAINED_WITH_TRANSFER, task.path());
        assertEquals(
                bundle.tasks().get("t").calibration().scale(),
                task.calibration().scale(),
                1e-12);
        assertEquals(List.of(VALUES), List.of(task.model().labels()));
    }
}
