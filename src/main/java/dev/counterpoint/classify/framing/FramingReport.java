package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.model.TargetSpec;
import dev.counterpoint.classify.model.TransferClassifier;
import dev.counterpoint.classify.text.Sentences;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import java.util.List;
import java.util.stream.Collectors;

/** What the {@code framing} command prints: stances before and after, the deciding sentences, every sentence. */
final class FramingReport {

    private FramingReport() {}

    static void print(List<TargetSpec> targets, String article, List<ItemLabels> whole, ArticleFraming.Result derived) {
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
                    .map(FramingReport::letter)
                    .collect(Collectors.joining());
            String after = derived.paragraphs().get(jj).stream()
                    .map(FramingReport::letter)
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
    static void printSentences(
            List<TargetSpec> targets, List<String> paragraphs, TransferClassifier classifier, TextEncoder encoder) {
        System.out.println();
        for (int j = 0; j < paragraphs.size(); j++) {
            String text = paragraphs.get(j);
            List<String> own =
                    Sentences.of(text).stream().map(sp -> sp.of(text)).toList();
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
}
