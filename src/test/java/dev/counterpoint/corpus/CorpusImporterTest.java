package dev.counterpoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorpusImporterTest {

    @Inject
    CorpusImporter importer;

    @Test
    void a_document_is_stored_with_an_article_item_its_paragraphs_and_its_comments_in_order() {
        String key = CorpusFixtures.uniqueKey("order");
        Document document = importer.importDocument(
                        CorpusFixtures.document(key, List.of("First.", "Second."), List.of("one", "two", "three")))
                .document();
        QuarkusTransaction.requiringNew().run(() -> {
            Document stored = Document.findById(document.id);
            assertEquals(
                    "First.\n\nSecond.", Item.ofKind(stored, ItemKind.ARTICLE).get(0).text);
            assertEquals(
                    List.of("First.", "Second."),
                    Item.ofKind(stored, ItemKind.PARAGRAPH).stream()
                            .map(i -> i.text)
                            .toList());
            assertEquals(
                    List.of("one", "two", "three"),
                    Item.ofKind(stored, ItemKind.COMMENT).stream()
                            .map(i -> i.text)
                            .toList());
        });
    }

    @Test
    void replies_point_at_their_parent_comment() {
        String key = CorpusFixtures.uniqueKey("replies");
        DocumentImport source = new DocumentImport(
                key,
                "Replies",
                null,
                null,
                null,
                null,
                null,
                List.of(new DocumentImport.Paragraph("Text.", false)),
                List.of(
                        new DocumentImport.Comment("a", "ann", null, null, "first"),
                        new DocumentImport.Comment("b", "bob", null, "a", "reply to first")));
        long id = importer.importDocument(source).document().id;
        QuarkusTransaction.requiringNew().run(() -> {
            List<Item> comments = Item.ofKind(Document.findById(id), ItemKind.COMMENT);
            assertEquals(comments.get(0).id, comments.get(1).parent.id);
            assertEquals("bob", comments.get(1).authorHandle);
        });
    }

    @Test
    void a_reply_to_an_unknown_comment_stores_nothing_and_says_which() {
        String key = CorpusFixtures.uniqueKey("orphan");
        DocumentImport source = new DocumentImport(
                key,
                "Orphan",
                null,
                null,
                null,
                null,
                null,
                List.of(new DocumentImport.Paragraph("Text.", false)),
                List.of(
                        new DocumentImport.Comment("a", null, null, null, "fine"),
                        new DocumentImport.Comment("b", null, null, "zzz", "reply to nothing")));
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> importer.importDocument(source));
        assertTrue(e.getMessage().contains("Comment 2") && e.getMessage().contains("zzz"), e.getMessage());
        assertNothingStored(key);
    }

    @Test
    void a_comment_without_text_or_a_missing_title_stores_nothing() {
        String key = CorpusFixtures.uniqueKey("empty");
        assertThrows(
                InvalidImportException.class,
                () -> importer.importDocument(
                        CorpusFixtures.document(key, List.of("Text."), java.util.Arrays.asList("ok", null))));
        DocumentImport untitled = new DocumentImport(
                key,
                " ",
                null,
                null,
                null,
                null,
                null,
                List.of(new DocumentImport.Paragraph("Text.", false)),
                List.of());
        assertThrows(InvalidImportException.class, () -> importer.importDocument(untitled));
        assertNothingStored(key);
    }

    @Test
    void an_oversized_item_is_refused_with_its_size_and_the_limit() {
        String key = CorpusFixtures.uniqueKey("huge");
        String huge = "x".repeat(CorpusImporter.MAX_TEXT_CHARS + 1);
        InvalidImportException e = assertThrows(
                InvalidImportException.class,
                () -> importer.importDocument(CorpusFixtures.document(key, List.of("Text."), List.of(huge))));
        assertTrue(e.getMessage().contains(String.valueOf(CorpusImporter.MAX_TEXT_CHARS)), e.getMessage());
        assertNothingStored(key);
    }

    @Test
    void an_unknown_codebook_stores_nothing() {
        String key = CorpusFixtures.uniqueKey("codebook");
        DocumentImport source = new DocumentImport(
                key,
                "Codebook",
                null,
                null,
                null,
                null,
                "no-such-codebook",
                List.of(new DocumentImport.Paragraph("Text.", false)),
                List.of());
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> importer.importDocument(source));
        assertTrue(e.getMessage().contains("no-such-codebook"));
        assertNothingStored(key);
    }

    private static void assertNothingStored(String key) {
        QuarkusTransaction.requiringNew()
                .run(() -> assertTrue(Document.findByExternalKey(key).isEmpty()));
    }
}
