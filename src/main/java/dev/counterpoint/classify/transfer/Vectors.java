package dev.counterpoint.classify.transfer;

/** Small vector arithmetic on encoder vectors. */
final class Vectors {

    private Vectors() {}

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The largest and the mean of the two largest similarities of {@code v} to a set (0 for an empty set). */
    static double[] topSimilarities(float[] v, float[][] set) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (float[] s : set) {
            double d = dot(v, s);
            if (d > first) {
                second = first;
                first = d;
            } else if (d > second) {
                second = d;
            }
        }
        if (set.length == 0) {
            return new double[] {0, 0};
        }
        return new double[] {first, set.length == 1 ? first : (first + second) / 2};
    }
}
