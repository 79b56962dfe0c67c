package dev.counterpoint.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Gathers the consecutive rows of one item (the query orders them so) and hands the item on with its labels. */
final class ItemGroups implements Consumer<ExportRow> {

    /** An item: its first row (for the item's fields) and all its labels. */
    record Group(ExportRow item, List<ExportRow.Label> labels) {}

    private final Consumer<Group> sink;
    private ExportRow first;
    private List<ExportRow.Label> labels = new ArrayList<>();
    private long items;

    ItemGroups(Consumer<Group> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(ExportRow row) {
        if (first != null && first.itemId() != row.itemId()) {
            flush();
        }
        if (first == null) {
            first = row;
        }
        if (row.label() != null) {
            labels.add(row.label());
        }
    }

    /** Hands on the last item; returns how many items there were. */
    long finish() {
        if (first != null) {
            flush();
        }
        return items;
    }

    private void flush() {
        sink.accept(new Group(first, labels));
        items++;
        first = null;
        labels = new ArrayList<>();
    }
}
