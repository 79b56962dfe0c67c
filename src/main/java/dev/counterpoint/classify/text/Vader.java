package dev.counterpoint.classify.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER sentiment scoring (Hutto &amp; Gilbert, ICWSM 2014), a Java re-implementation of the rules of
 * vaderSentiment 3.3.2 (MIT licence, Copyright (c) 2016 C.J. Hutto) over its lexicon
 * {@code vader_sentiment_lexicon.txt}, which we read from the MIT-licensed jar
 * com.github.apanimesh061:vader-sentiment-analyzer:1.0.
 * <p>
 * Implemented: lexicon valence, boosters/dampeners (with distance decay), ALL-CAPS emphasis, negation
 * (incl. "n't", "no", "never so", "without doubt", "least"), "but" contrast, special idioms, "kind of",
 * exclamation / question-mark emphasis, compound normalisation (alpha = 15) and pos/neu/neg proportions.
 * Not implemented: the emoji-to-description step (its emoji lexicon is not in the jar).
 * Differences from the Python code: "but" scaling is applied by position (the Python version looks positions up
 * by value, which agrees except for rare duplicate-value corner cases); scores are not rounded.
 * Thread-safe after construction.
 */
public final class Vader {

    /** Result of {@link #score(String)}. */
    public record Scores(double neg, double neu, double pos, double compound) {}

    private static final double B_INCR = 0.293, B_DECR = -0.293, C_INCR = 0.733, N_SCALAR = -0.74;

    private static final Set<String> NEGATE = new HashSet<>(Arrays.asList(
            "aint",
            "arent",
            "cannot",
            "cant",
            "couldnt",
            "darent",
            "didnt",
            "doesnt",
            "ain't",
            "aren't",
            "can't",
            "couldn't",
            "daren't",
            "didn't",
            "doesn't",
            "dont",
            "hadnt",
            "hasnt",
            "havent",
            "isnt",
            "mightnt",
            "mustnt",
            "neither",
            "don't",
            "hadn't",
            "hasn't",
            "haven't",
            "isn't",
            "mightn't",
            "mustn't",
            "neednt",
            "needn't",
            "never",
            "none",
            "nope",
            "nor",
            "not",
            "nothing",
            "nowhere",
            "oughtnt",
            "shant",
            "shouldnt",
            "uhuh",
            "wasnt",
            "werent",
            "oughtn't",
            "shan't",
            "shouldn't",
            "uh-uh",
            "wasn't",
            "weren't",
            "without",
            "wont",
            "wouldnt",
            "won't",
            "wouldn't",
            "rarely",
            "seldom",
            "despite"));

    private static final Map<String, Double> BOOSTER = new HashMap<>();

