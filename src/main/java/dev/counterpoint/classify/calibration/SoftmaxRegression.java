package dev.counterpoint.classify.calibration;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Multinomial logistic regression over dense rows, fitted by L-BFGS on the class-weighted log-loss with an L2
 * penalty on the weights (not the intercepts). A direct dense implementation: liblinear's one-vs-rest Newton
 * solver over feature objects took minutes on the transfer model's 13,000 rows of 1,167 features. Thread-safe
 * for prediction.
 */
public final class SoftmaxRegression {

    private static final int MEMORY = 10;

    private final int classes;
    private final int dimension;
    private final double[] w; // [class * (dimension + 1) + feature], intercept last

    private SoftmaxRegression(int classes, int dimension, double[] w) {
        this.classes = classes;
        this.dimension = dimension;
        this.w = w;
    }

    /**
     * @param l2         penalty λ on the squared weights, added to the mean weighted log-loss
     * @param balanced   weigh each class inversely to its frequency
     * @param iterations at most this many L-BFGS steps
     */
    public static SoftmaxRegression fit(
            double[][] x, int[] y, int classes, double l2, boolean balanced, int iterations) {
        int d = x[0].length;
        double[] weight = new double[x.length];
        int[] count = new int[classes];
        for (int c : y) {
            count[c]++;
        }
        int present = 0;
        for (int c : count) {
            present += c > 0 ? 1 : 0;
        }
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            weight[i] = balanced ? (double) x.length / (present * count[y[i]]) : 1;
            total += weight[i];
        }
        for (int i = 0; i < x.length; i++) {
            weight[i] /= total;
        }
        SoftmaxRegression model = new SoftmaxRegression(classes, d, new double[classes * (d + 1)]);
        model.minimise(x, y, weight, l2, iterations);
        return model;
    }

    public int classes() {
        return classes;
    }

    public double[] distribution(double[] row) {
        return softmax(logits(row, w));
    }

    private double[] logits(double[] row, double[] weights) {
        double[] z = new double[classes];
        int stride = dimension + 1;
        for (int c = 0; c < classes; c++) {
            int base = c * stride;
            double s = weights[base + dimension];
            for (int j = 0; j < dimension; j++) {
                s += weights[base + j] * row[j];
            }
            z[c] = s;
        }
        return z;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Loss at {@code weights}; fills {@code gradient}. */
    private double evaluate(double[][] x, int[] y, double[] weight, double l2, double[] weights, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        int stride = dimension + 1;
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double[] p = softmax(logits(x[i], weights));
            loss -= weight[i] * Math.log(Math.max(p[y[i]], 1e-300));
            for (int c = 0; c < classes; c++) {
                double r = weight[i] * (p[c] - (c == y[i] ? 1 : 0));
                if (r == 0) {
                    continue;
                }
                int base = c * stride;
                double[] row = x[i];
                for (int j = 0; j < dimension; j++) {
                    gradient[base + j] += r * row[j];
                }
                gradient[base + dimension] += r;
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < dimension; j++) {
                int k = c * stride + j;
                loss += 0.5 * l2 * weights[k] * weights[k];
                gradient[k] += l2 * weights[k];
            }
        }
        return loss;
    }

    private void minimise(double[][] x, int[] y, double[] weight, double l2, int iterations) {
        int n = w.length;
        double[][] s = new double[MEMORY][];
        double[][] t = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] g = new double[n];
        double loss = evaluate(x, y, weight, l2, w, g);
        int stored = 0;
        for (int it = 0; it < iterations; it++) {
            double[] direction = g.clone();
            double[] alpha = new double[MEMORY];
            for (int m = stored - 1; m >= 0; m--) {
                alpha[m] = rho[m] * dot(s[m], direction);
                axpy(-alpha[m], t[m], direction);
            }
            if (stored > 0) {
                double scale = dot(s[stored - 1], t[stored - 1]) / dot(t[stored - 1], t[stored - 1]);
                for (int k = 0; k < n; k++) {
                    direction[k] *= scale;
                }
            } else {
                double norm = Math.sqrt(dot(g, g));
                for (int k = 0; k < n; k++) {
                    direction[k] /= Math.max(1, norm);
                }
            }
            for (int m = 0; m < stored; m++) {
                double beta = rho[m] * dot(t[m], direction);
                axpy(alpha[m] - beta, s[m], direction);
            }
            double slope = -dot(g, direction);
            if (slope >= 0) {
                direction = g.clone();
                slope = -dot(g, g);
                stored = 0;
            }
            double step = 1;
            double[] next = new double[n];
            double[] nextGradient = new double[n];
            double nextLoss;
            while (true) {
                for (int k = 0; k < n; k++) {
                    next[k] = w[k] - step * direction[k];
                }
                nextLoss = evaluate(x, y, weight, l2, next, nextGradient);
                if (nextLoss <= loss + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step /= 2;
            }
            double[] sk = new double[n];
            double[] tk = new double[n];
            for (int k = 0; k < n; k++) {
                sk[k] = next[k] - w[k];
                tk[k] = nextGradient[k] - g[k];
            }
            double sy = dot(sk, tk);
            System.arraycopy(next, 0, w, 0, n);
            System.arraycopy(nextGradient, 0, g, 0, n);
            double improvement = loss - nextLoss;
            loss = nextLoss;
            if (improvement < 1e-7 * Math.max(1, Math.abs(loss))) {
                break;
            }
            if (sy > 1e-12) {
                if (stored == MEMORY) {
                    System.arraycopy(s, 1, s, 0, MEMORY - 1);
                    System.arraycopy(t, 1, t, 0, MEMORY - 1);
                    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
                    stored--;
                }
                s[stored] = sk;
                t[stored] = tk;
                rho[stored] = 1 / sy;
                stored++;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] += a * x[k];
        }
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(dimension);
        for (double v : w) {
            out.writeFloat((float) v);
        }
    }

    public static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int dimension = in.readInt();
        double[] w = new double[classes * (dimension + 1)];
        for (int k = 0; k < w.length; k++) {
            w[k] = in.readFloat();
        }
        return new SoftmaxRegression(classes, dimension, w);
    }
}
