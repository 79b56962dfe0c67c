package dev.counterpoint.classify.text;

/** Sparse vector with unique 0-based indices (increasing where the producer says so). */
public record SparseVector(int[] indices, float[] values) {
    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public int nnz() {
        return indices.length;
    }
}
