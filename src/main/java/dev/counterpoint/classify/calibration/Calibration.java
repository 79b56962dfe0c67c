package dev.counterpoint.classify.calibration;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Temperature scaling with per-class offsets: calibrated {@code q = softmax(scale · log p + offset)}, fitted by
 * minimising the log-loss on held-out (out-of-fold) distributions. One scale and k−1 offsets can neither reorder a
 * confident model's ranking nor overfit a few hundred labels, and the offsets undo a shift in class frequencies
 * (e.g. balanced class weights) that a temperature alone cannot.
 */
public record Calibration(double scale, double[] offsets) {

    private static final int STEPS = 400;

    public static Calibration identity(int classes) {
        return new Calibration(1, new double[classes]);
    }

    /** Calibrated distribution of a model's distribution {@code p}. */
    public double[] apply(double[] p) {
        double[] z = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < p.length; c++) {
            z[c] = scale * Math.log(Math.max(p[c], 1e-9)) + offsets[c];
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    /** Fits scale and offsets to held-out distributions and their gold class ids (Newton-free gradient descent). */
    public static Calibration fit(double[][] p, int[] gold) {
        int k = p.length == 0 ? 0 : p[0].length;
        if (p.length < 2 * k || k < 2) {
            return identity(Math.max(k, 2));
        }
        double[][] logs = new double[p.length][k];
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < k; c++) {
                logs[i][c] = Math.log(Math.max(p[i][c], 1e-9));
            }
        }
        double scale = 1;
        double[] offsets = new double[k];
        double rate = 0.5;
        double loss = loss(logs, gold, scale, offsets);
        for (int step = 0; step < STEPS && rate > 1e-6; step++) {
            double[] gradient = gradient(logs, gold, scale, offsets);
            double nextScale = Math.max(0.05, scale - rate * gradient[0]);
            double[] nextOffsets = offsets.clone();
            for (int c = 1; c < k; c++) {
                nextOffsets[c] -= rate * gradient[c];
            }
            double next = loss(logs, gold, nextScale, nextOffsets);
            if (next < loss) {
                scale = nextScale;
                offsets = nextOffsets;
                rate *= 1.2;
                if (loss - next < 1e-9) {
                    loss = next;
                    break;
                }
                loss = next;
            } else {
                rate /= 2;
            }
        }
        return new Calibration(scale, offsets);
    }

    /** Mean negative log-likelihood of the gold classes. */
    static double loss(double[][] logs, int[] gold, double scale, double[] offsets) {
        double total = 0;
        for (int i = 0; i < logs.length; i++) {
            double[] z = logits(logs[i], scale, offsets);
            total += logSumExp(z) - z[gold[i]];
        }
        return total / logs.length;
    }

    /** [d/d scale, d/d offset_1 .. offset_k-1] (index 0 of the offsets is fixed at 0). */
    private static double[] gradient(double[][] logs, int[] gold, double scale, double[] offsets) {
        int k = offsets.length;
        double[] g = new double[k];
        for (int i = 0; i < logs.length; i++) {
            double[] z = logits(logs[i], scale, offsets);
            double lse = logSumExp(z);
            for (int c = 0; c < k; c++) {
                double residual = Math.exp(z[c] - lse) - (c == gold[i] ? 1 : 0);
                g[0] += residual * logs[i][c];
                if (c > 0) {
                    g[c] += residual;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            g[c] /= logs.length;
        }
        return g;
    }

    private static double[] logits(double[] log, double scale, double[] offsets) {
        double[] z = new double[log.length];
        for (int c = 0; c < log.length; c++) {
            z[c] = scale * log[c] + offsets[c];
        }
        return z;
    }

    private static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(scale);
        out.writeInt(offsets.length);
        for (double offset : offsets) {
            out.writeDouble(offset);
        }
    }

    public static Calibration read(DataInputStream in) throws IOException {
        double scale = in.readDouble();
        double[] offsets = new double[in.readInt()];
        for (int c = 0; c < offsets.length; c++) {
            offsets[c] = in.readDouble();
        }
        return new Calibration(scale, offsets);
    }
}
