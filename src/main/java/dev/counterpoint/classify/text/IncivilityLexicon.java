package dev.counterpoint.classify.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Insults, slurs and profanity with a weight each (classify/incivility-lexicon.txt), for incivility before any
 * person has labelled it. A weight of 1 is uncivil on its own; weaker words need company.
 */
public final class IncivilityLexicon {

    public record Hit(int start, int end, double weight) {}

    private static volatile IncivilityLexicon standard;

    private final Pattern pattern;
    private final Map<String, Double> weights;

    private IncivilityLexicon(Map<String, Double> weights) {
        this.weights = weights;
        List<String> alternatives = new ArrayList<>();
        weights.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(term -> {
            boolean prefix = term.endsWith("*");
            String stem = prefix ? term.substring(0, term.length() - 1) : term;
            alternatives.add(Pattern.quote(stem).replace(" ", "\\E\\s+\\Q") + (prefix ? "\\w*" : ""));
        });
        this.pattern = Pattern.compile(
                "(?<![\\w])(?:" + String.join("|", alternatives) + ")(?![\\w])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static IncivilityLexicon standard() {
        if (standard == null) {
            synchronized (IncivilityLexicon.class) {
                if (standard == null) {
                    standard = load("classify/incivility-lexicon.txt");
                }
            }
        }
        return standard;
    }

    static IncivilityLexicon load(String resource) {
        Map<String, Double> weights = new HashMap<>();
        try (InputStream in = IncivilityLexicon.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\t");
                weights.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IncivilityLexicon(weights);
    }

    public List<Hit> hits(String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            hits.add(new Hit(m.start(), m.end(), weightOf(m.group())));
        }
        return hits;
    }

    private double weightOf(String match) {
        String key = match.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Double exact = weights.get(key);
        if (exact != null) {
            return exact;
        }
        return weights.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*")
                        && key.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .mapToDouble(Map.Entry::getValue)
                .max()
                .orElse(1.0);
    }
}
