package dev.counterpoint.corpus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A document to import, however it arrived (the bundled sample, an import file, the API). The importer turns
 * it into a document with its article item, paragraph items and comment items.
 */
public record DocumentImport(
        String externalKey,
        String title,
        String sourceUrl,
        String byline,
        LocalDate publishedOn,
        String attribution,
        String codebookSlug,
        List<Paragraph> paragraphs,
        List<Comment> comments) {

    public record Paragraph(String text, boolean heading) {}

    /** A reader comment; {@code parentId} names another comment's {@code id} in the same import. */
    public record Comment(String id, String author, OffsetDateTime postedAt, String parentId, String text) {}
}
