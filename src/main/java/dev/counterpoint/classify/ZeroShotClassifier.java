package dev.counterpoint.classify;

import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels from the codebook alone, before anyone has labelled anything. Stance toward a target: is it named (by an
 * alias) or close to its description; then is the text closer to the favor or the against examples, nudged by
 * the sentiment of the sentences that name it. Sentiment: VADER. Incivility: a lexicon of insults and profanity.
 * Confidences are the rule's own margins squashed into [0.35, 0.9]; they are not calibrated on labels.
 */
public final class ZeroShotClassifier implements ItemClassifier {

    private static final double NOT_ENGLISH_CONFIDENCE = 0.35;

    private final List<Scorer> scorers = new ArrayList<>();
    private final Vader vader = Vader.standard();
    private final IncivilityLexicon lexicon = IncivilityLexicon.standard();

    private record Scorer(TargetSpec target, CodebookScorer scorer, AliasMatcher matcher) {}

    public ZeroShotClassifier(List<TargetSpec> targets, TextEncoder encoder) {
        for (TargetSpec target : targets) {
            CodebookTarget entry = new CodebookTarget(
                    target.name(), target.description(), target.aliases(), target.favor(), target.against());
            scorers.add(new Scorer(target, new CodebookScorer(entry, encoder), target.matcher()));
        }
    }

    @Override
    public List<ItemLabels> classify(List<String> texts, float[][] vectors) {
        List<ItemLabels> labels = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            labels.add(classify(texts.get(i), vectors[i]));
        }
        return labels;
    }

    ItemLabels classify(String text, float[] vector) {
        boolean usable = Language.hasWords(text) && Language.looksEnglish(text);
        List<Sentences.Span> sentences = Sentences.of(text);
        List<ItemLabels.Stance> stances = new ArrayList<>(scorers.size());
        for (Scorer s : scorers) {
            stances.add(
                    usable
                            ? stance(s, text, vector, sentences)
                            : none(s.target().slug(), NOT_ENGLISH_CONFIDENCE));
        }
        return new ItemLabels(stances, sentiment(text, usable), incivility(text, usable));
    }

    private ItemLabels.Stance stance(Scorer s, String text, float[] vector, List<Sentences.Span> sentences) {
        double[] features = s.scorer().features(text, vector);
        List<AliasMatcher.Mention> mentions = s.matcher().find(text);
        double relevance = s.scorer().relevance(features);
        if (mentions.isEmpty() && relevance < CodebookScorer.Rule.defaults().relevanceThreshold()) {
            return none(s.target().slug(), squash(0.5 + 0.1 * Math.min(4, -relevance)));
        }
        double score = s.scorer().stanceScore(features);
        double threshold = CodebookScorer.Rule.defaults().stanceThreshold();
        ItemLabels.Evidence evidence = Evidence.of(text, sentences, mentions, vader);
        if (Math.abs(score) <= threshold) {
            return new ItemLabels.Stance(
                    s.target().slug(), "none", squash(0.5 + 0.2 * (threshold - Math.abs(score))), evidence);
        }
        String value = score > 0 ? "favor" : "against";
        return new ItemLabels.Stance(
                s.target().slug(), value, squash(0.45 + 0.12 * (Math.abs(score) - threshold)), evidence);
    }

    private ItemLabels.Scored sentiment(String text, boolean usable) {
        double compound = vader.score(TextNormalizer.clean(text)).compound();
        String value = compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";
        double confidence = usable ? squash(0.45 + Math.abs(compound) * 0.5) : NOT_ENGLISH_CONFIDENCE;
        return new ItemLabels.Scored(value, compound, confidence);
    }

    private ItemLabels.Scored incivility(String text, boolean usable) {
        double weight = lexicon.hits(text).stream()
                .mapToDouble(IncivilityLexicon.Hit::weight)
                .sum();
        double probability = 1 - Math.exp(-1.6 * weight);
        String value = weight >= 1 ? "uncivil" : "civil";
        double confidence =
                usable ? squash(value.equals("uncivil") ? probability : 1 - probability * 0.8) : NOT_ENGLISH_CONFIDENCE;
        return new ItemLabels.Scored(value, probability, confidence);
    }

    private static ItemLabels.Stance none(String target, double confidence) {
        return new ItemLabels.Stance(target, "none", confidence, ItemLabels.Evidence.NONE);
    }

    private static double squash(double confidence) {
        return Math.max(0.35, Math.min(0.9, confidence));
    }
}
