package dev.counterpoint.classify.model;

import java.util.List;

/** What a classifier says about one text: a stance per codebook target, its sentiment and its incivility. */
public record ItemLabels(List<Stance> stances, Scored sentiment, Scored incivility) {

    /**
     * A stance toward one target, with how sure the model is, what drove it, and the probability of each value (so
     * that sentences can be weighed into paragraphs and paragraphs into the article).
     */
    public record Stance(
            String target, String value, double confidence, Evidence evidence, Probabilities probabilities) {

        /** A stance whose other two values share what its confidence leaves. */
        public Stance(String target, String value, double confidence, Evidence evidence) {
            this(target, value, confidence, evidence, Probabilities.around(value, confidence));
        }
    }

    /** The probability of favor, against and none; they sum to 1. */
    public record Probabilities(double favor, double against, double none) {

        public static Probabilities around(String value, double confidence) {
            double rest = (1 - confidence) / 2;
            return switch (value) {
                case "favor" -> new Probabilities(confidence, rest, rest);
                case "against" -> new Probabilities(rest, confidence, rest);
                default -> new Probabilities(rest, rest, confidence);
            };
        }

        public double of(String value) {
            return switch (value) {
                case "favor" -> favor;
                case "against" -> against;
                default -> none;
            };
        }
    }

    /** A sentiment or incivility label with its score (polarity, or probability of incivility). */
    public record Scored(String value, double score, double confidence) {}

    /**
     * The sentences and target mentions behind a stance, as character offsets into the text; for stances derived
     * from sentences (articles, paragraphs), also the sentences that report another's view (weight 0 when set
     * aside) and, for an article, the paragraphs it was weighed from.
     */
    public record Evidence(
            List<Span> sentences, List<Span> mentions, List<Span> reported, List<ParagraphWeight> paragraphs) {
        public static final Evidence NONE = new Evidence(List.of(), List.of());

        public Evidence(List<Span> sentences, List<Span> mentions) {
            this(sentences, mentions, List.of(), List.of());
        }
    }

    /** A paragraph (by position) an article's stance was weighed from: its own stance and its share of the weight. */
    public record ParagraphWeight(int position, String value, double weight) {}

    /** A stretch of the text; {@code weight} says how strongly it pointed to the label (null for mentions). */
    public record Span(int start, int end, Double weight) {}
}
