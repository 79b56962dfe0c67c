package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.model.ItemClassifier;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.classify.text.Sentences;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's stance toward every target, and each paragraph's, derived from their own sentences: the article is
 * cut into paragraphs and sentences, every sentence is encoded and classified (a sentence that sets several targets
 * side by side, per target by its clauses naming that target: {@link Clauses}), and per target the sentences about
 * it ({@link SentenceRelevance}) are weighed into each paragraph and the paragraphs into the article
 * ({@link StanceAggregation}), with reported speech marked by {@link ReportedSpeech}. No vector of the whole
 * article or of a whole paragraph is read.
 */
public final class ArticleFraming {

    private final List<TargetProfile> targets;
    private final ItemClassifier classifier;
    private final TextEncoder encoder;

    public ArticleFraming(List<TargetProfile> targets, ItemClassifier classifier, TextEncoder encoder) {
        this.targets = targets;
        this.classifier = classifier;
        this.encoder = encoder;
    }

    /** One paragraph of the article: its position (as stored) and text. */
    public record Paragraph(int position, String text) {}

    /** Stances per target for the article (offsets into its text) and for each paragraph (into the paragraph's). */
    public record Result(
            List<ItemLabels.Stance> article,
            List<List<ItemLabels.Stance>> paragraphs,
            List<StanceAggregation.Aggregate> articleAggregates) {}

    public Result analyse(String articleText, List<Paragraph> paragraphs) {
        ArticleSentences sentences = ArticleSentences.of(articleText, paragraphs);
        int n = sentences.texts().size();
        List<String> units = new ArrayList<>(sentences.texts());
        Map<String, Integer> clauseUnits = new HashMap<>();
        List<AliasMatcher> matchers =
                targets.stream().map(TargetProfile::matcher).toList();
        int[][] unitOf = new int[targets.size()][n];
        for (int t = 0; t < targets.size(); t++) {
            for (int i = 0; i < n; i++) {
                String part = Clauses.about(sentences.texts().get(i), matchers.get(t), matchers);
                unitOf[t][i] = part == null
                        ? i
                        : clauseUnits.computeIfAbsent(part, p -> {
                            units.add(p);
                            return units.size() - 1;
                        });
            }
        }
        float[][] vectors = units.isEmpty()
                ? new float[0][]
                : encoder.encode(units.stream().map(TextNormalizer::clean).toList());
        List<ItemLabels> labels = units.isEmpty() ? List.of() : classifier.classify(units, vectors);
        List<ItemLabels.Stance> article = new ArrayList<>();
        List<List<ItemLabels.Stance>> perParagraph = new ArrayList<>();
        paragraphs.forEach(p -> perParagraph.add(new ArrayList<>()));
        List<StanceAggregation.Aggregate> aggregates = new ArrayList<>();
        for (TargetProfile target : targets) {
            TargetFraming framing =
                    TargetFraming.of(target, sentences, vectors, labels, unitOf[targets.indexOf(target)]);
            for (int j = 0; j < paragraphs.size(); j++) {
                perParagraph.get(j).add(framing.paragraphStance(j));
            }
            article.add(framing.articleStance());
            aggregates.add(framing.article());
        }
        return new Result(article, perParagraph, aggregates);
    }

    /** The article's sentences in order, each with its paragraph and its place in the paragraph and the article. */
    record ArticleSentences(
            String articleText,
            List<Paragraph> paragraphs,
            int[] paragraphOffsets,
            List<String> texts,
            List<Sentences.Span> spans,
            List<Integer> paragraphOf,
            List<Boolean> reported) {

        static ArticleSentences of(String articleText, List<Paragraph> paragraphs) {
            int[] offsets = new int[paragraphs.size()];
            List<String> texts = new ArrayList<>();
            List<Sentences.Span> spans = new ArrayList<>();
            List<Integer> paragraphOf = new ArrayList<>();
            List<Boolean> reported = new ArrayList<>();
            int from = 0;
            for (int j = 0; j < paragraphs.size(); j++) {
                String text = paragraphs.get(j).text();
                int at = articleText == null ? -1 : articleText.indexOf(text, from);
                offsets[j] = at;
                from = at < 0 ? from : at + text.length();
                List<Sentences.Span> own = Sentences.of(text);
                List<String> ownTexts = own.stream().map(s -> s.of(text)).toList();
                boolean[] flags = ReportedSpeech.of(ownTexts);
                for (int s = 0; s < own.size(); s++) {
                    texts.add(ownTexts.get(s));
                    spans.add(own.get(s));
                    paragraphOf.add(j);
                    reported.add(flags[s]);
                }
            }
            return new ArticleSentences(articleText, paragraphs, offsets, texts, spans, paragraphOf, reported);
        }

        boolean firstInParagraph(int i) {
            return i == 0 || !paragraphOf.get(i).equals(paragraphOf.get(i - 1));
        }
    }
}
