package dev.counterpoint.classify.training;

import dev.counterpoint.classify.model.FeatureExtras;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ModelBundle;
import dev.counterpoint.classify.model.PriorFeatures;
import dev.counterpoint.classify.text.TextClassifier;
import java.util.ArrayList;
import java.util.List;

/** The people's labels of one task with each item's text, vector and the shipped models' answer. */
record TaskData(
        String name,
        int target,
        List<Long> itemIds,
        List<String> texts,
        List<float[]> vectors,
        List<String> gold,
        List<ItemLabels> shipped) {

    static TaskData of(String name, int target, List<TrainingData.Example> examples, List<ItemLabels> shipped) {
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        List<ItemLabels> answers = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            String value = examples.get(i).labels().get(name);
            if (value != null) {
                ids.add(examples.get(i).itemId());
                texts.add(examples.get(i).text());
                vectors.add(examples.get(i).vector());
                gold.add(value);
                answers.add(shipped.get(i));
            }
        }
        return new TaskData(name, target, ids, texts, vectors, gold, answers);
    }

    int size() {
        return gold.size();
    }

    /** What the shipped models said for item {@code i}: its value and the calibrated confidence. */
    String shippedValue(int i) {
        ItemLabels labels = shipped.get(i);
        return switch (name) {
            case "sentiment" -> labels.sentiment().value();
            case "incivility" -> labels.incivility().value();
            default -> labels.stances().get(target).value();
        };
    }

    double shippedConfidence(int i) {
        ItemLabels labels = shipped.get(i);
        return switch (name) {
            case "sentiment" -> labels.sentiment().confidence();
            case "incivility" -> labels.incivility().confidence();
            default -> labels.stances().get(target).confidence();
        };
    }

    List<TextClassifier.Input> inputs(TrainingRecipe recipe) {
        FeatureExtras vader = FeatureExtras.vader();
        List<TextClassifier.Input> inputs = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            double[] extras = switch (recipe.extras()) {
                case TRANSFER_PRIOR ->
                    target >= 0
                            ? PriorFeatures.stance(shipped.get(i), target)
                            : PriorFeatures.incivility(shipped.get(i));
                case VADER -> vader.of(texts.get(i), vectors.get(i));
                default -> null;
            };
            inputs.add(new TextClassifier.Input(texts.get(i), recipe.readsVector() ? vectors.get(i) : null, extras));
        }
        return inputs;
    }

    static ModelBundle.Path pathOf(TrainingRecipe recipe) {
        return recipe.extras() == ModelBundle.Extras.TRANSFER_PRIOR
                ? ModelBundle.Path.TRAINED_WITH_TRANSFER
                : ModelBundle.Path.TRAINED;
    }
}
