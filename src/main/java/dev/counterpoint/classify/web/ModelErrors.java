package dev.counterpoint.classify.web;

import dev.counterpoint.classify.training.ModelTrainer;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The items a trained version still gets wrong out of fold, with where to open them. */
final class ModelErrors {

    /** {@code anchor} is the item's place on its document page: {@code c} + position for comments, else {@code p}. */
    public record ErrorView(
            String task,
            long itemId,
            long documentId,
            String anchor,
            String text,
            String gold,
            String predicted,
            String confidence) {}

    static final int SHOWN_PER_TASK = 10;

    private ModelErrors() {}

    static List<ErrorView> of(Map<String, ModelTrainer.TaskReport> reports) {
        List<Long> ids = new ArrayList<>();
        reports.values().forEach(r -> {
            if (r.errors() != null) {
                r.errors().stream().limit(SHOWN_PER_TASK).forEach(e -> ids.add(e.itemId()));
            }
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Item> items = new HashMap<>();
        Item.<Item>list("id in ?1", ids).forEach(i -> items.put(i.id, i));
        List<ErrorView> out = new ArrayList<>();
        reports.forEach((task, r) -> {
            if (r.errors() == null) {
                return;
            }
            r.errors().stream().limit(SHOWN_PER_TASK).forEach(e -> {
                Item item = items.get(e.itemId());
                if (item != null) {
                    out.add(new ErrorView(
                            task,
                            item.id,
                            item.document.id,
                            (item.kind == ItemKind.COMMENT ? "c" : "p") + item.position,
                            item.text,
                            e.gold(),
                            e.predicted(),
                            String.format(Locale.ROOT, "%.0f %%", 100 * e.confidence())));
                }
            });
        });
        return out;
    }
}
