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
import java.util.stream.Collectors;

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
            print(targets, article, whole, derived);
            System.out.printf(
                    "%nDeriving every target's stance from the sentences of %d paragraphs took %d ms "
                            + "(encoding and classifying every sentence and clause).%n",
                    paragraphs.size(), millis);
            if (sentences) {
                printSentences(targets, paragraphs, classifier, encoder);
            }
        }
        return 0;
    }

    private static void print(
            List<TargetSpec> targets, String article, List<ItemLabels> whole, ArticleFraming.Result derived) {
        System.out.printf(
                "%-24s %-22s %-22s %-18s %-18s%n",
                "target", "article before", "article after", "paragraphs before", "paragraphs after");
        System.out.printf("%-24s %-22s %-22s %-18s %-18s%n", "", "", "", "favor/against", "favor/against");
        for (int t = 0; t < targets.size(); t++) {
            int tt = t;
            ItemLabels.Stance before = whole.get(0).stances().get(t);
            ItemLabels.Stance after = derived.article().get(t);
            List<ItemLabels.Stance> paragraphsBefore = whole.subList(1, whole.size()).stream()
                    .map(l -> l.stances().get(tt))
                    .toList();
            List<ItemLabels.Stance> paragraphsAfter =
                    derived.paragraphs().stream().map(p -> p.get(tt)).toList();
            System.out.printf(
                    "%-24s %-22s %-22s %-18s %-18s%n",
                    targets.get(t).slug(),
                    shown(before),
                    shown(after),
                    counts(paragraphsBefore),
                    counts(paragraphsAfter));
        }
        System.out.println();
        System.out.println("Per paragraph, before -> after (f favor, a against, . none), targets in the order above:");
        for (int j = 0; j < derived.paragraphs().size(); j++) {
            int jj = j;
            String before = whole.get(j + 1).stances().stream()
                    .map(FramingCommand::letter)
                    .collect(Collectors.joining());
            String after = derived.paragraphs().get(jj).stream()
                    .map(FramingCommand::letter)
                    .collect(Collectors.joining());
            System.out.printf("  %2d  %s -> %s%n", j + 1, before, after);
        }
        System.out.println();
        for (int t = 0; t < targets.size(); t++) {
            ItemLabels.Stance after = derived.article().get(t);
            System.out.printf(
                    "%s: %s; paragraphs weighed: %s%n",
                    targets.get(t).slug(),
                    shown(after),
                    after.evidence().paragraphs().stream()
                            .sorted((a, b) -> Double.compare(b.weight(), a.weight()))
                            .limit(6)
                            .map(p -> p.position() + " " + p.value() + " " + Math.round(100 * p.weight()) + "%")
                            .collect(Collectors.joining(", ")));
            for (ItemLabels.Span s : after.evidence().sentences()) {
                System.out.println("    decided by: " + abbreviated(article.substring(s.start(), s.end())));
            }
            long setAside = after.evidence().reported().stream()
                    .filter(r -> r.weight() == 0)
                    .count();
            System.out.printf(
                    "    reported speech about it: %d sentences, %d set aside%n",
                    after.evidence().reported().size(), setAside);
        }
    }

    /** Every sentence with its reported-speech mark and its favor/against/none per target, to see why. */
    private static void printSentences(
            List<TargetSpec> targets, List<String> paragraphs, TransferClassifier classifier, TextEncoder encoder) {
        System.out.println();
        for (int j = 0; j < paragraphs.size(); j++) {
            String text = paragraphs.get(j);
            List<String> own = dev.counterpoint.classify.text.Sentences.of(text).stream()
                    .map(sp -> sp.of(text))
                    .toList();
            boolean[] reported = ReportedSpeech.of(own);
            float[][] vectors =
                    encoder.encode(own.stream().map(TextNormalizer::clean).toList());
            List<ItemLabels> labels = classifier.classify(own, vectors);
            for (int i = 0; i < own.size(); i++) {
                StringBuilder line =
                        new StringBuilder(String.format("%2d.%d %s ", j + 1, i + 1, reported[i] ? "R" : " "));
                for (int t = 0; t < targets.size(); t++) {
                    ItemLabels.Probabilities p = labels.get(i).stances().get(t).probabilities();
                    line.append(String.format(
                            "%s %.2f/%.2f/%.2f  ", targets.get(t).slug(), p.favor(), p.against(), p.none()));
                }
                System.out.println(line + abbreviated(own.get(i)));
            }
        }
    }

    private static String shown(ItemLabels.Stance stance) {
        return stance.value() + " " + Math.round(100 * stance.confidence()) + "%";
    }

    private static String counts(List<ItemLabels.Stance> stances) {
        long favor = stances.stream().filter(s -> "favor".equals(s.value())).count();
        long against = stances.stream().filter(s -> "against".equals(s.value())).count();
        return favor + "/" + against;
    }

    private static String letter(ItemLabels.Stance stance) {
        return switch (stance.value()) {
            case "favor" -> "f";
            case "against" -> "a";
            default -> ".";
        };
    }

    private static String abbreviated(String sentence) {
        return sentence.length() <= 110 ? sentence : sentence.substring(0, 107) + "...";
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
