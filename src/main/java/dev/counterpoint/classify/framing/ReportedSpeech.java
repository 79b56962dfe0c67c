package dev.counterpoint.classify.framing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which sentences of a paragraph report someone else's view rather than state the author's: sentences mostly
 * inside quotation marks (a quotation may run over several sentences), and attributed claims — a reporting verb
 * ("says", "warned", "according to") whose speaker is not the author ("I", "we"), or the opinion of an unnamed
 * group ("critics argue", "some see it as"). Short quoted phrases inside the author's own sentence (scare quotes,
 * a quoted term) leave the sentence the author's.
 */
public final class ReportedSpeech {

    /** At least this share of a sentence's letters inside quotation marks makes it a quotation. */
    static final double QUOTED_SHARE = 0.5;

    /**
     * Third-person and past forms only: base forms ("claim", "say") are as often nouns, and "critics claim",
     * "they say" are caught by {@link #GROUP_OPINION}. A form right after a determiner ("his claims") is a noun.
     */
    private static final String REPORTING_VERBS = "says|said|claims|claimed|argues|argued|insists|insisted"
            + "|contends|contended|maintains|maintained|asserts|asserted|alleges|alleged|tells|told|warns|warned"
            + "|suggests|suggested|writes|wrote|tweeted|declared|announced|stated|added|promised"
            + "|boasted|urged|predicted|acknowledged|admitted|conceded|explained|stressed|denied|denies|vowed"
            + "|insisting|arguing|claiming|warning|saying";

    private static final Set<String> DETERMINERS = Set.of(
            "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "my", "our", "your",
            "such", "whose");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?<![\\p{L}’'])(?:([\\p{L}’']+)\\s+(?:([\\p{L}’']+)\\s+)?)?(?:" + REPORTING_VERBS + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ACCORDING_TO = Pattern.compile(
            "(?<![\\p{L}])(?:according to|in (?:his|her|their) (?:view|words)|in the words of)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUP_OPINION = Pattern.compile(
            "(?<![\\p{L}])(?:some|others|many|critics|supporters|opponents|observers|analysts|officials|skeptics"
                    + "|sceptics|proponents|advocates|they|people)\\s+(?:\\p{L}+\\s+)?(?:see|view|consider|regard"
                    + "|believe|think|fear|feel|hope|expect|say|claim|argue|insist|warn|contend|maintain)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Speakers that are the author: "I said", "as we argued". */
    private static final Set<String> AUTHOR = Set.of("i", "we", "i've", "we've", "i’ve", "we’ve");

    private ReportedSpeech() {}

    /** For each sentence of one paragraph, in order, whether it reports another's view. */
    public static boolean[] of(List<String> sentences) {
        boolean[] reported = new boolean[sentences.size()];
        boolean insideQuote = false;
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            QuoteScan scan = scan(sentence, insideQuote);
            insideQuote = scan.openAtEnd();
            reported[i] = scan.quotedShare() >= QUOTED_SHARE || attributed(unquoted(sentence, scan.startsInside()));
        }
        return reported;
    }

    /** A reporting verb with a speaker other than the author, "according to", or an unnamed group's opinion. */
    static boolean attributed(String sentence) {
        if (ACCORDING_TO.matcher(sentence).find()
                || GROUP_OPINION.matcher(sentence).find()) {
            return true;
        }
        var verb = ATTRIBUTION.matcher(sentence);
        while (verb.find()) {
            String first = lower(verb.group(1));
            String next = lower(verb.group(2));
            String immediate = next.isEmpty() ? first : next;
            // "to say" is the author's infinitive, "the claims" a noun; "I said", "we have argued" the author speaking.
            if (!"to".equals(immediate)
                    && !DETERMINERS.contains(immediate)
                    && !AUTHOR.contains(first)
                    && !AUTHOR.contains(next)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String word) {
        return word == null ? "" : word.toLowerCase(Locale.ROOT);
    }

    private record QuoteScan(double quotedShare, boolean startsInside, boolean openAtEnd) {}

    /** The share of letters inside double quotation marks, with the quote state carried over from the sentence before. */
    private static QuoteScan scan(String sentence, boolean insideAtStart) {
        boolean inside = insideAtStart;
        int letters = 0;
        int quoted = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '“' || c == '«') {
                inside = true;
            } else if (c == '”' || c == '»') {
                inside = false;
            } else if (c == '"') {
                inside = !inside;
            } else if (Character.isLetter(c)) {
                letters++;
                quoted += inside ? 1 : 0;
            }
        }
        return new QuoteScan(letters == 0 ? 0 : (double) quoted / letters, insideAtStart, inside);
    }

    /** The sentence without its quoted passages, so a verb inside a quotation does not count as attribution. */
    private static String unquoted(String sentence, boolean insideAtStart) {
        StringBuilder out = new StringBuilder(sentence.length());
        boolean inside = insideAtStart;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '“' || c == '«') {
                inside = true;
                out.append(' ');
            } else if (c == '”' || c == '»' || c == '"') {
                inside = c == '"' && !inside;
                out.append(' ');
            } else {
                out.append(inside ? ' ' : c);
            }
        }
        return out.toString();
    }
}
