package dev.counterpoint.corpus;

import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a document with its article, paragraphs and comments in one transaction: all of it or, when anything
 * is wrong, none of it. A document whose key is already stored is left as it is.
 */
@ApplicationScoped
public class CorpusImporter {

    public record Result(Document document, boolean created) {}

    /** Large enough for any article or comment; larger text is almost surely a wrong file. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    /** The article is shown whole on its page, so its paragraphs are bounded; comments are paged. */
    public static final int MAX_PARAGRAPHS = 2_000;

    public static final int MAX_COMMENTS = 200_000;

    @Inject
    CodebookConfig codebooks;

    @Transactional
    public Result importDocument(DocumentImport source) {
        validate(source);
        var existing = Document.findByExternalKey(source.externalKey());
        if (existing.isPresent()) {
            return new Result(existing.get(), false);
        }
        Document document = new Document();
        document.externalKey = source.externalKey();
        document.title = source.title().strip();
        document.sourceUrl = blankToNull(source.sourceUrl());
        document.byline = blankToNull(source.byline());
        document.publishedOn = source.publishedOn();
        document.attribution = blankToNull(source.attribution());
        document.codebook = codebook(source.codebookSlug());
        document.persist();

        List<DocumentImport.Paragraph> paragraphs = source.paragraphs() == null ? List.of() : source.paragraphs();
        if (!paragraphs.isEmpty()) {
            String articleText = paragraphs.stream().map(p -> p.text().strip()).collect(Collectors.joining("\n\n"));
            persistItem(document, ItemKind.ARTICLE, 0, false, articleText).externalId = blankToNull(source.articleId());
        }
        int position = 0;
        for (DocumentImport.Paragraph paragraph : paragraphs) {
            Item item = persistItem(
                    document,
                    ItemKind.PARAGRAPH,
                    ++position,
                    paragraph.heading(),
                    paragraph.text().strip());
            item.externalId = blankToNull(paragraph.id());
        }
        List<DocumentImport.Comment> comments = source.comments() == null ? List.of() : source.comments();
        Map<String, Item> commentsById = new HashMap<>();
        position = 0;
        for (DocumentImport.Comment comment : comments) {
            Item item = persistItem(document, ItemKind.COMMENT, ++position, false, comment.text());
            item.authorHandle = blankToNull(comment.author());
            item.postedAt = comment.postedAt();
            item.externalId = blankToNull(comment.id());
            if (comment.id() != null) {
                commentsById.put(comment.id(), item);
            }
        }
        for (DocumentImport.Comment comment : comments) {
            if (comment.parentId() != null) {
                commentsById.get(comment.id()).parent = commentsById.get(comment.parentId());
            }
        }
        document.paragraphCount = paragraphs.size();
        document.commentCount = comments.size();
        return new Result(document, true);
    }

    private Codebook codebook(String slug) {
        String wanted = slug == null || slug.isBlank() ? codebooks.defaultSlug() : slug;
        return Codebook.findBySlug(wanted)
                .orElseThrow(() -> new InvalidImportException(
                        "The codebook '" + wanted + "' does not exist. Load it first or name an existing codebook."));
    }

    private static Item persistItem(Document document, ItemKind kind, int position, boolean heading, String text) {
        Item item = new Item();
        item.document = document;
        item.kind = kind;
        item.position = position;
        item.heading = heading;
        item.text = text;
        item.persist();
        return item;
    }

    /** Checks a document without storing anything; the message says what is wrong and where. */
    public static void validate(DocumentImport source) {
        require(source.externalKey(), "The document needs an id (its key in the source).");
        require(source.title(), "The document '" + source.externalKey() + "' needs a title.");
        List<DocumentImport.Paragraph> paragraphs = source.paragraphs() == null ? List.of() : source.paragraphs();
        if (paragraphs.isEmpty()
                && (source.comments() == null || source.comments().isEmpty())) {
            throw new InvalidImportException("The document '" + source.externalKey()
                    + "' has no article paragraphs and no comments: there is nothing to label.");
        }
        requireAtMost(paragraphs.size(), MAX_PARAGRAPHS, "paragraphs", source.externalKey());
        requireAtMost(
                source.comments() == null ? 0 : source.comments().size(),
                MAX_COMMENTS,
                "comments",
                source.externalKey());
        Set<String> itemIds = new HashSet<>();
        if (source.articleId() != null) {
            itemIds.add(source.articleId());
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            String where = "Paragraph " + (i + 1) + " of '" + source.externalKey() + "'";
            DocumentImport.Paragraph paragraph = paragraphs.get(i);
            requirePresent(paragraph == null ? null : paragraph.text(), where + " has no 'text'.");
            requireSize(paragraph.text(), where);
            if (paragraph.id() != null && !itemIds.add(paragraph.id())) {
                throw new InvalidImportException(
                        where + " repeats the id '" + paragraph.id() + "'; ids must be unique in a document.");
            }
        }
        List<DocumentImport.Comment> comments = source.comments() == null ? List.of() : source.comments();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            DocumentImport.Comment comment = comments.get(i);
            String where = "Comment " + (i + 1) + " of '" + source.externalKey() + "'";
            requirePresent(comment == null ? null : comment.text(), where + " has no 'text'.");
            requireSize(comment.text(), where);
            if (comment.id() != null && (ids.put(comment.id(), i) != null || !itemIds.add(comment.id()))) {
                throw new InvalidImportException(
                        where + " repeats the id '" + comment.id() + "'; ids must be unique in a document.");
            }
        }
        for (int i = 0; i < comments.size(); i++) {
            String parent = comments.get(i).parentId();
            if (parent != null && !ids.containsKey(parent)) {
                throw new InvalidImportException("Comment " + (i + 1) + " of '" + source.externalKey()
                        + "' replies to '" + parent + "', which is not a comment id in this document.");
            }
            if (parent != null && comments.get(i).id() == null) {
                throw new InvalidImportException("Comment " + (i + 1) + " of '" + source.externalKey()
                        + "' is a reply, so it needs an id of its own.");
            }
        }
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidImportException(message);
        }
    }

    /** An item without words has nothing to label; a deleted comment belongs out of the file, not in as blank. */
    private static void requirePresent(String text, String message) {
        if (text == null) {
            throw new InvalidImportException(message);
        }
        if (text.isBlank()) {
            throw new InvalidImportException(message.replace(
                    " has no 'text'.",
                    " has empty text; every paragraph "
                            + "and comment needs words to label (leave deleted comments out of the file)."));
        }
    }

    private static void requireAtMost(int count, int limit, String what, String document) {
        if (count > limit) {
            throw new InvalidImportException("The document '" + document + "' has " + count + " " + what
                    + "; the limit is " + limit + " per document. Split it into several documents.");
        }
    }

    private static void requireSize(String text, String where) {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidImportException(where + " is " + text.length() + " characters long; the limit is "
                    + MAX_TEXT_CHARS + ". Split it or check that the file is the right one.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
