package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.calibration.CalibratedLinear;
import dev.counterpoint.classify.calibration.Calibration;
import dev.counterpoint.classify.calibration.Reliability;
import dev.counterpoint.classify.text.Confusion;
import dev.counterpoint.classify.text.DecisionBias;
import dev.counterpoint.classify.text.Objective;
import dev.counterpoint.classify.text.TextClassifier;
import dev.counterpoint.classify.transfer.DimensionModels;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Learns the shipped sentiment and incivility models from TweetEval sentiment (its 2,000-tweet split, the only
 * one here) and OffensEval train: one 5-fold pass gives out-of-fold probabilities for the decision offsets and the
 * calibration, then one fit on everything. Reports the out-of-fold scores and, for incivility, the validation split.
 */
final class DimensionTraining {

    static final double L2 = 0.003;
    private static final int FOLDS = 5;

    private DimensionTraining() {}

    /** The models and the reliability of each on held-out data (out-of-fold, or the validation split). */
    record Trained(DimensionModels models, Map<String, Reliability> reliability) {}

    static Trained train(Path evalDir, VectorCache cache) {
        Map<String, Reliability> reliability = new java.util.LinkedHashMap<>();
        CalibratedLinear sentiment = task(
                "sentiment (TweetEval sentiment, 2,000 tweets; 5-fold out-of-fold)",
                read(BenchmarkConverter.Format.TWEETEVAL_SENTIMENT, evalDir.resolve("tweeteval-sentiment/val.tsv")),
                null,
                "sentiment",
                DimensionModels.SENTIMENT,
                DimensionModels::sentimentFeatures,
                Objective.MACRO_RECALL,
                cache,
                reliability);
        CalibratedLinear incivility = task(
                "incivility (OffensEval train 5-fold out-of-fold; val)",
                read(BenchmarkConverter.Format.TWEETEVAL_OFFENSIVE, evalDir.resolve("tweeteval-offensive/train.tsv")),
                read(BenchmarkConverter.Format.TWEETEVAL_OFFENSIVE, evalDir.resolve("tweeteval-offensive/val.tsv")),
                "incivility",
                DimensionModels.INCIVILITY,
                DimensionModels::incivilityFeatures,
                Objective.MACRO_F1,
                cache,
                reliability);
        return new Trained(new DimensionModels(sentiment, incivility), reliability);
    }

    private static CalibratedLinear task(
            String title,
            List<Map.Entry<String, Map<String, String>>> train,
            List<Map.Entry<String, Map<String, String>>> val,
            String key,
            String[] labels,
            BiFunction<String, float[], double[]> features,
            Objective objective,
            VectorCache cache,
            Map<String, Reliability> reliability) {
        double[][] x = rows(train, features, cache);
        int[] y = gold(train, key, labels);
        int[] fold = TextClassifier.stratifiedFolds(y, labels.length, FOLDS, 11);
        double[][] oof = new double[x.length][];
        for (int f = 0; f < FOLDS; f++) {
            final int held = f;
            int[] in = java.util.stream.IntStream.range(0, x.length)
                    .filter(i -> fold[i] != held)
                    .toArray();
            CalibratedLinear model = CalibratedLinear.fit(
                    labels,
                    java.util.Arrays.stream(in).mapToObj(i -> x[i]).toArray(double[][]::new),
                    java.util.Arrays.stream(in).map(i -> y[i]).toArray(),
                    L2);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == held) {
                    oof[i] = model.distribution(x[i]);
                }
            }
        }
        double[] bias = DecisionBias.tune(oof, y, labels, objective);
        Calibration calibration = Calibration.fit(oof, y);
        CalibratedLinear model = CalibratedLinear.fit(labels, x, y, L2).with(bias, calibration);
        System.out.println(title);
        Reliability outOfFold = new Reliability();
        System.out.println("  out-of-fold: " + score(oof, y, labels, model, objective, outOfFold));
        reliability.put(key, outOfFold);
        if (val != null) {
            double[][] vx = rows(val, features, cache);
            double[][] vp = java.util.Arrays.stream(vx).map(model::distribution).toArray(double[][]::new);
            Reliability held = new Reliability();
            System.out.println("  validation:  " + score(vp, gold(val, key, labels), labels, model, objective, held));
            reliability.put(key, held);
        }
        return model;
    }

    private static String score(
            double[][] p,
            int[] y,
            String[] labels,
            CalibratedLinear model,
            Objective objective,
            Reliability reliability) {
        Confusion confusion = new Confusion(List.of(labels));
        for (int i = 0; i < p.length; i++) {
            int chosen = model.decide(p[i]);
            confusion.add(labels[y[i]], labels[chosen]);
            reliability.add(model.calibrated(p[i])[chosen], chosen == y[i]);
        }
        return String.format(
                Locale.ROOT,
                "%s %.1f, macro-F1 %.1f, macro-recall %.1f, ECE %.3f (n=%d)",
                objective,
                100 * objective.of(confusion),
                100 * confusion.macroF1(),
                100 * confusion.macroRecall(),
                reliability.ece(),
                p.length);
    }

    private static double[][] rows(
            List<Map.Entry<String, Map<String, String>>> data,
            BiFunction<String, float[], double[]> features,
            VectorCache cache) {
        float[][] vectors = cache.vectors(data.stream().map(Map.Entry::getKey).toList());
        double[][] x = new double[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = features.apply(data.get(i).getKey(), vectors[i]);
        }
        return x;
    }

    private static int[] gold(List<Map.Entry<String, Map<String, String>>> data, String key, String[] labels) {
        List<String> order = List.of(labels);
        return data.stream().mapToInt(e -> order.indexOf(e.getValue().get(key))).toArray();
    }

    private static List<Map.Entry<String, Map<String, String>>> read(BenchmarkConverter.Format format, Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return BenchmarkConverter.rows(format, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
