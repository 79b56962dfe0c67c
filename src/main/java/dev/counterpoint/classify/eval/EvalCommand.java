package dev.counterpoint.classify.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.counterpoint.classify.jobs.ClassificationWorker;
import dev.counterpoint.classify.jobs.JobQueue;
import dev.counterpoint.classify.jobs.TrainingRunner;
import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.classify.web.ModelCatalog;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.codebook.CodebookRegistry;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.export.JsonlExporter;
import dev.counterpoint.imports.JsonlImporter;
import dev.counterpoint.imports.JsonlReader;
import dev.counterpoint.imports.JsonlRecord;
import dev.counterpoint.labels.ModelVersion;
import dev.counterpoint.platform.Command;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code eval}: measures the classifier through the product's own path on a fresh temporary database: import
 * the training labels as people's labels, train, import the test texts without labels, classify, export, and
 * score the export against the test file's labels.
 */
@ApplicationScoped
public class EvalCommand implements Command {

    static final String TEST_PREFIX = "test:";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Inject
    CodebookRegistry codebooks;

    @Inject
    JsonlImporter importer;

    @Inject
    TrainingRunner training;

    @Inject
    ModelRegistry models;

    @Inject
    JobQueue queue;

    @Inject
    ClassificationWorker worker;

    @Inject
    JsonlExporter exporter;

    @Inject
    ModelCatalog catalog;

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String usage() {
        return "--codebook FILE|NAME [--train FILE.jsonl] --test FILE.jsonl [--out PREDICTIONS.jsonl] [--retrain N]   "
                + "measure the classifier on a fresh temporary database (the shipped models alone without --train; "
                + "--retrain N times a further N trainings on the stored vectors)";
    }

    @Override
    public int run(List<String> arguments) {
        EvalArguments args = EvalArguments.parse(arguments, usage());
        long started = System.nanoTime();
        CodebookFile codebookFile = CodebookFile.parse(readCodebook(args.codebook()), args.codebook());
        codebooks.register(codebookFile, args.codebook());
        Codebook codebook = QuarkusTransaction.requiringNew()
                .call(() -> Codebook.findBySlug(codebookFile.slug()).orElseThrow());

        int trainingItems = 0;
        ModelVersion model;
        if (args.train() != null) {
            JsonlImporter.Summary summary = importer.importFile(reader(args.train()));
            trainingItems = summary.items();
            System.out.printf(
                    "Imported %d training items with %d labels as people's labels.%n",
                    summary.items(), summary.labels());
            model = training.trainNow(codebook.id, "eval");
            for (int i = 1; i <= args.retrain(); i++) {
                // Retraining as an admin would after relabelling: the items' vectors are stored by now.
                long retrainStart = System.nanoTime();
                ModelVersion again = training.trainNow(codebook.id, "eval");
                System.out.printf(
                        "Retrained %s from %d labelled items in %.1f s (stored vectors reused).%n",
                        again.name, trainingItems, (System.nanoTime() - retrainStart) / 1e9);
                model = again;
            }
        } else {
            model = QuarkusTransaction.requiringNew().call(() -> models.current(Codebook.findById(codebook.id)));
        }
        String modelName = model.name;
        long modelId = model.id;

        List<JsonlReader.Line> test = JsonlReader.read(reader(args.test()));
        importer.importFile(new StringReader(withoutLabels(test)));
        List<Long> documents = testDocuments(test);
        for (Long document : documents) {
            QuarkusTransaction.requiringNew()
                    .run(() -> queue.classifyDocument(
                            Document.findById(document), ModelVersion.findById(modelId), "eval"));
        }
        long classifyStart = System.nanoTime();
        worker.drain();
        double classifySeconds = (System.nanoTime() - classifyStart) / 1e9;

        Path out = args.out() != null
                ? args.out()
                : Path.of(args.test().toString().replaceAll("\\.jsonl$", "") + ".predictions.jsonl");
        try (OutputStream stream = Files.newOutputStream(out)) {
            exporter.write(documents, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvalReport report = EvalReport.score(test, readPredictions(out), TEST_PREFIX);
        System.out.printf(
                "%nModel %s (codebook %s, %d targets), trained on %d items; %d test items classified in %.1f s.%n",
                modelName,
                codebookFile.slug(),
                codebookFile.targets().size(),
                trainingItems,
                report.items(),
                classifySeconds);
        if (args.train() != null) {
            System.out.println("Cross-validated on the training labels (recipe chosen per task):");
            System.out.print(catalog.describe(modelName));
        }
        System.out.print(report.text());
        System.out.printf(
                "Predictions with provenance: %s (whole run %.1f s)%n", out, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static String withoutLabels(List<JsonlReader.Line> lines) {
        StringBuilder jsonl = new StringBuilder();
        for (JsonlReader.Line line : lines) {
            JsonlRecord r = line.record();
            JsonlRecord stripped = new JsonlRecord(
                    r.isDocumentLine() ? TEST_PREFIX + r.id() : r.id(),
                    r.document() == null ? null : TEST_PREFIX + r.document(),
                    r.kind(),
                    r.position(),
                    r.heading(),
                    r.text(),
                    r.author(),
                    r.postedAt(),
                    r.parent(),
                    null,
                    null,
                    null,
                    r.title(),
                    r.url(),
                    r.byline(),
                    r.published(),
                    r.attribution(),
                    r.codebook());
            try {
                jsonl.append(JSON.writeValueAsString(stripped)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jsonl.toString();
    }

    private static List<Long> testDocuments(List<JsonlReader.Line> test) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonlReader.Line line : test) {
            keys.add(TEST_PREFIX
                    + (line.record().isDocumentLine()
                            ? line.record().id()
                            : line.record().document()));
        }
        List<Long> ids = new ArrayList<>();
        for (String key : keys) {
            ids.add(QuarkusTransaction.requiringNew()
                    .call(() -> Document.findByExternalKey(key).orElseThrow().id));
        }
        return ids;
    }

    private static List<JsonlReader.Line> readPredictions(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonlReader.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A codebook file, or the name of a bundled one (src/main/resources/eval/ or codebooks/). */
    private static String readCodebook(String codebook) {
        Path file = Path.of(codebook);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            InputStream bundled = EvalCommand.class.getClassLoader().getResourceAsStream("eval/" + codebook + ".yaml");
            if (bundled == null) {
                bundled = EvalCommand.class.getClassLoader().getResourceAsStream("codebooks/" + codebook + ".yaml");
            }
            if (bundled == null) {
                throw new IllegalArgumentException("there is no codebook file " + codebook
                        + " and no bundled codebook of that name (default, tweeteval-stance, ruw)");
            }
            try (InputStream in = bundled) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the codebook " + codebook + ": " + e.getMessage());
        }
    }
}
