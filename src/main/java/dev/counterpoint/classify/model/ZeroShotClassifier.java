package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.IncivilityLexicon;
import dev.counterpoint.classify.text.Language;
import dev.counterpoint.classify.text.Sentences;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels from the codebook alone, before anyone has labelled anything. Stance toward a target: the target must be
 * named (an alias) or the text must be unusually close to its description; then the text leans favor or against
 * by its similarity to the two sets of example statements and the sentiment of the sentences naming the target,
 * minus the same lean toward the target's declared opponents. Scores are standardised over the corpus being
 * labelled ({@link #calibrate}). Sentiment: VADER. Incivility: a lexicon of insults and profanity.
 * Confidences squash the rule's margins into [0.35, 0.85]. Kept to relabel with model versions made before the
 * shipped transfer model (kind "zero-shot") and as the baseline the transfer model is measured against.
 */
public final class ZeroShotClassifier implements ItemClassifier {

    /** Description similarity, in standard deviations above the corpus mean, that makes an unnamed target relevant. */
    static final double RELEVANCE = 1.5;
    /** Lean, in standard deviations, below which a relevant target gets "none". */
    static final double LEAN = 0.1;

    private static final double UNUSABLE_CONFIDENCE = 0.35;

    private final List<TargetSpec> targets;
    private final Map<String, CodebookScorer> scorers = new LinkedHashMap<>();
    private final Map<String, AliasMatcher> matchers = new HashMap<>();
    private final ZeroShotStance stance;
    private final Vader vader = Vader.standard();
    private final IncivilityLexicon lexicon = IncivilityLexicon.standard();

    public ZeroShotClassifier(List<TargetSpec> targets, TextEncoder encoder) {
        this.targets = targets;
        Map<String, List<String>> opponents = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        targets.forEach(t -> nameOf.put(t.slug(), t.name()));
        List<CodebookScorer> list = new ArrayList<>();
        for (TargetSpec target : targets) {
            CodebookScorer scorer = new CodebookScorer(target.entry(), encoder);
            scorers.put(target.slug(), scorer);
            list.add(scorer);
            matchers.put(target.slug(), target.matcher());
            opponents.put(
                    target.name(), target.opponents().stream().map(nameOf::get).toList());
        }
        this.stance = new ZeroShotStance(list, opponents, LEAN, Double.NEGATIVE_INFINITY);
    }

    /** Standardises the similarity signals over unlabelled texts of the corpus being labelled. */
    public ZeroShotClassifier calibrate(List<String> texts, float[][] vectors) {
        if (texts.size() >= 2) {
            stance.calibrate(texts, vectors);
        }
        return this;
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
        List<ItemLabels.Stance> stances = new ArrayList<>(targets.size());
        if (!usable) {
            targets.forEach(t -> stances.add(none(t.slug(), UNUSABLE_CONFIDENCE)));
            return new ItemLabels(stances, sentiment(text, false), incivility(text, false));
        }
        Map<String, Double> scores = stance.scores(text, vector);
        List<Sentences.Span> sentences = Sentences.of(text);
        for (TargetSpec target : targets) {
            CodebookScorer scorer = scorers.get(target.slug());
            List<AliasMatcher.Mention> mentions = matchers.get(target.slug()).find(text);
            double relevance = scorer.relevance(scorer.features(text, vector));
            if (mentions.isEmpty() && relevance < RELEVANCE) {
                stances.add(none(target.slug(), squash(0.55 + 0.1 * (RELEVANCE - relevance))));
                continue;
            }
            double lean = scores.get(target.name());
            ItemLabels.Evidence evidence = Evidence.of(text, sentences, mentions, vader);
            if (Math.abs(lean) <= LEAN) {
                stances.add(new ItemLabels.Stance(target.slug(), "none", 0.45, evidence));
            } else {
                stances.add(new ItemLabels.Stance(
                        target.slug(), lean > 0 ? "favor" : "against", squash(0.4 + 0.15 * Math.abs(lean)), evidence));
            }
        }
        return new ItemLabels(stances, sentiment(text, true), incivility(text, true));
    }

    private ItemLabels.Scored sentiment(String text, boolean usable) {
        double compound = vader.score(TextNormalizer.clean(text)).compound();
        String value = compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";
        return new ItemLabels.Scored(
                value, compound, usable ? squash(0.45 + Math.abs(compound) * 0.4) : UNUSABLE_CONFIDENCE);
    }

    private ItemLabels.Scored incivility(String text, boolean usable) {
        double weight = lexicon.hits(text).stream()
                .mapToDouble(IncivilityLexicon.Hit::weight)
                .sum();
        double probability = 1 - Math.exp(-1.2 * weight);
        String value = weight >= 1 ? "uncivil" : "civil";
        double confidence = value.equals("uncivil") ? probability : 1 - probability;
        return new ItemLabels.Scored(value, probability, usable ? squash(confidence) : UNUSABLE_CONFIDENCE);
    }

    private static ItemLabels.Stance none(String target, double confidence) {
        return new ItemLabels.Stance(target, "none", confidence, ItemLabels.Evidence.NONE);
    }

    private static double squash(double confidence) {
        return Math.max(0.35, Math.min(0.85, confidence));
    }
}
