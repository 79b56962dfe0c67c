package dev.counterpoint.classify.text;

import java.util.List;

/**
 * Turns texts into fixed-size, L2-normalised sentence vectors.
 * Implementations must handle texts of any length (chunk + average, never silent truncation)
 * and must be safe to call from one thread at a time (callers batch).
 */
public interface TextEncoder extends AutoCloseable {

    /** Stable identifier of the model and pooling, e.g. "bge-small-en-v1.5-q/cls"; used for caches and stored models. */
    String id();

    /** Vector dimension. */
    int dimension();

    /** Encodes a batch; result[i] belongs to texts.get(i) and has unit L2 norm (zero vector for empty text). */
    float[][] encode(List<String> texts);

    default float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    @Override
    void close();
}
