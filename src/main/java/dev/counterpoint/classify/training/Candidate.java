package dev.counterpoint.classify.training;

import dev.counterpoint.classify.calibration.Calibration;
import dev.counterpoint.classify.calibration.Reliability;
import dev.counterpoint.classify.model.ModelBundle;
import dev.counterpoint.classify.text.Confusion;
import dev.counterpoint.classify.text.DecisionBias;
import dev.counterpoint.classify.text.Objective;
import dev.counterpoint.classify.text.TextClassifier;
import java.util.List;

/**
 * One way of labelling a task, scored on people's labels it did not learn from: the shipped model as it is, or a
 * recipe's out-of-fold predictions with the decision offsets and calibration those predictions chose.
 */
record Candidate(
        String name,
        ModelBundle.Path path,
        TrainingRecipe recipe,
        String[] predicted,
        double[] confidence,
        Confusion confusion,
        Reliability reliability,
        double score,
        double[] bias,
        Calibration calibration) {

    static Candidate shipped(TaskData data) {
        String[] predicted = new String[data.size()];
        double[] confidence = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            predicted[i] = data.shippedValue(i);
            confidence[i] = data.shippedConfidence(i);
        }
        String[] labels = labelsOf(data.name());
        return scored(
                "shipped model", ModelBundle.Path.TRANSFER, null, data, labels, predicted, confidence, null, null);
    }

    static Candidate crossValidated(TrainingRecipe recipe, TaskData data, int folds) {
        String[] labels = recipe.labels();
        List<String> order = List.of(labels);
        int[] y = data.gold().stream().mapToInt(order::indexOf).toArray();
        List<TextClassifier.Input> inputs = data.inputs(recipe);
        double[][] oof = TextClassifier.outOfFold(inputs, y, labels, recipe.config(), folds, 7);
        double[] bias = DecisionBias.tune(oof, y, labels, recipe.objective());
        Calibration calibration = Calibration.fit(oof, y);
        String[] predicted = new String[y.length];
        double[] confidence = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int chosen = DecisionBias.argmax(oof[i], bias);
            predicted[i] = labels[chosen];
            confidence[i] = calibration.apply(oof[i])[chosen];
        }
        return scored(
                recipe.name(), TaskData.pathOf(recipe), recipe, data, labels, predicted, confidence, bias, calibration);
    }

    /** The recipe fitted on every label, deciding and calibrated as cross-validation chose. */
    ModelBundle.Task finalTask(TaskData data) {
        TextClassifier model = TextClassifier.train(
                        data.inputs(recipe), data.gold().toArray(String[]::new), recipe.labels(), recipe.config())
                .withBias(bias);
        return new ModelBundle.Task(model, recipe.extras(), calibration, path);
    }

    private static Candidate scored(
            String name,
            ModelBundle.Path path,
            TrainingRecipe recipe,
            TaskData data,
            String[] labels,
            String[] predicted,
            double[] confidence,
            double[] bias,
            Calibration calibration) {
        Confusion confusion = new Confusion(List.of(labels));
        Reliability reliability = new Reliability();
        for (int i = 0; i < predicted.length; i++) {
            confusion.add(data.gold().get(i), predicted[i]);
            reliability.add(confidence[i], predicted[i].equals(data.gold().get(i)));
        }
        double score = objectiveOf(data.name()).of(confusion);
        return new Candidate(
                name, path, recipe, predicted, confidence, confusion, reliability, score, bias, calibration);
    }

    static String[] labelsOf(String task) {
        return switch (task) {
            case "sentiment" -> TrainingRecipe.SENTIMENT;
            case "incivility" -> TrainingRecipe.INCIVILITY;
            default -> TrainingRecipe.STANCE;
        };
    }

    static Objective objectiveOf(String task) {
        return switch (task) {
            case "sentiment" -> Objective.MACRO_RECALL;
            case "incivility" -> Objective.MACRO_F1;
            default -> Objective.F_AVG;
        };
    }
}
