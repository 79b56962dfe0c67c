package dev.counterpoint.bench;

import dev.counterpoint.classify.EncoderProvider;
import dev.counterpoint.classify.jobs.ClassificationRequests;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobStatus;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.corpus.CorpusImporter;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.SampleCorpus;
import dev.counterpoint.dashboard.RollupRefresher;
import dev.counterpoint.platform.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bench-classify [--comments N]}: on a fresh temporary database, the encoder alone over N comments of
 * about 200 characters, then the whole labelling path over the same comments (encode, every stance target,
 * sentiment, incivility, store labels with evidence, refresh the dashboard rollups), side by side, with the
 * configured encoder. scripts/bench-classify.sh runs it for each encoder.
 */
@ApplicationScoped
public class BenchClassifyCommand implements Command {

    @Inject
    EncoderProvider encoders;

    @Inject
    CorpusImporter importer;

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassificationWorker worker;

    @Inject
    RollupRefresher rollups;

    @Override
    public String name() {
        return "bench-classify";
    }

    @Override
    public String usage() {
        return "[--comments N]   encoder-only and end-to-end labelling rates on ~200-character comments";
    }

    @Override
    public int run(List<String> arguments) {
        int n = arguments.size() == 2 && arguments.get(0).equals("--comments")
                ? Integer.parseInt(arguments.get(1))
                : 2000;
        List<String> comments = comments(n, 42);
        TextEncoder encoder = encoders.encoder();
        encoder.encode(comments(200, 7).stream().map(TextNormalizer::clean).toList()); // warm-up

        long start = System.nanoTime();
        for (int from = 0; from < n; from += 64) {
            encoder.encode(comments.subList(from, Math.min(n, from + 64)).stream()
                    .map(TextNormalizer::clean)
                    .toList());
        }
        double encoderSeconds = (System.nanoTime() - start) / 1e9;

        List<DocumentImport.Comment> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new DocumentImport.Comment("c" + i, null, null, null, comments.get(i)));
        }
        long id = importer.importDocument(
                        new DocumentImport("bench", "Benchmark", null, null, null, null, null, List.of(), items))
                .document()
                .id;
        start = System.nanoTime();
        JobStatus job = requests.classifyDocument(id, "benchmark");
        worker.drain();
        long refreshed = System.nanoTime();
        rollups.refreshAll();
        double rollupSeconds = (System.nanoTime() - refreshed) / 1e9;
        double endToEndSeconds = (System.nanoTime() - start) / 1e9;
        JobStatus done = requests.status(job.id());

        Runtime runtime = Runtime.getRuntime();
        double averageLength =
                comments.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "%d comments, %.0f characters on average, encoder %s, model %s, max heap %d MB%n",
                n,
                averageLength,
                encoder.id(),
                done.model(),
                runtime.maxMemory() / (1024 * 1024));
        System.out.printf(
                Locale.ROOT,
                "encoder only:                                             %7.1f comments/s%n",
                n / encoderSeconds);
        System.out.printf(
                Locale.ROOT,
                "end to end (read, encode, label, store, refresh rollups): %7.1f comments/s  = %.0f%% of encoder only;"
                        + " %d labels stored; rollup refresh %.2f s of it%n",
                n / endToEndSeconds,
                100 * encoderSeconds / endToEndSeconds,
                (long) done.done() * 9,
                rollupSeconds);
        System.out.printf(
                Locale.ROOT,
                "heap in use at the end: %d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        return "done".equals(done.status()) ? 0 : 1;
    }

    /** Comments of about 200 characters, recombined from the sample's sentences (deterministic). */
    static List<String> comments(int n, long seed) {
        List<String> sentences = new ArrayList<>();
        DocumentImport sample = SampleCorpus.load();
        sample.comments().forEach(c -> sentences.addAll(List.of(c.text().split("(?<=[.?!])\\s+"))));
        sample.paragraphs().forEach(p -> sentences.addAll(List.of(p.text().split("(?<=[.?!])\\s+"))));
        Random random = new Random(seed);
        List<String> comments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder comment = new StringBuilder();
            while (comment.length() < 170) {
                comment.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            comments.add(
                    comment.length() > 230
                            ? comment.substring(0, 230)
                            : comment.toString().strip());
        }
        return comments;
    }
}
