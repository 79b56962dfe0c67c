package dev.counterpoint.labels;

import java.util.List;

/**
 * A current label as pages show it: "anti-russia", how sure, and where it came from. {@code sentences} and
 * {@code mentions} are the evidence spans ([start, end] offsets into the item's text).
 */
public record LabelView(
        String dimension,
        String target,
        String value,
        Double confidence,
        Double score,
        String source,
        String annotator,
        String model,
        List<int[]> sentences,
        List<int[]> mentions) {

    /** "pro-russia", "anti-us-government", "no stance on uk", "negative", "uncivil". */
    public String display() {
        if (!"stance".equals(dimension)) {
            return value;
        }
        return switch (value) {
            case "favor" -> "pro-" + target;
            case "against" -> "anti-" + target;
            default -> "none: " + target;
        };
    }

    public boolean takesStance() {
        return "stance".equals(dimension) && !"none".equals(value);
    }

    public String confidencePercent() {
        return confidence == null ? "" : Math.round(confidence * 100) + "%";
    }

    /** Where the label came from, for tooltips and the provenance column. */
    public String provenance() {
        String who = "model".equals(source) ? (model == null ? annotator : model) : annotator;
        return source + " · " + who + (confidence == null ? "" : " · " + confidencePercent() + " sure");
    }
}
