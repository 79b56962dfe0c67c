package dev.counterpoint.labels;

/** Labels in people's words: "pro Russia", "against the US government" read from the target's name, not its slug. */
public final class LabelWords {

    private LabelWords() {}

    public static String display(String dimension, String value, String targetName) {
        if (!"stance".equals(dimension)) {
            return value;
        }
        return switch (value) {
            case "favor" -> "favor: " + targetName;
            case "against" -> "against: " + targetName;
            default -> "no stance: " + targetName;
        };
    }

    /** "model · trained:default@v1#2 · 83% sure", "human · alice", "adjudicated · admin". */
    public static String provenance(String source, String who, Double confidence) {
        return source + " · " + who + (confidence == null ? "" : " · " + Math.round(confidence * 100) + "% sure");
    }
}
