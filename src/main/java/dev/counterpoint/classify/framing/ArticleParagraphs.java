package dev.counterpoint.classify.framing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The paragraphs of an article stored without paragraph items: its text cut at blank lines (or line breaks). */
final class ArticleParagraphs {

    private static final Pattern BREAK = Pattern.compile("\\n\\s*\\n|\\n");

    private ArticleParagraphs() {}

    static List<ArticleFraming.Paragraph> of(String text) {
        List<ArticleFraming.Paragraph> paragraphs = new ArrayList<>();
        Matcher m = BREAK.matcher(text);
        int start = 0;
        while (m.find()) {
            add(paragraphs, text.substring(start, m.start()));
            start = m.end();
        }
        add(paragraphs, text.substring(start));
        return paragraphs;
    }

    private static void add(List<ArticleFraming.Paragraph> paragraphs, String text) {
        if (!text.isBlank()) {
            paragraphs.add(new ArticleFraming.Paragraph(paragraphs.size() + 1, text.strip()));
        }
    }
}
