package dev.counterpoint.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a text names a target by one of its aliases. The rule is the SQL function {@code alias_pattern}
 * (db/migrations/V3): whole words or phrases, a trailing * for any ending, case-insensitive unless the alias has
 * no lowercase letter.
 */
public final class AliasMatcher {

    public record Mention(String alias, int start, int end) {}

    private final List<String> aliases;
    private final List<Pattern> patterns;
    /** Per alias, a lowercase ASCII word every match must contain, or null; it skips the regex on most texts. */
    private final List<String> required;

    public AliasMatcher(List<String> aliases) {
        this.aliases = List.copyOf(aliases);
        this.patterns = aliases.stream().map(AliasMatcher::compile).toList();
        this.required = aliases.stream().map(AliasMatcher::requiredWord).toList();
    }

    public boolean mentions(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < patterns.size(); i++) {
            if (mayMatch(lower, i) && patterns.get(i).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean mayMatch(String lowerText, int alias) {
        String word = required.get(alias);
        return word == null || lowerText.contains(word);
    }

    /** The alias's first word in lowercase when it is plain ASCII (Unicode case folding could defeat contains). */
    private static String requiredWord(String alias) {
        String first = alias.strip().replaceAll("\\*+$", "").split("\\s+")[0];
        return first.isEmpty() || !first.chars().allMatch(c -> c < 128) ? null : first.toLowerCase(Locale.ROOT);
    }

    /** Every mention in order of position; where aliases overlap ("Steve Witkoff", "Witkoff") the longest wins. */
    public List<Mention> find(String text) {
        List<Mention> all = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < patterns.size(); i++) {
            if (!mayMatch(lower, i)) {
                continue;
            }
            Matcher m = patterns.get(i).matcher(text);
            while (m.find()) {
                all.add(new Mention(aliases.get(i), m.start(), m.end()));
            }
        }
        all.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Mention> kept = new ArrayList<>();
        int coveredUntil = -1;
        for (Mention mention : all) {
            if (mention.start() >= coveredUntil) {
                kept.add(mention);
                coveredUntil = mention.end();
            }
        }
        return kept;
    }

    static Pattern compile(String alias) {
        boolean prefix = alias.strip().endsWith("*");
        String[] words = alias.strip().replaceAll("\\*+$", "").split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{Alnum}_])");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        regex.append(prefix ? "[\\p{Alnum}_]*" : "").append("(?![\\p{Alnum}_])");
        boolean caseSensitive = alias.chars().noneMatch(Character::isLowerCase);
        int flags =
                Pattern.UNICODE_CHARACTER_CLASS | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }
}
