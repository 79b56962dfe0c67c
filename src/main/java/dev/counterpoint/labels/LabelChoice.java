package dev.counterpoint.labels;

/**
 * What a person decides about one label subject of an item: a stance toward a target (its slug), or the item's
 * sentiment or incivility ({@code target} null).
 */
public record LabelChoice(String dimension, String target, String value) {

    /** The subject's key as labels, queues and exports spell it: the target's slug, or the dimension's name. */
    public String key() {
        return target == null ? dimension : target;
    }
}
