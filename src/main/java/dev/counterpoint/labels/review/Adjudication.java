package dev.counterpoint.labels.review;

import dev.counterpoint.corpus.Item;
import dev.counterpoint.labels.LabelChoice;
import dev.counterpoint.labels.LabelChoices;
import dev.counterpoint.labels.LabelSource;
import dev.counterpoint.labels.PersonLabelWriter;
import dev.counterpoint.platform.AuditLog;
import dev.counterpoint.platform.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * An admin's final word on a disputed subject: an adjudicated label, which counts over everyone else's, with the
 * reason that closes the dispute. The decision must rest on what the admin saw: if anyone labelled the item since,
 * it is refused ({@link dev.counterpoint.labels.StaleItemException}) with what changed.
 */
@ApplicationScoped
public class Adjudication {

    @Inject
    PersonLabelWriter writer;

    @Inject
    AuditLog audit;

    @Transactional
    public int decide(long itemId, LabelChoice choice, String reason, String admin, int seenVersion) {
        Item item = Item.<Item>findByIdOptional(itemId)
                .orElseThrow(() -> new NotFoundException("There is no item " + itemId + "."));
        requireReason(reason);
        LabelChoices.requireValid(item, List.of(choice), reason);
        PersonLabelWriter.Written written =
                writer.append(itemId, List.of(choice), LabelSource.ADJUDICATED, admin, reason, seenVersion);
        audit.record(
                admin,
                "adjudicate",
                "item " + itemId,
                Map.of("key", choice.key(), "value", choice.value(), "reason", reason.strip()));
        return written.version();
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    "The decision was not saved",
                    "Say in a few words why this is the final label; it closes the dispute.");
        }
    }
}
