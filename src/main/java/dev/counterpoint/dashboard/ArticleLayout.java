package dev.counterpoint.dashboard;

import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import java.util.ArrayList;
import java.util.List;

/** Where each paragraph stands in the article's text, to say which paragraph an article evidence span is in. */
record ArticleLayout(String text, List<Integer> starts, List<Integer> positions) {

    static ArticleLayout of(List<Item> items) {
        String text = items.stream()
                .filter(i -> i.kind == ItemKind.ARTICLE)
                .map(i -> i.text)
                .findFirst()
                .orElse("");
        List<Integer> starts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int from = 0;
        for (Item item : items) {
            if (item.kind == ItemKind.PARAGRAPH) {
                int at = text.indexOf(item.text, from);
                if (at >= 0) {
                    starts.add(at);
                    positions.add(item.position);
                    from = at + item.text.length();
                }
            }
        }
        return new ArticleLayout(text, starts, positions);
    }

    /** The text of the span [start, end] of the article and the position of the paragraph it begins in. */
    DocumentView.DecidingSentence sentence(int[] span) {
        int start = Math.max(0, Math.min(span[0], text.length()));
        int end = Math.max(start, Math.min(span[1], text.length()));
        int paragraph = 0;
        for (int j = 0; j < starts.size() && starts.get(j) <= start; j++) {
            paragraph = positions.get(j);
        }
        return new DocumentView.DecidingSentence(text.substring(start, end), paragraph);
    }
}
