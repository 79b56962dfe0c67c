package dev.counterpoint.labels;

import dev.counterpoint.codebook.Target;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.platform.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks what a person asks to store against the dimensions, their values and the item's codebook targets. */
public final class LabelChoices {

    /** A note is a sentence or two on why; a longer one is almost surely pasted by mistake. */
    public static final int MAX_NOTE_CHARS = 2000;

    private LabelChoices() {}

    public static void requireValid(Item item, List<LabelChoice> choices, String note) {
        if (choices == null || choices.isEmpty()) {
            throw invalid("Choose at least one label to save.");
        }
        List<Target> targets = item.document.codebook.latestVersion().targets;
        Set<String> subjects = new HashSet<>();
        for (LabelChoice choice : choices) {
            Dimension dimension = dimension(choice);
            if (dimension == Dimension.STANCE) {
                if (targets.stream().noneMatch(t -> t.slug.equals(choice.target()))) {
                    throw invalid("'" + choice.target() + "' is not a target of this document's codebook; the targets "
                            + "are " + targets.stream().map(t -> t.slug).toList() + ".");
                }
            } else if (choice.target() != null) {
                throw invalid(dimension.code() + " labels have no target.");
            }
            if (!dimension.labelValues().contains(choice.value())) {
                throw invalid("'" + choice.value() + "' is not a " + dimension.code() + " value; use one of "
                        + dimension.labelValues() + ".");
            }
            if (!subjects.add(choice.key())) {
                throw invalid("'" + choice.key() + "' is labelled twice in one save; choose one value.");
            }
        }
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            throw invalid("The note is " + note.length() + " characters long; the limit is " + MAX_NOTE_CHARS + ".");
        }
    }

    private static Dimension dimension(LabelChoice choice) {
        try {
            return Dimension.fromCode(choice.dimension() == null ? "" : choice.dimension());
        } catch (IllegalArgumentException e) {
            throw invalid("'" + choice.dimension() + "' is not a dimension; use stance, sentiment or incivility.");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("The labels were not saved", message);
    }
}
