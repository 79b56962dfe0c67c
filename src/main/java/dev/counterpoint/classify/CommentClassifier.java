package dev.counterpoint.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies a batch of comments end to end: one encoder pass (batched), then every configured model
 * (stance per target, sentiment, incivility, ...) on the shared vector and shared n-gram keys.
 * Not thread-safe (the encoder is not); use one instance per worker.
 */
public final class CommentClassifier implements AutoCloseable {

    /** A trained model plus the extra features it expects (null if none). */
    public record Task(String name, TextClassifier model, FeatureExtras extras) {}

    /** Per comment: task name → label, and task name → class distribution (labels in the model's order). */
    public record Result(Map<String, String> labels, Map<String, double[]> distributions) {}

    private final TextEncoder encoder;
    private final List<Task> tasks;

    public CommentClassifier(TextEncoder encoder, List<Task> tasks) {
        this.encoder = encoder;
        this.tasks = List.copyOf(tasks);
    }

    public List<Task> tasks() {
        return tasks;
    }

    /** Encodes the whole batch, then runs the models (single caller thread plus the encoder's own threads). */
    public List<Result> classify(List<String> texts) {
        return classifyEncoded(texts, encoder.encode(clean(texts)));
    }

    /**
     * Runs all tasks on texts whose vectors are known. Model-major order (each model over the whole batch) keeps one
     * model's vocabulary and weights in CPU cache; measured ~2x faster than text-major order with 9 models.
     */
    public List<Result> classifyEncoded(List<String> texts, float[][] vectors) {
        int n = texts.size();
        List<Map<NgramVectorizer.Config, long[]>> grams = new ArrayList<>(n);
        List<Result> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            grams.add(new HashMap<>(4));
            out.add(new Result(new LinkedHashMap<>(), new LinkedHashMap<>()));
        }
        for (Task t : tasks) {
            for (int i = 0; i < n; i++) {
                double[] extras = t.extras() == null ? null : t.extras().of(texts.get(i), vectors[i]);
                double[] d = t.model()
                        .distribution(new TextClassifier.Input(texts.get(i), vectors[i], extras), grams.get(i));
                out.get(i).distributions().put(t.name(), d);
                out.get(i).labels().put(t.name(), t.model().decide(d));
            }
        }
        return out;
    }

    /**
     * Same results as {@link #classify}, but overlaps work: while the caller thread runs the models on chunk k,
     * a helper thread encodes chunk k+1. Useful when model time is a noticeable share of encoder time.
     */
    public List<Result> classifyPipelined(List<String> texts, int chunkSize) {
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "encoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Result> out = new ArrayList<>(texts.size());
            int n = texts.size();
            java.util.concurrent.Future<float[][]> next =
                    n == 0 ? null : ex.submit(() -> encoder.encode(clean(texts.subList(0, Math.min(n, chunkSize)))));
            for (int a = 0; a < n; a += chunkSize) {
                int b = Math.min(n, a + chunkSize);
                float[][] v = next.get();
                if (b < n) {
                    int c = Math.min(n, b + chunkSize);
                    next = ex.submit(() -> encoder.encode(clean(texts.subList(b, c))));
                }
                out.addAll(classifyEncoded(texts.subList(a, b), v));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            ex.shutdownNow();
        }
    }

    private static List<String> clean(List<String> texts) {
        List<String> cleaned = new ArrayList<>(texts.size());
        for (String t : texts) cleaned.add(TextNormalizer.clean(t));
        return cleaned;
    }

    /** Runs all tasks on one text whose vector is already known. */
    public Result classifyEncoded(String text, float[] vector) {
        Map<NgramVectorizer.Config, long[]> grams = new HashMap<>(4);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, double[]> dists = new LinkedHashMap<>();
        for (Task t : tasks) {
            double[] extras = t.extras() == null ? null : t.extras().of(text, vector);
            double[] d = t.model().distribution(new TextClassifier.Input(text, vector, extras), grams);
            dists.put(t.name(), d);
            labels.put(t.name(), t.model().decide(d));
        }
        return new Result(labels, dists);
    }

    @Override
    public void close() {
        encoder.close();
    }
}
