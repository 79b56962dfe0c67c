package dev.counterpoint.classify.eval;

import dev.counterpoint.classify.calibration.CalibratedLinear;
import dev.counterpoint.classify.calibration.Calibration;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.model.ZeroShotClassifier;
import dev.counterpoint.classify.text.DecisionBias;
import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.Objective;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.transfer.StanceFeatures;
import dev.counterpoint.classify.transfer.TransferStanceModel;
import dev.counterpoint.platform.OfflineCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code train-transfer}: learns the shipped target-conditioned stance model from the benchmarks' training
 * splits, measures it leave-one-target-out (train on six targets, score the seventh's validation split through its
 * codebook entry) beside today's zero-shot rule, and writes the parameters. Decision offsets and calibration are
 * fitted on the out-of-target predictions of the training splits, as a new user's target is out-of-target.
 */
public final class TransferTrainingCommand implements OfflineCommand {

    static final double L2 = 0.01;

    @Override
    public String name() {
        return "train-transfer";
    }

    @Override
    public String usage() {
        return "EVAL_DIR OUT_DIR [WORK_DIR]   learn the shipped models (transfer stance from TweetEval stance + RUW "
                + "train; sentiment, incivility from TweetEval), report leave-one-target-out and validation scores";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() < 2) {
            System.err.println("Usage: train-transfer " + usage());
            return 2;
        }
        Path evalDir = Path.of(arguments.get(0));
        Path outDir = Path.of(arguments.get(1));
        Path out = outDir.resolve("transfer-stance.bin");
        Path work = Path.of(arguments.size() > 2 ? arguments.get(2) : "bench-results/transfer");
        double c = Double.parseDouble(System.getProperty("transfer.l2", String.valueOf(L2)));
        StanceFeatures.Layout layout = layout(System.getProperty("transfer.layout", "x"));
        // Each encoder needs models learnt on its own vectors: -Dtransfer.encoder=minilm trains MiniLM's.
        try (TextEncoder encoder =
                new OnnxTextEncoder(EncoderSpec.byName(System.getProperty("transfer.encoder", "bge")))) {
            VectorCache cache = new VectorCache(encoder, work);
            List<StanceBenchmarks.Row> all = new ArrayList<>(StanceBenchmarks.load(evalDir, "train"));
            all.addAll(StanceBenchmarks.load(evalDir, "val"));
            StanceRows rows = new StanceRows(all, cache, encoder, layout);
            List<Integer> train = rows.where(r -> r.split().equals("train"));
            List<Integer> val = rows.where(r -> r.split().equals("val"));
            Set<String> targets = new LinkedHashSet<>();
            all.forEach(r -> targets.add(r.target()));
            System.out.printf(
                    "encoder %s: %d training and %d validation (text, target) rows, %d targets, l2=%s, layout %s%n",
                    encoder.id(), train.size(), val.size(), targets.size(), c, layout);

            StanceScores rule = zeroShotRule(rows, val, encoder);
            System.out.println(rule.line("zero-shot rule (today), val"));

            double[][] outOfTarget = new double[rows.rows.size()][];
            StanceScores loto = new StanceScores();
            for (String held : targets) {
                long started = System.nanoTime();
                List<Integer> others = train.stream()
                        .filter(i -> !rows.rows.get(i).target().equals(held))
                        .toList();
                CalibratedLinear model =
                        CalibratedLinear.fit(TransferStanceModel.LABELS, rows.features(others), rows.gold(others), c);
                for (int i = 0; i < rows.rows.size(); i++) {
                    if (rows.rows.get(i).target().equals(held)) {
                        outOfTarget[i] = model.distribution(rows.features[i]);
                    }
                }
                System.out.printf("  held out %s (%.1f s)%n", held, (System.nanoTime() - started) / 1e9);
            }
            double[][] oofTrain = train.stream().map(i -> outOfTarget[i]).toArray(double[][]::new);
            int[] goldTrain = rows.gold(train);
            double[] bias = DecisionBias.tune(oofTrain, goldTrain, TransferStanceModel.LABELS, Objective.F_AVG);
            Calibration calibration = Calibration.fit(oofTrain, goldTrain);
            System.out.printf(
                    "out-of-target decision offsets %s, calibration scale %.3f offsets %s%n",
                    java.util.Arrays.toString(bias),
                    calibration.scale(),
                    java.util.Arrays.toString(calibration.offsets()));
            for (int i : val) {
                score(loto, rows.rows.get(i), outOfTarget[i], bias, calibration);
            }
            System.out.println(loto.line("transfer, leave-one-target-out, val"));
            StanceScores lotoTrain = new StanceScores();
            for (int i : train) {
                score(lotoTrain, rows.rows.get(i), outOfTarget[i], bias, calibration);
            }
            System.out.println(lotoTrain.line("transfer, leave-one-target-out, train"));

            long started = System.nanoTime();
            CalibratedLinear fitted =
                    CalibratedLinear.fit(TransferStanceModel.LABELS, rows.features(train), rows.gold(train), c);
            TransferStanceModel model = new TransferStanceModel(layout, fitted.with(bias, calibration));
            StanceScores inTarget = new StanceScores();
            for (int i : val) {
                score(inTarget, rows.rows.get(i), fitted.distribution(rows.features[i]), bias, calibration);
            }
            System.out.printf("final fit on all 7 targets (%.1f s)%n", (System.nanoTime() - started) / 1e9);
            System.out.println(inTarget.line("transfer, in-target (trained on train), val"));
            StanceScores plain = new StanceScores();
            for (int i : val) {
                score(
                        plain,
                        rows.rows.get(i),
                        fitted.distribution(rows.features[i]),
                        new double[3],
                        Calibration.identity(3));
            }
            System.out.println(plain.line("in-target, no offsets/calibration, val"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            byte[] bytes = model.toBytes();
            Files.write(out, bytes);
            System.out.printf("Wrote %s (%d bytes)%n", out, bytes.length);
            if (!Boolean.getBoolean("transfer.stance-only")) {
                DimensionTraining.Trained trained = DimensionTraining.train(evalDir, cache);
                byte[] dimensions = trained.models().toBytes();
                writeReliability(outDir, loto.reliability(), trained.reliability());
                Files.write(outDir.resolve("dimension-models.bin"), dimensions);
                System.out.printf("Wrote %s (%d bytes)%n", outDir.resolve("dimension-models.bin"), dimensions.length);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the Models page shows for the shipped models: each dimension's reliability on held-out data. */
    private static void writeReliability(
            Path outDir,
            dev.counterpoint.classify.calibration.Reliability stance,
            java.util.Map<String, dev.counterpoint.classify.calibration.Reliability> dimensions)
            throws IOException {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        out.add(dimension("stance", stance, "leave-one-target-out on the benchmarks' validation splits (7 targets)"));
        out.add(dimension("sentiment", dimensions.get("sentiment"), "5-fold out-of-fold on TweetEval sentiment"));
        out.add(dimension("incivility", dimensions.get("incivility"), "OffensEval validation split"));
        Files.writeString(
                outDir.resolve("shipped-reliability.json"),
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(out));
    }

    private static java.util.Map<String, Object> dimension(
            String name, dev.counterpoint.classify.calibration.Reliability r, String source) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("name", name);
        d.put("ece", r.ece());
        d.put("count", r.total());
        d.put("source", source);
        d.put("bins", r.bins());
        return d;
    }

    private static void score(
            StanceScores scores, StanceBenchmarks.Row row, double[] p, double[] bias, Calibration calibration) {
        int chosen = DecisionBias.argmax(p, bias);
        scores.add(row, TransferStanceModel.LABELS[chosen], calibration.apply(p)[chosen]);
    }

    /** Today's codebook rule on the validation rows, standardised over those texts as the product does. */
    private static StanceScores zeroShotRule(StanceRows rows, List<Integer> val, TextEncoder encoder) {
        StanceScores scores = new StanceScores();
        for (String codebook : List.of("tweeteval-stance", "ruw")) {
            List<TargetSpec> targets = StanceBenchmarks.targets(codebook);
            List<Integer> mine = val.stream()
                    .filter(i -> rows.rows.get(i).codebook().equals(codebook))
                    .toList();
            List<String> texts = mine.stream().map(i -> rows.rows.get(i).text()).toList();
            float[][] vectors = mine.stream().map(i -> rows.vectors[i]).toArray(float[][]::new);
            List<ItemLabels> labels = new ZeroShotClassifier(targets, encoder)
                    .calibrate(texts, vectors)
                    .classify(texts, vectors);
            for (int k = 0; k < mine.size(); k++) {
                StanceBenchmarks.Row row = rows.rows.get(mine.get(k));
                String value = labels.get(k).stances().stream()
                        .filter(s -> s.target().equals(row.target()))
                        .findFirst()
                        .orElseThrow()
                        .value();
                scores.add(row, value, Double.NaN);
            }
        }
        return scores;
    }

    static StanceFeatures.Layout layout(String code) {
        return new StanceFeatures.Layout(code.contains("d"), code.contains("p"), code.contains("v"));
    }
}
