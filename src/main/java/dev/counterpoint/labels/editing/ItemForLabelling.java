package dev.counterpoint.labels.editing;

import java.util.List;

/**
 * Everything a person needs to decide on one item: its text with the model's evidence and the target mentions to
 * highlight, the labels that count now, the item's whole label history, why it is in the review queue, and the
 * label version a decision must be based on. Labels the person may not see yet are left out, and {@code masked}
 * says why.
 */
public record ItemForLabelling(
        long id,
        long documentId,
        String documentTitle,
        String kind,
        int position,
        String anchor,
        String author,
        String postedAt,
        String text,
        int labelVersion,
        String codebook,
        int codebookVersion,
        List<TargetOption> targets,
        List<Highlight> highlights,
        List<Current> current,
        List<HistoryEntry> history,
        List<Reason> queue,
        String masked) {

    /** A codebook target the person can label, with its keyboard key (1-9, then 0). */
    public record TargetOption(String slug, String name, String description, String key) {}

    /** A stretch of the text: "mention" (a target named) or "evidence" (a sentence that drove a model label). */
    public record Highlight(int start, int end, String type, String target) {}

    /** The label that counts now for one subject. */
    public record Current(
            String dimension,
            String target,
            String targetName,
            String value,
            String display,
            Double confidence,
            String source,
            String who,
            String labelledAt) {}

    /** One label ever given to the item, oldest first. */
    public record HistoryEntry(
            long id,
            String dimension,
            String target,
            String targetName,
            String value,
            String display,
            String source,
            String who,
            Double confidence,
            String at,
            String note,
            Integer itemVersion) {}

    /** Why a subject of the item is in the review queue. */
    public record Reason(
            String dimension,
            String target,
            String targetName,
            boolean uncertain,
            boolean overturned,
            boolean disagreement,
            boolean relabel,
            String modelValue,
            Double modelConfidence,
            String currentSource) {}
}
