package dev.counterpoint.classify.training;

import dev.counterpoint.classify.model.FeatureExtras;
import dev.counterpoint.classify.model.ModelBundle;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.text.LinearModel;
import dev.counterpoint.classify.text.NgramVectorizer;
import dev.counterpoint.classify.text.Objective;
import dev.counterpoint.classify.text.TextClassifier;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one kind of task is trained: the ensemble, its extra features, and whether the codebook's example
 * statements join the people's labels. The settings were chosen by cross-validation on public benchmarks'
 * training splits (README, "Classifier quality"); where two settings each won on a different benchmark, both are
 * candidates and the trainer keeps the one that cross-validates better on the labels at hand.
 */
public record TrainingRecipe(
        String name,
        String[] labels,
        TextClassifier.Config config,
        ModelBundle.Extras extras,
        boolean withCodebookExamples) {

    /** The inputs and gold labels of one task; the first {@code scoredCount} are people's labels. */
    public record Prepared(List<TextClassifier.Input> inputs, String[] gold, TrainingRecipe recipe, int scoredCount) {}

    static final String[] STANCE = {"favor", "against", "none"};
    static final String[] SENTIMENT = {"negative", "neutral", "positive"};
    static final String[] INCIVILITY = {"civil", "uncivil"};

    /** Below this many labels a stance task is "few-shot": only the recipe with the codebook's help is tried. */
    static final int FEW_LABELS = 300;
    /** Up to this many, the few-shot recipe competes with the others in cross-validation. */
    static final int SOME_LABELS = 1000;

    private static final int BIAS_FOLDS = 5;

    private static NgramVectorizer.Config ngrams(int wordMax, int charMin, int charMax) {
        return new NgramVectorizer.Config(wordMax == 0 ? 0 : 1, wordMax, charMin, charMax, 2, true, 1f);
    }

    private static TextClassifier.Member member(TextClassifier.View view, double c, double weight) {
        return new TextClassifier.Member(view, LinearModel.Params.lr(c), weight);
    }

    /** TweetEval stance: the vector model twice the weight of a char 2-5-gram model. */
    static TrainingRecipe stanceVectors() {
        return new TrainingRecipe(
                "vector+char-ngrams",
                STANCE,
                new TextClassifier.Config(
                        ngrams(0, 2, 5),
                        List.of(member(TextClassifier.View.DENSE, 10, 2), member(TextClassifier.View.NGRAMS, 10, 1)),
                        1.0,
                        1.0,
                        null,
                        0),
                ModelBundle.Extras.NONE,
                false);
    }

    /** RUW: word 1-3 and char n-grams weigh more than the vector; biases tuned for F_avg. */
    static TrainingRecipe stanceNgrams() {
        return new TrainingRecipe(
                "ngrams+vector, F_avg biases",
                STANCE,
                new TextClassifier.Config(
                        ngrams(3, 2, 5),
                        List.of(member(TextClassifier.View.DENSE, 10, 1), member(TextClassifier.View.NGRAMS, 3, 2)),
                        1.0,
                        1.0,
                        Objective.F_AVG,
                        BIAS_FOLDS),
                ModelBundle.Extras.NONE,
                false);
    }

    /** Few labels: the codebook's examples as extra rows and its zero-shot signals as features. */
    static TrainingRecipe stanceFewShot() {
        return new TrainingRecipe(
                "few-shot with codebook prior",
                STANCE,
                new TextClassifier.Config(
                        NgramVectorizer.Config.defaults(),
                        List.of(member(TextClassifier.View.DENSE, 10, 1), member(TextClassifier.View.NGRAMS, 10, 1)),
                        1.0,
                        1.0,
                        Objective.F_AVG,
                        BIAS_FOLDS),
                ModelBundle.Extras.CODEBOOK_PRIOR,
                true);
    }

    static TrainingRecipe sentiment() {
        return new TrainingRecipe(
                "vector+VADER, macro-recall biases",
                SENTIMENT,
                new TextClassifier.Config(
                        null,
                        List.of(member(TextClassifier.View.DENSE, 3, 1)),
                        1.0,
                        3.0,
                        Objective.MACRO_RECALL,
                        BIAS_FOLDS),
                ModelBundle.Extras.VADER,
                false);
    }

    static TrainingRecipe incivility() {
        return new TrainingRecipe(
                "vector+ngrams, macro-F1 biases",
                INCIVILITY,
                new TextClassifier.Config(
                        NgramVectorizer.Config.defaults(),
                        List.of(member(TextClassifier.View.DENSE, 10, 1), member(TextClassifier.View.NGRAMS, 3, 1)),
                        1.0,
                        1.0,
                        Objective.MACRO_F1,
                        BIAS_FOLDS),
                ModelBundle.Extras.NONE,
                false);
    }

    /** The candidates for a task with this many labels, best guess first. */
    static List<TrainingRecipe> candidates(String task, int labels) {
        return switch (task) {
            case "sentiment" -> List.of(sentiment());
            case "incivility" -> List.of(incivility());
            default ->
                labels < FEW_LABELS
                        ? List.of(stanceFewShot())
                        : labels < SOME_LABELS
                                ? List.of(stanceVectors(), stanceNgrams(), stanceFewShot())
                                : List.of(stanceVectors(), stanceNgrams());
        };
    }

    /** The task's inputs: people's labels first, then (when the recipe says so) the codebook's examples. */
    Prepared prepare(
            String task,
            TargetSpec target,
            List<TrainingData.Example> labelled,
            TextEncoder encoder,
            Map<ModelBundle.Extras, FeatureExtras> extraFeatures) {
        FeatureExtras features = extraFeatures.get(extras);
        List<TextClassifier.Input> inputs = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (TrainingData.Example example : labelled) {
            inputs.add(input(example.text(), example.vector(), features));
            gold.add(example.labels().get(task));
        }
        if (withCodebookExamples && target != null) {
            addExamples(inputs, gold, target.favor(), "favor", encoder, features);
            addExamples(inputs, gold, target.against(), "against", encoder, features);
        }
        return new Prepared(inputs, gold.toArray(String[]::new), this, labelled.size());
    }

    private static void addExamples(
            List<TextClassifier.Input> inputs,
            List<String> gold,
            List<String> examples,
            String value,
            TextEncoder encoder,
            FeatureExtras features) {
        float[][] vectors =
                encoder.encode(examples.stream().map(TextNormalizer::clean).toList());
        for (int i = 0; i < examples.size(); i++) {
            inputs.add(input(examples.get(i), vectors[i], features));
            gold.add(value);
        }
    }

    private static TextClassifier.Input input(String text, float[] vector, FeatureExtras features) {
        return new TextClassifier.Input(text, vector, features == null ? null : features.of(text, vector));
    }
}
