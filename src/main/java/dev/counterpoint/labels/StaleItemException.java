package dev.counterpoint.labels;

import java.util.List;

/**
 * A decision about an item taken on a view that is no longer current: someone labelled the item since it was opened.
 * Carries what changed, so the person can look again.
 */
public class StaleItemException extends RuntimeException {

    private final int currentVersion;
    private final List<Label> changes;

    public StaleItemException(long itemId, int seenVersion, int currentVersion, List<Label> changes) {
        super("Item " + itemId + " was labelled " + (currentVersion - seenVersion) + " more time"
                + (currentVersion - seenVersion == 1 ? "" : "s") + " since you opened it; look at what changed and "
                + "decide again.");
        this.currentVersion = currentVersion;
        this.changes = changes;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public List<Label> changes() {
        return changes;
    }
}
