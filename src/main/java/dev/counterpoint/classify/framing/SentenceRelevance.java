package dev.counterpoint.classify.framing;

/**
 * How much each sentence of an article is about a target, from 0 (not at all) to 1 (names it). A sentence that
 * names the target by an alias counts fully; one that begins with a pronoun right after such a sentence, in the
 * same paragraph, is taken to continue about it; any other counts in part when its vector is unusually close to
 * the target's description or examples compared with the article's other sentences (a standard score), which
 * catches sentences that speak of the target without naming it.
 */
public final class SentenceRelevance {

    /** A sentence that names the target. */
    static final double NAMED = 1.0;
    /** A sentence continuing, by a pronoun, from one that names the target. */
    static final double CONTINUED = 0.6;
    /** The most an unnamed sentence counts, reached at {@link #FULL_Z} standard deviations above the mean. */
    static final double INDIRECT = 0.5;

    static final double FROM_Z = 1.0;
    static final double FULL_Z = 2.0;
    /** Below this spread the article's similarities are too alike to tell sentences apart. */
    static final double MIN_SPREAD = 0.01;

    private SentenceRelevance() {}

    /** A sentence of the article as relevance needs it. */
    public record Sentence(
            String text, float[] vector, boolean named, boolean startsWithPronoun, boolean firstInParagraph) {}

    /** Per sentence (in article order), its relevance to the target of {@code profile}. */
    public static double[] of(Sentence[] sentences, TargetProfile profile) {
        int n = sentences.length;
        double[] similarity = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            similarity[i] = profile.similarity(sentences[i].vector());
            mean += similarity[i] / n;
        }
        double variance = 0;
        for (double s : similarity) {
            variance += (s - mean) * (s - mean) / Math.max(1, n - 1);
        }
        double spread = Math.sqrt(variance);
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            Sentence sentence = sentences[i];
            if (sentence.named()) {
                relevance[i] = NAMED;
                continue;
            }
            double indirect = 0;
            if (spread >= MIN_SPREAD) {
                double z = (similarity[i] - mean) / spread;
                indirect = INDIRECT * Math.max(0, Math.min(1, (z - FROM_Z) / (FULL_Z - FROM_Z)));
            }
            boolean continues =
                    i > 0 && !sentence.firstInParagraph() && sentence.startsWithPronoun() && sentences[i - 1].named();
            relevance[i] = Math.max(indirect, continues ? CONTINUED : 0);
        }
        return relevance;
    }

    /** Third-person pronouns and demonstratives that usually refer back to the sentence before. */
    public static boolean startsWithPronoun(String sentence) {
        String first = sentence.strip().split("[\\s,;:]+", 2)[0].replaceAll("[^\\p{L}’']", "");
        return switch (first.toLowerCase(java.util.Locale.ROOT)) {
            case "he",
                    "she",
                    "they",
                    "it",
                    "his",
                    "her",
                    "their",
                    "its",
                    "this",
                    "these",
                    "that",
                    "those",
                    "him",
                    "them" -> true;
            default -> false;
        };
    }
}
