package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.NgramVectorizer;
import dev.counterpoint.classify.text.TextClassifier;
import dev.counterpoint.classify.text.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model trained on people's labels. Per task, the path cross-validation chose: a classifier trained on the
 * labels (most read the shipped model's calibrated log-probabilities as features), or the shipped model alone; a
 * task with too few labels is answered by the shipped model too. Every confidence is the calibrated probability
 * of the chosen value.
 */
public final class TrainedClassifier implements ItemClassifier {

    private final ModelBundle bundle;
    private final TransferClassifier shipped;
    private final List<TargetSpec> targets;
    private final TextEncoder encoder;
    private volatile Map<ModelBundle.Extras, FeatureExtras> legacyExtras;

    public TrainedClassifier(
            ModelBundle bundle, List<TargetSpec> targets, TransferClassifier shipped, TextEncoder encoder) {
        this.bundle = bundle;
        this.shipped = shipped;
        this.targets = targets;
        this.encoder = encoder;
    }

    @Override
    public List<ItemLabels> classify(List<String> texts, float[][] vectors) {
        List<ItemLabels> answers = shipped.classify(texts, vectors);
        List<ItemLabels> labels = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            labels.add(classify(texts.get(i), vectors[i], answers.get(i)));
        }
        return labels;
    }

    private ItemLabels classify(String text, float[] vector, ItemLabels answer) {
        Map<NgramVectorizer.Config, long[]> grams = new HashMap<>(4);
        List<ItemLabels.Stance> stances = new ArrayList<>(targets.size());
        for (int t = 0; t < targets.size(); t++) {
            ModelBundle.Task task = trained(targets.get(t).slug());
            ItemLabels.Stance fallback = answer.stances().get(t);
            if (task == null) {
                stances.add(fallback);
                continue;
            }
            Decision d = decide(task, text, vector, PriorFeatures.stance(answer, t), grams);
            ItemLabels.Evidence evidence = "none".equals(d.value())
                    ? ItemLabels.Evidence.NONE
                    : fallback.evidence() != ItemLabels.Evidence.NONE ? fallback.evidence() : shipped.evidence(t, text);
            stances.add(new ItemLabels.Stance(
                    fallback.target(),
                    d.value(),
                    d.confidence(),
                    evidence,
                    new ItemLabels.Probabilities(d.of("favor"), d.of("against"), d.of("none"))));
        }
        ItemLabels.Scored sentiment = answer.sentiment();
        ModelBundle.Task sentimentTask = trained("sentiment");
        if (sentimentTask != null) {
            Decision d = decide(sentimentTask, text, vector, null, grams);
            sentiment = new ItemLabels.Scored(d.value(), answer.sentiment().score(), d.confidence());
        }
        ItemLabels.Scored incivility = answer.incivility();
        ModelBundle.Task incivilityTask = trained("incivility");
        if (incivilityTask != null) {
            Decision d = decide(incivilityTask, text, vector, PriorFeatures.incivility(answer), grams);
            incivility = new ItemLabels.Scored(d.value(), d.of("uncivil"), d.confidence());
        }
        return new ItemLabels(stances, sentiment, incivility);
    }

    /** The task's trained classifier, or null when the shipped model answers it. */
    private ModelBundle.Task trained(String name) {
        ModelBundle.Task task = bundle.tasks().get(name);
        return task == null || task.model() == null ? null : task;
    }

    private record Decision(String[] labels, double[] probabilities, String value, double confidence) {
        double of(String label) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equals(label)) {
                    return probabilities[i];
                }
            }
            return 0;
        }
    }

    private Decision decide(
            ModelBundle.Task task,
            String text,
            float[] vector,
            double[] prior,
            Map<NgramVectorizer.Config, long[]> grams) {
        TextClassifier model = task.model();
        double[] extras = switch (task.extras()) {
            case TRANSFER_PRIOR -> prior;
            case NONE -> null;
            default -> legacyExtras().get(task.extras()).of(text, vector);
        };
        int extraCount = extras == null ? 0 : extras.length;
        float[] dense = model.denseDimension() > extraCount ? vector : null;
        double[] distribution = model.distribution(new TextClassifier.Input(text, dense, extras), grams);
        String[] labels = model.labels();
        String value = model.decide(distribution);
        double[] calibrated = task.calibration().apply(distribution);
        double confidence = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(value)) {
                confidence = calibrated[i];
            }
        }
        return new Decision(labels, calibrated, value, confidence);
    }

    /** VADER, and the zero-shot codebook signals that model versions trained before transfer read. */
    private Map<ModelBundle.Extras, FeatureExtras> legacyExtras() {
        if (legacyExtras == null) {
            legacyExtras = FeatureExtras.forTargets(targets, encoder);
        }
        return legacyExtras;
    }
}
