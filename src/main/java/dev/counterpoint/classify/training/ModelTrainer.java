package dev.counterpoint.classify.training;

import dev.counterpoint.classify.model.FeatureExtras;
import dev.counterpoint.classify.model.ModelBundle;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.text.Confusion;
import dev.counterpoint.classify.text.TextClassifier;
import dev.counterpoint.classify.text.TextEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains one classifier per task from people's labels: stance per codebook target, sentiment, incivility. Each is
 * scored by stratified cross-validation on the people's labels before the final fit on all of them, so every
 * model version carries the scores it earned. A task with too few labels is left to the zero-shot rule.
 */
public final class ModelTrainer {

    /** A task needs this many labels, and at least two values among them, to be trained. */
    public static final int MIN_LABELS = 20;

    static final int FOLDS = 5;

    /** The scores and label counts of one task, the recipe it kept, or why it was not trained. */
    public record TaskReport(
            int labels,
            Map<String, Integer> perValue,
            String recipe,
            Double cvFavg,
            Double cvMacroF1,
            Double cvMacroRecall,
            Integer folds,
            String skipped) {}

    public record Result(ModelBundle bundle, Map<String, TaskReport> reports) {}

    private final TextEncoder encoder;

    public ModelTrainer(TextEncoder encoder) {
        this.encoder = encoder;
    }

    public Result train(List<TargetSpec> targets, List<TrainingData.Example> examples) {
        Map<ModelBundle.Extras, FeatureExtras> extras = FeatureExtras.forTargets(targets, encoder);
        Map<String, ModelBundle.Task> tasks = new LinkedHashMap<>();
        Map<String, TaskReport> reports = new LinkedHashMap<>();
        List<String> names =
                new ArrayList<>(targets.stream().map(TargetSpec::slug).toList());
        names.add("sentiment");
        names.add("incivility");
        for (String name : names) {
            List<TrainingData.Example> labelled =
                    examples.stream().filter(e -> e.labels().containsKey(name)).toList();
            Map<String, Integer> perValue = new TreeMap<>();
            labelled.forEach(e -> perValue.merge(e.labels().get(name), 1, Integer::sum));
            if (labelled.size() < MIN_LABELS || perValue.size() < 2) {
                reports.put(
                        name,
                        new TaskReport(
                                labelled.size(),
                                perValue,
                                null,
                                null,
                                null,
                                null,
                                null,
                                labelled.size() + " labels in " + perValue.size() + " values; needs " + MIN_LABELS
                                        + " in two or more values, so the zero-shot rule answers"));
                continue;
            }
            TargetSpec target = targets.stream()
                    .filter(t -> t.slug().equals(name))
                    .findFirst()
                    .orElse(null);
            int smallest =
                    perValue.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int folds = Math.max(2, Math.min(FOLDS, smallest));
            TrainingRecipe.Prepared best = null;
            Confusion bestCv = null;
            for (TrainingRecipe recipe : TrainingRecipe.candidates(name, labelled.size())) {
                TrainingRecipe.Prepared prepared = recipe.prepare(name, target, labelled, encoder, extras);
                Confusion cv = crossValidate(prepared, folds);
                if (bestCv == null || objective(target, cv) > objective(target, bestCv)) {
                    best = prepared;
                    bestCv = cv;
                }
            }
            TrainingRecipe recipe = best.recipe();
            tasks.put(
                    name,
                    new ModelBundle.Task(
                            TextClassifier.train(best.inputs(), best.gold(), recipe.labels(), recipe.config()),
                            recipe.extras()));
            reports.put(
                    name,
                    new TaskReport(
                            labelled.size(),
                            perValue,
                            recipe.name(),
                            target != null ? bestCv.fAvg() : null,
                            bestCv.macroF1(),
                            bestCv.macroRecall(),
                            folds,
                            null));
        }
        return new Result(new ModelBundle(tasks), reports);
    }

    private static double objective(TargetSpec target, Confusion cv) {
        return target != null ? cv.fAvg() : cv.macroF1();
    }

    /**
     * Stratified k-fold over the people's labels, each fold's model trained as the final one is (decision biases
     * tuned inside the fold's training part); the codebook's examples, when the recipe adds them, join every
     * fold's training part and are never scored.
     */
    private static Confusion crossValidate(TrainingRecipe.Prepared prepared, int folds) {
        String[] labels = prepared.recipe().labels();
        List<String> order = List.of(labels);
        int scored = prepared.scoredCount();
        int[] y = new int[scored];
        for (int i = 0; i < scored; i++) {
            y[i] = order.indexOf(prepared.gold()[i]);
        }
        int[] fold = TextClassifier.stratifiedFolds(y, labels.length, folds, 7);
        Confusion confusion = new Confusion(order);
        for (int f = 0; f < folds; f++) {
            List<TextClassifier.Input> inputs = new ArrayList<>();
            List<String> gold = new ArrayList<>();
            for (int i = 0; i < prepared.inputs().size(); i++) {
                if (i >= scored || fold[i] != f) {
                    inputs.add(prepared.inputs().get(i));
                    gold.add(prepared.gold()[i]);
                }
            }
            TextClassifier model = TextClassifier.train(
                    inputs,
                    gold.toArray(String[]::new),
                    labels,
                    prepared.recipe().config());
            for (int i = 0; i < scored; i++) {
                if (fold[i] == f) {
                    confusion.add(
                            prepared.gold()[i], model.predict(prepared.inputs().get(i)));
                }
            }
        }
        return confusion;
    }
}
