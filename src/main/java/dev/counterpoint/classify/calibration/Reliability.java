package dev.counterpoint.classify.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * How well stated confidences match how often the model is right: the chosen value's probability against
 * whether it was the gold value, in ten equal-width bins. The expected calibration error (ECE) is the
 * count-weighted mean gap between a bin's mean confidence and its accuracy.
 */
public final class Reliability {

    public static final int BINS = 10;

    /** One bin: its range, how many predictions fell in it, their mean confidence and the share right. */
    public record Bin(double from, double to, int count, double confidence, double accuracy) {}

    private final int[] count = new int[BINS];
    private final double[] confidence = new double[BINS];
    private final int[] right = new int[BINS];

    public Reliability add(double statedConfidence, boolean correct) {
        int bin = Math.min(BINS - 1, Math.max(0, (int) Math.floor(statedConfidence * BINS)));
        count[bin]++;
        confidence[bin] += statedConfidence;
        right[bin] += correct ? 1 : 0;
        return this;
    }

    public Reliability addAll(Reliability other) {
        for (int b = 0; b < BINS; b++) {
            count[b] += other.count[b];
            confidence[b] += other.confidence[b];
            right[b] += other.right[b];
        }
        return this;
    }

    public int total() {
        int total = 0;
        for (int n : count) {
            total += n;
        }
        return total;
    }

    public double ece() {
        int total = total();
        if (total == 0) {
            return 0;
        }
        double gap = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                gap += Math.abs(confidence[b] - right[b]) / total;
            }
        }
        return gap;
    }

    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new Bin(
                    (double) b / BINS,
                    (double) (b + 1) / BINS,
                    count[b],
                    count[b] == 0 ? 0 : confidence[b] / count[b],
                    count[b] == 0 ? 0 : (double) right[b] / count[b]));
        }
        return bins;
    }

    /** Rebuilds the sums from stored bins (a model version's metrics keep the bins, not every prediction). */
    public static Reliability of(List<Bin> bins) {
        Reliability r = new Reliability();
        for (int b = 0; b < Math.min(BINS, bins.size()); b++) {
            Bin bin = bins.get(b);
            r.count[b] = bin.count();
            r.confidence[b] = bin.confidence() * bin.count();
            r.right[b] = (int) Math.round(bin.accuracy() * bin.count());
        }
        return r;
    }
}
