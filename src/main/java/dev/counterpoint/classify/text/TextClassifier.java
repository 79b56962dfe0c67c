package dev.counterpoint.classify.text;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A trainable text classifier: an ensemble of liblinear models over different views of a text
 * (n-gram TF-IDF, encoder vector + extra dense features, or both concatenated), whose class distributions are
 * averaged with fixed weights; optional per-class decision biases (tuned by inner cross-validation for an
 * {@link Objective}) are added to the log of the averaged distribution.
 * Inputs per text: the raw text, its encoder vector (if a member uses vectors) and optional extra dense
 * features (e.g. VADER or target-directed sentiment; same length for every text).
 * Save/load with {@link #toBytes()} / {@link #fromBytes(byte[])} ({@link TextClassifierFormat}). Thread-safe for
 * prediction.
 */
public final class TextClassifier {

    /** Which features a member sees. */
    public enum View {
        NGRAMS,
        DENSE,
        BOTH
    }

    public record Member(View view, LinearModel.Params params, double weight) {}

    /**
     * @param ngrams      vectoriser config (required if a member uses NGRAMS or BOTH)
     * @param members     ensemble members
     * @param denseScale  multiplier on the encoder vector (unit norm) in DENSE/BOTH views
     * @param extraScale  multiplier on the extra dense features
     * @param biasObjective  if non-null, decision biases are tuned for it with {@code biasFolds}-fold inner CV
     */
    public record Config(
            NgramVectorizer.Config ngrams,
            List<Member> members,
            double denseScale,
            double extraScale,
            Objective biasObjective,
            int biasFolds) {
        public Config withBias(Objective o, int folds) {
            return new Config(ngrams, members, denseScale, extraScale, o, folds);
        }

        public Config withMembers(List<Member> m) {
            return new Config(ngrams, m, denseScale, extraScale, biasObjective, biasFolds);
        }

        public Config withNgrams(NgramVectorizer.Config n) {
            return new Config(n, members, denseScale, extraScale, biasObjective, biasFolds);
        }

        public Config withDenseScale(double s) {
            return new Config(ngrams, members, s, extraScale, biasObjective, biasFolds);
        }

        public Config withExtraScale(double s) {
            return new Config(ngrams, members, denseScale, s, biasObjective, biasFolds);
        }

        boolean needsNgrams() {
            return members.stream().anyMatch(m -> m.view() != View.DENSE);
        }
    }

    /** One text's inputs. {@code vector} and {@code extras} may be null when unused. */
    public record Input(String text, float[] vector, double[] extras) {}

    private final String[] labels;
    private final Config config;
    private final NgramVectorizer vectorizer; // null if unused
    private final int denseDim;
    private final LinearModel[] models;
    private final double[] bias;

    private TextClassifier(
            String[] labels,
            Config config,
            NgramVectorizer vectorizer,
            int denseDim,
            LinearModel[] models,
            double[] bias) {
        this.labels = labels;
        this.config = config;
        this.vectorizer = vectorizer;
        this.denseDim = denseDim;
        this.models = models;
        this.bias = bias;
    }

    public String[] labels() {
        return labels.clone();
    }

    public double[] bias() {
        return bias.clone();
    }

    public Config config() {
        return config;
    }

    /** How many dense features (vector and extras together) the model reads; 0 when it reads n-grams only. */
    public int denseDimension() {
        return denseDim;
    }

    /** The same model deciding with other per-class offsets (chosen on out-of-fold predictions by the caller). */
    public TextClassifier withBias(double[] decisionBias) {
        return new TextClassifier(labels, config, vectorizer, denseDim, models, decisionBias.clone());
    }

    public static TextClassifier train(List<Input> inputs, String[] gold, String[] labels, Config cfg) {
        int[] y = classIds(gold, labels);
        double[] bias = new double[labels.length];
        if (cfg.biasObjective() != null && cfg.biasFolds() > 1) {
            double[][] oof = outOfFold(inputs, y, labels, cfg.withBias(null, 0), cfg.biasFolds(), 17);
            bias = DecisionBias.tune(oof, y, labels, cfg.biasObjective());
        }
        return fit(inputs, y, labels, cfg, bias);
    }

    /** Out-of-fold class distributions from stratified k-fold (no bias applied). */
    public static double[][] outOfFold(List<Input> inputs, int[] y, String[] labels, Config cfg, int folds, long seed) {
        int[] fold = stratifiedFolds(y, labels.length, folds, seed);
        double[][] out = new double[inputs.size()][];
        for (int f = 0; f < folds; f++) {
            List<Input> tr = new ArrayList<>();
            List<Integer> trY = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++)
                if (fold[i] != f) {
                    tr.add(inputs.get(i));
                    trY.add(y[i]);
                }
            TextClassifier m =
                    fit(tr, trY.stream().mapToInt(Integer::intValue).toArray(), labels, cfg, new double[labels.length]);
            for (int i = 0; i < inputs.size(); i++) if (fold[i] == f) out[i] = m.distribution(inputs.get(i));
        }
        return out;
    }

    /** Deterministic stratified fold assignment. */
    public static int[] stratifiedFolds(int[] y, int numClasses, int folds, long seed) {
        int[] fold = new int[y.length];
        Random rnd = new Random(seed);
        for (int c = 0; c < numClasses; c++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) if (y[i] == c) idx.add(i);
            java.util.Collections.shuffle(idx, rnd);
            for (int k = 0; k < idx.size(); k++) fold[idx.get(k)] = k % folds;
        }
        return fold;
    }

    static int[] classIds(String[] gold, String[] labels) {
        List<String> l = Arrays.asList(labels);
        int[] y = new int[gold.length];
        for (int i = 0; i < gold.length; i++) {
            y[i] = l.indexOf(gold[i]);
            if (y[i] < 0) throw new IllegalArgumentException("label " + gold[i] + " not in " + l);
        }
        return y;
    }

    private static TextClassifier fit(List<Input> inputs, int[] y, String[] labels, Config cfg, double[] bias) {
        NgramVectorizer vec = null;
        if (cfg.needsNgrams()) {
            List<String> texts = new ArrayList<>(inputs.size());
            for (Input in : inputs) texts.add(in.text());
            vec = NgramVectorizer.fit(texts, cfg.ngrams());
        }
        int denseDim = denseDim(inputs.get(0), cfg);
        SparseVector[] sparse = new SparseVector[inputs.size()];
        if (vec != null)
            for (int i = 0; i < inputs.size(); i++)
                sparse[i] = vec.transform(inputs.get(i).text());
        LinearModel[] models = new LinearModel[cfg.members().size()];
        for (int m = 0; m < models.length; m++) {
            Member mem = cfg.members().get(m);
            Feature[][] x = new Feature[inputs.size()][];
            for (int i = 0; i < x.length; i++)
                x[i] = features(mem.view(), sparse[i], inputs.get(i), vec, cfg, denseDim);
            models[m] = LinearModel.train(x, y, labels.length, numFeatures(mem.view(), vec, denseDim), mem.params());
        }
        return new TextClassifier(labels.clone(), cfg, vec, denseDim, models, bias);
    }

    private static int denseDim(Input in, Config cfg) {
        boolean usesDense = cfg.members().stream().anyMatch(m -> m.view() != View.NGRAMS);
        if (!usesDense) return 0;
        return (in.vector() == null ? 0 : in.vector().length) + (in.extras() == null ? 0 : in.extras().length);
    }

    private static int numFeatures(View v, NgramVectorizer vec, int denseDim) {
        return switch (v) {
            case NGRAMS -> vec.size();
            case DENSE -> denseDim;
            case BOTH -> vec.size() + denseDim;
        };
    }

    private static Feature[] features(
            View view, SparseVector sv, Input in, NgramVectorizer vec, Config cfg, int denseDim) {
        List<Feature> f = new ArrayList<>();
        int offset = 0;
        if (view != View.DENSE) {
            for (int i = 0; i < sv.nnz(); i++) f.add(new FeatureNode(sv.indices()[i] + 1, sv.values()[i]));
            offset = vec.size();
        }
        if (view != View.NGRAMS) {
            int j = 0;
            if (in.vector() != null) {
                for (float v : in.vector()) {
                    j++;
                    if (v != 0) f.add(new FeatureNode(offset + j, v * cfg.denseScale()));
                }
            }
            if (in.extras() != null) {
                for (double v : in.extras()) {
                    j++;
                    if (v != 0) f.add(new FeatureNode(offset + j, v * cfg.extraScale()));
                }
            }
            if (j != denseDim) throw new IllegalArgumentException("dense features " + j + " != " + denseDim);
        }
        return f.toArray(new Feature[0]);
    }

    /** Averaged class distribution (before decision biases), indexed like {@link #labels()}. */
    public double[] distribution(Input in) {
        return distribution(in, null);
    }

    /**
     * As {@link #distribution(Input)}, reusing n-gram keys across models: {@code gramCache} maps an n-gram config
     * to the keys of this input's text (filled on first use). Use one cache per text.
     */
    public double[] distribution(Input in, java.util.Map<NgramVectorizer.Config, long[]> gramCache) {
        SparseVector sv = null;
        if (vectorizer != null) {
            long[] grams = gramCache == null
                    ? vectorizer.gramKeys(in.text())
                    : gramCache.computeIfAbsent(vectorizer.config(), c -> vectorizer.gramKeys(in.text()));
            sv = vectorizer.transformKeys(grams);
        }
        double[] p = new double[labels.length];
        double wsum = 0;
        int cap = (sv == null ? 0 : sv.nnz()) + denseDim;
        int[] idx = new int[cap];
        double[] val = new double[cap];
        for (int m = 0; m < models.length; m++) {
            Member mem = config.members().get(m);
            int n = row(mem.view(), sv, in, idx, val);
            double[] s = models[m].scores(idx, val, n);
            for (int c = 0; c < p.length; c++) p[c] += mem.weight() * s[c];
            wsum += mem.weight();
        }
        for (int c = 0; c < p.length; c++) p[c] /= wsum;
        return p;
    }

    /** Fills (1-based index, value) pairs of a view like {@link #features}, without allocation; returns the count. */
    private int row(View view, SparseVector sv, Input in, int[] idx, double[] val) {
        int n = 0, offset = 0;
        if (view != View.DENSE) {
            for (int i = 0; i < sv.nnz(); i++) {
                idx[n] = sv.indices()[i] + 1;
                val[n++] = sv.values()[i];
            }
            offset = vectorizer.size();
        }
        if (view != View.NGRAMS) {
            int j = 0;
            if (in.vector() != null)
                for (float v : in.vector()) {
                    j++;
                    if (v != 0) {
                        idx[n] = offset + j;
                        val[n++] = v * config.denseScale();
                    }
                }
            if (in.extras() != null)
                for (double v : in.extras()) {
                    j++;
                    if (v != 0) {
                        idx[n] = offset + j;
                        val[n++] = v * config.extraScale();
                    }
                }
            if (j != denseDim) throw new IllegalArgumentException("dense features " + j + " != " + denseDim);
        }
        return n;
    }

    public String predict(Input in) {
        return labels[DecisionBias.argmax(distribution(in), bias)];
    }

    public String decide(double[] distribution) {
        return labels[DecisionBias.argmax(distribution, bias)];
    }

    public byte[] toBytes() {
        return TextClassifierFormat.write(this);
    }

    public static TextClassifier fromBytes(byte[] bytes) {
        return TextClassifierFormat.read(bytes);
    }

    NgramVectorizer vectorizer() {
        return vectorizer;
    }

    LinearModel[] models() {
        return models;
    }

    static TextClassifier of(
            String[] labels,
            Config config,
            NgramVectorizer vectorizer,
            int denseDim,
            LinearModel[] models,
            double[] bias) {
        return new TextClassifier(labels, config, vectorizer, denseDim, models, bias);
    }
}
