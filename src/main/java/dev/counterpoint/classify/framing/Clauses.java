package dev.counterpoint.classify.framing;

import dev.counterpoint.codebook.AliasMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a sentence about one target when the sentence sets several side by side ("Invest in cycling, and
 * scrap the motorway plan"): its clauses that name the target, so that the other target's words do not colour
 * its stance. Clauses are cut at semicolons, colons, dashes and after a comma before a conjunction (which stays
 * with its clause: "but" keeps the contrast).
 */
public final class Clauses {

    private static final Pattern BOUNDARY = Pattern.compile(
            "\\s*[;:]\\s+|\\s+[–—]\\s+|,\\s+(?=(?:and|but|while|whereas|yet|so|although|though)\\s)",
            Pattern.CASE_INSENSITIVE);

    private Clauses() {}

    public static List<String> of(String sentence) {
        List<String> clauses = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(sentence);
        int start = 0;
        while (m.find()) {
            add(clauses, sentence.substring(start, m.start()));
            start = m.end();
        }
        add(clauses, sentence.substring(start));
        return clauses;
    }

    /**
     * The clauses of {@code sentence} that name {@code target}, when another clause names one of {@code others}
     * without naming the target; null when the whole sentence is the right unit.
     */
    public static String about(String sentence, AliasMatcher target, List<AliasMatcher> others) {
        if (!target.mentions(sentence)) {
            return null;
        }
        List<String> clauses = of(sentence);
        if (clauses.size() < 2) {
            return null;
        }
        List<String> naming = new ArrayList<>();
        boolean otherAlone = false;
        for (String clause : clauses) {
            boolean names = target.mentions(clause);
            if (names) {
                naming.add(clause);
            } else if (others.stream().anyMatch(o -> o != target && o.mentions(clause))) {
                otherAlone = true;
            }
        }
        return otherAlone && !naming.isEmpty() ? String.join("; ", naming) : null;
    }

    private static void add(List<String> clauses, String clause) {
        if (!clause.isBlank()) {
            clauses.add(clause.strip());
        }
    }
}
