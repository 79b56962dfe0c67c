package dev.counterpoint.corpus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document to import, however it arrived (the bundled sample, a JSON or JSONL file, the API). The importer
 * turns it into a document with its article item (when it has paragraphs), paragraph items and comment items.
 * Ids are the source's own and are kept, so labels in the same file and later exports can refer to them.
 */
public record DocumentImport(
        String externalKey,
        String title,
        String sourceUrl,
        String byline,
        LocalDate publishedOn,
        String attribution,
        String codebookSlug,
        String articleId,
        List<Paragraph> paragraphs,
        List<Comment> comments) {

    public DocumentImport(
            String externalKey,
            String title,
            String sourceUrl,
            String byline,
            LocalDate publishedOn,
            String attribution,
            String codebookSlug,
            List<Paragraph> paragraphs,
            List<Comment> comments) {
        this(externalKey, title, sourceUrl, byline, publishedOn, attribution, codebookSlug, null, paragraphs, comments);
    }

    public record Paragraph(String id, String text, boolean heading) {
        public Paragraph(String text, boolean heading) {
            this(null, text, heading);
        }
    }

    /** A reader comment; {@code parentId} names another comment's {@code id} in the same import. */
    public record Comment(String id, String author, OffsetDateTime postedAt, String parentId, String text) {}
}
