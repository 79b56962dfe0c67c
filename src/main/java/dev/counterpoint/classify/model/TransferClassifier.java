package dev.counterpoint.classify.model;

import dev.counterpoint.classify.calibration.CalibratedLinear;
import dev.counterpoint.classify.text.Language;
import dev.counterpoint.classify.text.Sentences;
import dev.counterpoint.classify.text.TextEncoder;
import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;
import dev.counterpoint.classify.transfer.CodebookEncodings;
import dev.counterpoint.classify.transfer.DimensionModels;
import dev.counterpoint.classify.transfer.RuleSignals;
import dev.counterpoint.classify.transfer.StanceFeatures;
import dev.counterpoint.classify.transfer.TransferStanceModel;
import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels from the codebook alone, before anyone has labelled anything: stance toward every target by the shipped
 * target-conditioned {@link TransferStanceModel}, sentiment and incivility by the shipped {@link DimensionModels}.
 * Every confidence is the calibrated probability of the chosen value.
 */
public final class TransferClassifier implements ItemClassifier {

    private final List<TargetSpec> targets;
    private final CodebookEncodings raw;
    private volatile CodebookEncodings encodings;
    private final RuleSignals rule;
    private final Map<String, AliasMatcher> matchers = new HashMap<>();
    private final TransferStanceModel stance;
    private final DimensionModels dimensions;
    private final Vader vader = Vader.standard();

    public TransferClassifier(
            List<TargetSpec> targets, TextEncoder encoder, TransferStanceModel stance, DimensionModels dimensions) {
        this.targets = targets;
        this.stance = stance;
        this.dimensions = dimensions;
        this.raw = CodebookEncodings.of(targets, encoder);
        this.encodings = raw;
        this.rule = new RuleSignals(targets, encoder);
        targets.forEach(t -> matchers.put(t.slug(), t.matcher()));
    }

    /** Standardises the targets' similarities over unlabelled texts of the corpus being labelled. */
    public TransferClassifier calibrate(List<String> texts, float[][] vectors) {
        encodings = raw.normalisedOver(vectors);
        rule.calibrate(texts, vectors);
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
        if (!Language.hasWords(text) || !Language.looksEnglish(text)) {
            return unknown();
        }
        double tone = vader.score(TextNormalizer.clean(text)).compound();
        List<Sentences.Span> sentences = null;
        List<ItemLabels.Stance> stances = new ArrayList<>(targets.size());
        CodebookEncodings codebook = encodings;
        double[][] signals = rule.of(text, vector);
        for (int t = 0; t < targets.size(); t++) {
            CalibratedLinear model = stance.model();
            double[] p = model.distribution(StanceFeatures.of(
                    text, vector, tone, codebook.encoding(t), codebook.opponents(t), signals[t], stance.layout()));
            int chosen = model.decide(p);
            double[] q = model.calibrated(p);
            String value = TransferStanceModel.LABELS[chosen];
            ItemLabels.Evidence evidence = ItemLabels.Evidence.NONE;
            if (!"none".equals(value)) {
                sentences = sentences == null ? Sentences.of(text) : sentences;
                evidence = Evidence.of(
                        text, sentences, matchers.get(targets.get(t).slug()).find(text), vader);
            }
            stances.add(new ItemLabels.Stance(
                    targets.get(t).slug(), value, q[chosen], evidence, new ItemLabels.Probabilities(q[0], q[1], q[2])));
        }
        return new ItemLabels(
                stances,
                scored(dimensions.sentiment(), DimensionModels.sentimentFeatures(text, vector), tone, false),
                scored(dimensions.incivility(), DimensionModels.incivilityFeatures(text, vector), 0, true));
    }

    /**
     * No English words to read (empty, emoji only, another language): the models were never shown such texts, so
     * they say they do not know — every value equally likely — rather than guess.
     */
    private ItemLabels unknown() {
        double third = 1.0 / 3;
        List<ItemLabels.Stance> stances = targets.stream()
                .map(t -> new ItemLabels.Stance(
                        t.slug(),
                        "none",
                        third,
                        ItemLabels.Evidence.NONE,
                        new ItemLabels.Probabilities(third, third, third)))
                .toList();
        return new ItemLabels(
                stances, new ItemLabels.Scored("neutral", 0, third), new ItemLabels.Scored("civil", 0.5, 0.5));
    }

    /** The sentences and mentions behind a stance toward target {@code t} of a text. */
    ItemLabels.Evidence evidence(int t, String text) {
        return Evidence.of(
                text, Sentences.of(text), matchers.get(targets.get(t).slug()).find(text), vader);
    }

    /** Sentiment keeps VADER's polarity as its score; incivility's score is the probability of "uncivil". */
    private static ItemLabels.Scored scored(CalibratedLinear model, double[] features, double polarity, boolean last) {
        double[] p = model.distribution(features);
        int chosen = model.decide(p);
        double[] q = model.calibrated(p);
        return new ItemLabels.Scored(model.labels()[chosen], last ? q[q.length - 1] : polarity, q[chosen]);
    }
}
