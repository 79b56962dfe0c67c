package dev.counterpoint.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Target-directed sentiment: VADER over the sentences that mention a target (by its aliases), so that
 * "Putin is a monster, Ukraine will win" is negative toward Russia and positive toward Ukraine.
 * Thread-safe.
 */
public final class TargetSentiment {

    /** Number of features produced by {@link #features}. */
    public static final int SIZE = 5;

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?…])\\s+|\\n+|\\s+[|•]\\s+");

    private final Pattern alias;
    private final Vader vader;

    public TargetSentiment(List<String> aliases) {
        this(aliases, Vader.standard());
    }

    public TargetSentiment(List<String> aliases, Vader vader) {
        this.vader = vader;
        this.alias = aliasPattern(aliases);
    }

    /** Case-insensitive pattern matching any alias as a word (optionally after '#' or '@'); "x*" matches prefixes. */
    public static Pattern aliasPattern(List<String> aliases) {
        List<String> parts = new ArrayList<>();
        for (String a : aliases) {
            String s = a.toLowerCase(Locale.ROOT).trim();
            if (s.isEmpty()) continue;
            boolean prefix = s.endsWith("*");
            if (prefix) s = s.substring(0, s.length() - 1);
            String q = Pattern.quote(s).replace(" ", "\\E\\s+\\Q");
            parts.add(q + (prefix ? "\\w*" : "(?:'s|’s|s)?"));
        }
        if (parts.isEmpty()) return Pattern.compile("(?!x)x");
        return Pattern.compile(
                "(?<![\\w])[#@]?(?:" + String.join("|", parts) + ")(?![\\w])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public boolean mentions(String text) {
        return alias.matcher(text).find();
    }

    public int mentionCount(String text) {
        Matcher m = alias.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /**
     * [mentioned (0/1), compound over mentioning sentences (0 if none), pos of those, neg of those,
     *  compound of the whole text].
     */
    public double[] features(String rawText) {
        String text = TextNormalizer.clean(rawText);
        double[] f = new double[SIZE];
        Vader.Scores whole = vader.score(text);
        f[4] = whole.compound();
        StringBuilder sel = new StringBuilder();
        for (String s : SENTENCE.split(text)) {
            if (alias.matcher(s).find()) sel.append(s).append(' ');
        }
        if (sel.length() > 0) {
            Vader.Scores t = vader.score(sel.toString());
            f[0] = 1;
            f[1] = t.compound();
            f[2] = t.pos();
            f[3] = t.neg();
        }
        return f;
    }
}
