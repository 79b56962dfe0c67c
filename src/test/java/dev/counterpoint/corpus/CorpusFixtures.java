package dev.counterpoint.corpus;

import java.util.ArrayList;
import java.util.List;

/** Small documents built in tests. */
public final class CorpusFixtures {

    private CorpusFixtures() {}

    public static DocumentImport document(String key, List<String> paragraphs, List<String> comments) {
        List<DocumentImport.Comment> commentList = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            commentList.add(new DocumentImport.Comment("c" + (i + 1), null, null, null, comments.get(i)));
        }
        return new DocumentImport(
                key,
                "Test document " + key,
                null,
                "A. Writer",
                null,
                null,
                null,
                paragraphs.stream()
                        .map(p -> new DocumentImport.Paragraph(p, false))
                        .toList(),
                commentList);
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
