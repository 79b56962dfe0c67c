package dev.counterpoint.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain-text layout of the bundled sample (src/main/resources/sample/README.md): the article's
 * paragraphs one per line (empty lines inside are page breaks), then a byline line and an attribution line, then
 * an empty line, then one reader comment per line. The last empty line before the comments divides the two; a
 * short line without closing punctuation inside the article is a subheading.
 */
final class TextLayout {

    static final int HEADING_MAX_CHARS = 80;

    private TextLayout() {}

    static List<JsonlReader.Line> read(String source, ImportOptions options, ImportProblems problems) {
        List<String> lines = source.lines().toList();
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        int divider = -1;
        for (int i = end - 1; i >= 0; i--) {
            if (lines.get(i).isBlank()) {
                divider = i;
                break;
            }
        }
        List<Integer> article = new ArrayList<>();
        for (int i = 0; i < Math.max(divider, 0); i++) {
            if (!lines.get(i).isBlank()) {
                article.add(i);
            }
        }
        if (divider < 0 || article.size() < 3) {
            problems.add("The text does not have the plain-text layout: article paragraphs one per line, a byline "
                    + "line, an attribution line, an empty line, then one comment per line.");
            return List.of();
        }
        String key = options.documentKey() == null || options.documentKey().isBlank()
                ? "text:" + ContentHash.of(source)
                : options.documentKey().strip();
        String byline = lines.get(article.get(article.size() - 2)).strip();
        String attribution = lines.get(article.get(article.size() - 1)).strip();
        List<JsonlReader.Line> records = new ArrayList<>();
        String title = options.title() == null || options.title().isBlank()
                ? firstWords(lines.get(article.get(0)))
                : options.title().strip();
        records.add(new JsonlReader.Line(
                1, JsonlRecord.documentLine(key, title, null, byline, null, attribution, options.codebook())));
        int paragraph = 0;
        for (int index : article.subList(0, article.size() - 2)) {
            String text = lines.get(index);
            JsonlRecord record = JsonlRecord.item(
                    "p" + ++paragraph, key, "paragraph", isHeading(text), text, null, null, null, null, null);
            JsonlReader.check(record, index + 1, problems);
            records.add(new JsonlReader.Line(index + 1, record));
        }
        int comment = 0;
        for (int i = divider + 1; i < end; i++) {
            if (!lines.get(i).isBlank()) {
                JsonlRecord record = JsonlRecord.item(
                        "c" + ++comment, key, "comment", false, lines.get(i), null, null, null, null, null);
                JsonlReader.check(record, i + 1, problems);
                records.add(new JsonlReader.Line(i + 1, record));
            }
        }
        return records;
    }

    static boolean isHeading(String line) {
        String text = line.strip();
        return text.length() <= HEADING_MAX_CHARS && !text.isEmpty() && !text.matches(".*[.!?:;,\"”’)]$");
    }

    private static String firstWords(String line) {
        String text = line.strip();
        if (text.length() <= 80) {
            return text;
        }
        int space = text.lastIndexOf(' ', 80);
        return text.substring(0, space > 20 ? space : 80) + "…";
    }
}
