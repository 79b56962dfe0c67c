package dev.counterpoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleImportTest {

    @Inject
    CorpusImporter importer;

    @Test
    void the_sample_is_imported_on_first_start_with_its_article_paragraphs_and_comments() {
        QuarkusTransaction.requiringNew().run(() -> {
            Document sample =
                    Document.findByExternalKey(SampleCorpus.EXTERNAL_KEY).orElseThrow();
            assertEquals(1, Item.countOfKind(sample, ItemKind.ARTICLE));
            assertEquals(24, Item.countOfKind(sample, ItemKind.PARAGRAPH));
            assertEquals(7, Item.countOfKind(sample, ItemKind.COMMENT));
            assertEquals("default", sample.codebook.slug);
        });
    }

    @Test
    void importing_the_sample_again_changes_nothing() {
        long items = QuarkusTransaction.requiringNew().call(() -> Item.count());
        long documents = QuarkusTransaction.requiringNew().call(() -> Document.count());
        CorpusImporter.Result again = importer.importDocument(SampleCorpus.load());
        assertFalse(again.created());
        assertEquals(items, (long) QuarkusTransaction.requiringNew().call(() -> Item.count()));
        assertEquals(documents, (long) QuarkusTransaction.requiringNew().call(() -> Document.count()));
    }
}
