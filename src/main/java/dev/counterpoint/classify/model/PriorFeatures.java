package dev.counterpoint.classify.model;

/**
 * What a trained model reads from the shipped models' answer for the same text: the calibrated log-probabilities
 * of the task's values (stance toward one target: favor, against, none; incivility: civil, uncivil).
 */
public final class PriorFeatures {

    private PriorFeatures() {}

    public static double[] stance(ItemLabels shipped, int target) {
        ItemLabels.Probabilities p = shipped.stances().get(target).probabilities();
        return new double[] {log(p.favor()), log(p.against()), log(p.none())};
    }

    public static double[] incivility(ItemLabels shipped) {
        double uncivil = shipped.incivility().score();
        return new double[] {log(1 - uncivil), log(uncivil)};
    }

    private static double log(double p) {
        return Math.log(Math.max(1e-4, p));
    }
}
