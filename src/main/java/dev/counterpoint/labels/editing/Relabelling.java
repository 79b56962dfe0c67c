package dev.counterpoint.labels.editing;

import dev.counterpoint.corpus.Item;
import dev.counterpoint.labels.Label;
import dev.counterpoint.labels.LabelChoice;
import dev.counterpoint.labels.LabelChoices;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.PersonLabelWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/**
 * An annotator's new labels for an item: stance per target, sentiment, incivility, with an optional note. Saving
 * appends human labels; it never overwrites, and two people saving at once both land in history.
 */
@ApplicationScoped
public class Relabelling {

    /** The item's new label version, and what other people added since the version the annotator had seen. */
    public record Saved(long itemId, int version, List<Label> othersSince) {}

    @Inject
    PersonLabelWriter writer;

    @Transactional
    public Saved save(long itemId, List<LabelChoice> choices, String note, String annotator, Integer seenVersion) {
        Item item = Item.<Item>findByIdOptional(itemId)
                .orElseThrow(() -> new NotFoundException("There is no item " + itemId + "."));
        LabelChoices.requireValid(item, choices, note);
        PersonLabelWriter.Written written = writer.append(itemId, choices, LabelSource.HUMAN, annotator, note, null);
        List<Label> others = seenVersion == null
                ? List.of()
                : Label.peopleSince(itemId, seenVersion).stream()
                        .filter(l -> !annotator.equals(l.annotator) && l.itemVersion < written.version())
                        .toList();
        return new Saved(itemId, written.version(), others);
    }
}
