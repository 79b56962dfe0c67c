package dev.counterpoint.classify.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a text into sentences, as character spans, for evidence and target-directed sentiment. */
public final class Sentences {

    public record Span(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }

        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?…])[\"'”’)]*\\s+|\\n\\s*");

    private Sentences() {}

    public static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(text);
        int start = 0;
        while (boundary.find()) {
            add(spans, text, start, boundary.start());
            start = boundary.end();
        }
        add(spans, text, start, text.length());
        return spans;
    }

    private static void add(List<Span> spans, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
    }
}
