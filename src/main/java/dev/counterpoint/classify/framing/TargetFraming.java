package dev.counterpoint.classify.framing;

import dev.counterpoint.classify.framing.ArticleFraming.ArticleSentences;
import dev.counterpoint.classify.framing.StanceAggregation.Aggregate;
import dev.counterpoint.classify.framing.StanceAggregation.SentenceStance;
import dev.counterpoint.classify.model.ItemLabels;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;

/** One target across an article: its sentence stances, each paragraph's aggregate and the article's. */
final class TargetFraming {

    private final TargetProfile target;
    private final ArticleSentences sentences;
    private final List<List<AliasMatcher.Mention>> mentions;
    private final List<Aggregate> paragraphs;
    private final Aggregate article;

    private TargetFraming(
            TargetProfile target,
            ArticleSentences sentences,
            List<List<AliasMatcher.Mention>> mentions,
            List<Aggregate> paragraphs,
            Aggregate article) {
        this.target = target;
        this.sentences = sentences;
        this.mentions = mentions;
        this.paragraphs = paragraphs;
        this.article = article;
    }

    static TargetFraming of(
            TargetProfile target,
            ArticleSentences sentences,
            float[][] vectors,
            List<ItemLabels> labels,
            int[] unitOf) {
        int n = sentences.texts().size();
        SentenceRelevance.Sentence[] relevanceInput = new SentenceRelevance.Sentence[n];
        for (int i = 0; i < n; i++) {
            String text = sentences.texts().get(i);
            relevanceInput[i] = new SentenceRelevance.Sentence(
                    text,
                    vectors[i],
                    target.matcher().mentions(text),
                    SentenceRelevance.startsWithPronoun(text),
                    sentences.firstInParagraph(i));
        }
        double[] relevance = SentenceRelevance.of(relevanceInput, target);
        List<List<SentenceStance>> byParagraph = new ArrayList<>();
        sentences.paragraphs().forEach(p -> byParagraph.add(new ArrayList<>()));
        List<SentenceStance> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SentenceStance stance = new SentenceStance(
                    i, relevance[i], sentences.reported().get(i), stanceOf(labels.get(unitOf[i]), target.slug()));
            all.add(stance);
            byParagraph.get(sentences.paragraphOf().get(i)).add(stance);
        }
        StanceAggregation.Lean articleLean = StanceAggregation.ownLean(all);
        List<Aggregate> paragraphs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<List<AliasMatcher.Mention>> mentions = new ArrayList<>();
        for (int j = 0; j < sentences.paragraphs().size(); j++) {
            paragraphs.add(StanceAggregation.paragraph(byParagraph.get(j), articleLean));
            positions.add(sentences.paragraphs().get(j).position());
            mentions.add(target.matcher().find(sentences.paragraphs().get(j).text()));
        }
        Aggregate article = StanceAggregation.article(
                paragraphs,
                positions,
                StanceAggregation.background(
                        all.stream().map(SentenceStance::probabilities).toList()));
        return new TargetFraming(target, sentences, mentions, paragraphs, article);
    }

    private static ItemLabels.Probabilities stanceOf(ItemLabels labels, String slug) {
        return labels.stances().stream()
                .filter(s -> s.target().equals(slug))
                .findFirst()
                .map(ItemLabels.Stance::probabilities)
                .orElse(new ItemLabels.Probabilities(0, 0, 1));
    }

    Aggregate article() {
        return article;
    }

    ItemLabels.Stance paragraphStance(int j) {
        Aggregate aggregate = paragraphs.get(j);
        String value = aggregate.value();
        List<ItemLabels.Span> deciding = new ArrayList<>();
        List<ItemLabels.Span> reported = new ArrayList<>();
        double top = aggregate.parts().stream()
                .mapToDouble(StanceAggregation.Part::weight)
                .max()
                .orElse(0);
        for (StanceAggregation.Part part : aggregate.parts()) {
            var span = sentences.spans().get(part.index());
            if (part.reported()) {
                reported.add(new ItemLabels.Span(span.start(), span.end(), part.setAside() ? 0.0 : part.weight()));
            }
            if (!"none".equals(value) && part.weight() > 0 && agrees(part.lean(), value)) {
                deciding.add(new ItemLabels.Span(span.start(), span.end(), top == 0 ? 0 : part.weight() / top));
            }
        }
        List<ItemLabels.Span> named = mentions.get(j).stream()
                .map(m -> new ItemLabels.Span(m.start(), m.end(), null))
                .toList();
        return stance(aggregate, new ItemLabels.Evidence(deciding, named, reported, List.of()));
    }

    /** The article's stance, its evidence the sentences of the agreeing paragraphs that weighed most. */
    ItemLabels.Stance articleStance() {
        String value = article.value();
        List<ItemLabels.ParagraphWeight> paragraphWeights = new ArrayList<>();
        double total = article.parts().stream()
                .mapToDouble(StanceAggregation.Part::weight)
                .sum();
        List<ItemLabels.Span> deciding = new ArrayList<>();
        List<ItemLabels.Span> reported = new ArrayList<>();
        List<ItemLabels.Span> named = new ArrayList<>();
        for (int j = 0; j < paragraphs.size(); j++) {
            int offset = sentences.paragraphOffsets()[j];
            for (AliasMatcher.Mention m : offset < 0 ? List.<AliasMatcher.Mention>of() : mentions.get(j)) {
                named.add(new ItemLabels.Span(offset + m.start(), offset + m.end(), null));
            }
        }
        for (StanceAggregation.Part p : article.parts()) {
            int j = paragraphIndex(p.index());
            Aggregate paragraph = paragraphs.get(j);
            paragraphWeights.add(new ItemLabels.ParagraphWeight(p.index(), paragraph.value(), p.weight() / total));
            int offset = sentences.paragraphOffsets()[j];
            if (offset < 0) {
                continue;
            }
            double sentenceTotal = paragraph.parts().stream()
                    .mapToDouble(StanceAggregation.Part::weight)
                    .sum();
            for (StanceAggregation.Part s : paragraph.parts()) {
                var span = sentences.spans().get(s.index());
                if (s.reported()) {
                    reported.add(new ItemLabels.Span(
                            offset + span.start(), offset + span.end(), s.setAside() ? 0.0 : s.weight()));
                }
                if (!"none".equals(value) && s.weight() > 0 && agrees(s.lean(), value) && agrees(p.lean(), value)) {
                    double share = p.weight() / total * s.weight() / sentenceTotal * Math.abs(s.lean());
                    deciding.add(new ItemLabels.Span(offset + span.start(), offset + span.end(), share));
                }
            }
        }
        deciding.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        List<ItemLabels.Span> top =
                new ArrayList<>(deciding.subList(0, Math.min(MAX_ARTICLE_SENTENCES, deciding.size())));
        double most = top.isEmpty() ? 1 : top.get(0).weight();
        List<ItemLabels.Span> scaled = top.stream()
                .sorted((a, b) -> Integer.compare(a.start(), b.start()))
                .map(s -> new ItemLabels.Span(s.start(), s.end(), most == 0 ? 0 : s.weight() / most))
                .toList();
        return stance(article, new ItemLabels.Evidence(scaled, named, reported, paragraphWeights));
    }

    static final int MAX_ARTICLE_SENTENCES = 6;

    private int paragraphIndex(int position) {
        for (int j = 0; j < sentences.paragraphs().size(); j++) {
            if (sentences.paragraphs().get(j).position() == position) {
                return j;
            }
        }
        throw new IllegalStateException("no paragraph at " + position);
    }

    private ItemLabels.Stance stance(Aggregate aggregate, ItemLabels.Evidence evidence) {
        return new ItemLabels.Stance(
                target.slug(), aggregate.value(), aggregate.confidence(), evidence, aggregate.probabilities());
    }

    private static boolean agrees(double lean, String value) {
        return "favor".equals(value) ? lean > 0 : "against".equals(value) && lean < 0;
    }
}
