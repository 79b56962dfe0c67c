package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ShippedModels;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.model.TrainedClassifier;
import dev.counterpoint.classify.model.TransferClassifier;
import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.training.ModelTrainer;
import dev.counterpoint.classify.training.TrainingData;
import dev.counterpoint.platform.OfflineCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code learning-curve}: F_avg on a benchmark's validation split as people's labels grow (0, 50, 200, 1,000 and
 * all training texts, each size the mean of three random samples), next to the shipped model alone. It runs the
 * product's own trainer ({@link ModelTrainer}) and classifier ({@link TrainedClassifier}) on vectors cached in a
 * file instead of the database, so that 26 trainings fit in minutes.
 */
public final class LearningCurveCommand implements OfflineCommand {

    private static final int[] SIZES = {0, 50, 200, 1000, Integer.MAX_VALUE};
    private static final int SAMPLES = 3;

    @Override
    public String name() {
        return "learning-curve";
    }

    @Override
    public String usage() {
        return "EVAL_DIR [WORK_DIR]   F_avg on RUW and TweetEval stance validation with 0 to all training labels";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.isEmpty()) {
            System.err.println("Usage: learning-curve " + usage());
            return 2;
        }
        Path evalDir = Path.of(arguments.get(0));
        Path work = Path.of(arguments.size() > 1 ? arguments.get(1) : "bench-results/transfer");
        try (TextEncoder encoder = new OnnxTextEncoder(EncoderSpec.bgeSmallEnV15Q())) {
            VectorCache cache = new VectorCache(encoder, work);
            for (String codebook : List.of("ruw", "tweeteval-stance")) {
                curve(codebook, evalDir, cache, encoder);
            }
        }
        return 0;
    }

    private static void curve(String codebook, Path evalDir, VectorCache cache, TextEncoder encoder) {
        List<TargetSpec> targets = StanceBenchmarks.targets(codebook);
        Map<String, Map<String, String>> train = byText(StanceBenchmarks.load(evalDir, "train"), codebook);
        Map<String, Map<String, String>> val = byText(StanceBenchmarks.load(evalDir, "val"), codebook);
        List<String> trainTexts = new ArrayList<>(train.keySet());
        List<String> valTexts = new ArrayList<>(val.keySet());
        float[][] trainVectors = cache.vectors(trainTexts);
        float[][] valVectors = cache.vectors(valTexts);
        List<String> pool = new ArrayList<>(trainTexts);
        pool.addAll(valTexts);
        float[][] poolVectors = cache.vectors(pool);
        TransferClassifier shipped = ShippedModels.classifier(targets, encoder).calibrate(pool, poolVectors);
        List<ItemLabels> trainAnswers = shipped.classify(trainTexts, trainVectors);
        double alone = score(shipped.classify(valTexts, valVectors), valTexts, val, targets);
        System.out.printf(Locale.ROOT, "== %s: shipped model alone on val F_avg %.1f%n", codebook, 100 * alone);
        for (int size : SIZES) {
            int n = Math.min(size, trainTexts.size());
            int samples = n == 0 || n == trainTexts.size() ? 1 : SAMPLES;
            List<Double> scores = new ArrayList<>();
            long started = System.nanoTime();
            for (int s = 0; s < samples; s++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < trainTexts.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(100 + s));
                List<TrainingData.Example> examples = new ArrayList<>();
                List<ItemLabels> answers = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    int i = order.get(k);
                    examples.add(new TrainingData.Example(
                            i, trainTexts.get(i), trainVectors[i], train.get(trainTexts.get(i))));
                    answers.add(trainAnswers.get(i));
                }
                if (n == 0) {
                    scores.add(alone);
                    continue;
                }
                ModelTrainer.Result result = new ModelTrainer(2).train(targets, examples, answers, done -> {});
                TrainedClassifier trained = new TrainedClassifier(result.bundle(), targets, shipped, encoder);
                scores.add(score(trained.classify(valTexts, valVectors), valTexts, val, targets));
                StringBuilder paths = new StringBuilder();
                result.reports().forEach((task, r) -> {
                    if (r.skipped() == null && !task.equals("sentiment") && !task.equals("incivility")) {
                        paths.append(' ').append(task).append('=').append(r.path());
                    }
                });
                System.out.printf(
                        Locale.ROOT,
                        "   %5d labels, sample %d: val F_avg %.1f;%s%n",
                        n,
                        s + 1,
                        100 * scores.get(scores.size() - 1),
                        paths);
            }
            double mean =
                    scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double min = scores.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            System.out.printf(
                    Locale.ROOT,
                    "%s %5d training texts: mean val F_avg %.1f (worst sample %.1f, %d samples, " + "%.0f s)%n",
                    codebook,
                    n,
                    100 * mean,
                    100 * min,
                    samples,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static Map<String, Map<String, String>> byText(List<StanceBenchmarks.Row> rows, String codebook) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (StanceBenchmarks.Row row : rows) {
            if (row.codebook().equals(codebook)) {
                out.computeIfAbsent(row.text(), t -> new LinkedHashMap<>()).put(row.target(), row.gold());
            }
        }
        return out;
    }

    private static double score(
            List<ItemLabels> labels,
            List<String> texts,
            Map<String, Map<String, String>> gold,
            List<TargetSpec> targets) {
        StanceScores scores = new StanceScores();
        String codebook = targets.size() == 2 ? "ruw" : "tweeteval-stance";
        for (int i = 0; i < texts.size(); i++) {
            for (ItemLabels.Stance stance : labels.get(i).stances()) {
                String g = gold.get(texts.get(i)).get(stance.target());
                if (g != null) {
                    scores.add(
                            new StanceBenchmarks.Row(codebook, "val", stance.target(), texts.get(i), g),
                            stance.value(),
                            stance.confidence());
                }
            }
        }
        return scores.benchmark(codebook);
    }
}
