package dev.counterpoint.classify.model;

import dev.counterpoint.classify.text.TextNormalizer;
import dev.counterpoint.classify.text.Vader;
import java.util.List;
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

    private final dev.counterpoint.codebook.AliasMatcher alias;
    private final Vader vader;

    /** {@code aliases} follow the codebook's rule (codebook.AliasMatcher): whole words, "x*" for any ending. */
    public TargetSentiment(List<String> aliases) {
        this(aliases, Vader.standard());
    }

    public TargetSentiment(List<String> aliases, Vader vader) {
        this.vader = vader;
        this.alias = new dev.counterpoint.codebook.AliasMatcher(aliases);
    }

    public boolean mentions(String text) {
        return alias.mentions(text);
    }

    public int mentionCount(String text) {
        return alias.find(text).size();
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
            if (alias.mentions(s)) sel.append(s).append(' ');
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
