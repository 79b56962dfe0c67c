package dev.counterpoint.classify.calibration;

import dev.counterpoint.classify.text.DecisionBias;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Logistic regression over standardised dense features with per-class decision offsets (chosen for a benchmark's
 * score on held-out predictions) and a {@link Calibration} of its probabilities. Thread-safe.
 */
public final class CalibratedLinear {

    private final String[] labels;
    private final double[] mean;
    private final double[] std;
    private final SoftmaxRegression model;
    private final double[] bias;
    private final Calibration calibration;

    private CalibratedLinear(
            String[] labels,
            double[] mean,
            double[] std,
            SoftmaxRegression model,
            double[] bias,
            Calibration calibration) {
        this.labels = labels;
        this.mean = mean;
        this.std = std;
        this.model = model;
        this.bias = bias;
        this.calibration = calibration;
    }

    /** Learns the regression (balanced class weights, L2 penalty {@code l2}) from rows and class ids. */
    public static CalibratedLinear fit(String[] labels, double[][] rows, int[] gold, double l2) {
        int n = rows.length;
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.max(1e-6, Math.sqrt(std[j]));
        }
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (rows[i][j] - mean[j]) / std[j];
            }
        }
        SoftmaxRegression model = SoftmaxRegression.fit(x, gold, labels.length, l2, true, 300);
        return new CalibratedLinear(
                labels.clone(), mean, std, model, new double[labels.length], Calibration.identity(labels.length));
    }

    public CalibratedLinear with(double[] decisionBias, Calibration fitted) {
        return new CalibratedLinear(labels, mean, std, model, decisionBias.clone(), fitted);
    }

    public String[] labels() {
        return labels.clone();
    }

    public double[] bias() {
        return bias.clone();
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The regression's distribution over {@link #labels()} (before offsets and calibration). */
    public double[] distribution(double[] features) {
        int d = features.length;
        double[] row = new double[d];
        for (int j = 0; j < d; j++) {
            row[j] = (features[j] - mean[j]) / std[j];
        }
        return model.distribution(row);
    }

    /** The chosen class id: the most likely after the decision offsets. */
    public int decide(double[] distribution) {
        return DecisionBias.argmax(distribution, bias);
    }

    public double[] calibrated(double[] distribution) {
        return calibration.apply(distribution);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.length);
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(mean.length);
        for (int j = 0; j < mean.length; j++) {
            out.writeDouble(mean[j]);
            out.writeDouble(std[j]);
        }
        for (double b : bias) {
            out.writeDouble(b);
        }
        calibration.write(out);
        model.write(out);
    }

    public static CalibratedLinear read(DataInputStream in) throws IOException {
        String[] labels = new String[in.readInt()];
        for (int c = 0; c < labels.length; c++) {
            labels[c] = in.readUTF();
        }
        int d = in.readInt();
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readDouble();
            std[j] = in.readDouble();
        }
        double[] bias = new double[labels.length];
        for (int c = 0; c < bias.length; c++) {
            bias[c] = in.readDouble();
        }
        Calibration calibration = Calibration.read(in);
        SoftmaxRegression model = SoftmaxRegression.read(in);
        return new CalibratedLinear(labels, mean, std, model, bias, calibration);
    }
}