    static {
        for (String w : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
                        + "enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping "
                        + "flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly "
                        + "hella highly hugely incredible incredibly intensely major majorly more most particularly purely quite "
                        + "really remarkably so substantially thoroughly total totally tremendous tremendously uber unbelievably "
                        + "unusually utter utterly very")
                .split(" ")) {
            BOOSTER.put(w, B_INCR);
        }
        for (String w : ("almost barely hardly kinda kindof kind-of less little marginal marginally occasional "
                        + "occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of")
                .split(" ")) {
            BOOSTER.put(w, B_DECR);
        }
        BOOSTER.put("just enough", B_DECR);
        BOOSTER.put("kind of", B_DECR);
        BOOSTER.put("sort of", B_DECR);
    }

    private static final Map<String, Double> SPECIAL_CASES = Map.ofEntries(
            Map.entry("the shit", 3.0),
            Map.entry("the bomb", 3.0),
            Map.entry("bad ass", 1.5),
            Map.entry("badass", 1.5),
            Map.entry("bus stop", 0.0),
            Map.entry("yeah right", -2.0),
            Map.entry("kiss of death", -1.5),
            Map.entry("to die for", 3.0),
            Map.entry("beating heart", 3.1),
            Map.entry("broken heart", -2.9));

    private static final String PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static volatile Vader defaultInstance;

    private final Map<String, Double> lexicon;

    /** The lexicon shipped in the vader-sentiment-analyzer jar. */
    public static Vader standard() {
        Vader v = defaultInstance;
        if (v == null) {
            synchronized (Vader.class) {
                if (defaultInstance == null) {
                    try (InputStream in =
                            Vader.class.getClassLoader().getResourceAsStream("vader/vader_sentiment_lexicon.txt")) {
                        if (in == null) throw new IOException("vader_sentiment_lexicon.txt not on classpath");
                        defaultInstance = new Vader(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                v = defaultInstance;
            }
        }
        return v;
    }

    public Vader(InputStream lexiconTsv) throws IOException {
        Map<String, Double> lex = new HashMap<>(16_000);
        BufferedReader r = new BufferedReader(new InputStreamReader(lexiconTsv, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            if (f.length >= 2) lex.put(f[0], Double.parseDouble(f[1]));
        }
        this.lexicon = lex;
    }

    /** Lexicon valence of a lower-case token, or 0 if absent. */
    public double valence(String lowerToken) {
        return lexicon.getOrDefault(lowerToken, 0.0);
    }

    public boolean inLexicon(String lowerToken) {
        return lexicon.containsKey(lowerToken);
    }

    public Scores score(String text) {
        String trimmed = text == null ? "" : text.strip();
        List<String> words = wordsAndEmoticons(trimmed);
        int n = words.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) lower[i] = words.get(i).toLowerCase(Locale.ROOT);
        boolean capDiff = allCapDifferential(words);
        double[] sentiments = new double[n];
        for (int i = 0; i < n; i++) {
            String item = lower[i];
            if (BOOSTER.containsKey(item)) continue;
            if (i < n - 1 && item.equals("kind") && lower[i + 1].equals("of")) continue;
            sentiments[i] = sentimentValence(words, lower, i, capDiff);
        }
        butCheck(lower, sentiments);
        return scoreValence(sentiments, trimmed);
    }

    private double sentimentValence(List<String> words, String[] lower, int i, boolean capDiff) {
        String item = lower[i];
        Double lexVal = lexicon.get(item);
        if (lexVal == null) return 0.0;
        int n = lower.length;
        double valence = lexVal;
        if (item.equals("no") && i != n - 1 && lexicon.containsKey(lower[i + 1])) valence = 0.0;
        if ((i > 0 && lower[i - 1].equals("no"))
                || (i > 1 && lower[i - 2].equals("no"))
                || (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
            valence = lexVal * N_SCALAR;
        }
        if (isUpper(words.get(i)) && capDiff) {
            valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
        }
        for (int startI = 0; startI < 3; startI++) {
            if (i > startI && !lexicon.containsKey(lower[i - (startI + 1)])) {
                double s = scalarIncDec(words.get(i - (startI + 1)), valence, capDiff);
                if (startI == 1 && s != 0) s *= 0.95;
                if (startI == 2 && s != 0) s *= 0.9;
                valence += s;
                valence = negationCheck(valence, lower, startI, i);
                if (startI == 2) valence = specialIdiomsCheck(valence, lower, i);
            }
        }
        return leastCheck(valence, lower, i);
    }

    private static double scalarIncDec(String word, double valence, boolean capDiff) {
        Double b = BOOSTER.get(word.toLowerCase(Locale.ROOT));
        if (b == null) return 0.0;
        double scalar = valence < 0 ? -b : b;
        if (isUpper(word) && capDiff) scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
        return scalar;
    }

    private static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static double negationCheck(double valence, String[] w, int startI, int i) {
        if (startI == 0) {
            if (negated(w[i - 1])) valence *= N_SCALAR;
        } else if (startI == 1) {
            if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) valence *= 1.25;
            else if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
                /* unchanged */
            } else if (negated(w[i - 2])) valence *= N_SCALAR;
        } else {
            if ((w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")))
                    || (w[i - 1].equals("so") || w[i - 1].equals("this"))) valence *= 1.25;
            else if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
                /* unchanged */
            } else if (negated(w[i - 3])) valence *= N_SCALAR;
        }
        return valence;
    }

    private static double specialIdiomsCheck(double valence, String[] w, int i) {
        String oneZero = w[i - 1] + " " + w[i];
        String twoOneZero = w[i - 2] + " " + w[i - 1] + " " + w[i];
        String twoOne = w[i - 2] + " " + w[i - 1];
        String threeTwoOne = w[i - 3] + " " + w[i - 2] + " " + w[i - 1];
        String threeTwo = w[i - 3] + " " + w[i - 2];
        for (String seq : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
            Double v = SPECIAL_CASES.get(seq);
            if (v != null) {
                valence = v;
                break;
            }
        }
        if (w.length - 1 > i) {
            Double v = SPECIAL_CASES.get(w[i] + " " + w[i + 1]);
            if (v != null) valence = v;
        }
        if (w.length - 1 > i + 1) {
            Double v = SPECIAL_CASES.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
            if (v != null) valence = v;
        }
        for (String ng : new String[] {threeTwoOne, threeTwo, twoOne}) {
            Double b = BOOSTER.get(ng);
            if (b != null) valence += b;
        }
        return valence;
    }

    private double leastCheck(double valence, String[] w, int i) {
        if (i > 1 && !lexicon.containsKey(w[i - 1]) && w[i - 1].equals("least")) {
            if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) valence *= N_SCALAR;
        } else if (i > 0 && !lexicon.containsKey(w[i - 1]) && w[i - 1].equals("least")) {
            valence *= N_SCALAR;
        }
        return valence;
    }

    private static void butCheck(String[] lower, double[] sentiments) {
        int bi = -1;
        for (int i = 0; i < lower.length; i++)
            if (lower[i].equals("but")) {
                bi = i;
                break;
            }
        if (bi < 0) return;
        for (int i = 0; i < sentiments.length; i++) {
            if (i < bi) sentiments[i] *= 0.5;
            else if (i > bi) sentiments[i] *= 1.5;
        }
    }

    private static Scores scoreValence(double[] sentiments, String text) {
        if (sentiments.length == 0) return new Scores(0, 0, 0, 0);
        double sum = 0;
        for (double s : sentiments) sum += s;
        double punct = punctuationEmphasis(text);
        if (sum > 0) sum += punct;
        else if (sum < 0) sum -= punct;
        double compound = normalize(sum);
        double posSum = 0, negSum = 0;
        int neuCount = 0;
        for (double s : sentiments) {
            if (s > 0) posSum += s + 1;
            if (s < 0) negSum += s - 1;
            if (s == 0) neuCount++;
        }
        if (posSum > Math.abs(negSum)) posSum += punct;
        else if (posSum < Math.abs(negSum)) negSum -= punct;
        double total = posSum + Math.abs(negSum) + neuCount;
        return new Scores(Math.abs(negSum / total), Math.abs(neuCount / total), Math.abs(posSum / total), compound);
    }

    private static double punctuationEmphasis(String text) {
        int ep = 0, qm = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') ep++;
            else if (c == '?') qm++;
        }
        double epAmp = Math.min(ep, 4) * 0.292;
        double qmAmp = qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0;
        return epAmp + qmAmp;
    }

    static double normalize(double score) {
        double norm = score / Math.sqrt(score * score + 15);
        return Math.max(-1.0, Math.min(1.0, norm));
    }

    /** Python str.split() then strip punctuation from both ends unless that leaves 2 chars or fewer. */
    static List<String> wordsAndEmoticons(String text) {
        List<String> out = new ArrayList<>();
        for (String tok : text.split("\\s+")) {
            if (tok.isEmpty()) continue;
            int a = 0, b = tok.length();
            while (a < b && PUNCT.indexOf(tok.charAt(a)) >= 0) a++;
            while (b > a && PUNCT.indexOf(tok.charAt(b - 1)) >= 0) b--;
            out.add(b - a <= 2 ? tok : tok.substring(a, b));
        }
        return out;
    }

    /** Python str.isupper(): at least one cased character and no lower-case one. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isUpperCase(c)) cased = true;
        }
        return cased;
    }

    private static boolean allCapDifferential(List<String> words) {
        int allCaps = 0;
        for (String w : words) if (isUpper(w)) allCaps++;
        int diff = words.size() - allCaps;
        return diff > 0 && diff < words.size();
    }
}
