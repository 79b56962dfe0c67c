package dev.counterpoint.classify.model;

import dev.counterpoint.codebook.AliasMatcher;
import dev.counterpoint.codebook.Target;
import java.util.ArrayList;
import java.util.List;

/** A codebook target as the classifier needs it, detached from the database. */
public record TargetSpec(
        String slug,
        String name,
        String description,
        List<String> aliases,
        List<String> favor,
        List<String> against,
        List<String> opponents) {

    public static TargetSpec of(Target target) {
        return new TargetSpec(
                target.slug,
                target.name,
                target.description,
                List.copyOf(target.aliases),
                List.copyOf(target.favorExamples),
                List.copyOf(target.againstExamples),
                List.copyOf(target.opponents));
    }

    public CodebookTarget entry() {
        return new CodebookTarget(name, description, aliases, favor, against);
    }

    /** The target's aliases and its name: what names it in a text. */
    public AliasMatcher matcher() {
        List<String> terms = new ArrayList<>(aliases);
        terms.add(name);
        return new AliasMatcher(terms);
    }
}
