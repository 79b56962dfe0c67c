package dev.counterpoint.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains one classifier per task from people's labels: stance per codebook target, sentiment, incivility. Each is
 * scored by stratified cross-validation before the final fit on all its labels, so every model version carries
 * the scores it earned. A task with too few labels is left to the zero-shot rule.
 */
public final class ModelTrainer {

    /** A task needs this many labels, and at least two values among them, to be trained. */
    public static final int MIN_LABELS = 20;

    static final int FOLDS = 5;

    /** The scores and label counts of one trained task, or why it was not trained. */
    public record TaskReport(
            int labels,
            Map<String, Integer> perValue,
            Double cvFavg,
            Double cvMacroF1,
            Double cvMacroRecall,
            Integer folds,
            String skipped) {}

    public record Result(ModelBundle bundle, Map<String, TaskReport> reports) {}

    private final Map<String, TrainingRecipe> recipes;
    private final TextEncoder encoder;

    public ModelTrainer(Map<String, TrainingRecipe> recipes, TextEncoder encoder) {
        this.recipes = recipes;
        this.encoder = encoder;
    }

    public Result train(List<TargetSpec> targets, List<TrainingData.Example> examples) {
        Map<String, ModelBundle.Task> tasks = new LinkedHashMap<>();
        Map<String, TaskReport> reports = new LinkedHashMap<>();
        List<String> names =
                new ArrayList<>(targets.stream().map(TargetSpec::slug).toList());
        names.add("sentiment");
        names.add("incivility");
        for (String name : names) {
            TrainingRecipe recipe = recipeFor(name);
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
                                labelled.size() + " labels in " + perValue.size() + " values; needs " + MIN_LABELS
                                        + " in two or more values, so the zero-shot rule answers"));
                continue;
            }
            TargetSpec target = targets.stream()
                    .filter(t -> t.slug().equals(name))
                    .findFirst()
                    .orElse(null);
            TrainingRecipe.Prepared prepared = recipe.prepare(name, target, labelled, encoder);
            int smallest =
                    perValue.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int folds = Math.max(2, Math.min(FOLDS, smallest));
            Confusion cv = crossValidate(prepared, folds);
            tasks.put(
                    name,
                    new ModelBundle.Task(
                            TextClassifier.train(
                                    prepared.inputs(), prepared.gold(), prepared.labels(), prepared.config()),
                            prepared.extras()));
            boolean stance = target != null;
            reports.put(
                    name,
                    new TaskReport(
                            labelled.size(),
                            perValue,
                            stance ? cv.fAvg() : null,
                            cv.macroF1(),
                            cv.macroRecall(),
                            folds,
                            null));
        }
        return new Result(new ModelBundle(tasks), reports);
    }

    private TrainingRecipe recipeFor(String task) {
        if (recipes.containsKey(task)) {
            return recipes.get(task);
        }
        return recipes.get("stance");
    }

    /** Out-of-fold predictions over the people's labels only (codebook examples may be in every training fold). */
    private static Confusion crossValidate(TrainingRecipe.Prepared prepared, int folds) {
        String[] labels = prepared.labels();
        int[] y = new int[prepared.gold().length];
        List<String> order = List.of(labels);
        for (int i = 0; i < y.length; i++) {
            y[i] = order.indexOf(prepared.gold()[i]);
        }
        double[][] outOfFold = TextClassifier.outOfFold(prepared.inputs(), y, labels, prepared.config(), folds, 7);
        Confusion confusion = new Confusion(order);
        for (int i = 0; i < y.length; i++) {
            if (i >= prepared.scoredCount()) {
                break;
            }
            confusion.add(labels[y[i]], labels[DecisionBias.argmax(outOfFold[i], null)]);
        }
        return confusion;
    }
}
