package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.NgramVectorizer;
import dev.counterpoint.classify.text.Sentences;
import dev.counterpoint.classify.text.TextClassifier;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model trained on people's labels: per-task linear ensembles over the shared encoder vector and n-grams. A task
 * it has no classifier for (too few labels) is answered by the zero-shot rule. Confidence is the ensemble's
 * probability of the chosen label.
 */
public final class TrainedClassifier implements ItemClassifier {

    private final ModelBundle bundle;
    private final ZeroShotClassifier fallback;
    private final List<TargetSpec> targets;
    private final Map<String, AliasMatcher> matchers = new HashMap<>();
    private final Map<ModelBundle.Extras, FeatureExtras> extraFeatures;
    private final Vader vader = Vader.standard();

    public TrainedClassifier(
            ModelBundle bundle, List<TargetSpec> targets, ZeroShotClassifier fallback, TextEncoder encoder) {
        this.bundle = bundle;
        this.fallback = fallback;
        this.targets = targets;
        targets.forEach(t -> matchers.put(t.slug(), t.matcher()));
        this.extraFeatures = FeatureExtras.forTargets(targets, encoder);
    }

    @Override
    public List<ItemLabels> classify(List<String> texts, float[][] vectors) {
        boolean complete = targets.stream().allMatch(t -> bundle.tasks().containsKey(t.slug()))
                && bundle.tasks().containsKey("sentiment")
                && bundle.tasks().containsKey("incivility");
        // With every task trained the zero-shot rule is not needed, only VADER's polarity for the sentiment score.
        List<ItemLabels> zeroShot =
                complete ? texts.stream().map(this::polarityOnly).toList() : fallback.classify(texts, vectors);
        List<ItemLabels> labels = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            labels.add(classify(texts.get(i), vectors[i], zeroShot.get(i)));
        }
        return labels;
    }

    private ItemLabels classify(String text, float[] vector, ItemLabels zeroShot) {
        Map<NgramVectorizer.Config, long[]> grams = new HashMap<>(4);
        List<Sentences.Span> sentences = Sentences.of(text);
        List<ItemLabels.Stance> stances = new ArrayList<>(targets.size());
        for (int t = 0; t < targets.size(); t++) {
            TargetSpec target = targets.get(t);
            ModelBundle.Task task = bundle.tasks().get(target.slug());
            if (task == null) {
                stances.add(zeroShot.stances().get(t));
                continue;
            }
            double[] distribution = task.model().distribution(input(text, vector, task.extras()), grams);
            String value = task.model().decide(distribution);
            ItemLabels.Evidence evidence = "none".equals(value)
                    ? ItemLabels.Evidence.NONE
                    : Evidence.of(text, sentences, matchers.get(target.slug()).find(text), vader);
            stances.add(new ItemLabels.Stance(
                    target.slug(),
                    value,
                    probabilityOf(task.model(), distribution, value),
                    evidence,
                    new ItemLabels.Probabilities(
                            probabilityOf(task.model(), distribution, "favor"),
                            probabilityOf(task.model(), distribution, "against"),
                            probabilityOf(task.model(), distribution, "none"))));
        }
        return new ItemLabels(
                stances,
                scored("sentiment", text, vector, grams, zeroShot.sentiment()),
                scored("incivility", text, vector, grams, zeroShot.incivility()));
    }

    private ItemLabels.Scored scored(
            String name,
            String text,
            float[] vector,
            Map<NgramVectorizer.Config, long[]> grams,
            ItemLabels.Scored zeroShotLabel) {
        ModelBundle.Task task = bundle.tasks().get(name);
        if (task == null) {
            return zeroShotLabel;
        }
        double[] distribution = task.model().distribution(input(text, vector, task.extras()), grams);
        String value = task.model().decide(distribution);
        double score =
                "sentiment".equals(name) ? zeroShotLabel.score() : probabilityOf(task.model(), distribution, "uncivil");
        return new ItemLabels.Scored(value, score, probabilityOf(task.model(), distribution, value));
    }

    private ItemLabels polarityOnly(String text) {
        double compound = vader.score(TextNormalizer.clean(text)).compound();
        return new ItemLabels(List.of(), new ItemLabels.Scored("neutral", compound, 0), null);
    }

    private TextClassifier.Input input(String text, float[] vector, ModelBundle.Extras extras) {
        FeatureExtras features = extraFeatures.get(extras);
        return new TextClassifier.Input(text, vector, features == null ? null : features.of(text, vector));
    }

    private static double probabilityOf(TextClassifier model, double[] distribution, String label) {
        String[] labels = model.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return distribution[i];
            }
        }
        return 0;
    }
}
