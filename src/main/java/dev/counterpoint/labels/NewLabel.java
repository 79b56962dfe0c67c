package dev.counterpoint.labels;

/**
 * A label about to be stored. {@code target} is the codebook target's slug for stance and null otherwise;
 * {@code evidenceJson} is the JSON of what drove a model label, or null.
 */
public record NewLabel(
        long itemId,
        Dimension dimension,
        String target,
        String value,
        Double score,
        Double confidence,
        LabelSource source,
        String annotator,
        Long modelVersionId,
        String evidenceJson,
        String note) {

    public static NewLabel human(long itemId, Dimension dimension, String target, String value, String annotator) {
        return new NewLabel(
                itemId, dimension, target, value, null, null, LabelSource.HUMAN, annotator, null, null, null);
    }
}
