package dev.counterpoint.classify.model;

import java.util.List;

/**
 * A model that labels texts against one codebook version. The encoder runs once per text; every target and
 * dimension reads the same vector.
 */
public interface ItemClassifier {

    /** Labels for each text, in order; {@code vectors[i]} is the encoder's vector of {@code texts.get(i)}. */
    List<ItemLabels> classify(List<String> texts, float[][] vectors);
}
