package dev.counterpoint.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.InvalidImportException;
import dev.counterpoint.corpus.Item;
import dev.counterpoint.corpus.ItemKind;
import dev.counterpoint.corpus.SampleCorpus;
import dev.counterpoint.labels.Label;
import dev.counterpoint.platform.Progress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileImportTest {

    @Inject
    FileImporter importer;

    @Test
    void a_csv_with_bom_crlf_and_quoted_newlines_imports_its_labels_as_the_named_annotators() {
        String key = "csv-" + System.nanoTime();
        String csv = "\uFEFFid,document,text,author,timestamp,parent,russia,sentiment\r\n"
                + "c1," + key + ",\"First line\r\nsecond line, with a comma and \"\"quotes\"\"\",ann,"
                + "2025-12-03T10:15:00Z,,against,negative\r\n"
                + "c2," + key + ",A reply,bob,2025-12-03 11:00:00,c1,,\r\n";
        FileImporter.Report report = importer.importFile(
                bytes(csv), ImportOptions.of(ImportFormat.CSV, "carol").withoutClassification(), Progress.NONE);
        assertEquals(1, report.summary().documentsCreated());
        assertEquals(2, report.summary().labels());
        QuarkusTransaction.requiringNew().run(() -> {
            Document document = Document.findByExternalKey(key).orElseThrow();
            List<Item> comments =
                    Item.list("document = ?1 and kind = ?2 order by position", document, ItemKind.COMMENT);
            assertEquals("First line\r\nsecond line, with a comma and \"quotes\"", comments.get(0).text);
            assertEquals("ann", comments.get(0).authorHandle);
            assertEquals(comments.get(0).id, comments.get(1).parent.id);
            assertEquals(11, comments.get(1).postedAt.getHour());
            List<Label> labels = Label.list("item.id = ?1 order by dimension", comments.get(0).id);
            assertEquals(2, labels.size());
            assertTrue(labels.stream()
                    .allMatch(
                            l -> "carol".equals(l.annotator) && l.source.code().equals("human")));
        });

        FileImporter.Report again = importer.importFile(
                bytes(csv), ImportOptions.of(ImportFormat.CSV, "carol").withoutClassification(), Progress.NONE);
        assertEquals(0, again.summary().documentsCreated(), "the same document is found by its id");
        assertEquals(0, again.summary().labels(), "and no label is added twice");
    }

    @Test
    void a_csv_without_ids_is_found_again_by_its_content() {
        String csv = "text\nNobody names this comment " + System.nanoTime() + "\n";
        FileImporter.Report first = importer.importFile(
                bytes(csv), ImportOptions.of(ImportFormat.CSV, "x").withoutClassification(), Progress.NONE);
        FileImporter.Report second = importer.importFile(
                bytes(csv), ImportOptions.of(ImportFormat.CSV, "x").withoutClassification(), Progress.NONE);
        assertEquals(1, first.summary().documentsCreated());
        assertEquals(0, second.summary().documentsCreated());
        assertEquals(1, second.summary().documentsExisting());
        assertTrue(first.summary().documents().get(0).key().startsWith("csv:"));
    }

    @Test
    void a_dry_run_says_what_would_be_imported_and_stores_nothing() {
        String key = "dry-" + System.nanoTime();
        String json = """
                {"id": "%s", "title": "Dry", "paragraphs": ["One.", {"text": "Two", "heading": true}],
                 "comments": [{"id": "c1", "text": "Hello", "labels": {"ukraine": "favor"}}]}
                """.formatted(key);
        FileImporter.Report report = importer.importFile(
                bytes(json), ImportOptions.of(ImportFormat.JSON, "dan").dryRun(true), Progress.NONE);
        assertTrue(report.dryRun());
        assertEquals(1, report.summary().documentsCreated());
        assertEquals(1, report.summary().labels());
        JsonlImporter.DocumentOutcome outcome = report.summary().documents().get(0);
        assertEquals(2, outcome.paragraphs());
        assertEquals(1, outcome.comments());
        assertNull(outcome.id());
        assertTrue(report.jobs().isEmpty());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Document.findByExternalKey(key).isEmpty()));
    }

    @Test
    void an_import_queues_its_new_document_for_classification() {
        String json =
                "{\"id\": \"queued-" + System.nanoTime() + "\", \"title\": \"Q\", \"comments\": [{\"text\": \"x\"}]}";
        FileImporter.Report report =
                importer.importFile(bytes(json), ImportOptions.of(ImportFormat.JSON, "admin"), Progress.NONE);
        assertEquals(1, report.jobs().size());
        assertEquals("classify", report.jobs().get(0).kind());
    }

    @Test
    void the_samples_plain_text_layout_reads_as_the_bundled_sample_does() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/business-envoys-ukraine.txt")) {
            file = in.readAllBytes();
        }
        String key = "text-" + System.nanoTime();
        FileImporter.Report report = importer.importFile(
                new ByteArrayInputStream(file),
                ImportOptions.of(ImportFormat.TEXT, "x")
                        .document(key, "Business envoys")
                        .withoutClassification(),
                Progress.NONE);
        var sample = SampleCorpus.load();
        JsonlImporter.DocumentOutcome outcome = report.summary().documents().get(0);
        assertEquals(sample.paragraphs().size(), outcome.paragraphs());
        assertEquals(sample.comments().size(), outcome.comments());
        QuarkusTransaction.requiringNew().run(() -> {
            Document document = Document.findByExternalKey(key).orElseThrow();
            assertEquals(sample.byline(), document.byline);
            assertTrue(sample.attribution().startsWith(document.attribution));
            List<Item> paragraphs =
                    Item.list("document = ?1 and kind = ?2 order by position", document, ItemKind.PARAGRAPH);
            for (int i = 0; i < paragraphs.size(); i++) {
                assertEquals(sample.paragraphs().get(i).text().strip(), paragraphs.get(i).text);
                assertEquals(sample.paragraphs().get(i).heading(), paragraphs.get(i).heading, "paragraph " + (i + 1));
            }
        });
    }

    @Test
    void label_studios_documented_example_imports_its_annotation_as_a_persons_label() throws IOException {
        byte[] file;
        try (InputStream in = getClass()
                .getClassLoader()
                .getResourceAsStream("imports/label-studio/basic-text-classification-task.json")) {
            file = in.readAllBytes();
        }
        String key = "ls-" + System.nanoTime();
        FileImporter.Report report = importer.importFile(
                new ByteArrayInputStream(file),
                ImportOptions.of(ImportFormat.LABEL_STUDIO, "erin")
                        .document(key, null)
                        .withoutClassification(),
                Progress.NONE);
        assertEquals(1, report.summary().labels(), "the annotation; the prediction is the other tool's model");
        QuarkusTransaction.requiringNew().run(() -> {
            Document document = Document.findByExternalKey(key).orElseThrow();
            Item item = Item.<Item>find("document = ?1", document).singleResult();
            assertEquals("Opossums are great", item.text);
            Label label = Label.<Label>find("item.id = ?1", item.id).singleResult();
            assertEquals("sentiment", label.dimension.code());
            assertEquals("positive", label.value);
            assertEquals("erin", label.annotator);
        });
    }

    @Test
    void a_file_over_the_size_limit_is_refused_naming_the_limit() {
        InvalidImportException e = assertThrows(
                InvalidImportException.class,
                () -> importer.importFile(
                        bytes("text\n" + "x".repeat(3000) + "\n"),
                        ImportOptions.of(ImportFormat.CSV, "x").maxBytes(2048),
                        Progress.NONE));
        assertTrue(e.getMessage().contains("import limit of 0 MB (2048 bytes)"), e.getMessage());
    }

    @Test
    void an_item_over_the_item_size_limit_is_refused_naming_the_limit() {
        String line = "{\"id\": \"c1\", \"document\": \"big-" + System.nanoTime()
                + "\", \"kind\": \"comment\", \"text\": \"" + "a".repeat(1_000_001) + "\"}\n";
        InvalidImportException e = assertThrows(
                InvalidImportException.class,
                () -> importer.importFile(bytes(line), ImportOptions.of(ImportFormat.JSONL, "x"), Progress.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith("Line 1: the text is 1000001 characters long; the limit for one item is "
                                + "1000000 characters"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
