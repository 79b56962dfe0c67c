package dev.counterpoint.classify.text;

import java.util.List;
import java.util.Set;

/**
 * A cheap check that a text is English: the share of its words that are common English function words. The
 * models are English-only; other languages get low-confidence labels rather than confident guesses.
 */
public final class Language {

    private static final Set<String> COMMON = Set.of(
            "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was",
            "were", "be", "been", "it", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his",
            "her", "their", "our", "your", "my", "not", "no", "do", "does", "did", "have", "has", "had", "will",
            "would", "can", "could", "should", "about", "from", "by", "as", "if", "so", "what", "who", "why", "how",
            "all", "more", "just", "than", "there", "them", "its");

    private Language() {}

    /** Whether the text has words and enough of them are common English words (short texts get the benefit). */
    public static boolean looksEnglish(String text) {
        List<String> words = TextNormalizer.tokens(text).stream()
                .filter(t -> t.chars().allMatch(Character::isLetter))
                .toList();
        if (words.isEmpty()) {
            return false;
        }
        if (words.size() < 4) {
            return true;
        }
        long common = words.stream().filter(COMMON::contains).count();
        return common >= Math.max(1, words.size() * 0.12);
    }

    /** Whether there is anything to classify: letters or digits, not only emoji, punctuation or space. */
    public static boolean hasWords(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
