package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.TextClassifier;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;

/** Computes the extra dense features a {@link TextClassifier} was trained with (e.g. codebook prior, VADER). */
@FunctionalInterface
public interface FeatureExtras {
    double[] of(String text, float[] vector);

    /** VADER compound, pos, neg, neu of the cleaned text. */
    static FeatureExtras vader() {
        return (text, vector) -> {
            Vader.Scores s = Vader.standard().score(TextNormalizer.clean(text));
            return new double[] {s.compound(), s.pos(), s.neg(), s.neu()};
        };
    }

    /** Zero-shot codebook features of each scorer, concatenated (a prior for models trained on few labels). */
    static FeatureExtras codebookPrior(java.util.List<CodebookScorer> scorers) {
        return (text, vector) -> {
            double[] out = new double[scorers.size() * CodebookScorer.SIZE];
            for (int i = 0; i < scorers.size(); i++) {
                System.arraycopy(
                        scorers.get(i).features(text, vector), 0, out, i * CodebookScorer.SIZE, CodebookScorer.SIZE);
            }
            return out;
        };
    }

    /** The features each kind of extra computes; the codebook prior reads every target's zero-shot signals. */
    static java.util.Map<ModelBundle.Extras, FeatureExtras> forTargets(
            java.util.List<TargetSpec> targets, dev.counterpoint.classify.text.TextEncoder encoder) {
        java.util.Map<ModelBundle.Extras, FeatureExtras> extras = new java.util.EnumMap<>(ModelBundle.Extras.class);
        extras.put(ModelBundle.Extras.VADER, FeatureExtras.vader());
        extras.put(
                ModelBundle.Extras.CODEBOOK_PRIOR,
                FeatureExtras.codebookPrior(targets.stream()
                        .map(t -> new CodebookScorer(t.entry(), encoder))
                        .toList()));
        return extras;
    }
}
