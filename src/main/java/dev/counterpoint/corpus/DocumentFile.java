package dev.counterpoint.corpus;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON form of one document, for the API and the import page: its metadata, its paragraphs (plain strings,
 * or {"text", "heading"} objects) and its comments. docs/import-format.md describes it.
 */
public record DocumentFile(
        String id,
        String title,
        String url,
        String byline,
        LocalDate published,
        String attribution,
        String codebook,
        List<ParagraphEntry> paragraphs,
        List<CommentEntry> comments) {

    public record ParagraphEntry(String text, boolean heading) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ParagraphEntry of(String text) {
            return new ParagraphEntry(text, false);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static ParagraphEntry of(@JsonProperty("text") String text, @JsonProperty("heading") Boolean heading) {
            return new ParagraphEntry(text, Boolean.TRUE.equals(heading));
        }
    }

    public record CommentEntry(
            String id,
            String author,
            @JsonProperty("posted_at") OffsetDateTime postedAt,
            String parent,
            String text) {}

    public DocumentImport toImport() {
        List<DocumentImport.Paragraph> paragraphList = paragraphs == null
                ? List.of()
                : paragraphs.stream()
                        .map(p -> p == null
                                ? new DocumentImport.Paragraph(null, false)
                                : new DocumentImport.Paragraph(p.text(), p.heading()))
                        .toList();
        List<DocumentImport.Comment> commentList = comments == null
                ? List.of()
                : comments.stream()
                        .map(c -> c == null
                                ? new DocumentImport.Comment(null, null, null, null, null)
                                : new DocumentImport.Comment(c.id(), c.author(), c.postedAt(), c.parent(), c.text()))
                        .toList();
        return new DocumentImport(id, title, url, byline, published, attribution, codebook, paragraphList, commentList);
    }
}
