package dev.counterpoint.classify.text;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A liblinear model over classes 0..k-1 with a bias feature. {@link #scores} returns a distribution over classes:
 * liblinear's (one-vs-rest, normalised) probabilities for logistic-regression solvers, a softmax of the decision
 * values for SVM solvers. Thread-safe for prediction.
 */
public final class LinearModel {

    /** Solver, inverse regularisation C, balanced class weights, stopping tolerance. */
    public record Params(SolverType solver, double c, boolean balanced, double eps) {
        public static Params lr(double c) {
            return new Params(SolverType.L2R_LR, c, true, 0.01);
        }

        public static Params svm(double c) {
            return new Params(SolverType.L2R_L2LOSS_SVC_DUAL, c, true, 0.1);
        }

        public static Params l1lr(double c) {
            return new Params(SolverType.L1R_LR, c, true, 0.01);
        }

        public Params withC(double c2) {
            return new Params(solver, c2, balanced, eps);
        }

        public Params withBalanced(boolean b) {
            return new Params(solver, c, b, eps);
        }
    }

    static {
        Linear.disableDebugOutput();
    }

    private final Model model;
    private final int numClasses;
    private final int numFeatures;
    private final int[] classAt; // liblinear label position -> our class id
    private final float[] weights; // liblinear's w as float: [(feature-1) * nrW + class], bias row last
    private final int nrW;

    private LinearModel(Model model, int numClasses) {
        this.model = model;
        this.numClasses = numClasses;
        this.numFeatures = model.getNrFeature();
        int[] lab = model.getLabels();
        this.classAt = new int[lab.length];
        for (int i = 0; i < lab.length; i++) classAt[i] = lab[i];
        this.nrW = lab.length == 2 && model.getSolverType() != SolverType.MCSVM_CS ? 1 : lab.length;
        double[] w = model.getFeatureWeights();
        this.weights = new float[w.length];
        for (int i = 0; i < w.length; i++) weights[i] = (float) w[i];
    }

    public int numClasses() {
        return numClasses;
    }

    /**
     * @param x         rows of 1-based, increasing feature indices in 1..numFeatures (no bias node: added here)
     * @param y         class ids in 0..numClasses-1
     */
    public static LinearModel train(Feature[][] x, int[] y, int numClasses, int numFeatures, Params p) {
        Problem prob = new Problem();
        prob.l = x.length;
        prob.n = numFeatures + 1;
        prob.bias = 1;
        prob.x = new Feature[x.length][];
        prob.y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            prob.x[i] = withBias(x[i], numFeatures);
            prob.y[i] = y[i];
        }
        Parameter param = new Parameter(p.solver(), p.c(), p.eps());
        param.setRandom(new Random(1));
        if (p.balanced()) {
            int[] count = new int[numClasses];
            for (int c : y) count[c]++;
            int present = 0;
            for (int c : count) if (c > 0) present++;
            double[] w = new double[present];
            int[] lab = new int[present];
            int k = 0;
            for (int c = 0; c < numClasses; c++) {
                if (count[c] == 0) continue;
                lab[k] = c;
                w[k++] = (double) y.length / (present * count[c]);
            }
            param.setWeights(w, lab);
        }
        return new LinearModel(Linear.train(prob, param), numClasses);
    }

    private static Feature[] withBias(Feature[] x, int numFeatures) {
        Feature[] out = new Feature[x.length + 1];
        System.arraycopy(x, 0, out, 0, x.length);
        out[x.length] = new FeatureNode(numFeatures + 1, 1.0);
        return out;
    }

    /** Class distribution (indexed by class id; classes absent from training get 0). */
    public double[] scores(Feature[] x) {
        int[] idx = new int[x.length];
        double[] val = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            idx[i] = x[i].getIndex();
            val[i] = x[i].getValue();
        }
        return scores(idx, val, x.length);
    }

    /**
     * As {@link #scores(Feature[])} on the first {@code n} (1-based index, value) pairs, computed directly from the
     * weights (same arithmetic as liblinear's predictValues / predictProbability, in float weights), without
     * allocating liblinear feature objects.
     */
    public double[] scores(int[] idx, double[] val, int n) {
        int k = classAt.length;
        double[] out = new double[numClasses];
        if (k == 1) {
            out[classAt[0]] = 1;
            return out;
        }
        double[] dec = new double[nrW];
        for (int j = 0; j < n; j++) {
            int f = idx[j];
            if (f > numFeatures) continue;
            int base = (f - 1) * nrW;
            double v = val[j];
            for (int c = 0; c < nrW; c++) dec[c] += weights[base + c] * v;
        }
        int bb = numFeatures * nrW; // bias feature, value 1
        for (int c = 0; c < nrW; c++) dec[c] += weights[bb + c];
        double[] raw = new double[k];
        if (model.isProbabilityModel()) {
            if (nrW == 1) {
                raw[0] = 1 / (1 + Math.exp(-dec[0]));
                raw[1] = 1 - raw[0];
            } else {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    raw[c] = 1 / (1 + Math.exp(-dec[c]));
                    sum += raw[c];
                }
                for (int c = 0; c < k; c++) raw[c] /= sum;
            }
        } else {
            if (nrW == 1) {
                raw[0] = dec[0];
                raw[1] = -dec[0];
            } else System.arraycopy(dec, 0, raw, 0, k);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : raw) max = Math.max(max, v);
            double s = 0;
            for (int i = 0; i < k; i++) {
                raw[i] = Math.exp(raw[i] - max);
                s += raw[i];
            }
            for (int i = 0; i < k; i++) raw[i] /= s;
        }
        for (int i = 0; i < k; i++) out[classAt[i]] = raw[i];
        return out;
    }

    /** liblinear's own prediction path (double weights), for tests. */
    double[] scoresViaLiblinear(Feature[] x) {
        Feature[] xb = withBias(x, numFeatures);
        int k = model.getNrClass();
        double[] raw = new double[k];
        double[] out = new double[numClasses];
        if (k == 1) {
            out[classAt[0]] = 1;
            return out;
        }
        if (model.isProbabilityModel()) {
            Linear.predictProbability(model, xb, raw);
        } else {
            Linear.predictValues(model, xb, raw);
            if (k == 2) raw[1] = -raw[0];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : raw) max = Math.max(max, v);
            double s = 0;
            for (int i = 0; i < k; i++) {
                raw[i] = Math.exp(raw[i] - max);
                s += raw[i];
            }
            for (int i = 0; i < k; i++) raw[i] /= s;
        }
        for (int i = 0; i < k; i++) out[classAt[i]] = raw[i];
        return out;
    }

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(bos), StandardCharsets.UTF_8)) {
                w.write(numClasses + "\n");
                model.save(w);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LinearModel fromBytes(byte[] bytes) {
        try (Reader r =
                new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(bytes)), StandardCharsets.UTF_8)) {
            StringBuilder first = new StringBuilder();
            for (int c; (c = r.read()) != '\n'; ) {
                if (c < 0) throw new IOException("truncated model");
                first.append((char) c);
            }
            return new LinearModel(
                    Model.load(r), Integer.parseInt(first.toString().trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
