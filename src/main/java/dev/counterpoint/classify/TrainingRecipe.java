package dev.counterpoint.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * How one kind of task is trained: the ensemble, its extra features, and whether the codebook's example
 * statements join the people's labels. The settings were chosen by cross-validation on public benchmarks'
 * training splits (README, "Classifier quality").
 */
public record TrainingRecipe(
        String[] labels, TextClassifier.Config config, ModelBundle.Extras extras, boolean withCodebookExamples) {

    /** The inputs and gold labels of one task; the first {@code scoredCount} are people's labels. */
    public record Prepared(
            List<TextClassifier.Input> inputs,
            String[] gold,
            String[] labels,
            TextClassifier.Config config,
            ModelBundle.Extras extras,
            int scoredCount) {}

    static final String[] STANCE = {"favor", "against", "none"};
    static final String[] SENTIMENT = {"negative", "neutral", "positive"};
    static final String[] INCIVILITY = {"civil", "uncivil"};

    public static TrainingRecipe stance() {
        return new TrainingRecipe(
                STANCE,
                new TextClassifier.Config(
                        NgramVectorizer.Config.defaults(),
                        List.of(
                                new TextClassifier.Member(TextClassifier.View.DENSE, LinearModel.Params.lr(10), 3),
                                new TextClassifier.Member(TextClassifier.View.NGRAMS, LinearModel.Params.lr(10), 1)),
                        1.0,
                        1.0,
                        null,
                        0),
                ModelBundle.Extras.NONE,
                false);
    }

    public static TrainingRecipe sentiment() {
        return new TrainingRecipe(
                SENTIMENT,
                new TextClassifier.Config(
                        NgramVectorizer.Config.defaults(),
                        List.of(
                                new TextClassifier.Member(TextClassifier.View.DENSE, LinearModel.Params.lr(3), 2),
                                new TextClassifier.Member(TextClassifier.View.NGRAMS, LinearModel.Params.lr(3), 1)),
                        1.0,
                        1.0,
                        null,
                        0),
                ModelBundle.Extras.VADER,
                false);
    }

    public static TrainingRecipe incivility() {
        return new TrainingRecipe(
                INCIVILITY,
                new TextClassifier.Config(
                        NgramVectorizer.Config.defaults(),
                        List.of(
                                new TextClassifier.Member(TextClassifier.View.DENSE, LinearModel.Params.lr(3), 1),
                                new TextClassifier.Member(TextClassifier.View.NGRAMS, LinearModel.Params.lr(3), 1)),
                        1.0,
                        1.0,
                        null,
                        0),
                ModelBundle.Extras.NONE,
                false);
    }

    public static java.util.Map<String, TrainingRecipe> defaults() {
        return java.util.Map.of("stance", stance(), "sentiment", sentiment(), "incivility", incivility());
    }

    /** The task's inputs: people's labels first, then (for stance, when asked) the codebook's examples. */
    Prepared prepare(String task, TargetSpec target, List<TrainingData.Example> labelled, TextEncoder encoder) {
        FeatureExtras extraFeatures = switch (extras) {
            case NONE -> null;
            case VADER -> FeatureExtras.vader();
            case CODEBOOK_PRIOR ->
                FeatureExtras.codebookPrior(List.of(new CodebookScorer(
                        new CodebookTarget(
                                target.name(),
                                target.description(),
                                target.aliases(),
                                target.favor(),
                                target.against()),
                        encoder)));
        };
        List<TextClassifier.Input> inputs = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (TrainingData.Example example : labelled) {
            inputs.add(input(example.text(), example.vector(), extraFeatures));
            gold.add(example.labels().get(task));
        }
        if (withCodebookExamples && target != null) {
            addExamples(inputs, gold, target.favor(), "favor", encoder, extraFeatures);
            addExamples(inputs, gold, target.against(), "against", encoder, extraFeatures);
        }
        return new Prepared(inputs, gold.toArray(String[]::new), labels, config, extras, labelled.size());
    }

    private static void addExamples(
            List<TextClassifier.Input> inputs,
            List<String> gold,
            List<String> examples,
            String value,
            TextEncoder encoder,
            FeatureExtras extraFeatures) {
        float[][] vectors =
                encoder.encode(examples.stream().map(TextNormalizer::clean).toList());
        for (int i = 0; i < examples.size(); i++) {
            inputs.add(input(examples.get(i), vectors[i], extraFeatures));
            gold.add(value);
        }
    }

    private static TextClassifier.Input input(String text, float[] vector, FeatureExtras extraFeatures) {
        return new TextClassifier.Input(text, vector, extraFeatures == null ? null : extraFeatures.of(text, vector));
    }
}
