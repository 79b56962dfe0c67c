package dev.counterpoint.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample: an article from The Conversation and the reader comments under it, read from the
 * unchanged source file by the line layout its README describes (src/main/resources/sample/README.md).
 */
public final class SampleCorpus {

    public static final String EXTERNAL_KEY = "sample:business-envoys-ukraine";
    static final String RESOURCE = "sample/business-envoys-ukraine.txt";
    static final String TITLE = "Ukraine’s peace talks reveal the risks of replacing diplomats with dealmakers";
    // The original's address is not in the source file; this search on The Conversation leads to it.
    static final String SOURCE_URL = "https://theconversation.com/search?q=Ukraine%E2%80%99s+peace+talks+reveal"
            + "+the+risks+of+replacing+diplomats+with+dealmakers";
    static final String LICENCE = "Licence: Creative Commons BY-ND 4.0, republished unchanged.";

    private static final int LAST_ARTICLE_LINE = 26;
    private static final int HEADING_LINE = 12;
    private static final int BYLINE_LINE = 27;
    private static final int ATTRIBUTION_LINE = 28;
    private static final int FIRST_COMMENT_LINE = 30;

    private SampleCorpus() {}

    public static DocumentImport load() {
        List<String> lines = readLines();
        if (lines.size() < FIRST_COMMENT_LINE
                || !lines.get(FIRST_COMMENT_LINE - 2).isBlank()) {
            throw new IllegalStateException(RESOURCE + " does not have the documented layout");
        }
        List<DocumentImport.Paragraph> paragraphs = new ArrayList<>();
        for (int number = 1; number <= LAST_ARTICLE_LINE; number++) {
            String line = lines.get(number - 1);
            if (!line.isBlank()) {
                paragraphs.add(new DocumentImport.Paragraph(line, number == HEADING_LINE));
            }
        }
        List<DocumentImport.Comment> comments = new ArrayList<>();
        for (int number = FIRST_COMMENT_LINE; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (!line.isBlank()) {
                comments.add(new DocumentImport.Comment("c" + (comments.size() + 1), null, null, null, line));
            }
        }
        String attribution = lines.get(ATTRIBUTION_LINE - 1).strip() + " " + LICENCE;
        return new DocumentImport(
                EXTERNAL_KEY,
                TITLE,
                SOURCE_URL,
                lines.get(BYLINE_LINE - 1).strip(),
                null,
                attribution,
                null,
                paragraphs,
                comments);
    }

    private static List<String> readLines() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample is missing from the build: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
