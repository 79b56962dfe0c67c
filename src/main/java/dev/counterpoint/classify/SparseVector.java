package dev.counterpoint.classify;

/** Sparse vector with strictly increasing 0-based indices. */
public record SparseVector(int[] indices, float[] values) {
    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public int nnz() {
        return indices.length;
    }
}
