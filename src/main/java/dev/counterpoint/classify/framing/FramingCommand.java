package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.ShippedModels;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.model.TransferClassifier;
import dev.counterpoint.classify.text.EncoderSpec;
import dev.counterpoint.classify.text.OnnxTextEncoder;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.codebook.CodebookFile;
import dev.counterpoint.corpus.DocumentImport;
import dev.counterpoint.corpus.SampleCorpus;
import dev.counterpoint.platform.OfflineCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code framing}: the bundled sample article's stance per target, and its paragraphs', as the whole texts give
 * it (before) and as their own sentences give it (after), with the sentences that decided the article's stance.
 * The shipped models answer, standardised over the sample's items as the app does for the default codebook.
 */
public final class FramingCommand implements OfflineCommand {

    @Override
    public String name() {
        return "framing";
    }

    @Override
    public String usage() {
        return "[CODEBOOK.yaml ARTICLE.txt] [--sentences]   an article's stance per target and its paragraphs', from whole texts "
                + "and from sentences (default: the bundled sample; ARTICLE.txt has one paragraph per line)";
    }

    @Override
    public int run(List<String> arguments) {
        boolean sentences = arguments.contains("--sentences");
        arguments = arguments.stream().filter(a -> !"--sentences".equals(a)).toList();
        List<TargetSpec> targets;
        List<String> paragraphs;
        List<String> comments;
        try {
            if (arguments.size() == 2) {
                targets = targets(Files.readString(Path.of(arguments.get(0))), arguments.get(0));
                paragraphs = Files.readAllLines(Path.of(arguments.get(1))).stream()
                        .filter(l -> !l.isBlank())
                        .map(String::strip)
                        .toList();
                comments = List.of();
            } else {
                DocumentImport sample = SampleCorpus.load();
                targets = targets(resource("codebooks/default.yaml"), "default.yaml");
                paragraphs =
                        sample.paragraphs().stream().map(p -> p.text().strip()).toList();
                comments = sample.comments().stream()
                        .map(DocumentImport.Comment::text)
                        .toList();
            }
        } catch (IOException e) {
            System.err.println("framing: " + e.getMessage());
            return 1;
        }
        String article = String.join("\n\n", paragraphs);
        List<String> pool = new ArrayList<>();
        pool.add(article);
        pool.addAll(paragraphs);
        pool.addAll(comments);
        try (TextEncoder encoder = new OnnxTextEncoder(EncoderSpec.bgeSmallEnV15Q())) {
            float[][] vectors =
                    encoder.encode(pool.stream().map(TextNormalizer::clean).toList());
            TransferClassifier classifier =
                    ShippedModels.classifier(targets, encoder).calibrate(pool, vectors);
            List<ItemLabels> whole = classifier.classify(pool.subList(0, paragraphs.size() + 1), vectors);
            List<ArticleFraming.Paragraph> numbered = new ArrayList<>();
            for (int j = 0; j < paragraphs.size(); j++) {
                numbered.add(new ArticleFraming.Paragraph(j + 1, paragraphs.get(j)));
            }
            ArticleFraming framing = new ArticleFraming(TargetProfile.of(targets, encoder), classifier, encoder);
            framing.analyse(article, numbered); // warm-up, so the time below is the analysis, not the first call
            long started = System.nanoTime();
            ArticleFraming.Result derived = framing.analyse(article, numbered);
            long millis = (System.nanoTime() - started) / 1_000_000;
            FramingReport.print(targets, article, whole, derived);
            System.out.printf(
                    "%nDeriving every target's stance from the sentences of %d paragraphs took %d ms "
                            + "(encoding and classifying every sentence and clause).%n",
                    paragraphs.size(), millis);
            if (sentences) {
                FramingReport.printSentences(targets, paragraphs, classifier, encoder);
            }
        }
        return 0;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FramingCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the build lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<TargetSpec> targets(String yaml, String source) {
        return CodebookFile.parse(yaml, source).targets().stream()
                .map(t -> new TargetSpec(
                        t.slug(),
                        t.name(),
                        t.description(),
                        orEmpty(t.aliases()),
                        orEmpty(t.favorExamples()),
                        orEmpty(t.againstExamples()),
                        orEmpty(t.opponents())))
                .toList();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
