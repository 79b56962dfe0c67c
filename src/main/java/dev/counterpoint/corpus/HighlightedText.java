package dev.counterpoint.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A text cut into runs so a page can mark target mentions and evidence sentences while every run is still
 * escaped by the template: highlighting never turns text into markup.
 */
public final class HighlightedText {

    /** A run of text and the CSS classes that apply to all of it ("" for plain text). */
    public record Run(String text, String css) {}

    private HighlightedText() {}

    public static List<Run> of(String text, List<int[]> evidence, List<int[]> mentions) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        addCuts(cuts, evidence, text.length());
        addCuts(cuts, mentions, text.length());
        List<Run> runs = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            String css =
                    (covers(evidence, from, to) ? "evidence " : "") + (covers(mentions, from, to) ? "mention" : "");
            runs.add(new Run(text.substring(from, to), css.strip()));
            from = to;
        }
        return runs;
    }

    private static void addCuts(TreeSet<Integer> cuts, List<int[]> spans, int length) {
        for (int[] span : spans) {
            cuts.add(Math.max(0, Math.min(length, span[0])));
            cuts.add(Math.max(0, Math.min(length, span[1])));
        }
    }

    private static boolean covers(List<int[]> spans, int from, int to) {
        return spans.stream().anyMatch(s -> s[0] <= from && s[1] >= to);
    }
}
