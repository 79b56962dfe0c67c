package dev.counterpoint.classify.transfer;

import dev.counterpoint.classify.model.CodebookScorer;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.model.ZeroShotStance;
import dev.counterpoint.classify.text.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The codebook rule's signals as features of the transfer model: per target its lean (standardised over the
 * corpus, minus its opponents' lean) and its relevance, as {@link ZeroShotStance} computes them. They need no
 * labels, so they transfer to any target; the model learns how far to trust them.
 */
public final class RuleSignals {

    public static final int SIZE = 4;

    static final double RELEVANT = 1.5;

    private final List<TargetSpec> targets;
    private final List<CodebookScorer> scorers = new ArrayList<>();
    private final ZeroShotStance stance;

    public RuleSignals(List<TargetSpec> targets, TextEncoder encoder) {
        this.targets = targets;
        Map<String, List<String>> opponents = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        targets.forEach(t -> nameOf.put(t.slug(), t.name()));
        for (TargetSpec target : targets) {
            scorers.add(new CodebookScorer(target.entry(), encoder));
            opponents.put(
                    target.name(), target.opponents().stream().map(nameOf::get).toList());
        }
        this.stance = new ZeroShotStance(scorers, opponents, 0.1, Double.NEGATIVE_INFINITY);
    }

    /** Standardises over unlabelled texts of the corpus (at least two). */
    public RuleSignals calibrate(List<String> texts, float[][] vectors) {
        if (texts.size() >= 2) {
            stance.calibrate(texts, vectors);
        }
        return this;
    }

    /** Per target (in codebook order): [lean, relevance (capped), lean if relevant else 0, relevant (0/1)]. */
    public double[][] of(String text, float[] vector) {
        Map<String, Double> scores = stance.scores(text, vector);
        double[][] out = new double[targets.size()][];
        for (int t = 0; t < targets.size(); t++) {
            CodebookScorer scorer = scorers.get(t);
            double relevance = scorer.relevance(scorer.features(text, vector));
            double lean = scores.get(targets.get(t).name());
            boolean relevant = relevance >= RELEVANT;
            out[t] = new double[] {lean, Math.max(-3, Math.min(4, relevance)), relevant ? lean : 0, relevant ? 1 : 0};
        }
        return out;
    }
}
