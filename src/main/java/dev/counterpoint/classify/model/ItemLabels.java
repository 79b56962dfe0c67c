package dev.counterpoint.classify.model;

import java.util.List;

/** What a classifier says about one text: a stance per codebook target, its sentiment and its incivility. */
public record ItemLabels(List<Stance> stances, Scored sentiment, Scored incivility) {

    /** A stance toward one target, with how sure the model is and what drove it. */
    public record Stance(String target, String value, double confidence, Evidence evidence) {}

    /** A sentiment or incivility label with its score (polarity, or probability of incivility). */
    public record Scored(String value, double score, double confidence) {}

    /** The sentences and target mentions behind a stance, as character offsets into the text. */
    public record Evidence(List<Span> sentences, List<Span> mentions) {
        public static final Evidence NONE = new Evidence(List.of(), List.of());
    }

    /** A stretch of the text; {@code weight} says how strongly it pointed to the label (null for mentions). */
    public record Span(int start, int end, Double weight) {}
}
